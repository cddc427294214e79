import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv';

describe('CSV export cells', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', null])).toBe(
      '"a,b","say ""hi""","two\nlines",\r\n',
    );
  });

  it('keeps a ref that looks like a formula from running in a spreadsheet', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('leaves Arabic text and plain values alone', () => {
    expect(csvCell('رقم الهاتف خاطئ')).toBe('رقم الهاتف خاطئ');
    expect(csvCell('500.00')).toBe('500.00');
  });
});
