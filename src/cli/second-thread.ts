import { Worker } from 'node:worker_threads';

/** A worker thread at work: its one answer (undefined when it failed or could not start), and a way to end it. */
export interface SecondThread<Answer> {
  readonly answer: Promise<Answer | undefined>;
  /** Sends the thread what it learns only after it started (its job, say). */
  post(message: unknown): void;
  stop(): Promise<void>;
}

/**
 * Starts the worker thread bundled as `module` beside the CLI (dist/cli) with `workerData`. It answers once and has
 * nothing left to do then, so it is ended as soon as it answers (its heap goes at once). A worker that cannot
 * start (data that cannot be sent, no thread to be had) or fails (out of memory, say) answers undefined: the caller
 * then does the work itself.
 */
export function startSecondThread<Answer>(module: string, workerData: unknown): SecondThread<Answer> {
  let worker: Worker;
  try {
    worker = new Worker(new URL(module, import.meta.url), { workerData });
  } catch {
    return { answer: Promise.resolve(undefined), post: () => {}, stop: async () => {} };
  }
  const answer = new Promise<Answer | undefined>((resolve) => {
    worker.once('message', (message: Answer) => {
      void worker.terminate();
      resolve(message);
    });
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  return {
    answer,
    post: (message) => {
      try {
        worker.postMessage(message);
      } catch {
        // a message that cannot be sent: the caller does the work itself
        void worker.terminate();
      }
    },
    stop: async () => {
      await worker.terminate();
    },
  };
}

/** A size from the environment (SSEVAL_SPLIT_MIN_BYTES, SSEVAL_SPLIT_MIN_LINES): a whole number, else `fallback`. */
export function splitSetting(setting: string | undefined, fallback: number): number {
  return setting !== undefined && /^\d+$/.test(setting) ? Number(setting) : fallback;
}
