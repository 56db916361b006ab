/** Field delimiters tried when none is given, in order of preference on a tie. */
const DELIMITER_CANDIDATES: readonly string[] = [',', '\t', ';'];

const SAMPLE_RECORDS = 50;

/**
 * Picks the delimiter from the start of a CSV text: for each candidate, the count per record outside
 * quotes; the candidate whose most common non-zero count is shared by the most records wins (then the one
 * making more columns). A file with one column gets a comma.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map(DELIMITER_CANDIDATES.map((d) => [d, [] as number[]]));
  let current = new Map(DELIMITER_CANDIDATES.map((d) => [d, 0]));
  let quoted = false;
  let records = 0;
  for (let i = 0; i < text.length && records < SAMPLE_RECORDS; i += 1) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      for (const [d, n] of current) counts.get(d)!.push(n);
      current = new Map(DELIMITER_CANDIDATES.map((d) => [d, 0]));
      records += 1;
    } else if (!quoted && current.has(ch)) current.set(ch, current.get(ch)! + 1);
  }
  if (records < SAMPLE_RECORDS) for (const [d, n] of current) counts.get(d)!.push(n);
  let best = { delimiter: ',', score: 0, columns: 0 };
  for (const delimiter of DELIMITER_CANDIDATES) {
    const tally = new Map<number, number>();
    for (const n of counts.get(delimiter)!) if (n > 0) tally.set(n, (tally.get(n) ?? 0) + 1);
    for (const [columns, score] of tally) {
      if (score > best.score || (score === best.score && columns > best.columns)) best = { delimiter, score, columns };
    }
  }
  return best.delimiter;
}
