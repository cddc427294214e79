import type { Role } from '../../db/enums';

// What each role may do, in one table. Pages, actions, route handlers, the navigation, the
// landing page and the refund policy all ask `can()`; nothing else decides who may do what.
// (Keeping one active admin is a rule about accounts, in lib/users/service.ts.)
export const CAPABILITIES = [
  'orders:read',
  'orders:check',
  'orders:note',
  'orders:track',
  'refunds:read',
  'refunds:create',
  /** Re-send a refunded top-up with an offer OneClick suggested (lib/resends). */
  'resends:create',
  'export',
  'reconcile',
  'reports:read',
  'health:read',
  /** Re-enable upstream calls after a refused key; retry or dismiss list items set aside. */
  'sync:manage',
  'users:manage',
  'tokens:manage',
  'audit:read',
  /** See alerts (the bell, the alerts page). */
  'alerts:read',
  /** Say "I am on it" for an open alert (audited). */
  'alerts:acknowledge',
  /** Thresholds, channels and their tests. */
  'alerts:manage',
  /** Pin a shared saved view as the default orders view of the role it is shared with. */
  'views:pin',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const SUPPORT: Capability[] = ['orders:read', 'orders:check', 'orders:note', 'orders:track'];

const GRANTS: Record<Role, ReadonlySet<Capability>> = {
  support: new Set(SUPPORT),
  finance: new Set([
    ...SUPPORT,
    'refunds:read',
    'refunds:create',
    'resends:create',
    'export',
    'reconcile',
    'alerts:read',
    'alerts:acknowledge',
  ]),
  manager: new Set<Capability>([
    'orders:read',
    'refunds:read',
    'reports:read',
    'health:read',
    'export',
    'audit:read',
    'alerts:read',
    'alerts:acknowledge',
  ]),
  admin: new Set(CAPABILITIES),
};

export function can(role: Role, capability: Capability): boolean {
  return GRANTS[role].has(capability);
}
