import type { Problem } from '../core/problems.js';

/** The documented exit codes, one table for every command. */
export const ExitCode = {
  ok: 0,
  /** the data has errors, or a gate failed */
  dataErrors: 1,
  /** bad flag, missing file, invalid rubric or configuration */
  usage: 2,
  /** a bug in sseval */
  internal: 3,
  /** SIGINT or SIGTERM */
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Stops a command with problems to report and an exit code; the top-level handler renders it. */
export class ExitError extends Error {
  constructor(
    readonly exitCode: ExitCodeValue,
    readonly problems: readonly Problem[],
  ) {
    super(problems.map((p) => p.code).join(', '));
  }
}
