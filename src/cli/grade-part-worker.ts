// The worker thread of a second reader (see second-reader.ts): reads, admits and grades the later lines of a large
// CSV with a validator and grader of its own, and hands back what it graded, or nothing when a line needs the
// careful reader (the main thread then reads those lines itself).
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { Grader, type GradedPart } from '../core/grader.js';
import { DataValidator, recordSpecOf } from '../core/validate.js';
import { readCsvPart, type PartJob } from '../ingest/csv-part.js';
import type { PartWorkerAnswer, PartWorkerData } from './second-reader.js';

const { rubric, options } = workerData as PartWorkerData;
const grader = new Grader(rubric, options);
const validator = new DataValidator(recordSpecOf(rubric), {
  asOf: options.asOf,
  layout: 'auto',
  onRecord: (record) => grader.add(record),
  onExpect: (records) => grader.expectMore(records),
});
// started while the file is scanned: the lines to read come once this thread's header is read
const [job] = (await once(parentPort!, 'message')) as [PartJob];
validator.expectMore(job.expectedRecords);
const table = validator.openTable({ file: job.file, date1904: false, fixedWidth: true }, job.plan);
const read = await readCsvPart(job, table);
const { tally } = validator.result();
const taken = read && tally.errors + tally.warnings + tally.infos === 0;
const answer: PartWorkerAnswer = taken ? { part: grader.part() } : {};
parentPort!.postMessage(answer, taken ? transferables(answer.part!) : []);

/** Every array buffer in the part, found by walking it, handed over rather than copied. */
function transferables(part: GradedPart): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const walk = (value: unknown): void => {
    if (ArrayBuffer.isView(value)) {
      if (value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null && !(value instanceof Map)) Object.values(value).forEach(walk);
  };
  walk(part);
  return [...buffers];
}
