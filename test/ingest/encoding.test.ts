import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { chooseEncoding, decodeChunks, isKnownEncoding, scanBytes } from '../../src/ingest/encoding.js';
import type { ByteSource } from '../../src/ingest/bytes.js';

/** A source that yields the bytes in chunks of `size`. */
const chunked = (bytes: Buffer, size = 3): ByteSource =>
  async function* () {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  };

const KOREAN = '기관코드,기관명\n00101,똠방골재가센터\n';

describe('deciding the encoding', () => {
  test.each<[string, Buffer, string]>([
    ['UTF-8', Buffer.from(KOREAN, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(KOREAN, 'utf8')]), 'utf-8'],
    ['CP949, including a CP949-only syllable (똠)', iconv.encode(KOREAN, 'cp949'), 'cp949'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(KOREAN, 'utf-16le')]), 'utf-16le'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(KOREAN, 'utf-16be')]), 'utf-16be'],
    ['plain ASCII', Buffer.from('id,name\n1,a\n'), 'utf-8'],
  ])('%s', async (_, bytes, encoding) => {
    const scan = await scanBytes(chunked(bytes));
    expect(chooseEncoding(scan)).toEqual({ encoding });
    expect(scan.size).toBe(bytes.length);
  });

  test('Latin-1 is neither UTF-8 nor clean CP949: refused, never guessed', async () => {
    const scan = await scanBytes(chunked(Buffer.from('id,name\n1,Café Müller\n', 'latin1')));
    expect(scan).toMatchObject({ utf8: false, cp949: false });
    expect(chooseEncoding(scan)).toEqual({ code: 'ENCODING_UNDETECTED' });
  });

  test('UTF-16 without a BOM has NUL bytes: refused', async () => {
    const scan = await scanBytes(chunked(iconv.encode(KOREAN, 'utf-16le')));
    expect(scan.nul).toBe(true);
    expect(chooseEncoding(scan)).toEqual({ code: 'ENCODING_UNDETECTED' });
  });

  test('a UTF-8 character split between chunks is still valid UTF-8', async () => {
    const bytes = Buffer.from(KOREAN, 'utf8');
    for (const size of [1, 2, 4, 5]) expect((await scanBytes(chunked(bytes, size))).utf8).toBe(true);
  });

  test('--encoding wins; an unknown name is refused', async () => {
    const scan = await scanBytes(chunked(Buffer.from(KOREAN, 'utf8')));
    expect(chooseEncoding(scan, 'EUC-KR')).toEqual({ encoding: 'euc-kr' });
    expect(chooseEncoding(scan, 'klingon')).toEqual({ code: 'ENCODING_UNKNOWN' });
    expect(isKnownEncoding('cp949')).toBe(true);
    expect(isKnownEncoding('klingon')).toBe(false);
  });

  test('the sha256 is of the bytes as they are', async () => {
    const scan = await scanBytes(chunked(Buffer.from('abc')));
    expect(scan.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('decodeChunks', () => {
  test('decodes CP949 split inside a character, one byte at a time, without losing it', async () => {
    const parts: string[] = [];
    for await (const text of decodeChunks(chunked(iconv.encode(KOREAN, 'cp949'), 1)(), 'cp949')) parts.push(text);
    expect(parts.join('')).toBe(KOREAN);
  });
});
