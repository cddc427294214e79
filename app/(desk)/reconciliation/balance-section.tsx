import { Alert } from '@/components/ui/alert';
import { toCents } from '@/lib/money';
import type { BalancePart } from '@/lib/reconcile/load';
import { type Fmt, Ltr, Stat } from './parts';

/** OneClick's live balance next to the one our records predict (lib/reconcile/balance.ts). */
export function BalanceSection({ fmt, balance }: { fmt: Fmt; balance: BalancePart }) {
  const { t } = fmt;
  return (
    <section aria-labelledby="balance" className="space-y-3">
      <h2 id="balance" className="text-lg font-medium">
        {t('reconcile.balance')}
      </h2>
      {!balance.ok ? (
        <Alert tone="warning">{t('reconcile.unreachable', { kind: balance.reason })}</Alert>
      ) : balance.predicted === null ? (
        <>
          <dl className="grid gap-3 sm:grid-cols-3">
            <Stat label={t('reconcile.live')}>
              <Ltr>{fmt.money(balance.live)}</Ltr>
            </Stat>
          </dl>
          <p className="text-sm text-muted-fg">{t('reconcile.noAnchor')}</p>
        </>
      ) : (
        <>
          <dl className="grid gap-3 sm:grid-cols-3" data-testid="reconcile-balance">
            <Stat label={t('reconcile.live')}>
              <Ltr>{fmt.money(balance.live)}</Ltr>
            </Stat>
            <Stat label={t('reconcile.predicted')}>
              <Ltr>{fmt.money(balance.predicted)}</Ltr>
            </Stat>
            <Stat label={t('reconcile.difference')}>
              <span
                className={
                  toCents(balance.difference) === 0n ? 'text-success-fg' : 'text-danger-fg'
                }
              >
                <Ltr>{fmt.money(balance.difference)}</Ltr>
              </span>
            </Stat>
          </dl>
          <p className="text-sm">
            {t(toCents(balance.difference) === 0n ? 'reconcile.agree' : 'reconcile.disagree')}
          </p>
          <p className="text-sm text-muted-fg">
            {t('reconcile.predictedHelp', {
              time: fmt.time(balance.anchor.at),
              anchor: fmt.money(balance.anchor.balance),
              others: fmt.money(balance.anchor.otherMoves),
              otherCount: balance.anchor.otherCount,
              charged: fmt.money(balance.ours.charged),
              chargedCount: balance.ours.chargedCount,
              returned: fmt.money(balance.ours.returned),
              returnedCount: balance.ours.returnedCount,
            })}
          </p>
          {balance.window.complete ? null : (
            <p className="text-sm text-muted-fg">{t('reconcile.balanceCut')}</p>
          )}
        </>
      )}
    </section>
  );
}
