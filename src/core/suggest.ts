/** An institution a mistyped id may have meant. */
export interface Candidate {
  readonly id: string;
  readonly name: string;
}

/** Levenshtein distance between two strings, by code point. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= y.length; j += 1) {
      const substitution = previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length]!;
}

/**
 * Ids close to what was asked for, closest first: ids within a few edits (a third of the length, at least 1),
 * ids that contain or are contained in the query, and institutions whose name contains it — people
 * often type the name, or drop a leading zero.
 */
export function suggestIds(query: string, candidates: readonly Candidate[], limit = 5): string[] {
  const wanted = query.normalize('NFKC').trim().toLowerCase();
  if (wanted === '') return [];
  const allowed = Math.max(1, Math.floor([...wanted].length / 3));
  const scored: { id: string; score: number }[] = [];
  for (const candidate of candidates) {
    const id = candidate.id.toLowerCase();
    const name = candidate.name.normalize('NFKC').toLowerCase();
    const distance = editDistance(wanted, id);
    const related = id.includes(wanted) || wanted.includes(id) || name.includes(wanted);
    if (distance <= allowed || related) scored.push({ id: candidate.id, score: related ? Math.min(distance, allowed) : distance });
  }
  scored.sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.id);
}
