import type { Problem } from './problems.js';

/** Counts of every problem seen, whether or not it was kept, and whether the list was cut. */
export interface ProblemTally {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** problems seen, by code */
  readonly byCode: Readonly<Record<string, number>>;
  /** the --max-errors limit; undefined when there is none */
  readonly limit?: number;
  /** true when problems were seen after `limit` errors had been kept */
  readonly truncated: boolean;
}

/**
 * Collects problems, keeping them until `maxErrors` errors are kept and counting all of them after that,
 * so a file with a million bad cells neither floods memory nor hides how bad it is. Institutions named by
 * any error are remembered even when the error itself is not kept.
 */
export class ProblemLog {
  private readonly kept: Problem[] = [];
  private readonly byCode = new Map<string, number>();
  private readonly counts = { error: 0, warning: 0, info: 0 };
  private keptErrors = 0;
  private truncated = false;
  private readonly invalid = new Set<string>();

  /** `maxErrors` 0 or undefined keeps every problem. */
  constructor(private readonly maxErrors?: number) {}

  /** Counts a problem and keeps it unless the limit is reached. */
  add(p: Problem): void {
    const full = this.maxErrors !== undefined && this.maxErrors > 0 && this.keptErrors >= this.maxErrors;
    this.count(p);
    if (full) this.truncated = true;
    else this.keep(p);
  }

  /** Counts and keeps a problem whatever the limit: problems about a whole file decide the exit code. */
  addAlways(p: Problem): void {
    this.count(p);
    this.keep(p);
  }

  /** The kept problems, in the order they were found. */
  problems(): readonly Problem[] {
    return this.kept;
  }

  /** Ids of institutions that any error concerns, kept or not. */
  invalidInstitutions(): ReadonlySet<string> {
    return this.invalid;
  }

  /** The counts. */
  tally(): ProblemTally {
    const limit = this.maxErrors !== undefined && this.maxErrors > 0 ? { limit: this.maxErrors } : {};
    return {
      errors: this.counts.error,
      warnings: this.counts.warning,
      infos: this.counts.info,
      byCode: Object.fromEntries(this.byCode),
      ...limit,
      truncated: this.truncated,
    };
  }

  private count(p: Problem): void {
    this.counts[p.severity] += 1;
    this.byCode.set(p.code, (this.byCode.get(p.code) ?? 0) + 1);
    if (p.severity === 'error' && p.position.institution !== undefined) this.invalid.add(p.position.institution);
  }

  private keep(p: Problem): void {
    this.kept.push(p);
    if (p.severity === 'error') this.keptErrors += 1;
  }
}
