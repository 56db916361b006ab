import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/core/digest.js';
import { BUNDLED_RUBRICS_DIR, precheckRubricFiles, resolveRubric } from '../../src/rubric/files.js';
import { readRubricIdentity } from '../../src/rubric/identity.js';
import { rubricFilesIn } from '../../src/rubric/locate.js';
import {
  identityOfRubric,
  readPrecheckedRubrics,
  resolvePrechecked,
  rubricSchemaDigest,
  type PrecheckedRubrics,
  type PrecheckedRubricsFile,
} from '../../src/rubric/prechecked.js';

const ROOT = path.resolve(path.dirname(BUNDLED_RUBRICS_DIR));
const bundledFiles = rubricFilesIn([BUNDLED_RUBRICS_DIR]);

const SCHEMA_MODULE = path.join(ROOT, 'src', 'rubric', 'schema.ts');

/** Writes the pre-checked rubrics file as the build does (for the schema module `schema`). */
function writePrechecked(files: readonly string[], schema: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sseval-prechecked-')), 'rubrics.prechecked.json');
  const written: PrecheckedRubricsFile = { schema: rubricSchemaDigest(schema)!, rubrics: precheckRubricFiles(files) };
  writeFileSync(file, JSON.stringify(written));
  return file;
}

/** The pre-checked rubrics as the CLI reads them: written as JSON by the build, read back from the file. */
function precheckedFrom(files: readonly string[]): PrecheckedRubrics {
  return readPrecheckedRubrics(writePrechecked(files, SCHEMA_MODULE), SCHEMA_MODULE);
}

const prechecked = precheckedFrom(bundledFiles);
const date = (year: number, month: number, day: number) => ({ year, month, day });

describe('pre-checked bundled rubrics', () => {
  it('hold every bundled rubric, each exactly as the schema gave it', () => {
    expect(prechecked.size).toBe(bundledFiles.length);
    for (const file of bundledFiles) {
      const full = resolveRubric(file, date(2024, 12, 31)).rubric!;
      expect(prechecked.get(full.source.sha256)).toStrictEqual(full.rubric);
    }
  });

  it('are what the build wrote next to dist (tests run after `npm run build`)', () => {
    expect(readPrecheckedRubrics(path.join(ROOT, 'dist', 'rubrics.prechecked.json'), path.join(ROOT, 'dist', 'rubric', 'schema.js'))).toStrictEqual(prechecked);
  });

  it('are none once the schema module is not the one that checked them (tsc run alone after a schema change)', () => {
    const file = writePrechecked(bundledFiles, SCHEMA_MODULE);
    expect(readPrecheckedRubrics(file, path.join(ROOT, 'src', 'rubric', 'model.ts')).size).toBe(0);
    expect(readPrecheckedRubrics(file, path.join(ROOT, 'src', 'rubric', 'no-such-module.js')).size).toBe(0);
  });

  it.each(bundledFiles.map((file) => [path.basename(file), file]))('give %s the identity read from its file', (_name, file) => {
    const rubric = prechecked.get(sha256(readFileSync(file)))!;
    expect(identityOfRubric(rubric)).toStrictEqual(readRubricIdentity(readFileSync(file, 'utf8')));
  });

  it.each([
    ['an id, the version effective on the day', 'facility', date(2023, 12, 31)],
    ['an id, the later version', 'facility', date(2024, 1, 1)],
    ['id@version', 'agency-management@2024', date(2026, 11, 23)],
    ['the file of a bundled rubric', path.join(BUNDLED_RUBRICS_DIR, 'quality-cert-2024.yaml'), date(2024, 12, 17)],
  ])('resolve %s to the rubric the full checks give', (_case, ref, asOf) => {
    const full = resolveRubric(ref, asOf, [BUNDLED_RUBRICS_DIR]);
    expect(full.problems).toEqual([]);
    expect(resolvePrechecked(prechecked, ref, asOf, [BUNDLED_RUBRICS_DIR])).toStrictEqual(full.rubric);
  });

  it.each([
    ['an unknown id', 'nobody', date(2024, 1, 1)],
    ['a version that does not exist', 'facility@1999', date(2024, 1, 1)],
    ['no version effective yet', 'agency-management', date(2023, 12, 31)],
    ['a file that does not exist', 'rubrics/none.yaml', date(2024, 1, 1)],
  ])('leave %s to the full path, which reports it', (_case, ref, asOf) => {
    expect(resolvePrechecked(prechecked, ref, asOf, [BUNDLED_RUBRICS_DIR])).toBeUndefined();
    expect(resolveRubric(ref, asOf, [BUNDLED_RUBRICS_DIR]).problems).not.toEqual([]);
  });

  it('leave an edited rubric, and every id resolved in its folder, to the full path', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sseval-edited-'));
    const edited = path.join(dir, 'facility-2024.yaml');
    copyFileSync(path.join(BUNDLED_RUBRICS_DIR, 'facility-2024.yaml'), edited);
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}# edited\n`);
    expect(resolvePrechecked(prechecked, edited, date(2024, 1, 1), [BUNDLED_RUBRICS_DIR])).toBeUndefined();
    expect(resolvePrechecked(prechecked, 'agency-management', date(2024, 1, 1), [BUNDLED_RUBRICS_DIR, dir])).toBeUndefined();
    // an unchanged copy is the same bytes: taken as checked, with its own path
    const copy = path.join(dir, 'copy.yaml');
    copyFileSync(path.join(BUNDLED_RUBRICS_DIR, 'facility-2024.yaml'), copy);
    expect(resolvePrechecked(prechecked, copy, date(2024, 1, 1), [BUNDLED_RUBRICS_DIR])).toStrictEqual(resolveRubric(copy, date(2024, 1, 1)).rubric);
  });

  it('are none when the build wrote none (tests of src/, a tsc-only build)', () => {
    expect(readPrecheckedRubrics(path.join(tmpdir(), 'no-such-dir', 'rubrics.prechecked.json')).size).toBe(0);
    expect(resolvePrechecked(new Map(), 'facility', date(2024, 1, 1), [BUNDLED_RUBRICS_DIR])).toBeUndefined();
  });

  it('leave out a rubric the full checks refuse', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sseval-broken-'));
    const broken = path.join(dir, 'broken.yaml');
    writeFileSync(broken, readFileSync(path.join(BUNDLED_RUBRICS_DIR, 'facility-2024.yaml'), 'utf8').replace(/^version: .*$/m, 'version: 2024\nversion: 2025'));
    expect(resolveRubric(broken, date(2024, 1, 1)).problems).not.toEqual([]);
    expect(precheckRubricFiles([broken])).toEqual({});
  });
});
