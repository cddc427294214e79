import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { EVENT_SOURCES, OPERATORS } from '@/db/enums';
import { getT } from '@/lib/i18n/server';
import type { OrderFilters } from '@/lib/orders/filters';

/** A plain GET form: the URL is the state, so Back, reload and sharing a link all just work. */
export async function OrdersFilters({ filters }: { filters: OrderFilters }) {
  const t = await getT();
  const keep = {
    tab: filters.tab,
    sort: filters.sort,
    dir: filters.dir,
    size: String(filters.size),
    hide: filters.hide.join(','),
    phone: filters.phone,
  };
  return (
    <form
      method="get"
      action="/orders"
      className="grid gap-3 rounded-lg border border-border bg-surface p-3 sm:grid-cols-3 lg:grid-cols-7"
      aria-label={t('orders.filters')}
    >
      {Object.entries(keep).map(([name, value]) =>
        value && !(name === 'tab' && value === 'all') ? (
          <input key={name} type="hidden" name={name} value={value} />
        ) : null,
      )}
      <Field id="f-from" label={t('orders.from')}>
        <Input id="f-from" name="from" type="date" defaultValue={filters.from} />
      </Field>
      <Field id="f-to" label={t('orders.to')}>
        <Input id="f-to" name="to" type="date" defaultValue={filters.to} />
      </Field>
      <Field id="f-operator" label={t('orders.operator')}>
        <Select id="f-operator" name="operator" defaultValue={filters.operator ?? ''}>
          <option value="">{t('orders.any')}</option>
          {OPERATORS.map((op) => (
            <option key={op} value={op}>
              {op}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="f-plan" label={t('orders.plan')}>
        <Input id="f-plan" name="plan" defaultValue={filters.plan} placeholder="PREPAID_DJEZZY" />
      </Field>
      <Field id="f-min" label={t('orders.minAmount')}>
        <Input id="f-min" name="min" inputMode="decimal" defaultValue={filters.min} />
      </Field>
      <Field id="f-max" label={t('orders.maxAmount')}>
        <Input id="f-max" name="max" inputMode="decimal" defaultValue={filters.max} />
      </Field>
      <Field id="f-source" label={t('orders.source')}>
        <Select id="f-source" name="source" defaultValue={filters.source ?? ''}>
          <option value="">{t('orders.any')}</option>
          {EVENT_SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(`sources.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex items-end gap-2 sm:col-span-3 lg:col-span-7">
        <button type="submit" className={buttonClass('primary', 'sm')}>
          {t('orders.apply')}
        </button>
        <Link
          href={`/orders${filters.tab === 'all' ? '' : `?tab=${filters.tab}`}`}
          className={buttonClass('ghost', 'sm')}
        >
          {t('orders.reset')}
        </Link>
        {filters.phone ? (
          <span className="text-sm text-muted-fg">
            {t('orders.phoneFilter')}{' '}
            <span className="ltr-isolate font-medium">{filters.phone}</span>
          </span>
        ) : null}
      </div>
    </form>
  );
}
