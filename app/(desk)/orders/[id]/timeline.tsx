import type { EventKind } from '@/db/enums';
import type { OrderEvent } from '@/db/queries/order-detail';
import { formatDateTime } from '@/lib/i18n/dates';
import { getLocale, getT } from '@/lib/i18n/server';

const DOT: Record<EventKind, string> = {
  created: 'bg-info',
  status_changed: 'bg-primary',
  details_changed: 'bg-muted-fg',
  anomaly: 'bg-danger',
  check_error: 'bg-warning',
  note: 'bg-success',
  checked: 'bg-muted-fg',
  resend: 'bg-primary',
};

export async function Timeline({ events }: { events: OrderEvent[] }) {
  const [t, locale] = [await getT(), await getLocale()];
  if (events.length === 0) return <p>{t('order.noEvents')}</p>;
  const status = (s: OrderEvent['fromStatus']) => (s ? t(`status.${s}`) : '—');
  return (
    <ol className="space-y-3 border-s border-border ps-4" data-testid="timeline">
      {events.map((e) => (
        <li
          key={e.id}
          id={`event-${e.id}`}
          className="relative"
          data-kind={e.kind}
          data-source={e.source}
          data-event-id={e.id}
        >
          <span
            aria-hidden="true"
            className={`absolute -start-[1.4rem] top-1.5 h-2.5 w-2.5 rounded-full ${DOT[e.kind]}`}
          />
          <p className="text-sm">
            <strong>
              {t(`order.events.${e.kind}`, { from: status(e.fromStatus), to: status(e.toStatus) })}
            </strong>
            <span className="text-muted-fg">
              {' '}
              · <bdi>{formatDateTime(e.createdAt, locale)}</bdi> · {t(`sources.${e.source}`)} ·{' '}
              {t('order.by', { actor: e.actor })}
              {e.requestId ? (
                <>
                  {' '}
                  · {t('order.requestId')}{' '}
                  <span className="ltr-isolate font-mono text-xs">{e.requestId}</span>
                </>
              ) : null}
            </span>
          </p>
          {e.message ? (
            <p
              className={
                e.kind === 'note'
                  ? 'whitespace-pre-wrap rounded bg-muted p-2 text-sm'
                  : 'text-sm text-muted-fg'
              }
            >
              {e.message}
            </p>
          ) : null}
          {e.payload ? (
            <details className="text-sm">
              <summary className="cursor-pointer text-primary">{t('order.payload')}</summary>
              <pre className="mt-1 max-h-64 overflow-auto rounded bg-muted p-2 text-xs" dir="ltr">
                {JSON.stringify(e.payload, null, 2)}
              </pre>
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
