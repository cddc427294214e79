// One digest written twice from the same blocks: as plain text and as HTML built the way email
// clients read it (nested tables, inline styles, no CSS classes, no scripts, no images). Every
// text reaching the HTML goes through `escapeHtml`; links are only ever http(s) (render.ts).

/** A value, a smaller note under (HTML) or after it (text), and whether it needs a look. */
export type Cell = { text: string; note?: string; alert?: boolean };

export type Block =
  | { kind: 'section'; title: string }
  | { kind: 'note'; text: string }
  /** The first column names the row; text writes the other columns' heads from the second on. */
  | { kind: 'table'; head: string[]; rows: Cell[][] }
  | { kind: 'facts'; rows: { label: string; value: Cell }[] }
  | { kind: 'links'; links: { text: string; href: string }[] };

export type Email = {
  lang: string;
  dir: 'ltr' | 'rtl';
  brand: string;
  title: string;
  date: string;
  blocks: Block[];
  footer: string[];
};

/** How a language joins a label to its value and a value to its note (fr: «Montant : 5 DA»). */
export type Joiners = { pair: (label: string, value: string) => string; note: (c: Cell) => string };

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/** Right-to-left mark: plain-text readers pick a paragraph's direction from its first letter. */
const RLM = '\u200f';

export function toText(email: Email, join: Joiners): string {
  const lines: string[] = [email.brand, email.title, email.date];
  for (const block of email.blocks) {
    switch (block.kind) {
      case 'section':
        lines.push('', block.title, '-'.repeat(block.title.length));
        break;
      case 'note':
        lines.push(block.text);
        break;
      case 'table':
        for (const [name, ...cells] of block.rows) {
          const values = cells.map((cell, i) => {
            const value = join.note(cell);
            return i === 0 ? value : join.pair(block.head[i + 1] ?? '', value);
          });
          lines.push(join.pair(name?.text ?? '', values.join(' · ')));
        }
        break;
      case 'facts':
        for (const row of block.rows) lines.push(join.pair(row.label, join.note(row.value)));
        break;
      case 'links':
        lines.push('', ...block.links.map((l) => join.pair(l.text, l.href)));
        break;
    }
  }
  lines.push('', ...email.footer);
  const text = email.dir === 'rtl' ? lines.map((l) => (l ? RLM + l : l)) : lines;
  return `${text.join('\n')}\n`;
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const MUTED = 'color:#52525b;';
const SMALL = 'font-size:12px;line-height:16px;color:#71717a;';
const ALERT = 'color:#b91c1c;';
const RULE = 'border-bottom:1px solid #e4e4e7;';

export function toHtml(email: Email, subject: string): string {
  const align = email.dir === 'rtl' ? 'right' : 'left';
  const cellStyle = `padding:6px 8px;${RULE}text-align:${align};vertical-align:top;`;
  const value = (c: Cell) =>
    `<span style="font-weight:bold;${c.alert ? ALERT : ''}">${escapeHtml(c.text)}</span>${
      c.note ? `<br><span style="${SMALL}">${escapeHtml(c.note)}</span>` : ''
    }`;
  const row = (html: string, pad = '16px 24px 0', extra = '') =>
    `<tr><td style="padding:${pad};text-align:${align};${extra}">${html}</td></tr>`;
  const dataTable = (head: string[] | null, rows: string[][]) =>
    `<table width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;${FONT}font-size:14px;line-height:20px;">${
      head
        ? `\n<tr>${head.map((h) => `<th scope="col" style="${cellStyle}${SMALL}font-weight:normal;">${escapeHtml(h)}</th>`).join('')}</tr>`
        : ''
    }${rows.map((r) => `\n<tr>${r.map((c) => `<td style="${cellStyle}">${c}</td>`).join('')}</tr>`).join('')}\n</table>`;

  const body = email.blocks.map((block) => {
    switch (block.kind) {
      case 'section':
        return row(
          `<h2 style="margin:8px 0 0;font-size:16px;line-height:24px;">${escapeHtml(block.title)}</h2>`,
        );
      case 'note':
        return row(`<p style="margin:0;${MUTED}">${escapeHtml(block.text)}</p>`, '4px 24px 0');
      case 'table':
        return row(
          dataTable(
            block.head,
            block.rows.map(([name, ...cells]) => [
              escapeHtml(name?.text ?? ''),
              ...cells.map(value),
            ]),
          ),
          '8px 24px 0',
        );
      case 'facts':
        return row(
          dataTable(
            null,
            block.rows.map((r) => [escapeHtml(r.label), value(r.value)]),
          ),
          '8px 24px 0',
        );
      case 'links':
        return row(
          block.links
            .map(
              (l) =>
                `<a href="${escapeHtml(l.href)}" style="color:#1d4ed8;text-decoration:underline;">${escapeHtml(l.text)}</a>`,
            )
            .join('<br>'),
          '20px 24px 0',
        );
    }
    return '';
  });

  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(email.lang)}" dir="${email.dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title>`,
    '</head>',
    `<body style="margin:0;padding:0;background-color:#f4f4f5;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f4f5;">`,
    `<tr><td align="center" style="padding:24px 12px;">`,
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" dir="${email.dir}" style="width:100%;max-width:600px;background-color:#ffffff;border:1px solid #e4e4e7;${FONT}font-size:14px;line-height:20px;color:#18181b;">`,
    row(
      `<div style="${SMALL}">${escapeHtml(email.brand)}</div><h1 style="margin:4px 0 0;font-size:20px;line-height:28px;">${escapeHtml(email.title)}</h1><div style="${MUTED}">${escapeHtml(email.date)}</div>`,
      '20px 24px 16px',
      RULE,
    ),
    ...body,
    row(
      email.footer.map((f) => `<p style="margin:0 0 4px;${SMALL}">${escapeHtml(f)}</p>`).join(''),
      '24px 24px 20px',
    ),
    '</table>',
    '</td></tr>',
    '</table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
