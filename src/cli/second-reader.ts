import type { GradedPart, Grader, GradeOptions } from '../core/grader.js';
import { RunColumn, uint32Column } from '../core/columns.js';
import { TextColumn } from '../core/text-column.js';
import type { PartJob, ReadPart, SecondReader } from '../ingest/csv-part.js';
import type { CompiledRubric } from '../rubric/model.js';
import { startSecondThread } from './second-thread.js';

/** What the worker thread is given when it starts: the rubric and options to grade by (the lines to read come later: a PartJob). */
export interface PartWorkerData {
  readonly rubric: CompiledRubric;
  readonly options: GradeOptions;
}

/** What the worker thread answers: the part it graded, or why it must be read here. */
export type PartWorkerAnswer = { readonly part: GradedPart } | { readonly part?: undefined };

/**
 * Below this a second thread is not worth starting (about 250,000 rows of 40 indicators); SSEVAL_SPLIT_MIN_BYTES
 * sets another size, so that tests can split small files.
 */
export const SPLIT_MIN_BYTES = 64 * 1024 * 1024;

/**
 * A second reader that grades the later half of a large CSV in a worker thread with a grader of its own, and adds
 * what it graded to `grader` when it is taken. The worker is bundled beside this module (dist/cli).
 */
export function secondReader(rubric: CompiledRubric, options: GradeOptions, grader: Grader, minBytes: number): SecondReader {
  return {
    minBytes,
    prepare() {
      const workerData: PartWorkerData = { rubric, options };
      const thread = startSecondThread<PartWorkerAnswer>('./grade-part-worker.js', workerData);
      return {
        start(job: PartJob) {
          thread.post(job);
          return thread.answer.then((answer) => (answer?.part === undefined ? undefined : readPart(answer.part, grader)));
        },
        stop: () => void thread.stop(),
      };
    },
  };
}

/** The part as read here; once taken, it no longer holds the graded arrays (the promise that gave it may live on). */
function readPart(part: GradedPart, grader: Grader): ReadPart {
  const dataRows = uint32Column(part.dataRows);
  const lineGaps = new RunColumn();
  lineGaps.pushRuns(part.lineGaps, part.count, (gap) => gap);
  let untaken: GradedPart | undefined = part;
  return {
    ids: TextColumn.from(part.ids),
    row: (index) => dataRows.get(index),
    line: (index) => dataRows.get(index) + lineGaps.get(index),
    take: (shift) => {
      if (untaken === undefined) throw new Error('a part taken twice');
      grader.append(untaken, shift);
      untaken = undefined;
    },
  };
}
