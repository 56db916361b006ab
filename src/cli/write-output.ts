import { createHash } from 'node:crypto';
import { renderMessage, type Lang } from '../messages/index.js';
import { writeFileAtomic, writeToStream, type OutputContent, type WriteOptions } from '../report/output.js';
import type { Io } from './io.js';

/** The content passed through as it is written, counting its bytes and hashing them for the log. */
function measured(content: OutputContent): { content: OutputContent; bytes: () => number; sha256: () => string } {
  const hash = createHash('sha256');
  let bytes = 0;
  const see = (piece: string | Uint8Array) => {
    const buffer = typeof piece === 'string' ? Buffer.from(piece) : piece;
    hash.update(buffer);
    bytes += buffer.byteLength;
    return buffer;
  };
  const passed = typeof content === 'string' || content instanceof Uint8Array ? see(content) : (async function* () {
    for await (const piece of content) yield see(piece);
  })();
  return { content: passed, bytes: () => bytes, sha256: () => hash.digest('hex') };
}

/**
 * Renders a command's output and writes it: to `out` atomically (never over an input, never over an existing
 * file without --force), else to stdout. Output may come in pieces (a large CSV). A written file is logged with
 * its size and sha256, and rendering plus writing show as one step on the progress line (a result workbook
 * takes a while). `threads` tells, once written, how many threads wrote it (logged when more than one).
 */
export async function writeOutput(
  io: Io,
  out: string | undefined,
  lang: Lang,
  render: () => Promise<OutputContent>,
  options: WriteOptions,
  threads: () => number = () => 1,
): Promise<void> {
  if (out === undefined || out === '-') {
    await writeToStream(io.out, await render());
    return;
  }
  const step = io.progress.start(renderMessage('PROGRESS_WRITING', { file: out }, lang));
  try {
    const written = measured(await render());
    await writeFileAtomic(out, written.content, options);
    const byThreads = threads();
    io.log.emit({ event: 'output-written', path: out, bytes: written.bytes(), sha256: written.sha256(), ...(byThreads > 1 ? { threads: byThreads } : {}) });
  } finally {
    step.end();
  }
}
