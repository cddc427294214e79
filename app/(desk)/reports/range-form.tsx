import { buttonClass } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { getT } from '@/lib/i18n/server';
import { type ParsedRange, PRESETS } from '@/lib/reports/range';

export async function RangeForm({ range }: { range: ParsedRange }) {
  const t = await getT();
  return (
    <form
      method="get"
      action="/reports"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface p-3"
      aria-label={t('reports.rangeLabel')}
    >
      <Field id="r-range" label={t('reports.range')}>
        <Select id="r-range" name="range" defaultValue={range.preset} className="w-40">
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`reports.presets.${p}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="r-from" label={t('reports.from')}>
        <Input id="r-from" name="from" type="date" defaultValue={range.fromDay} />
      </Field>
      <Field id="r-to" label={t('reports.to')}>
        <Input id="r-to" name="to" type="date" defaultValue={range.toDay} />
      </Field>
      <Field id="r-g" label={t('reports.granularity')}>
        <Select id="r-g" name="g" defaultValue={range.granularity} className="w-32">
          <option value="day">{t('reports.byDay')}</option>
          <option value="hour">{t('reports.byHour')}</option>
        </Select>
      </Field>
      <button type="submit" className={buttonClass('primary', 'sm')}>
        {t('reports.show')}
      </button>
    </form>
  );
}
