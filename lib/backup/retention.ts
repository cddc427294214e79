import { algiersDate, dayStart } from '../time/algiers';
import { backupTime } from './dump';

// Which backups to keep: the newest of each of the last `daily` days that have one, and the
// newest of each of the last `weekly` weeks (Monday to Sunday, Algeria's days). Everything
// else goes. Files whose names do not say when they were taken are never touched.

export type Keep = { daily: number; weekly: number };
export const DEFAULT_KEEP: Keep = { daily: 7, weekly: 4 };

/** The Monday of a desk day's week, as YYYY-MM-DD. */
function weekOf(day: string) {
  const start = dayStart(day);
  const weekday = (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  return algiersDate(new Date(start.getTime() - weekday * 86_400_000 + 3_600_000));
}

export function toPrune(names: readonly string[], keep: Keep = DEFAULT_KEEP): string[] {
  const dated = names
    .map((name) => ({ name, at: backupTime(name) }))
    .filter((f): f is { name: string; at: Date } => f.at !== null)
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const kept = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const f of dated) {
    const day = algiersDate(f.at);
    if (!days.has(day) && days.size < keep.daily) {
      days.add(day);
      kept.add(f.name);
    }
    const week = weekOf(day);
    if (!weeks.has(week) && weeks.size < keep.weekly) {
      weeks.add(week);
      kept.add(f.name);
    }
  }
  return dated.filter((f) => !kept.has(f.name)).map((f) => f.name);
}
