import { rmSync } from 'node:fs';
import { problem } from '../core/problems.js';
import { pendingTempFiles } from '../report/output.js';
import { renderProblemsText } from '../report/problems-text.js';
import { ExitCode } from './exit.js';
import { resolveLang, type Io } from './io.js';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * On SIGINT or SIGTERM: removes the temp files of outputs still being written (an output only ever appears
 * by renaming a finished temp file, so none is left half-written), says so, and ends with exit 130.
 * Returns a function that removes the handlers.
 */
export function handleInterrupts(io: Io): () => void {
  const onSignal = (signal: (typeof SIGNALS)[number]) => {
    const removed = [...pendingTempFiles].sort();
    for (const file of removed) rmSync(file, { force: true });
    pendingTempFiles.clear();
    io.log.emit({ event: 'interrupted', signal, removed });
    io.err.write(renderProblemsText([problem('INTERRUPTED', 'error', {}, { signal })], resolveLang(undefined), io.errColor));
    // The one exit outside main: the work in flight must stop now, and what it would have printed or
    // written is abandoned on purpose; the reason for the house rule (output cut short) does not apply.
    process.exit(ExitCode.interrupted);
  };
  const listeners = SIGNALS.map((signal) => [signal, () => onSignal(signal)] as const);
  for (const [signal, listener] of listeners) process.on(signal, listener);
  return () => {
    for (const [signal, listener] of listeners) process.off(signal, listener);
  };
}
