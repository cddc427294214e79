'use client';

import { useRef, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input, Select } from '@/components/ui/field';
import { ROLES } from '@/db/enums';
import { useT } from '@/lib/i18n/client';
import { createUser } from './actions';
import { TemporaryPassword } from './temporary-password';

export function CreateUserForm() {
  const t = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ email: string; temporaryPassword: string } | null>(null);

  function submit(formData: FormData) {
    startTransition(async () => {
      const result = await createUser(formData);
      if (result.ok) {
        setCreated(result.data);
        setError(null);
        setFieldErrors({});
        formRef.current?.reset();
      } else {
        setError(result.error);
        setFieldErrors(result.fieldErrors ?? {});
      }
    });
  }

  const invalid = (name: string) =>
    fieldErrors[name] ? { 'aria-invalid': true, 'aria-describedby': `new-${name}-error` } : {};

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
        <Field id="new-email" label={t('users.email')} error={fieldErrors.email}>
          <Input id="new-email" name="email" type="email" required {...invalid('email')} />
        </Field>
        <Field id="new-name" label={t('users.name')} error={fieldErrors.name}>
          <Input id="new-name" name="name" required {...invalid('name')} />
        </Field>
        <Field id="new-role" label={t('users.role')} error={fieldErrors.role}>
          <Select id="new-role" name="role" defaultValue="support" {...invalid('role')}>
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
