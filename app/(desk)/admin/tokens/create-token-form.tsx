'use client';

import { useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';
import { SecretBox } from '@/components/ui/secret-box';
import { useAction } from '@/components/ui/use-action';
import { useT } from '@/lib/i18n/client';
import { createApiToken } from './actions';
import { ScopeChoice } from './scope-choice';

export function CreateTokenForm() {
  const t = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const { pending, error, fieldErrors, run } = useAction();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);

  function submit(formData: FormData) {
    run(
      // Several checkboxes share the name `scopes`: send them as a list, not the last one.
      () => createApiToken({ name: formData.get('name'), scopes: formData.getAll('scopes') }),
      {
        onSuccess: (data) => {
          setCreated(data);
          formRef.current?.reset();
        },
      },
    );
  }

  return (
    <Card className="p-4">
      <h2 className="mb-3 text-lg font-medium">{t('tokens.create')}</h2>
      {created ? (
        // The one and only time the token is visible: nothing but its hash is kept.
        <SecretBox
          title={t('kit.secret.tokenTitle', { name: created.name })}
          description={t('kit.secret.tokenHelp')}
          value={created.token}
          valueTestId="new-api-token"
          actions={
            <Button size="sm" variant="ghost" onClick={() => setCreated(null)}>
              {t('tokens.done')}
            </Button>
          }
        />
      ) : null}
      {error ? (
        <Alert tone="danger" className="mb-3">
          {error}
        </Alert>
      ) : null}
      <form ref={formRef} action={submit} className="flex flex-wrap items-end gap-3" noValidate>
        <Field className="min-w-64 flex-1" label={t('tokens.name')} error={fieldErrors.name}>
          <Input name="name" required maxLength={80} placeholder={t('tokens.namePlaceholder')} />
        </Field>
        <ScopeChoice error={fieldErrors.scopes} />
        <Button type="submit" disabled={pending}>
          {pending ? t('tokens.creating') : t('tokens.create')}
        </Button>
      </form>
    </Card>
  );
}
