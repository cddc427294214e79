import type { Locale } from '@/lib/i18n/locales';
import { formatPercent } from '@/lib/i18n/numbers';
import type { getT } from '@/lib/i18n/server';
import type { BackfillState } from '@/lib/sync/list-sync';
import { RefreshWhileMounted } from './refresh-while';

type Props = {
  backfill: BackfillState | null;
  t: Awaited<ReturnType<typeof getT>>;
  locale: Locale;
  when: (d: string | null) => string;
};

/** The list backfill: its progress while it runs (the page follows it live), then its total. */
export function BackfillSection({ backfill, t, locale, when }: Props) {
  const running = backfill?.status === 'running';
  const results = backfill?.totalResults ?? 0;
  const ratio = results > 0 ? Math.min(1, (backfill?.imported ?? 0) / results) : 0;
  return (
    <section aria-labelledby="backfill" className="space-y-2">
      <h2 id="backfill" className="text-lg font-medium">
        {t('health.backfill')}
      </h2>
      {running ? (
        <>
          <progress
            aria-labelledby="backfill"
            className="h-2 w-full max-w-xl overflow-hidden rounded-full bg-muted [&::-moz-progress-bar]:bg-primary [&::-webkit-progress-bar]:bg-muted [&::-webkit-progress-value]:bg-primary"
            value={backfill.imported}
            max={Math.max(results, 1)}
            data-testid="backfill-bar"
          />
          <RefreshWhileMounted everyMs={2_000} />
        </>
      ) : null}
      <p data-testid="backfill-progress">
        {!backfill
          ? t('health.backfillNotStarted')
          : backfill.status === 'done'
            ? t('health.backfillDone', {
                imported: backfill.imported,
                time: when(backfill.finishedAt),
              })
            : t('health.backfillRunning', {
                imported: backfill.imported,
                results,
                percent: formatPercent(ratio, locale),
                page: backfill.nextPage - 1,
                total: backfill.totalPages ?? 0,
              })}
      </p>
    </section>
  );
}
