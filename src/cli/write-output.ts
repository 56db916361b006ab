import { renderMessage, type Lang } from '../messages/index.js';
import { writeFileAtomic, writeToStream, type WriteOptions } from '../report/output.js';
import { sha256 } from '../rubric/parse.js';
import type { Io } from './io.js';

/**
 * Renders a command's output and writes it: to `out` atomically (never over an input, never over an existing
 * file without --force), else to stdout. A written file is logged with its size and sha256, and rendering
 * plus writing show as one step on the progress line (a result workbook takes a while).
 */
export async function writeOutput(
  io: Io,
  out: string | undefined,
  lang: Lang,
  render: () => Promise<string | Uint8Array>,
  options: WriteOptions,
): Promise<void> {
  if (out === undefined || out === '-') {
    await writeToStream(io.out, await render());
    return;
  }
  const step = io.progress.start(renderMessage('PROGRESS_WRITING', { file: out }, lang));
  try {
    const content = await render();
    await writeFileAtomic(out, content, options);
    io.log.emit({ event: 'output-written', path: out, bytes: Buffer.byteLength(content), sha256: sha256(content) });
  } finally {
    step.end();
  }
}
