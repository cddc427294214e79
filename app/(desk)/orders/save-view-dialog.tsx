'use client';

import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { DialogClose, DialogContent, DialogRoot, DialogTrigger } from '@/components/ui/dialog';
import { Field, Input, Select } from '@/components/ui/field';
import { StatusLine, useAction } from '@/components/ui/use-action';
import type { Role } from '@/db/enums';
import { useT } from '@/lib/i18n/client';
import { VIEW_NAME_MAX } from '@/lib/views/limits';
import { saveView } from './actions';

/** "Save view": names the view on screen now, privately or for one role. */
export function SaveViewDialog({ query, roles }: { query: string; roles: Role[] }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const { pending, outcome, error, fieldErrors, run, reset } = useAction();
  const errors = {
    name: fieldErrors.name,
    sharing: fieldErrors.sharing,
    form: fieldErrors.name || fieldErrors.sharing ? undefined : (error ?? undefined),
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    run(
      () =>
        saveView({
          name: String(form.get('name') ?? ''),
          sharing: String(form.get('sharing') ?? 'private'),
          query,
        }),
      {
        success: (view) => t('views.saved', { name: view.name }),
        onSuccess: () => setOpen(false),
      },
    );
  };

  return (
    <div className="flex items-center gap-2">
      <StatusLine outcome={outcome?.ok ? outcome : null} small />
      <DialogRoot
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (next) reset();
        }}
      >
        <DialogTrigger asChild>
          <Button variant="secondary" size="sm">
            {t('views.save')}
          </Button>
        </DialogTrigger>
        <DialogContent title={t('views.saveTitle')} description={t('views.saveDescription')}>
          <form onSubmit={submit} className="space-y-4" noValidate>
            <Field id="view-name" label={t('views.name')} error={errors.name}>
              <Input
                id="view-name"
                name="name"
                required
                maxLength={VIEW_NAME_MAX}
                autoComplete="off"
                aria-invalid={errors.name ? true : undefined}
                aria-describedby={errors.name ? 'view-name-error' : undefined}
              />
            </Field>
            <Field id="view-sharing" label={t('views.sharing')} error={errors.sharing}>
              <Select
                id="view-sharing"
                name="sharing"
                defaultValue="private"
                aria-invalid={errors.sharing ? true : undefined}
                aria-describedby={errors.sharing ? 'view-sharing-error' : undefined}
              >
                <option value="private">{t('views.private')}</option>
                {roles.map((role) => (
                  <option key={role} value={role}>
                    {t('views.sharedWith', { role: t(`roles.${role}`) })}
                  </option>
                ))}
              </Select>
            </Field>
            {errors.form ? (
              <p role="alert" className="text-sm text-danger">
                {errors.form}
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button variant="ghost" size="sm">
                  {t('views.cancel')}
                </Button>
              </DialogClose>
              <Button type="submit" size="sm" disabled={pending}>
                {t('views.submit')}
              </Button>
            </div>
          </form>
        </DialogContent>
      </DialogRoot>
    </div>
  );
}
