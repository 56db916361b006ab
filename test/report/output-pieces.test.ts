import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
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
});
