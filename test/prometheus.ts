// Reads a Prometheus text exposition (format 0.0.4) the way a scraper would, strictly: a line
// that is neither a comment nor a well-formed sample, or a sample of a family with no TYPE,
// fails the test instead of being skipped.

export type Sample = { name: string; labels: Record<string, string>; value: number };
export type Exposition = {
  types: Map<string, string>;
  samples: Sample[];
  /** The one sample of `name` whose labels include `labels`; throws when none or several. */
  value: (name: string, labels?: Record<string, string>) => number;
};

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: -?\d+)?$/;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(,|$)/y;
const SUFFIXES = ['_bucket', '_sum', '_count', '_total', '_created'];

/** As Prometheus reads a value (Go's ParseFloat): `NaN` and `Inf` in any case; prom-client writes `Nan`. */
function parseValue(text: string): number {
  if (/^\+?inf(inity)?$/i.test(text)) return Number.POSITIVE_INFINITY;
  if (/^-inf(inity)?$/i.test(text)) return Number.NEGATIVE_INFINITY;
  if (/^nan$/i.test(text)) return Number.NaN;
  const n = Number(text);
  if (text === '' || Number.isNaN(n)) throw new Error(`not a sample value: ${text}`);
  return n;
}

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const match = LABEL.exec(text);
    if (!match?.[1]) throw new Error(`bad labels in: ${line}`);
    labels[match[1]] = (match[2] ?? '').replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c));
  }
  return labels;
}

function familyOf(name: string, types: Map<string, string>): string | undefined {
  if (types.has(name)) return name;
  const suffix = SUFFIXES.find((s) => name.endsWith(s) && types.has(name.slice(0, -s.length)));
  return suffix ? name.slice(0, -suffix.length) : undefined;
}

export function parsePrometheusText(body: string): Exposition {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of body.split('\n')) {
    if (line.trim() === '') continue;
    const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type?.[1] && type[2]) {
      types.set(type[1], type[2]);
      continue;
    }
    if (line.startsWith('#')) continue;
    const match = SAMPLE.exec(line);
    if (!match?.[1] || match[3] === undefined) throw new Error(`not a sample line: ${line}`);
    if (!familyOf(match[1], types)) throw new Error(`sample before its TYPE: ${line}`);
    samples.push({
      name: match[1],
      labels: match[2] ? parseLabels(match[2], line) : {},
      value: parseValue(match[3]),
    });
  }
  const value = (name: string, labels: Record<string, string> = {}) => {
    const found = samples.filter(
      (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
    );
    if (found.length !== 1)
      throw new Error(`${found.length} samples of ${name} ${JSON.stringify(labels)}`);
    return (found[0] as Sample).value;
  };
  return { types, samples, value };
}
