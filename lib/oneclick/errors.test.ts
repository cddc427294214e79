import { describe, expect, it, vi } from 'vitest';
import { isOneClickError, OneClickError } from './errors';

describe('recognising upstream errors', () => {
  it('recognises an error made by another copy of the module, as Next bundles can load two', async () => {
    vi.resetModules();
    // A query string makes the loader evaluate the module a second time.
    const other = (await import(
      /* @vite-ignore */ `./errors?copy=${Date.now()}`
    )) as typeof import('./errors');
    const foreign = new other.OneClickError({ kind: 'not_found', message: 'no such top-up' });
    expect(foreign instanceof OneClickError).toBe(false);
    expect(isOneClickError(foreign)).toBe(true);
  });

  it('does not mistake an ordinary error for an upstream one', () => {
    expect(isOneClickError(new Error('boom'))).toBe(false);
    expect(isOneClickError({ kind: 'not_found' })).toBe(false);
  });
});
