// The worker thread of a second reader (see second-reader.ts): reads, admits and grades the later lines of a large
// CSV with a validator and grader of its own, and hands back what it graded, or nothing when a line needs the
// careful reader (the main thread then reads those lines itself).
import { parentPort, workerData } from 'node:worker_threads';
import { Grader, type GradedPart } from '../core/grader.js';
import { DataValidator, recordSpecOf } from '../core/validate.js';
import { readCsvPart } from '../ingest/csv-part.js';
import type { PartWorkerAnswer, PartWorkerData } from './second-reader.js';

const { job, rubric, options } = workerData as PartWorkerData;
const grader = new Grader(rubric, options);
const validator = new DataValidator(recordSpecOf(rubric), { asOf: options.asOf, layout: 'auto', onRecord: (record) => grader.add(record) });
const table = validator.openTable({ file: job.file, date1904: false, fixedWidth: true }, job.plan);
const read = await readCsvPart(job, table);
const { tally } = validator.result();
const taken = read && tally.errors + tally.warnings + tally.infos === 0;
const answer: PartWorkerAnswer = taken ? { part: grader.part() } : {};
parentPort!.postMessage(answer, taken ? transferables(answer.part!) : []);

/** The array buffers of a part, handed over rather than copied. */
function transferables(part: GradedPart): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (array: ArrayBufferView | undefined) => {
    if (array !== undefined && array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  };
  for (const text of [part.ids, part.names]) {
    text.chunks.forEach(add);
    add(text.ends);
  }
  [part.dataRows, part.coverage, ...part.groupCodes, ...part.withinCodes, ...part.domainPoints].forEach(add);
  [...part.deferredPoints, ...part.waitingValues, ...part.waiting].forEach(add);
  return [...buffers];
}
