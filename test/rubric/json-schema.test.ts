import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BUNDLED_RUBRICS_DIR, listRubricFiles } from '../../src/rubric/files.js';
import { renderRubricJsonSchema, rubricJsonSchema } from '../../src/rubric/json-schema.js';
import { ROOT } from '../helpers/cli.js';

const LINT_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'rubrics', 'lint');
const validator = new Ajv2020({ allErrors: true, strict: true }).compile(rubricJsonSchema());
const yamlOf = (file: string) => parse(readFileSync(file, 'utf8')) as unknown;

describe('rubrics/schema.json', () => {
  it('is the schema generated from the zod rubric schema (run `npm run schema` after changing src/rubric/schema.ts)', () => {
    expect(readFileSync(path.join(BUNDLED_RUBRICS_DIR, 'schema.json'), 'utf8')).toBe(renderRubricJsonSchema());
  });

  it('is draft 2020-12 and describes the input side: members with defaults are optional', () => {
    const schema = rubricJsonSchema() as { $schema: string; required: string[] };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toContain('indicators');
    expect(schema.required).not.toContain('peerGroups');
    expect(schema.required).not.toContain('limiters');
  });
});

describe('the JSON Schema against rubric files', () => {
  it('accepts every bundled rubric', () => {
    const files = listRubricFiles().map((e) => e.file);
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      expect({ file, ok: validator(yamlOf(file)), errors: validator.errors ?? null }).toEqual({ file, ok: true, errors: null });
    }
  });

  it('agrees with zod on the lint fixtures: every file past the schema is valid, the schema-broken one is not', () => {
    const files = readdirSync(LINT_FIXTURES).filter((f) => f.endsWith('.yaml') && f !== 'syntax.yaml');
    for (const file of files) expect({ file, ok: validator(yamlOf(path.join(LINT_FIXTURES, file))) }).toEqual({ file, ok: file !== 'schema.yaml' });
  });

  const base = yamlOf(path.join(LINT_FIXTURES, 'clean.yaml')) as Record<string, unknown>;
  const broken: { name: string; doc: unknown; keyword: string; at: string }[] = [
    { name: 'a misspelt member', doc: { ...base, indicator: [] }, keyword: 'additionalProperties', at: '' },
    { name: 'subject outside the enum', doc: { ...base, subject: 'institution' }, keyword: 'enum', at: '/subject' },
    { name: 'a version written as a number', doc: { ...base, version: 2024 }, keyword: 'type', at: '/version' },
    { name: 'no indicators', doc: { ...base, indicators: [] }, keyword: 'minItems', at: '/indicators' },
    { name: 'a date that is not YYYY-MM-DD', doc: { ...base, effective: { from: '2024.01.01' } }, keyword: 'pattern', at: '/effective/from' },
  ];

  it.each(broken)('rejects $name', ({ doc, keyword, at }) => {
    expect(validator(doc)).toBe(false);
    expect(validator.errors).toContainEqual(expect.objectContaining({ keyword, instancePath: at }));
  });

  it('rejects an unknown scoring method kind', () => {
    const indicators = (base.indicators as Record<string, unknown>[]).map((ind, i) => (i === 0 ? { ...ind, method: { kind: 'magic' } } : ind));
    expect(validator({ ...base, indicators })).toBe(false);
  });
});
