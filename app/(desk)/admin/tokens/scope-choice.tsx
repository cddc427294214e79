'use client';

import { FieldGroup } from '@/components/ui/field';
import { API_SCOPES, type ApiScope, SCOPE_OPERATIONS } from '@/lib/api/scopes';
import { useT } from '@/lib/i18n/client';

/** Reading and registering are what a shop needs to start; refunding moves money, so opt in. */
const DEFAULT_SCOPES: ReadonlySet<ApiScope> = new Set(['read', 'register']);

/** The scopes of a new token, as checkboxes named `scopes` (at least one, checked server-side). */
export function ScopeChoice({ error }: { error?: string }) {
  const t = useT();
  return (
    <FieldGroup
      className="basis-full"
      legend={t('apiAdmin.scopesLegend')}
      hint={t('apiAdmin.scopesHint')}
      error={error}
    >
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {API_SCOPES.map((scope) => (
          <label key={scope} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="scopes"
              value={scope}
              defaultChecked={DEFAULT_SCOPES.has(scope)}
              className="mt-1"
              data-testid={`token-scope-${scope}`}
            />
            <span>
              <span className="block">{t(`apiAdmin.scope.${scope}`)}</span>
              <code className="ltr-isolate block font-mono text-xs text-muted-fg">
                {SCOPE_OPERATIONS[scope]}
              </code>
            </span>
          </label>
        ))}
      </div>
    </FieldGroup>
  );
}
