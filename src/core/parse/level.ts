import { normalizeCellText, parsed, rejected, type ParseOutcome } from './outcome.js';

const key = (text: string) => normalizeCellText(text).toLowerCase();

/** Each list's values by comparison key, worked out once per list rather than once per cell. */
const keyedLists = new WeakMap<readonly string[], ReadonlyMap<string, string>>();

function keyed(allowed: readonly string[]): ReadonlyMap<string, string> {
  let byKey = keyedLists.get(allowed);
  if (!byKey) {
    const map = new Map<string, string>();
    for (const value of allowed) if (!map.has(key(value))) map.set(key(value), value);
    byKey = map;
    keyedLists.set(allowed, byKey);
  }
  return byKey;
}

/**
 * Parses a value that must be one of `allowed` (levels such as 우수/양호/보통, or a text field's list),
 * compared after NFKC, trimming and lower-casing; gives the value as the rubric spells it. Blank is null.
 */
export function parseAllowedText(text: string, allowed: readonly string[]): ParseOutcome<string> {
  const wanted = key(text);
  if (wanted === '') return parsed(null);
  const match = keyed(allowed).get(wanted);
  return match === undefined ? rejected('VALUE_NOT_ALLOWED', { allowed: allowed.join(', ') }) : parsed(match);
}
