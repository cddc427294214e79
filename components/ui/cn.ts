import { type ClassValue, clsx } from 'clsx';

// Joins class names; when two set the same thing (`h-10` from the kit, `h-8` from the page),
// the later one wins and the earlier one is dropped, so the result does not depend on the
// order Tailwind happens to emit its rules in. This knows the utilities the desk's kit lets a
// page override (sizes, spacing, text, colours, radius, display); any other class is kept as
// written. tailwind-merge does the same for all of Tailwind, but it weighs ~9 KB compressed on
// every page; this is a few hundred bytes.

const SIZES = /^(xs|sm|base|lg|[2-9]?xl)$/;
const ALIGN = /^(left|center|right|start|end|justify)$/;
const WEIGHTS = /^(thin|extralight|light|normal|medium|semibold|bold|extrabold|black)$/;
const RADIUS = /^(none|xs|sm|md|lg|xl|2xl|3xl|full)$/;
const DISPLAY =
  /^(block|inline|inline-block|flex|inline-flex|grid|inline-grid|hidden|table|contents)$/;
const BOX = /^-?(p|px|py|pt|pb|ps|pe|pl|pr|m|mx|my|mt|mb|ms|me|ml|mr|gap|gap-x|gap-y)-/;
const DIMENSION = /^(h|w|size|min-h|min-w|max-h|max-w)-/;
const SIDES = /^border-(x|y|t|b|s|e|l|r)(-|$)/;

/** What a utility sets ("h", "text-size", "bg"…), or null for a class this leaves alone. */
export function utilityGroup(utility: string): string | null {
  const base = utility.replace(/^!/, '');
  if (DISPLAY.test(base)) return 'display';
  const box = BOX.exec(base) ?? DIMENSION.exec(base);
  if (box) return box[1] ?? null;
  if (base.startsWith('text-')) {
    const value = base.slice(5);
    if (SIZES.test(value)) return 'text-size';
    if (ALIGN.test(value)) return 'text-align';
    return 'text-color';
  }
  if (base.startsWith('font-')) return WEIGHTS.test(base.slice(5)) ? 'font-weight' : 'font-family';
  if (base.startsWith('bg-')) return 'bg';
  if (base === 'rounded' || (base.startsWith('rounded-') && RADIUS.test(base.slice(8))))
    return 'rounded';
  if (base === 'border' || /^border-\d+$/.test(base)) return 'border-width';
  if (base.startsWith('border-') && !SIDES.test(base)) return 'border-color';
  return null;
}

// Pages ask for the same few hundred combinations over and over (every row of a table): each is
// resolved once per process. The set is the code's own class lists, so it stays small; the
// bound only guards against a caller that builds class names from data.
const resolved = new Map<string, string>();
const MAX_RESOLVED = 2000;

export function cn(...inputs: ClassValue[]): string {
  const joined = clsx(inputs);
  let merged = resolved.get(joined);
  if (merged === undefined) {
    merged = resolveConflicts(joined);
    if (resolved.size >= MAX_RESOLVED) resolved.clear();
    resolved.set(joined, merged);
  }
  return merged;
}

function resolveConflicts(joined: string): string {
  const classes = joined.split(' ').filter(Boolean);
  const winner = new Map<string, number>();
  classes.forEach((name, i) => {
    const colon = name.lastIndexOf(':');
    const group = utilityGroup(name.slice(colon + 1));
    if (group) winner.set(`${name.slice(0, colon + 1)}${group}`, i);
  });
  return classes
    .filter((name, i) => {
      const colon = name.lastIndexOf(':');
      const group = utilityGroup(name.slice(colon + 1));
      return group === null || winner.get(`${name.slice(0, colon + 1)}${group}`) === i;
    })
    .join(' ');
}
