'use client';

import { useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input, Select } from '@/components/ui/field';
import { useAction } from '@/components/ui/use-action';
import { ROLES } from '@/db/enums';
import { useT } from '@/lib/i18n/client';
import { createUser } from './actions';
import { TemporaryPassword } from './temporary-password';

export function CreateUserForm() {
  const t = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const { pending, error, fieldErrors, run } = useAction();
  const [created, setCreated] = useState<{ email: string; temporaryPassword: string } | null>(null);

  function submit(formData: FormData) {
    run(() => createUser(formData), {
      onSuccess: (data) => {
        setCreated(data);
        formRef.current?.reset();
      },
    });
  }

  return (
    <Card className="p-4">
      <h2 className="mb-3 text-lg font-medium">{t('users.create')}</h2>
      {created ? <TemporaryPassword {...created} onDone={() => setCreated(null)} /> : null}
      {error ? (
        <Alert tone="danger" className="mb-3">
          {error}
        </Alert>
      ) : null}
      <form
        ref={formRef}
        action={submit}
        className="grid items-end gap-3 sm:grid-cols-4"
        noValidate
      >
        <Field label={t('users.email')} error={fieldErrors.email}>
          <Input name="email" type="email" required />
        </Field>
        <Field label={t('users.name')} error={fieldErrors.name}>
          <Input name="name" required />
        </Field>
        <Field label={t('users.role')} error={fieldErrors.role}>
          <Select name="role" defaultValue="support">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? t('users.creating') : t('users.create')}
        </Button>
      </form>
    </Card>
  );
}
