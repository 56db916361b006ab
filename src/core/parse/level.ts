import { normalizeCellText, parsed, rejected, type ParseOutcome } from './outcome.js';

const key = (text: string) => normalizeCellText(text).toLowerCase();

/**
 * Parses a value that must be one of `allowed` (levels such as 우수/양호/보통, or a text field's list),
 * compared after NFKC, trimming and lower-casing; gives the value as the rubric spells it. Blank is null.
 */
export function parseAllowedText(text: string, allowed: readonly string[]): ParseOutcome<string> {
  const wanted = key(text);
  if (wanted === '') return parsed(null);
  const match = allowed.find((value) => key(value) === wanted);
  return match === undefined ? rejected('VALUE_NOT_ALLOWED', { allowed: allowed.join(', ') }) : parsed(match);
}
