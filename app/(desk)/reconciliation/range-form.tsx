import { buttonClass } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { type ReconcileRange, rangeQuery } from '@/lib/reconcile/days';
import type { Fmt } from './parts';

/** A plain GET form: the URL is the state, so reload, Back and a shared link show the same view. */
export function RangeForm({ fmt, range }: { fmt: Fmt; range: ReconcileRange }) {
  const { t } = fmt;
  return (
    <form
      method="get"
      action="/reconciliation"
      aria-label={t('reconcile.range')}
      className="grid gap-3 rounded-lg border border-border bg-surface p-3 sm:grid-cols-2 lg:grid-cols-4"
    >
      <Field id="r-from" label={t('reconcile.from')}>
        <Input id="r-from" name="from" type="date" defaultValue={range.from} required />
      </Field>
      <Field id="r-to" label={t('reconcile.to')}>
        <Input id="r-to" name="to" type="date" defaultValue={range.to} required />
      </Field>
      <Field id="r-day" label={t('reconcile.day')}>
        <Input
          id="r-day"
          name="day"
          type="date"
          defaultValue={range.day}
          aria-describedby="r-day-help"
          required
        />
      </Field>
      <div className="flex flex-wrap items-end gap-2">
        <button type="submit" className={buttonClass('primary', 'sm')}>
          {t('reconcile.apply')}
        </button>
        <a
          href={`/reconciliation/export?${rangeQuery(range)}`}
          className={buttonClass('secondary', 'sm')}
          data-testid="reconcile-export"
        >
          {t('reconcile.export')}
        </a>
      </div>
      <p id="r-day-help" className="text-sm text-muted-fg sm:col-span-2 lg:col-span-4">
        {t('reconcile.rangeHelp')}
      </p>
    </form>
  );
}
