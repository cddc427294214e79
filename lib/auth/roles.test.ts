import { describe, expect, it } from 'vitest';
import { ROLES } from '../../db/enums';
import { can } from './roles';

describe('who may steer the sync with OneClick', () => {
  it('only admins re-enable upstream calls and retry or dismiss items set aside', () => {
    expect(ROLES.filter((role) => can(role, 'sync:manage'))).toEqual(['admin']);
  });

  it('managers and admins read Sync health; support and finance do not', () => {
    expect(ROLES.filter((role) => can(role, 'health:read')).sort()).toEqual(['admin', 'manager']);
  });
});
