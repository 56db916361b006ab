import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readGradeDocument } from '../../src/ingest/grade-json.js';
import { fixtureDocument } from '../helpers/report-fixture.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sseval-grade-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
};
const { doc } = fixtureDocument();

describe('readGradeDocument', () => {
  test('reads a grade document back as it was written, a BOM allowed', async () => {
    const read = await readGradeDocument(file('ok.json', `\uFEFF${JSON.stringify(doc)}`));
    expect(read.problems).toEqual([]);
    expect(read.doc).toEqual(doc);
  });

  test.each([
    ['a missing file', () => path.join(dir, 'missing.json'), 'COMPARE_UNREADABLE', { detail: 'ENOENT' }],
    ['text that is not JSON', () => file('bad.json', '{"schemaVersion": 1,'), 'COMPARE_NOT_JSON', {}],
    ['another schema version', () => file('v2.json', JSON.stringify({ ...doc, schemaVersion: 2 })), 'COMPARE_SCHEMA_VERSION', { version: 2, supported: 1 }],
    ['another document', () => file('other.json', JSON.stringify({ schemaVersion: 1, certificates: [] })), 'COMPARE_BAD_FILE', { path: 'tool' }],
    [
      'a result without a total',
      () => file('shape.json', JSON.stringify({ ...doc, results: [{ ...doc.results[0], total: 'high' }] })),
      'COMPARE_BAD_FILE',
      { path: 'results.0.total' },
    ],
    [
      'an institution listed twice',
      () => file('twice.json', JSON.stringify({ ...doc, results: [doc.results[0], doc.results[0]] })),
      'COMPARE_DUPLICATE_ID',
      { id: '0101' },
    ],
  ])('refuses %s', async (_name, make, code, args) => {
    const target = make();
    const read = await readGradeDocument(target);
    expect(read.doc).toBeUndefined();
    expect(read.problems[0]).toMatchObject({ code, severity: 'error', position: { file: target }, args: { file: target, ...args } });
  });

  test('reports at most five shape problems', async () => {
    const read = await readGradeDocument(file('empty.json', '{}'));
    expect(read.problems.length).toBe(5);
    expect(read.problems.every((p) => p.code === 'COMPARE_BAD_FILE')).toBe(true);
  });
});
