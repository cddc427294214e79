'use client';

import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/field';
import { TableScroll } from '@/components/ui/table-scroll';
import { ROLES, type Role } from '@/db/enums';
import type { ActionResult } from '@/lib/actions/action';
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

export function UsersTable({ rows, currentUserId }: { rows: UserRow[]; currentUserId: string }) {
  const t = useT();
  const locale = useLocale();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [password, setPassword] = useState<{ email: string; temporaryPassword: string } | null>(
    null,
  );

  function run<R>(call: () => Promise<ActionResult<R>>, onOk?: (data: R) => void) {
    startTransition(async () => {
      const result = await call();
      if (result.ok) {
        setError(null);
        onOk?.(result.data);
      } else setError(result.error);
    });
  }

  return (
    <section aria-labelledby="users-heading" className="space-y-3">
      <h2 id="users-heading" className="sr-only">
        {t('users.title')}
      </h2>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {password ? <TemporaryPassword {...password} onDone={() => setPassword(null)} /> : null}
      <TableScroll label={t('users.title')}>
        <table className="w-full text-sm">
          <thead className="bg-muted text-start">
            <tr>
              {(['email', 'name', 'role', 'status', 'lastLogin', 'actions'] as const).map((col) => (
                <th key={col} scope="col" className="px-3 py-2 text-start font-medium">
                  {t(`users.${col}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const self = row.id === currentUserId;
              return (
                <tr
                  key={row.id}
                  className="border-t border-border"
                  data-testid={`user-row-${row.email}`}
                >
                  <td className="px-3 py-2">
                    <span className="ltr-isolate">{row.email}</span>
                  </td>
                  <td className="px-3 py-2">{row.name}</td>
                  <td className="px-3 py-2">
                    <Select
                      aria-label={t('users.roleFor', { email: row.email })}
                      value={row.role}
                      disabled={self || pending}
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
                  </td>
                  <td className="space-x-1 px-3 py-2">
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
                  </td>
                  <td className="px-3 py-2">
                    {row.lastLoginAt ? formatDateTime(row.lastLoginAt, locale) : t('users.never')}
                  </td>
                  <td className="px-3 py-2">
                    <div className="flex flex-wrap gap-1">
                      {!self ? (
                        <Button
                          size="sm"
                          variant={row.disabled ? 'secondary' : 'danger'}
                          disabled={pending}
                          onClick={() => {
                            if (
                              !row.disabled &&
                              !window.confirm(t('users.confirmDisable', { email: row.email }))
                            )
                              return;
                            run(() => setUserDisabled({ userId: row.id, disabled: !row.disabled }));
                          }}
                        >
                          {row.disabled ? t('users.enable') : t('users.disable')}
                        </Button>
                      ) : null}
                      <Button
                        size="sm"
                        variant="secondary"
                        disabled={pending}
                        onClick={() =>
                          run(() => resetUserPassword({ userId: row.id }), setPassword)
                        }
                      >
                        {t('users.resetPassword')}
                      </Button>
                      {row.secondFactor ? (
                        <Button
                          size="sm"
                          variant="secondary"
                          disabled={pending}
                          aria-label={t('security.admin.resetFor', { email: row.email })}
                          onClick={() => {
                            if (!window.confirm(t('security.admin.resetConfirm'))) return;
                            run(() => resetUserSecondFactor({ userId: row.id }));
                          }}
                        >
                          {t('security.admin.reset')}
                        </Button>
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
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
