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
    expect(csvCell('-5+A1')).toBe("'-5+A1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('quotes cells holding ; so Excel with a French or Arabic list separator keeps them whole', () => {
    expect(csvLine(['a;b', 'x'])).toBe('"a;b",x\r\n');
    expect(csvCell('needs_review; changed')).toBe('"needs_review; changed"');
  });

  it('neutralises formulas behind either separator, tabs and carriage returns', () => {
    expect(csvCell('=1+1;=2')).toBe(`"'=1+1;=2"`);
    expect(csvCell('+33 1 23')).toBe("'+33 1 23");
    expect(csvCell('\t=cmd')).toBe("'\t=cmd");
    expect(csvCell('\r=cmd')).toBe(`"'\r=cmd"`);
  });

  it('leaves Arabic text and plain values alone', () => {
    expect(csvCell('رقم الهاتف خاطئ')).toBe('رقم الهاتف خاطئ');
    expect(csvCell('500.00')).toBe('500.00');
  });

  it('keeps a negative amount a number, so reconciliation sheets can add it up', () => {
    expect(csvCell('-3.10')).toBe('-3.10');
    expect(csvCell(-490)).toBe('-490');
    expect(csvCell('-3.10+cmd|calc')).toBe("'-3.10+cmd|calc");
    expect(csvCell('-1e3')).toBe("'-1e3");
  });
});
