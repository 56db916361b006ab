/** Columns a string takes in a terminal: Hangul, CJK and full-width forms take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x300 && code <= 0x36f)) continue;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

export type Align = 'left' | 'right';

export interface Column {
  readonly header: string;
  readonly align: Align;
}

/** Lays out rows as a plain-text table padded by display width; `paint` colours a cell after padding. */
export function renderTextTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  paint: (row: number, column: number, padded: string) => string = (_r, _c, padded) => padded,
): string {
  const widths = columns.map((column, c) => Math.max(displayWidth(column.header), ...rows.map((row) => displayWidth(row[c] ?? ''))));
  const pad = (text: string, c: number) => {
    const fill = ' '.repeat(widths[c]! - displayWidth(text));
    return columns[c]!.align === 'right' ? fill + text : text + fill;
  };
  const header = columns.map((column, c) => pad(column.header, c)).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const body = rows.map((row, r) => columns.map((_, c) => paint(r, c, pad(row[c] ?? '', c))).join('  ').trimEnd());
  return [header, rule, ...body].join('\n') + '\n';
}
