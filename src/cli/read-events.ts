import type { DataSetRead } from '../ingest/read.js';
import { renderMessage, type Lang } from '../messages/index.js';
import type { EventLog } from './event-log.js';
import type { Io } from './io.js';
import type { ProgressTask } from './progress.js';

/** Shows CSV reading on the progress line, one step per file; `end` clears the line once everything is read. */
export function readingProgress(io: Io, lang: Lang): { onBytesRead: (file: string, bytesRead: number, totalBytes: number) => void; end: () => void } {
  let current: { file: string; task: ProgressTask } | undefined;
  return {
    onBytesRead(file, bytesRead, totalBytes) {
      if (current?.file !== file) {
        current?.task.end();
        current = { file, task: io.progress.start(renderMessage('PROGRESS_READING', { file }, lang), totalBytes) };
      }
      current.task.update(bytesRead);
    },
    end() {
      current?.task.end();
      current = undefined;
    },
  };
}

/** Logs each file read with its record count, then the issues found (counted in full, listed or not). */
export function logDataSetRead(log: EventLog, dataSet: DataSetRead): void {
  for (const input of dataSet.inputs) {
    log.emit({
      event: 'file-read',
      path: input.path,
      format: input.format,
      records: input.records,
      sha256: input.sha256,
      ...(input.sheet === undefined ? {} : { sheet: input.sheet }),
      ...(input.encoding === undefined ? {} : { encoding: input.encoding }),
      ...(input.threads === undefined ? {} : { threads: input.threads }),
    });
  }
  const { errors, warnings, infos, byCode } = dataSet.tally;
  log.emit({ event: 'issues-found', errors, warnings, infos, byCode: { ...byCode } });
}
