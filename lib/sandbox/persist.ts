import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StateSnapshot } from './state';

/** Reads a state file; a missing file means "start fresh", a corrupt one is an error. */
export function loadSnapshot(file: string): StateSnapshot | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const snapshot = JSON.parse(text) as StateSnapshot;
  if (snapshot?.version !== 1 || !Array.isArray(snapshot.topups)) {
    throw new Error(`${file} is not a sandbox state file (version 1)`);
  }
  return snapshot;
}

/**
 * Writes the state at most every `debounceMs`, via a temp file and a rename so a crash never
 * leaves half a file. Writes are chained, so they land in order.
 */
export function createPersister(file: string, read: () => StateSnapshot, debounceMs = 250) {
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();
  const tmp = `${file}.tmp`;

  const write = () => {
    timer = undefined;
    const text = JSON.stringify(read());
    chain = chain
      .then(async () => {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(tmp, text);
        await rename(tmp, file);
      })
      .catch((error) => console.error('sandbox: could not save state', error));
    return chain;
  };

  return {
    schedule() {
      timer ??= setTimeout(write, debounceMs);
      timer.unref?.();
    },
    async flush() {
      if (timer) clearTimeout(timer);
      await write();
    },
    /** For exit handlers, where no promise will be awaited. */
    flushSync() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(tmp, JSON.stringify(read()));
      renameSync(tmp, file);
    },
  };
}
