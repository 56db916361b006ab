import { acceptNumber, parseNumberText } from './number.js';
import { rejected, type ParseOutcome } from './outcome.js';

function whole(outcome: ParseOutcome<number>): ParseOutcome<number> {
  if (!outcome.ok || outcome.value === null) return outcome;
  return Number.isSafeInteger(outcome.value) ? outcome : rejected('INTEGER_NOT_WHOLE');
}

/** Parses integer text: the number grammar (thousands separators too) with a whole value; "3.0" is 3, "2.5" an error. */
export function parseIntegerText(text: string): ParseOutcome<number> {
  return whole(parseNumberText(text, { percent: false }));
}

/** Accepts a number cell from a workbook when it is whole. */
export function acceptInteger(value: number): ParseOutcome<number> {
  return whole(acceptNumber(value));
}
