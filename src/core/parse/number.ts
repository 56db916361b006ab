import { normalizeCellText, parsed, rejected, type ParseOutcome } from './outcome.js';

/**
 * The number grammar, applied after normalizeCellText:
 *
 *   number  := sign? (digits | grouped) fraction? | sign? fraction
 *   grouped := 1-3 digits ("," 3 digits)+        thousands separators, e.g. 1,234,567
 *   fraction:= "." digits
 *   percent := number " "? "%"                   only where the field is a percent
 *
 * Anything else is an error: "85점" (a unit), "1.2.3", "0x10", "1,23" (a decimal comma), "1e5", "(12)".
 */
const NUMBER = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)$/;
const WITH_UNIT = /^[+-]?[\d.,]*\d[\d.,]*\s*([^\d\s.,+-][^\d]*)$/u;
const COMMA_NUMBER = /^[+-]?[\d,]*\d[\d,]*(?:\.\d+)?$/;

export interface NumberOptions {
  /** a trailing % is allowed (the field is a percent, 0–100) */
  readonly percent: boolean;
}

/** Plain ASCII digits with an optional sign and fraction: normalising changes nothing, so they skip it (most cells). */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Parses number text by the grammar above; blank is null. */
export function parseNumberText(text: string, options: NumberOptions): ParseOutcome<number> {
  if (PLAIN_NUMBER.test(text)) {
    const value = Number(text);
    if (Number.isFinite(value)) return parsed(value === 0 ? 0 : value);
  }
  const normalized = normalizeCellText(text);
  if (normalized === '') return parsed(null);
  let body = normalized;
  const percent = /^(.*?)\s?%$/.exec(normalized);
  if (percent && NUMBER.test(percent[1]!)) {
    if (!options.percent) return rejected('NUMBER_PERCENT_SIGN');
    body = percent[1]!;
  }
  if (NUMBER.test(body)) {
    const value = Number(body.replace(/,/g, ''));
    if (!Number.isFinite(value)) return rejected('NUMBER_INVALID');
    return parsed(value === 0 ? 0 : value);
  }
  if (COMMA_NUMBER.test(body)) return rejected('NUMBER_BAD_COMMA');
  const unit = WITH_UNIT.exec(body);
  if (unit) return rejected('NUMBER_HAS_UNIT', { unit: unit[1]!.trim() });
  return rejected('NUMBER_INVALID');
}

/** Accepts a number cell from a workbook: any finite number. */
export function acceptNumber(value: number): ParseOutcome<number> {
  return Number.isFinite(value) ? parsed(value === 0 ? 0 : value) : rejected('NUMBER_INVALID');
}
