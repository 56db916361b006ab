/** One piece of long work shown on the progress line: reading a file, grading, writing a workbook. */
export interface ProgressTask {
  /** how much is done, in the unit of the total (bytes, institutions) */
  update(done: number): void;
  /** clears the line; output written after it starts on a clean line */
  end(): void;
}

/** Starts progress tasks; a task with no total shows its label only (a phase that cannot be measured). */
export interface Progress {
  start(label: string, total?: number): ProgressTask;
}

const silentTask: ProgressTask = { update: () => undefined, end: () => undefined };

/** No progress line: pipes, files, --quiet, --log-format json. */
export const noProgress: Progress = { start: () => silentTask };

const BAR_WIDTH = 24;
const CLEAR_LINE = '\r\x1b[K';

/**
 * Only a person at a terminal sees a progress line: never when stderr is a pipe or a file, with --quiet,
 * with JSON logs (a collector would get control characters), or on a dumb terminal. NO_COLOR does not stop
 * it, because the line has no colour.
 */
export function progressWanted(stderr: NodeJS.WritableStream, env: NodeJS.ProcessEnv, quiet: boolean, json: boolean): boolean {
  return (stderr as NodeJS.WriteStream).isTTY === true && !quiet && !json && env.TERM !== 'dumb' && env.CI === undefined;
}

/**
 * A progress line on a terminal, redrawn at most every `intervalMs` (a redraw per CSV chunk would cost more
 * than the reading), always drawn when a task starts so a slow task shows at once.
 */
export function terminalProgress(stream: NodeJS.WritableStream, intervalMs = 100, now: () => number = Date.now): Progress {
  return {
    start(label, total) {
      let lastDraw = Number.NEGATIVE_INFINITY;
      let drawn = false;
      const draw = (done: number) => {
        lastDraw = now();
        drawn = true;
        stream.write(`${CLEAR_LINE}${progressLine(label, done, total)}`);
      };
      draw(0);
      return {
        update(done) {
          if (now() - lastDraw >= intervalMs) draw(done);
        },
        end() {
          if (drawn) stream.write(CLEAR_LINE);
          drawn = false;
        },
      };
    },
  };
}

/** `label [#########---------------]  37%`, or the label alone when the total is unknown. */
export function progressLine(label: string, done: number, total: number | undefined): string {
  if (total === undefined || total <= 0) return `${label} …`;
  const share = Math.min(1, Math.max(0, done / total));
  const filled = Math.round(share * BAR_WIDTH);
  const percent = String(Math.floor(share * 100)).padStart(3);
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${percent}%`;
}
