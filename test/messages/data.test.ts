import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { USAGE_PROBLEM_CODES } from '../../src/ingest/read.js';
import { dataMessages } from '../../src/messages/data.js';
import { messageCodes } from '../../src/messages/index.js';

/** The arguments a template uses; labelKo and labelEn count as one argument in two languages. */
const placeholders = (template: string) => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/(Ko|En)$/, '')))].sort();

describe('data messages', () => {
  test.each(Object.entries(dataMessages))('%s says the same thing in Korean and English', (_, { ko, en }) => {
    expect(ko.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(placeholders(ko)).toEqual(placeholders(en));
  });

  test('every code the bad-input corpus expects, and every usage code, has a message', () => {
    const manifest = JSON.parse(readFileSync('fixtures/bad/manifest.json', 'utf8')) as { files: Record<string, { codes: string[] }> };
    const codes = new Set([...Object.values(manifest.files).flatMap((f) => f.codes), ...USAGE_PROBLEM_CODES]);
    expect([...codes].filter((code) => !messageCodes.includes(code))).toEqual([]);
  });
});
