import type { MessageArgs } from '../problems.js';

/** What a value parser gives: a value (`null` when the cell is blank) or the code of the problem with the text. */
export type ParseOutcome<T> =
  | { readonly ok: true; readonly value: T | null }
  | { readonly ok: false; readonly code: string; readonly args?: MessageArgs };

/** A parsed value. */
export const parsed = <T>(value: T | null): ParseOutcome<T> => ({ ok: true, value });

/** A parse failure with its problem code. */
export const rejected = <T>(code: string, args?: MessageArgs): ParseOutcome<T> =>
  args === undefined ? { ok: false, code } : { ok: false, code, args };

/**
 * Normalises cell text before it is parsed: NFKC (full-width digits, letters and signs become ASCII),
 * U+2212 MINUS SIGN becomes "-", surrounding whitespace is dropped.
 */
export function normalizeCellText(text: string): string {
  return isNfkcStable(text) ? text.trim() : text.normalize('NFKC').replace(/\u2212/g, '-').trim();
}

/**
 * Text that NFKC leaves as it is (and that holds no U+2212): printable ASCII and precomposed Hangul syllables,
 * what nearly every Korean name, code and header is made of. Normalising it would only spend time.
 */
export function isNfkcStable(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x20 && c <= 0x7e) || (c >= 0xac00 && c <= 0xd7a3))) return false;
  }
  return true;
}
