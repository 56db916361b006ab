import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { cfbEntryNames, sniffBytes } from '../../src/ingest/sniff.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('sniffBytes', () => {
  test.each([
    ['empty', Buffer.alloc(0), 'empty'],
    ['zip (xlsx)', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'zip'],
    ['OLE compound file (xls, encrypted xlsx)', Buffer.from('D0CF11E0A1B11AE100000000', 'hex'), 'cfb'],
    ['PDF', bytes('%PDF-1.7\n'), 'pdf'],
    ['HTML saved as .xls', bytes('\uFEFF  <html xmlns:x="urn:schemas-microsoft-com:office:excel"><table>'), 'html'],
    ['a bare HTML table', bytes('<table><tr><td>1</td></tr></table>'), 'html'],
    ['XHTML', bytes('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'), 'html'],
    ['Excel 2003 XML (its <Table> is not HTML)', bytes('<?xml version="1.0"?>\n<Workbook><Worksheet><Table>'), 'xml'],
    ['CSV', bytes('기관코드,기관명\n001,가\n'), 'text'],
    ['UTF-16 text with BOM', Buffer.from([0xff, 0xfe, 0x41, 0x00]), 'text'],
  ])('%s', (_, head, kind) => {
    expect(sniffBytes(head)).toBe(kind);
  });
});

describe('cfbEntryNames', () => {
  test('an old .xls has a Workbook stream', () => {
    expect(cfbEntryNames(readFileSync('fixtures/bad/old-format.xls'))).toEqual(['Root Entry', 'Workbook', '\u0005SummaryInformation']);
  });

  test('a password-protected xlsx has EncryptionInfo and EncryptedPackage', () => {
    expect(cfbEntryNames(readFileSync('fixtures/bad/password.xlsx'))).toEqual(['Root Entry', 'EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']);
  });

  test('damaged or foreign bytes give no names rather than an exception', () => {
    const xls = readFileSync('fixtures/bad/old-format.xls');
    expect(cfbEntryNames(xls.subarray(0, 700))).toEqual([]);
    expect(cfbEntryNames(Buffer.from('not a compound file at all'.repeat(40)))).toEqual([]);
    const badSectorSize = Buffer.from(xls);
    badSectorSize.writeUInt16LE(20, 0x1e);
    expect(cfbEntryNames(badSectorSize)).toEqual([]);
  });
});
