import type { PageParams } from '../oneclick/paths';
import type { TransactionPage } from '../oneclick/schemas-account';
import type { LedgerRow } from './ledger';

/** The one upstream call reconciliation needs; the real client and test fakes both fit. */
export type LedgerSource = {
  transactions(params: PageParams): Promise<{ data: TransactionPage }>;
};

/** Pages of 100 (the upstream's maximum); 20 pages cover 2,000 ledger rows for one day. */
export const LEDGER_PAGE_SIZE = 100;
export const LEDGER_MAX_PAGES = 20;

export type LedgerWindow = {
  rows: LedgerRow[];
  /** False when the page cap cut the window: lists that need every row are then incomplete. */
  complete: boolean;
  pagesRead: number;
  /** What the upstream says the window holds (rows, pages), to tell the clerk how much is missing. */
  totalResults: number;
};

/**
 * Every ledger row in [from, to), page by page, newest first as the upstream serves them.
 * The upstream's `to` is inclusive in its examples (…T23:59:59Z), so it gets the last
 * millisecond and rows are filtered again here. A row seen twice (new rows push older ones to
 * the next page while we read) is kept once.
 */
export async function fetchLedgerWindow(
  source: LedgerSource,
  from: Date,
  to: Date,
  maxPages = LEDGER_MAX_PAGES,
): Promise<LedgerWindow> {
  const seen = new Map<string, LedgerRow>();
  let pagesRead = 0;
  let totalPages = 1;
  let totalResults = 0;
  while (pagesRead < totalPages && pagesRead < maxPages) {
    const { data } = await source.transactions({
      page: pagesRead + 1,
      pageSize: LEDGER_PAGE_SIZE,
      from,
      to: new Date(to.getTime() - 1),
    });
    pagesRead += 1;
    totalPages = data.pagination.totalPages;
    totalResults = data.pagination.totalResults;
    for (const row of data.items) {
      const at = Date.parse(row.time);
      if (at >= from.getTime() && at < to.getTime() && !seen.has(row._id)) seen.set(row._id, row);
    }
    // An empty page is the end, whatever the pagination said a moment ago.
    if (data.items.length === 0) totalPages = pagesRead;
  }
  return { rows: [...seen.values()], complete: pagesRead >= totalPages, pagesRead, totalResults };
}

/** The newest ledger row of all, for the balance anchor when today has no row yet. */
export async function fetchNewestRow(source: LedgerSource): Promise<LedgerRow | null> {
  const { data } = await source.transactions({ page: 1, pageSize: 1 });
  return data.items[0] ?? null;
}
