// The worker thread of a second writer (see second-writer.ts): writes the later lines of a large ranking into a
// temp file, reading the graded table's arrays in place (they are shared memory), and says whether all are written.
import { once } from 'node:events';
import { closeSync, openSync, writeSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { rankedOrderOf, rankedRowsOf } from '../core/ranking.js';
import { gradeCsvLines } from '../report/grade-csv.js';
import type { WriteWorkerAnswer, WriteWorkerData } from './second-writer.js';

// started while the table is graded: the lines to write come once it is ranked
const [{ job, from, file }] = (await once(parentPort!, 'message')) as [WriteWorkerData];
// the ranking's own order is read once, into a copy of this part, where this thread puts tied lines in order
const rows = rankedRowsOf(job.ranking, rankedOrderOf(job.ranking).from(from));
const fieldLabel = (field: string) => job.fieldLabels[field] ?? field;
let answer: WriteWorkerAnswer;
try {
  const fd = openSync(file, 'wx');
  try {
    for (const piece of gradeCsvLines(job.doc, rows, job.lang, fieldLabel, from, rows.count)) {
      for (let at = 0; at < piece.length; ) at += writeSync(fd, piece, at);
    }
  } finally {
    closeSync(fd);
  }
  answer = { written: true };
} catch {
  // the disk full, say: the main thread writes these lines itself and meets the same fault, which it reports
  answer = { written: false };
}
parentPort!.postMessage(answer);
