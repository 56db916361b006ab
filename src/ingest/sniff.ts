/** What a file's first bytes say it is, whatever its name. */
export type SniffedKind = 'empty' | 'zip' | 'cfb' | 'html' | 'xml' | 'pdf' | 'text';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Classifies a file by its first bytes (a few KB are enough): an xlsx is a zip (PK\x03\x04); an old .xls
 * and a password-protected xlsx are both OLE compound files (D0 CF 11 E0); "Excel" files saved as web
 * pages start with `<`. Everything else is treated as text and left to the encoding check.
 */
export function sniffBytes(head: Uint8Array): SniffedKind {
  if (head.length === 0) return 'empty';
  if (startsWith(head, ZIP)) return 'zip';
  if (startsWith(head, CFB)) return 'cfb';
  if (startsWith(head, PDF)) return 'pdf';
  const text = Buffer.from(head).toString('latin1').replace(/^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (!text.startsWith('<')) return 'text';
  // An XML declaration starts Excel 2003 XML workbooks (whose <Table> is not HTML) as well as XHTML pages.
  if (text.startsWith('<?xml')) return /<html/.test(text) ? 'html' : 'xml';
  return /<html|<table|<!doctype html/.test(text) ? 'html' : 'xml';
}

/**
 * Names of the streams and storages in an OLE compound file (CFB) directory: "Workbook" in an old .xls,
 * "EncryptedPackage" and "EncryptionInfo" in a password-protected xlsx. Empty when the directory cannot be read.
 */
export function cfbEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 512 || !startsWith(bytes, CFB)) return [];
  const sectorSize = 2 ** view.getUint16(0x1e, true);
  if (sectorSize !== 512 && sectorSize !== 4096) return [];
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  const inFile = (sector: number) => sector < 0xfffffffa && sectorOffset(sector) + sectorSize <= bytes.length;

  // The FAT's own sectors are listed in the header (109 entries) and then in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i += 1) fatSectors.push(view.getUint32(0x4c + i * 4, true));
  let difat = view.getUint32(0x44, true);
  for (let guard = 0; inFile(difat) && guard < 10_000; guard += 1) {
    const base = sectorOffset(difat);
    for (let i = 0; i < sectorSize / 4 - 1; i += 1) fatSectors.push(view.getUint32(base + i * 4, true));
    difat = view.getUint32(base + sectorSize - 4, true);
  }
  const fat: number[] = [];
  for (const sector of fatSectors) {
    if (!inFile(sector)) continue;
    const base = sectorOffset(sector);
    for (let i = 0; i < sectorSize / 4; i += 1) fat.push(view.getUint32(base + i * 4, true));
  }

  const names: string[] = [];
  const visited = new Set<number>();
  for (let sector = view.getUint32(0x30, true); inFile(sector) && !visited.has(sector); sector = fat[sector] ?? 0xfffffffe) {
    visited.add(sector);
    const base = sectorOffset(sector);
    for (let entry = 0; entry < sectorSize / 128; entry += 1) {
      const at = base + entry * 128;
      const nameBytes = Math.min(view.getUint16(at + 0x40, true), 64);
      const type = bytes[at + 0x42];
      if (type === 0 || nameBytes < 2) continue;
      names.push(Buffer.from(bytes.subarray(at, at + nameBytes - 2)).toString('utf16le'));
    }
  }
  return names;
}
