'use client';

import { useRef, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';
import { useT } from '@/lib/i18n/client';
import { createApiToken } from './actions';
import { NewToken } from './new-token';
import { ScopeChoice } from './scope-choice';

export function CreateTokenForm() {
  const t = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | undefined>();
  const [scopesError, setScopesError] = useState<string | undefined>();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);

  function submit(formData: FormData) {
    startTransition(async () => {
      // Several checkboxes share the name `scopes`: send them as a list, not the last one.
      const result = await createApiToken({
        name: formData.get('name'),
        scopes: formData.getAll('scopes'),
      });
      if (result.ok) {
        setCreated(result.data);
        setError(null);
        setNameError(undefined);
        setScopesError(undefined);
        formRef.current?.reset();
      } else {
        setError(result.error);
        setNameError(result.fieldErrors?.name);
        setScopesError(result.fieldErrors?.scopes);
      }
    });
  }

  return (
    <Card className="p-4">
      <h2 className="mb-3 text-lg font-medium">{t('tokens.create')}</h2>
      {created ? <NewToken {...created} onDone={() => setCreated(null)} /> : null}
      {error ? (
        <Alert tone="danger" className="mb-3">
          {error}
        </Alert>
      ) : null}
      <form ref={formRef} action={submit} className="flex flex-wrap items-end gap-3" noValidate>
        <div className="min-w-64 flex-1">
          <Field id="token-name" label={t('tokens.name')} error={nameError}>
            <Input
              id="token-name"
              name="name"
              required
              maxLength={80}
              placeholder={t('tokens.namePlaceholder')}
              {...(nameError
                ? { 'aria-invalid': true, 'aria-describedby': 'token-name-error' }
                : {})}
            />
          </Field>
        </div>
        <ScopeChoice error={scopesError} />
        <Button type="submit" disabled={pending}>
          {pending ? t('tokens.creating') : t('tokens.create')}
        </Button>
      </form>
    </Card>
  );
}
