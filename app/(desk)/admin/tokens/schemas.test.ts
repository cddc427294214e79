import { describe, expect, it } from 'vitest';
import { createTokenInput } from './schemas';

describe('the create-token form', () => {
  it('needs at least one scope, and only the known ones', () => {
    const parse = (scopes: unknown) => createTokenInput.safeParse({ name: 'shop', scopes });
    expect(parse(['read', 'refund'])).toMatchObject({
      success: true,
      data: { name: 'shop', scopes: ['read', 'refund'] },
    });
    expect(parse('register')).toMatchObject({ success: true, data: { scopes: ['register'] } });
    for (const bad of [[], undefined, ['admin'], ['read', 'write']]) {
      const result = parse(bad);
      expect(result.success, JSON.stringify(bad)).toBe(false);
      expect(result.error?.issues[0]?.path[0]).toBe('scopes');
    }
  });
});
