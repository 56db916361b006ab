import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Chalk } from 'chalk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleInterrupts } from '../../src/cli/interrupt.js';
import type { Io } from '../../src/cli/io.js';
import { noProgress } from '../../src/cli/progress.js';
import { textEventLog } from '../../src/cli/event-log.js';
import { pendingTempFiles, writeFileAtomic } from '../../src/report/output.js';
import { tempDir } from '../helpers/xlsx.js';

function captureIo(): { io: Io; err: () => string } {
  let text = '';
  const sink = { write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WritableStream;
  const io: Io = { out: sink, err: sink, outColor: new Chalk({ level: 0 }), errColor: new Chalk({ level: 0 }), log: textEventLog, progress: noProgress, forJob: () => io };
  return { io, err: () => text };
}

describe('handleInterrupts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('SIGINT in the middle of an atomic write removes the temp file, leaves no output and exits 130', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const { io, err } = captureIo();
    const stop = handleInterrupts(io);
    const dir = tempDir();
    const target = path.join(dir, 'result.csv');
    const writing = writeFileAtomic(target, Buffer.alloc(256 * 1024 * 1024, 0x41), { force: false, inputs: [] });
    // wait until the temp file is on disk and being written
    while (![...pendingTempFiles].some((file) => existsSync(file))) await new Promise((resolve) => setTimeout(resolve, 1));
    process.emit('SIGINT');
    stop();
    // the process would be gone here; with exit stubbed the write goes on and finds its temp file removed
    await expect(writing).rejects.toMatchObject({ code: 'OUTPUT_FAILED' });
    expect(exit).toHaveBeenCalledWith(130);
    expect(readdirSync(dir)).toEqual([]);
    expect(pendingTempFiles.size).toBe(0);
    expect(err()).toContain('오류 INTERRUPTED: SIGINT 신호로 중단했습니다');
  });

  it('removes its handlers when asked', () => {
    const before = process.listenerCount('SIGTERM');
    const stop = handleInterrupts(captureIo().io);
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    stop();
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});
