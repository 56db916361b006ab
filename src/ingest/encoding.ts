import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import type { ByteSource } from './bytes.js';

/** What one pass over a text file found out: its hash, its first bytes and which encodings it is valid in. */
export interface ByteScan {
  readonly sha256: string;
  readonly size: number;
  /** the first HEAD_BYTES bytes, for delimiter detection */
  readonly head: Buffer;
  readonly bom?: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** valid UTF-8 from start to end */
  readonly utf8: boolean;
  /** decodes as CP949 without a single replacement character */
  readonly cp949: boolean;
  /** contains NUL bytes: UTF-16 without a BOM, or not text at all */
  readonly nul: boolean;
}

const HEAD_BYTES = 64 * 1024;

/**
 * How many bytes at the end start a UTF-8 character that the next chunk completes (0–3): a lead byte with fewer
 * continuation bytes after it than it announces.
 */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const needs = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needs > back ? back : 0;
  }
  return 0;
}

/** Whether the bytes decode as CP949 without a replacement character, read with a stateful decoder. */
async function isCleanCp949(source: ByteSource): Promise<boolean> {
  const decoder = iconv.getDecoder('cp949');
  for await (const chunk of source()) {
    if (decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)).includes('\uFFFD')) return false;
  }
  return !(decoder.end() ?? '').includes('\uFFFD');
}

/**
 * Reads the bytes once, hashing them and checking whether they are strict UTF-8 (a character may be split
 * between chunks); only text that is not UTF-8 is read again to see whether it is clean CP949, so the common
 * file builds no CP949 decoder.
 */
export async function scanBytes(source: ByteSource): Promise<ByteScan> {
  const hash = createHash('sha256');
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  let utf8 = true;
  let nul = false;
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of source()) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    hash.update(bytes);
    size += bytes.length;
    if (headLength < HEAD_BYTES) {
      headChunks.push(bytes.subarray(0, HEAD_BYTES - headLength));
      headLength += Math.min(bytes.length, HEAD_BYTES - headLength);
    }
    if (!nul && bytes.includes(0)) nul = true;
    if (utf8) {
      const text = carry.length === 0 ? bytes : Buffer.concat([carry, bytes]);
      const whole = text.length - incompleteTail(text);
      utf8 = isUtf8(text.subarray(0, whole));
      carry = Buffer.from(text.subarray(whole));
    }
  }
  if (carry.length > 0) utf8 = false;
  const cp949 = !utf8 && (await isCleanCp949(source));
  const head = Buffer.concat(headChunks);
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 'utf-8' : head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : undefined;
  return { sha256: hash.digest('hex'), size, head, ...(bom === undefined ? {} : { bom }), utf8, cp949, nul };
}

/** The encoding to read a text file with, or the code of the problem that stops it. */
export type EncodingChoice = { readonly encoding: string } | { readonly code: 'ENCODING_UNDETECTED' | 'ENCODING_UNKNOWN' };

/**
 * Decides the encoding: `--encoding` when given; else a byte-order mark; else strict UTF-8; else CP949
 * when it decodes without a replacement character (Korean Excel's "CSV"); else refuse and ask. A guess that
 * could turn text into mojibake is never made.
 */
export function chooseEncoding(scan: ByteScan, explicit?: string): EncodingChoice {
  if (explicit !== undefined) return iconv.encodingExists(explicit) ? { encoding: explicit.toLowerCase() } : { code: 'ENCODING_UNKNOWN' };
  if (scan.bom !== undefined) return { encoding: scan.bom };
  if (scan.nul) return { code: 'ENCODING_UNDETECTED' };
  if (scan.utf8) return { encoding: 'utf-8' };
  if (scan.cp949) return { encoding: 'cp949' };
  return { code: 'ENCODING_UNDETECTED' };
}

/** Decodes chunks to text with a stateful decoder, so characters split across chunks come out whole; drops a BOM. */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array>, encoding: string): AsyncGenerator<string> {
  const decoder = iconv.getDecoder(encoding);
  for await (const chunk of chunks) {
    const text = decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** Decodes the start of a file for a look at its structure (an unfinished last character is left out). */
export function decodeHead(head: Buffer, encoding: string): string {
  return iconv.getDecoder(encoding).write(head);
}

/** True when iconv-lite knows the encoding name (cp949, euc-kr, utf-8, utf-16le, …). */
export function isKnownEncoding(name: string): boolean {
  return iconv.encodingExists(name);
}
