'use client';

import { type SortingState, useTable } from '@tanstack/react-table';
import { useState } from 'react';
import { DataTableView } from '@/components/data-table/data-table-view';
import { kitColumnHelper, kitFeatures } from '@/components/data-table/meta';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { Select } from '@/components/ui/field';
import { useAction } from '@/components/ui/use-action';
import { ROLES, type Role } from '@/db/enums';
import { useLocale, useT } from '@/lib/i18n/client';
import { formatDateTime } from '@/lib/i18n/dates';
import { resetUserPassword, setUserDisabled, setUserRole, unlockUser } from './actions';
import { resetUserSecondFactor } from './second-factor-actions';
import { TemporaryPassword } from './temporary-password';

export type UserRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  locked: boolean;
  failedLoginCount: number;
  lastLoginAt: string | null;
  /** Two-factor sign-in enrolled. */
  secondFactor: boolean;
};

const helper = kitColumnHelper<UserRow>();

export function UsersTable({ rows, currentUserId }: { rows: UserRow[]; currentUserId: string }) {
  const t = useT();
  const locale = useLocale();
  const { pending, error, run } = useAction();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [password, setPassword] = useState<{ email: string; temporaryPassword: string } | null>(
    null,
  );

  function statusCell(row: UserRow) {
    return (
      <span className="space-x-1">
        {row.disabled ? (
          <Badge tone="danger">{t('users.disabled')}</Badge>
        ) : (
          <Badge tone="success">{t('users.active')}</Badge>
        )}
        {row.locked ? <Badge tone="warning">{t('users.locked')}</Badge> : null}
        <Badge tone={row.secondFactor ? 'success' : 'neutral'}>
          {t('security.admin.secondFactor')}:{' '}
          {row.secondFactor ? t('security.admin.on') : t('security.admin.off')}
        </Badge>
        {row.failedLoginCount > 0 && !row.locked ? (
          <span className="text-xs text-muted-fg">
            {t('users.failedAttempts', { count: row.failedLoginCount })}
          </span>
        ) : null}
      </span>
    );
  }

  function actionsCell(row: UserRow) {
    const self = row.id === currentUserId;
    return (
      <div className="flex flex-wrap gap-1">
        {self ? null : row.disabled ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() => run(() => setUserDisabled({ userId: row.id, disabled: false }))}
          >
            {t('users.enable')}
          </Button>
        ) : (
          <ConfirmButton
            size="sm"
            disabled={pending}
            title={t('kit.confirm.disableTitle', { email: row.email })}
            description={t('kit.confirm.disableBody')}
            confirmLabel={t('users.disable')}
            action={() => setUserDisabled({ userId: row.id, disabled: true })}
          >
            {t('users.disable')}
          </ConfirmButton>
        )}
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            run(() => resetUserPassword({ userId: row.id }), { onSuccess: setPassword })
          }
        >
          {t('users.resetPassword')}
        </Button>
        {row.secondFactor ? (
          <ConfirmButton
            size="sm"
            variant="secondary"
            disabled={pending}
            triggerLabel={t('security.admin.resetFor', { email: row.email })}
            title={t('kit.confirm.resetTitle', { email: row.email })}
            description={t('security.admin.resetConfirm')}
            confirmLabel={t('security.admin.reset')}
            action={() => resetUserSecondFactor({ userId: row.id })}
            success={() => t('security.admin.resetDone', { email: row.email })}
          >
            {t('security.admin.reset')}
          </ConfirmButton>
        ) : null}
        {row.locked || row.failedLoginCount > 0 ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() => run(() => unlockUser({ userId: row.id }))}
          >
            {t('users.unlock')}
          </Button>
        ) : null}
      </div>
    );
  }

  // Rebuilt on each render: the cells' buttons read the latest pending state (a short list).
  const columns = helper.columns([
    helper.accessor('email', {
      id: 'email',
      header: t('users.email'),
      meta: { label: t('users.email'), ltr: true },
    }),
    helper.accessor('name', {
      id: 'name',
      header: t('users.name'),
      meta: { label: t('users.name') },
    }),
    helper.accessor('role', {
      id: 'role',
      header: t('users.role'),
      meta: { label: t('users.role') },
      cell: (c) => {
        const row = c.row.original;
        return (
          <Select
            aria-label={t('users.roleFor', { email: row.email })}
            value={row.role}
            disabled={row.id === currentUserId || pending}
            className="h-8 w-36"
            onChange={(e) =>
              run(() => setUserRole({ userId: row.id, role: e.target.value as Role }))
            }
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </Select>
        );
      },
    }),
    helper.accessor((row) => (row.disabled ? 2 : row.locked ? 1 : 0), {
      id: 'status',
      header: t('users.status'),
      meta: { label: t('users.status') },
      cell: (c) => statusCell(c.row.original),
    }),
    helper.accessor((row) => row.lastLoginAt ?? '', {
      id: 'lastLogin',
      header: t('users.lastLogin'),
      meta: { label: t('users.lastLogin') },
      cell: (c) =>
        c.row.original.lastLoginAt
          ? formatDateTime(c.row.original.lastLoginAt, locale)
          : t('users.never'),
    }),
    helper.display({
      id: 'actions',
      header: t('users.actions'),
      meta: { label: t('users.actions') },
      enableSorting: false,
      cell: (c) => actionsCell(c.row.original),
    }),
  ]);
  const table = useTable({
    features: kitFeatures,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting },
    onSortingChange: setSorting,
  });

  return (
    <section aria-labelledby="users-heading" className="space-y-3">
      <h2 id="users-heading" className="sr-only">
        {t('users.title')}
      </h2>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {password ? <TemporaryPassword {...password} onDone={() => setPassword(null)} /> : null}
      <DataTableView
        table={table}
        label={t('users.title')}
        primary
        rowProps={(row) => ({ 'data-testid': `user-row-${row.email}` })}
      />
    </section>
  );
}
