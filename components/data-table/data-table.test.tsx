import { NextIntlClientProvider } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { catalogues } from '@/lib/i18n';
import { DataTable } from './data-table';

// A table whose cells show text written elsewhere (a report's «1 204», «95,3 %») sorts by the
// values given beside them: as text, «1 204» would sort before «12» and «987». The reports'
// chart tables (app/(desk)/reports/chart-data-table.tsx) pass their figures this way.

function rowsOf(html: string) {
  return [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)]
    .map((m) => [...(m[1] ?? '').matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => c[1]))
    .filter((cells) => cells.length === 2);
}

describe('a static table', () => {
  it('sorts by the figures while showing their French text', () => {
    const html = renderToStaticMarkup(
      <NextIntlClientProvider
        locale="fr-DZ-u-nu-latn"
        messages={catalogues.fr}
        timeZone="Africa/Algiers"
      >
        <DataTable
          label="Commandes par opérateur"
          initialSort={{ id: 'settled' }}
          columns={[
            { id: 'name', label: 'Opérateur' },
            { id: 'settled', label: 'Finalisées' },
          ]}
          rows={[
            { id: 'a', values: { name: 'Djezzy', settled: 1204 }, cells: { settled: '1 204' } },
            { id: 'b', values: { name: 'Mobilis', settled: 987 }, cells: { settled: '987' } },
            { id: 'c', values: { name: 'Ooredoo', settled: 12 }, cells: { settled: '12' } },
          ]}
        />
      </NextIntlClientProvider>,
    );
    const body = rowsOf(html).slice(1);
    expect(body.map((cells) => cells[1])).toEqual(['12', '987', '1 204']);
  });
});
