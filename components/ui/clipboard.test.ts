import { describe, expect, it } from 'vitest';
import { copyText } from './clipboard';

describe('copying a secret', () => {
  it('says it copied only when the clipboard took the text', async () => {
    const written: string[] = [];
    expect(await copyText('abc', { writeText: async (t) => void written.push(t) })).toBe(true);
    expect(written).toEqual(['abc']);
  });

  it('says it did not when the browser refuses or has no clipboard (plain HTTP)', async () => {
    const refuse = {
      writeText: async () => {
        throw new DOMException('denied', 'NotAllowedError');
      },
    };
    expect(await copyText('abc', refuse)).toBe(false);
    expect(await copyText('abc', undefined)).toBe(false);
  });
});
