'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { StatusLine, useAction } from '@/components/ui/use-action';
import type { AlertCondition, NoticeChannel, Role } from '@/db/enums';
import { useT } from '@/lib/i18n/client';
import type { Locale } from '@/lib/i18n/locales';
import {
  saveAlertConditionAction,
  saveEmailChannelAction,
  saveWebhookChannelAction,
  sendAlertTestAction,
} from './actions';

function SaveButton({ pending }: { pending: boolean }) {
  const t = useT();
  return (
    <Button type="submit" size="sm" disabled={pending}>
      {pending ? t('alerts.settings.saving') : t('alerts.settings.save')}
    </Button>
  );
}

function EnabledBox({
  checked,
  onChange,
  label,
}: {
  checked: boolean;
  onChange: (v: boolean) => void;
  label: string;
}) {
  return (
    <label className="flex items-center gap-2 text-sm font-medium">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/** One condition: on or off, and its thresholds (empty fields take their defaults). */
export function ConditionForm({
  condition,
  name,
  enabled: initialEnabled,
  values,
  defaults,
}: {
  condition: AlertCondition;
  name: string;
  enabled: boolean;
  values: Record<string, number>;
  defaults: Record<string, number>;
}) {
  const t = useT();
  const { pending, outcome, fieldErrors, run } = useAction();
  const [enabled, setEnabled] = useState(initialEnabled);
  const [params, setParams] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])),
  );
  return (
    <form
      aria-label={name}
      data-testid={`condition-${condition}`}
      className="space-y-2 rounded-lg border border-border bg-surface p-3"
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () => saveAlertConditionAction({ condition, enabled, params }),
          () => t('alerts.settings.saved'),
        );
      }}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium">{name}</h3>
        <EnabledBox checked={enabled} onChange={setEnabled} label={t('alerts.settings.enabled')} />
      </div>
      {Object.keys(defaults).length === 0 ? (
        <p className="text-sm text-muted-fg">{t('alerts.settings.noParams')}</p>
      ) : (
        <div className="flex flex-wrap gap-3">
          {Object.entries(defaults).map(([param, fallback]) => (
            <Field
              key={param}
              label={t(`alerts.settings.param.${param}` as never)}
              hint={t('alerts.settings.defaults', { value: String(fallback) })}
              error={fieldErrors[param] ?? null}
            >
              <Input
                name={param}
                inputMode="decimal"
                className="w-32"
                value={params[param] ?? ''}
                onChange={(e) => setParams({ ...params, [param]: e.target.value })}
              />
            </Field>
          ))}
        </div>
      )}
      <div className="flex items-center gap-3">
        <SaveButton pending={pending} />
        <StatusLine outcome={outcome} />
      </div>
    </form>
  );
}

export function TestButton({ channel, disabled }: { channel: NoticeChannel; disabled?: boolean }) {
  const t = useT();
  const { pending, outcome, run } = useAction();
  return (
    <div className="flex items-center gap-3">
      <Button
        type="button"
        variant="secondary"
        size="sm"
        disabled={pending || disabled}
        data-testid={`test-${channel}`}
        onClick={() =>
          run(
            () => sendAlertTestAction({ channel }),
            () => t('alerts.settings.testQueued'),
          )
        }
      >
        {t('alerts.settings.sendTest')}
      </Button>
      <StatusLine outcome={outcome} />
    </div>
  );
}

export function EmailChannelForm({
  enabled: initialEnabled,
  roles: initialRoles,
  roleLabels,
  smtpConfigured,
}: {
  enabled: boolean;
  roles: Role[];
  roleLabels: Record<Role, string>;
  smtpConfigured: boolean;
}) {
  const t = useT();
  const { pending, outcome, run } = useAction();
  const [enabled, setEnabled] = useState(initialEnabled);
  const [roles, setRoles] = useState<Role[]>(initialRoles);
  return (
    <form
      aria-label={t('alerts.settings.email')}
      data-testid="channel-email"
      className="space-y-2 rounded-lg border border-border bg-surface p-3"
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () => saveEmailChannelAction({ enabled, roles }),
          () => t('alerts.settings.saved'),
        );
      }}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium">{t('alerts.settings.email')}</h3>
        <EnabledBox checked={enabled} onChange={setEnabled} label={t('alerts.settings.enabled')} />
      </div>
      <fieldset className="flex flex-wrap gap-3">
        <legend className="mb-1 text-sm font-medium">{t('alerts.settings.emailRoles')}</legend>
        {(Object.keys(roleLabels) as Role[]).map((role) => (
          <label key={role} className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={roles.includes(role)}
              onChange={(e) =>
                setRoles(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))
              }
            />
            {roleLabels[role]}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SaveButton pending={pending} />
        <StatusLine outcome={outcome} />
      </div>
      <TestButton channel="email" disabled={!smtpConfigured} />
    </form>
  );
}

export function WebhookChannelForm({
  enabled: initialEnabled,
  url: initialUrl,
  locale: initialLocale,
  locales,
}: {
  enabled: boolean;
  url: string;
  locale: Locale;
  locales: { value: Locale; label: string }[];
}) {
  const t = useT();
  const { pending, outcome, fieldErrors, run } = useAction();
  const [enabled, setEnabled] = useState(initialEnabled);
  const [url, setUrl] = useState(initialUrl);
  const [locale, setLocale] = useState<Locale>(initialLocale);
  return (
    <form
      aria-label={t('alerts.settings.webhook')}
      data-testid="channel-webhook"
      className="space-y-2 rounded-lg border border-border bg-surface p-3"
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () => saveWebhookChannelAction({ enabled, url, locale }),
          () => t('alerts.settings.saved'),
        );
      }}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium">{t('alerts.settings.webhook')}</h3>
        <EnabledBox checked={enabled} onChange={setEnabled} label={t('alerts.settings.enabled')} />
      </div>
      <Field
        label={t('alerts.settings.webhookUrl')}
        hint={t('alerts.settings.webhookHelp')}
        error={fieldErrors.url ?? null}
      >
        <Input
          name="url"
          type="url"
          dir="ltr"
          className="w-full max-w-xl"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
      </Field>
      <Field label={t('alerts.settings.webhookLocale')}>
        <Select
          name="locale"
          value={locale}
          onChange={(e) => setLocale(e.target.value as Locale)}
          className="w-48"
        >
          {locales.map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <SaveButton pending={pending} />
        <StatusLine outcome={outcome} />
      </div>
      <TestButton channel="webhook" disabled={!initialUrl} />
    </form>
  );
}
