// Small helpers shared by the benchmark scripts.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Random } from '../lib/sandbox/random';

/** `--orders N --runs N` of the seeded-database benches (at least 30 runs, for a p95). */
export function seededBenchArgs(
  defaultOrders = 1_000_000,
  defaultRuns = 40,
): { orders: number; runs: number } {
  const { values } = parseArgs({
    options: {
      orders: { type: 'string', default: String(defaultOrders) },
      runs: { type: 'string', default: String(defaultRuns) },
    },
  });
  return { orders: Number(values.orders), runs: Math.max(30, Number(values.runs)) };
}

export function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Runs `task` a few times to warm up, then `runs` times one after another; returns ms each. */
export async function timeIt(
  task: () => Promise<unknown>,
  runs: number,
  warmup = 3,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  return times;
}

export function printTable(header: string[], rows: string[][], out: (line: string) => void) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  out(line(header));
  for (const row of rows) out(line(row));
}

/** Runs a benchmark's main and exits: 0 when it finished, 1 with the error on stderr. */
export function runBench(name: string, main: () => Promise<void>) {
  main().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(
        `${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`,
      );
      process.exit(1);
    },
  );
}

let clockTicks: number | undefined;
/** Kernel clock ticks per second (the unit of /proc CPU times). */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

type ProcStat = { ppid: number; ownMs: number; childrenMs: number };

/** CPU time of a live process from /proc (Linux): its own, and its waited-for children's. */
export function procStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name is in parentheses and may hold spaces: read the fields after it.
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ms = (i: number) => (Number(f[i]) * 1000) / ticksPerSecond();
  return { ppid: Number(f[1]), ownMs: ms(11) + ms(12), childrenMs: ms(13) + ms(14) };
}

/**
 * CPU ms used so far by a Postgres cluster: the postmaster, every live child (backends,
 * checkpointer, autovacuum…) and the children that already exited (counted in the
 * postmaster's waited-for time).
 */
export function clusterCpuMs(postmasterPid: number): number {
  const root = procStat(postmasterPid);
  if (!root) return Number.NaN;
  let total = root.ownMs + root.childrenMs;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = procStat(Number(entry));
    if (child?.ppid === postmasterPid) total += child.ownMs + child.childrenMs;
  }
  return total;
}

/** A copy of the items in a random order (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
