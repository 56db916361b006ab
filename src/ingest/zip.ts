/** One file inside a zip archive, from its central directory. */
export interface ZipEntry {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** 0 stored, 8 deflated */
  readonly method: number;
  /** where the entry's local header starts */
  readonly offset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const MAX_32 = 0xffffffff;

/**
 * Lists a zip archive's entries from its central directory, without inflating anything, so the size a
 * workbook expands to can be checked before a parser tries (a 160 KB xlsx can expand to 438 MB).
 * Undefined when the archive is damaged.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at -= 1) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if ((offset === MAX_32 || count === 0xffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const record = Number(view.getBigUint64(eocd - 20 + 8, true));
    if (record + 56 > bytes.length) return undefined;
    count = Number(view.getBigUint64(record + 32, true));
    offset = Number(view.getBigUint64(record + 48, true));
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return undefined;
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8');
    let localOffset = view.getUint32(at + 42, true);
    // ZIP64: sizes that do not fit 32 bits are in extra field 0x0001, uncompressed first.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = view.getUint16(x, true);
      const size = view.getUint16(x + 2, true);
      if (id === 0x0001) {
        let field = x + 4;
        if (uncompressedSize === MAX_32 && field + 8 <= x + 4 + size) {
          uncompressedSize = Number(view.getBigUint64(field, true));
          field += 8;
        }
        if (compressedSize === MAX_32 && field + 8 <= x + 4 + size) {
          compressedSize = Number(view.getBigUint64(field, true));
          field += 8;
        }
        if (localOffset === MAX_32 && field + 8 <= x + 4 + size) localOffset = Number(view.getBigUint64(field, true));
      }
      x += 4 + size;
    }
    entries.push({ name, compressedSize, uncompressedSize, method, offset: localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const LOCAL = 0x04034b50;

/**
 * An entry's bytes as stored (compressed when `method` is 8), from its local header; undefined when the header is
 * not where the central directory says or the data runs past the end.
 */
export function storedBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== LOCAL) return undefined;
  const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  return start + entry.compressedSize > bytes.length ? undefined : bytes.subarray(start, start + entry.compressedSize);
}
