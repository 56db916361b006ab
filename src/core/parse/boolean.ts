import { normalizeCellText, parsed, rejected, type ParseOutcome } from './outcome.js';

/** Words that mean yes and no in Korean evaluation sheets (compared in lower case after NFKC). */
const TRUE_WORDS: readonly string[] = ['예', '네', '있음', '유', '해당', 'y', 'yes', 'o', '○', '◯', 'true', 't', '1'];
const FALSE_WORDS: readonly string[] = ['아니오', '아니요', '없음', '무', '해당없음', '비해당', 'n', 'no', 'x', '×', 'false', 'f', '0'];

/** Parses yes/no text: 예/아니오, 있음/없음, Y/N, O/X, true/false, 1/0 and the like; blank is null. */
export function parseBooleanText(text: string): ParseOutcome<boolean> {
  const word = normalizeCellText(text).toLowerCase().replace(/\s+/g, '');
  if (word === '') return parsed(null);
  if (TRUE_WORDS.includes(word)) return parsed(true);
  if (FALSE_WORDS.includes(word)) return parsed(false);
  return rejected('BOOLEAN_INVALID');
}

/** Reads a number cell in a yes/no column: 1 is yes, 0 is no, anything else an error. */
export function acceptBooleanNumber(value: number): ParseOutcome<boolean> {
  if (value === 1) return parsed(true);
  if (value === 0) return parsed(false);
  return rejected('BOOLEAN_INVALID');
}
