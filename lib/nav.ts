import type { Capability } from './auth/roles';
import type { Key } from './i18n';

/** Desk navigation; an item shows only to roles that have its capability. */
export const NAV_ITEMS: {
  href: string;
  label: Key;
  capability: Capability | null;
  badge?: 'unknown';
}[] = [
  { href: '/', label: 'nav.home', capability: null },
  { href: '/orders', label: 'nav.orders', capability: 'orders:read' },
  { href: '/unknown', label: 'nav.unknown', capability: 'orders:read', badge: 'unknown' },
  { href: '/refunds', label: 'nav.refunds', capability: 'refunds:read' },
  { href: '/reconciliation', label: 'nav.reconcile', capability: 'reconcile' },
  { href: '/reports', label: 'nav.reports', capability: 'reports:read' },
  { href: '/track', label: 'nav.track', capability: 'orders:track' },
  { href: '/health', label: 'nav.health', capability: 'health:read' },
  { href: '/alerts', label: 'nav.alerts', capability: 'alerts:read' },
  { href: '/admin/users', label: 'nav.users', capability: 'users:manage' },
  { href: '/admin/tokens', label: 'nav.tokens', capability: 'tokens:manage' },
  { href: '/admin/audit', label: 'nav.audit', capability: 'audit:read' },
  { href: '/admin/alerts', label: 'nav.alertSettings', capability: 'alerts:manage' },
];
