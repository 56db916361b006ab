import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { zipEntries } from '../../src/ingest/zip.js';
import { tempDir, writeWorkbook } from '../helpers/xlsx.js';

describe('zipEntries', () => {
  test('lists a workbook’s parts with their expanded sizes, without inflating them', async () => {
    const file = await writeWorkbook(tempDir(), 'big.xlsx', (wb) => {
      const ws = wb.addWorksheet('자료');
      for (let r = 1; r <= 2000; r += 1) ws.addRow([`기관${r}`, r, '동일한 내용이 반복되는 긴 문장입니다'.repeat(3)]);
    });
    const bytes = readFileSync(file);
    const entries = zipEntries(bytes)!;
    const names = entries.map((e) => e.name);
    expect(names).toContain('xl/workbook.xml');
    expect(names).toContain('xl/worksheets/sheet1.xml');
    const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    expect(total).toBeGreaterThan(bytes.length * 3);
    expect(entries.every((e) => e.compressedSize <= e.uncompressedSize + 64)).toBe(true);
  });

  test('a damaged archive gives undefined', () => {
    expect(zipEntries(readFileSync(path.join('fixtures', 'bad', 'truncated.xlsx')))).toBeUndefined();
    expect(zipEntries(Buffer.alloc(10))).toBeUndefined();
  });
});
