import { z } from 'zod';

/** Fields every event line carries: what happened, when, and the `sseval run` job it belongs to (if any). */
const base = {
  /** ISO 8601 instant the event was written; logs carry time, outputs never do */
  time: z.string(),
  job: z.string().optional(),
};

const JobStarted = z.strictObject({
  ...base,
  event: z.literal('job-started'),
  command: z.enum(['grade', 'validate', 'certs']),
  /** the command line the job runs, after the config and the command-line overrides are merged */
  argv: z.array(z.string()),
});

const FileRead = z.strictObject({
  ...base,
  event: z.literal('file-read'),
  path: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** data rows read as records */
  records: z.number().int().min(0),
  sha256: z.string(),
  sheet: z.string().optional(),
  encoding: z.string().optional(),
  /** 2 when a large CSV's second half was read on another thread */
  threads: z.number().int().min(2).optional(),
});

const IssuesFound = z.strictObject({
  ...base,
  event: z.literal('issues-found'),
  errors: z.number().int().min(0),
  warnings: z.number().int().min(0),
  infos: z.number().int().min(0),
  /** problem counts by code, including those past --max-errors that were counted but not listed */
  byCode: z.record(z.string(), z.number().int().min(0)),
});

const OutputWritten = z.strictObject({
  ...base,
  event: z.literal('output-written'),
  path: z.string(),
  bytes: z.number().int().min(0),
  sha256: z.string(),
  /** 2 when the later lines of a large ranking were written on another thread */
  threads: z.number().int().min(2).optional(),
});

const JobFinished = z.strictObject({
  ...base,
  event: z.literal('job-finished'),
  exitCode: z.number().int(),
  /** wall time of the job, for log collectors */
  durationMs: z.number().int().min(0),
});

const RunFinished = z.strictObject({
  ...base,
  event: z.literal('run-finished'),
  /** the worst job's exit code */
  exitCode: z.number().int(),
  jobs: z.array(z.strictObject({ job: z.string(), exitCode: z.number().int() })),
});

const Interrupted = z.strictObject({
  ...base,
  event: z.literal('interrupted'),
  signal: z.enum(['SIGINT', 'SIGTERM']),
  /** temp files of unfinished outputs that were removed */
  removed: z.array(z.string()),
});

/** A line a command would otherwise print for a person (a problem, a usage error), kept as text inside the JSON log. */
const Diagnostic = z.strictObject({
  ...base,
  event: z.literal('diagnostic'),
  text: z.string(),
});

/** One line of `--log-format json` on stderr. */
export const LogEventSchema = z.discriminatedUnion('event', [JobStarted, FileRead, IssuesFound, OutputWritten, JobFinished, RunFinished, Interrupted, Diagnostic]);

export type LogEvent = z.infer<typeof LogEventSchema>;

type WithoutStamp<E> = E extends unknown ? Omit<E, 'time' | 'job'> : never;

/** An event as a command emits it: the logger stamps the time and the job. */
export type LogEventInput = WithoutStamp<LogEvent>;
