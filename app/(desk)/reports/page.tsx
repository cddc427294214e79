import type { Metadata } from 'next';
import { Alert } from '@/components/ui/alert';
import { can } from '@/lib/auth/roles';
import { requireCapability } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getT } from '@/lib/i18n/server';
import { CHART_SPECS } from '@/lib/reports/chart-specs';
import { parseReportRange } from '@/lib/reports/range';
import { RangeForm } from './range-form';
import { ReportChart } from './report-chart';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('reports.title') };
}

/** The reports: the range form, then every chart of lib/reports/chart-specs.ts this role may see. */
export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireCapability('reports:read');
  const [t, db] = [await getT(), getDb()];
  const range = parseReportRange(await searchParams, new Date());
  const specs = CHART_SPECS.filter((spec) => can(user.role, spec.capability));
  const loaded = await Promise.all(specs.map((spec) => spec.load(db, range)));
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t('reports.title')}</h1>
        <p className="text-muted-fg">{t('reports.intro')}</p>
      </div>
      <RangeForm range={range} />
      {range.notice ? <Alert tone="warning">{t(`reports.notice.${range.notice}`)}</Alert> : null}
      <div className="grid gap-6 xl:grid-cols-2">
        {specs.map((spec, i) => (
          <ReportChart key={spec.id} spec={spec} points={loaded[i] ?? []} range={range} />
        ))}
      </div>
    </div>
  );
}
