import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { open } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { writeFileAtomic, writeToStream } from '../../src/report/output.js';
import { tempDir } from '../helpers/xlsx.js';

describe('output in pieces', () => {
  it('writes the pieces of a file one after another, atomically', async () => {
    const file = path.join(tempDir(), 'ranked.csv');
    await writeFileAtomic(file, ['\uFEFF순위,기관\r\n', Buffer.from('1,가\r\n'), '2,나\r\n'], { force: false, inputs: [] });
    expect(readFileSync(file, 'utf8')).toBe('\uFEFF순위,기관\r\n1,가\r\n2,나\r\n');
  });

  it('writes the pieces to a stream in order', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writeToStream(stream, (function* () {
      yield 'a,';
      yield 'b\n';
    })());
    expect(Buffer.concat(chunks).toString()).toBe('a,b\n');
  });

  it('takes pieces that come asynchronously (a workbook from its zip stream); a failure leaves no file behind', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'results.xlsx');
    await writeFileAtomic(file, (async function* () {
      yield Buffer.from('PK');
      yield Buffer.from('\u0003\u0004');
    })(), { force: false, inputs: [] });
    expect(readFileSync(file, 'latin1')).toBe('PK\u0003\u0004');
    const failed = path.join(dir, 'failed.xlsx');
    const pieces = (async function* () {
      yield Buffer.from('PK');
      throw new Error('the zip stream broke');
    })();
    await expect(writeFileAtomic(failed, pieces, { force: false, inputs: [] })).rejects.toMatchObject({ code: 'OUTPUT_FAILED' });
    expect(existsSync(failed)).toBe(false);
    expect(readdirSync(dir)).toEqual(['results.xlsx']);
  });

  it('a write that fails while the next piece is being made (a full disk) fails the output, leaves nothing and closes the pieces', async () => {
    const dir = tempDir();
    // FileHandle is not exported: its prototype is taken from a handle
    const probe = await open(path.join(dir, 'probe'), 'w');
    const fileHandle = Object.getPrototypeOf(probe) as { writeFile: (data: unknown) => Promise<void> };
    await probe.close();
    const realWrite = fileHandle.writeFile;
    let writes = 0;
    const spy = vi.spyOn(fileHandle, 'writeFile').mockImplementation(function (this: unknown, data: unknown) {
      writes += 1;
      if (writes === 2) return Promise.reject(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
      return realWrite.call(this, data);
    });
    let closed = false;
    const pieces = (async function* () {
      try {
        for (let k = 0; k < 5; k += 1) yield Buffer.from(`piece ${k}\n`);
      } finally {
        closed = true;
      }
    })();
    try {
      const target = path.join(dir, 'ranked.csv');
      await expect(writeFileAtomic(target, pieces, { force: false, inputs: [] })).rejects.toMatchObject({ code: 'OUTPUT_FAILED', detail: 'ENOSPC' });
      expect(existsSync(target)).toBe(false);
      expect(readdirSync(dir)).toEqual(['probe']);
      expect(closed).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });
});
