import type { AppliedLimiter, InstitutionResult, Message } from './results.js';
import type { Located } from './text-column.js';

/**
 * What a ranking line shows of each institution, by ranked position: a graded table answers from its compact
 * arrays (a million lines need no result object each), a result list from its objects. `g` counts the
 * peer-group fields in `groupBy` order, `d` the rubric's domains.
 */
export interface RankedRows {
  readonly count: number;
  /** the first position of the lines tied with `position` (tied lines are put in order together) */
  runStart(position: number): number;
  /** The same lines, of which only those at positions `from` to `to` will be read (nothing past them is touched). */
  within(from: number, to: number): RankedRows;
  rank(position: number): number | null;
  id(position: number): string;
  name(position: number): string;
  /** the id's and the name's code units where they are kept packed (read them before the next look-up); else undefined */
  idUnits(position: number): Readonly<Located> | undefined;
  nameUnits(position: number): Readonly<Located> | undefined;
  group(position: number, g: number): string | null;
  /** rank within the group; null when not ranked */
  groupRank(position: number, g: number): number | null;
  /** how many are ranked in the group */
  groupSize(position: number, g: number): number;
  domainPoints(position: number, d: number): number | null;
  total(position: number): number | null;
  grade(position: number): string | null;
  status(position: number): InstitutionResult['status'];
  coverage(position: number): number;
  withheld(position: number): readonly Message[];
  limiters(position: number): readonly AppliedLimiter[];
  followUp(position: number): readonly InstitutionResult['followUp'][number][];
}

/** A result list (in ranked order) as ranking lines. */
export function listedRows(results: readonly InstitutionResult[]): RankedRows {
  const at = (position: number) => results[position]!;
  const rows: RankedRows = {
    count: results.length,
    runStart: (p) => p,
    within: () => rows,
    rank: (p) => at(p).rank,
    id: (p) => at(p).id,
    name: (p) => at(p).name,
    idUnits: () => undefined,
    nameUnits: () => undefined,
    group: (p, g) => at(p).groupRanks[g]!.group,
    groupRank: (p, g) => at(p).groupRanks[g]!.rank,
    groupSize: (p, g) => at(p).groupRanks[g]!.of,
    domainPoints: (p, d) => at(p).domains[d]!.points,
    total: (p) => at(p).total,
    grade: (p) => at(p).grade,
    status: (p) => at(p).status,
    coverage: (p) => at(p).coverage,
    withheld: (p) => at(p).withheld,
    limiters: (p) => at(p).limiters,
    followUp: (p) => at(p).followUp,
  };
  return rows;
}
