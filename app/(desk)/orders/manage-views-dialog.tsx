'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { DialogContent, DialogRoot, DialogTrigger } from '@/components/ui/dialog';
import { Input, Select } from '@/components/ui/field';
import { StatusLine, useAction } from '@/components/ui/use-action';
import type { Role } from '@/db/enums';
import { useT } from '@/lib/i18n/client';
import { VIEW_NAME_MAX } from '@/lib/views/limits';
import type { ManagedView } from '@/lib/views/orders-page';
import { deleteView, pinView, renameView, shareView, unpinView } from './actions';

/** One view: its owner renames, re-shares or deletes it; an admin pins it for its role. */
function ViewRow({ view, canPin, roles }: { view: ManagedView; canPin: boolean; roles: Role[] }) {
  const t = useT();
  const { pending, outcome, run } = useAction();
  const [name, setName] = useState(view.name);
  const [sharing, setSharing] = useState<string>(view.sharedWithRole ?? 'private');
  const [confirming, setConfirming] = useState(false);
  const base = `view-${view.id}`;
  const roleLabel = (role: Role) => t(`roles.${role}`);
  // An admin pins a shared view as its role's default (or takes the pin back).
  const pinRole = canPin ? view.sharedWithRole : null;
  const pinned = pinRole !== null && view.pinnedFor === pinRole;
  return (
    <li className="space-y-2 rounded-md border border-border p-3" data-testid="managed-view">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-medium">{view.name}</span>
        <span className="text-xs text-muted-fg">
          {view.sharedWithRole
            ? t('views.sharedWith', { role: roleLabel(view.sharedWithRole) })
            : t('views.private')}
          {view.own ? '' : ` · ${t('views.owner', { name: view.ownerName })}`}
          {view.pinnedFor ? ` · ${t('views.pinned', { role: roleLabel(view.pinnedFor) })}` : ''}
        </span>
      </div>
      {view.own ? (
        <>
          <div className="flex gap-2">
            <label htmlFor={`${base}-name`} className="sr-only">
              {t('views.name')}
            </label>
            <Input
              id={`${base}-name`}
              value={name}
              maxLength={VIEW_NAME_MAX}
              onChange={(e) => setName(e.target.value)}
              className="h-8"
            />
            <Button
              size="sm"
              variant="secondary"
              disabled={pending || name.trim() === view.name}
              onClick={() =>
                run(
                  () => renameView({ viewId: view.id, name }),
                  () => t('views.renamed'),
                )
              }
            >
              {t('views.rename')}
            </Button>
          </div>
          <div className="flex gap-2">
            <label htmlFor={`${base}-sharing`} className="sr-only">
              {t('views.sharing')}
            </label>
            <Select
              id={`${base}-sharing`}
              value={sharing}
              onChange={(e) => setSharing(e.target.value)}
              className="h-8"
            >
              <option value="private">{t('views.private')}</option>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t('views.sharedWith', { role: roleLabel(role) })}
                </option>
              ))}
            </Select>
            <Button
              size="sm"
              variant="secondary"
              disabled={pending || sharing === (view.sharedWithRole ?? 'private')}
              onClick={() =>
                run(
                  () => shareView({ viewId: view.id, sharing }),
                  () => t('views.shared'),
                )
              }
            >
              {t('views.share')}
            </Button>
          </div>
        </>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        {pinRole ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() =>
              pinned
                ? run(
                    () => unpinView({ role: pinRole }),
                    () => t('views.unpinDone'),
                  )
                : run(
                    () => pinView({ viewId: view.id }),
                    () => t('views.pinDone'),
                  )
            }
          >
            {t(pinned ? 'views.unpin' : 'views.pin', { role: roleLabel(pinRole) })}
          </Button>
        ) : null}
        {view.own && !confirming ? (
          <Button size="sm" variant="ghost" disabled={pending} onClick={() => setConfirming(true)}>
            {t('views.delete')}
          </Button>
        ) : null}
        {view.own && confirming ? (
          <span className="flex flex-wrap items-center gap-2">
            <span className="text-sm">{t('views.confirmDelete', { name: view.name })}</span>
            <Button
              size="sm"
              variant="danger"
              disabled={pending}
              onClick={() =>
                run(
                  () => deleteView({ viewId: view.id }),
                  () => t('views.deleted'),
                )
              }
            >
              {t('views.delete')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
              {t('views.cancel')}
            </Button>
          </span>
        ) : null}
      </div>
      <StatusLine outcome={outcome} small />
    </li>
  );
}

export function ManageViewsDialog({
  views,
  canPin,
  roles,
}: {
  views: ManagedView[];
  canPin: boolean;
  roles: Role[];
}) {
  const t = useT();
  return (
    <DialogRoot>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm">
          {t('views.manage')}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={t('views.manageTitle')}
        description={t('views.manageDescription')}
        className="max-w-xl"
      >
        <ul className="max-h-[60vh] space-y-3 overflow-y-auto">
          {views.map((view) => (
            <ViewRow key={view.id} view={view} canPin={canPin} roles={roles} />
          ))}
        </ul>
      </DialogContent>
    </DialogRoot>
  );
}
