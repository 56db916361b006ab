import { normalizeCellText, parsed, rejected, type ParseOutcome } from './outcome.js';

/** Parses an identifier: text after NFKC and trimming, leading zeros kept ("00123" stays "00123"); blank is null. */
export function parseIdText(text: string): ParseOutcome<string> {
  const id = normalizeCellText(text);
  return parsed(id === '' ? null : id);
}

/** Reads a number cell in an id column: a whole number becomes its digits; a fraction or a huge number is an error. */
export function acceptIdNumber(value: number): ParseOutcome<string> {
  return Number.isSafeInteger(value) && value >= 0 ? parsed(String(value)) : rejected('ID_NOT_TEXT');
}
