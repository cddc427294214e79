import { describe, expect, it } from 'vitest';
import { phoneSearchHref, searchHref, searchLanding } from './search-target';

describe('the search box, deciding in the browser', () => {
  it('sends a phone typed in any common form to that number, keeping what was typed', () => {
    for (const typed of ['0778037340', '+213 778 03 73 40', '00213-778-03-73-40', ' 778037340 '])
      expect(phoneSearchHref(typed)).toBe(
        `/orders?phone=0778037340&searched=${encodeURIComponent(typed.trim())}`,
      );
  });

  it('leaves refs, ids and anything else to the server', () => {
    for (const typed of ['shop-1042', '8812345', '0178037340', '', '+213 778'])
      expect(phoneSearchHref(typed)).toBeNull();
  });
});

describe('where the search box goes', () => {
  it("opens a phone's list, or the order a ref or a top-up id names, in one request", () => {
    expect(searchHref(' 0778037340 ')).toBe('/orders?phone=0778037340&searched=0778037340');
    expect(searchHref(' shop 1042/a ')).toBe('/orders/find?q=shop%201042%2Fa');
    expect(searchHref('6b0c0ea1000194c6912ae866')).toBe('/orders/find?q=6b0c0ea1000194c6912ae866');
  });

  it('asks the server when nothing was typed', () => {
    expect(searchHref('   ')).toBeNull();
  });
});

describe("a search's landing on a phone's list", () => {
  const rows = (...ids: number[]) => ids.map((id) => ({ id }));
  it('opens the order when the number has exactly one', () => {
    expect(searchLanding('0778037340', { rows: rows(42), next: null, prev: null })).toBe(
      '/orders/42',
    );
  });

  it('shows the list when the number has several', () => {
    expect(searchLanding('0778037340', { rows: rows(42, 41), next: null, prev: null })).toBeNull();
    expect(searchLanding('0778037340', { rows: rows(42), next: 'c', prev: null })).toBeNull();
  });

  it('says nothing was found when the number has none, so the digits can be looked up as an id', () => {
    expect(searchLanding('778 037 340', { rows: [], next: null, prev: null })).toBe(
      '/search/nothing?q=778%20037%20340',
    );
  });
});
