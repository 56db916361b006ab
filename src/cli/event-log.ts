// types only: the zod schema of the events is for their readers (tests, log collectors), not for writing them
import type { LogEvent, LogEventInput } from '../report/log-events.js';

/** How diagnostics reach stderr: text for a person, or one JSON event per line for a log collector. */
export type LogFormat = 'text' | 'json';

/** Where commands report what they did (files read, issues, outputs, jobs); passed in the Io, never global. */
export interface EventLog {
  readonly format: LogFormat;
  emit(event: LogEventInput): void;
  /** the same log, stamping every event with a `sseval run` job's name */
  forJob(job: string): EventLog;
}

/**
 * The text log: its events are not printed, because in text mode the commands already say in words what a
 * person needs (problems, the run's job outcomes), and repeating them as event lines would be noise.
 */
export const textEventLog: EventLog = {
  format: 'text',
  emit: () => undefined,
  forJob: () => textEventLog,
};

/** One JSON line per event on `stream`, time-stamped by `clock`. */
export function jsonEventLog(stream: NodeJS.WritableStream, clock: () => Date = () => new Date(), job?: string): EventLog {
  return {
    format: 'json',
    emit: (event) => {
      const line = { time: clock().toISOString(), ...(job === undefined ? {} : { job }), ...event } as LogEvent;
      stream.write(`${JSON.stringify(line)}\n`); // one event per line
    },
    forJob: (name) => jsonEventLog(stream, clock, name),
  };
}

/** The same log, also showing each event to `observe` (say, to list the outputs a job wrote). */
export function observedEventLog(log: EventLog, observe: (event: LogEventInput) => void): EventLog {
  return {
    format: log.format,
    emit: (event) => {
      observe(event);
      log.emit(event);
    },
    forJob: (job) => observedEventLog(log.forJob(job), observe),
  };
}
