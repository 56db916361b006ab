import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readRubricIdentity } from '../../src/rubric/identity.js';

describe('readRubricIdentity', () => {
  it.each([
    [
      'block YAML with comments, a quoted version and a block scalar before the identity',
      '# 기준\ndescription: |\n  id: not-this-one\n  여러 줄\nid: agency-management # 주석\nversion: "2024"\neffective:\n  from: "2024-01-01" # 열린 기간\nfields:\n  - id: x\n',
      { id: 'agency-management', version: '2024', from: '2024-01-01', to: undefined },
    ],
    [
      'a numeric version and a closed period in flow style',
      'id: facility\nversion: 2021\neffective: { from: "2021-01-01", to: "2023-12-31" }\n',
      { id: 'facility', version: '2021', from: '2021-01-01', to: '2023-12-31' },
    ],
    ['JSON, read whole', '{"id": "j", "version": "1", "effective": {"from": "2024-01-01"}}', { id: 'j', version: '1', from: '2024-01-01', to: undefined }],
    ['an alias to an anchor outside the identity blocks, read whole', 'base: &v "7"\nid: a\nversion: *v\neffective: { from: "2024-01-01" }\n', { id: 'a', version: '7', from: '2024-01-01', to: undefined }],
    ['CRLF line ends', 'id: crlf\r\nversion: "1"\r\neffective:\r\n  from: "2024-01-01"\r\n', { id: 'crlf', version: '1', from: '2024-01-01', to: undefined }],
  ])('%s', (_, text, expected) => {
    expect(readRubricIdentity(text)).toEqual(expected);
  });

  it.each([
    ['no id', 'version: "1"\neffective: { from: "2024-01-01" }\n'],
    ['no effective period', 'id: a\nversion: "1"\n'],
    ['not YAML at all', 'id: [unclosed\n'],
    ['a list, not a mapping', '- id: a\n'],
  ])('is undefined for %s', (_, text) => {
    expect(readRubricIdentity(text)).toBeUndefined();
  });

  const identifier = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/);
  const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const other = fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });

  test.prop([identifier, fc.oneof(identifier, fc.integer({ min: 1, max: 3000 })), date, fc.option(date, { nil: undefined }), other, fc.boolean()])(
    'finds what a full parse finds, whatever surrounds the identity',
    (id, version, from, to, rest, identityFirst) => {
      const identity = { id, version, effective: to === undefined ? { from } : { from, to } };
      const others = Object.fromEntries(Object.entries(rest).filter(([key]) => !['id', 'version', 'effective'].includes(key)));
      const text = stringify(identityFirst ? { ...identity, ...others } : { ...others, ...identity });
      const full = parse(text) as { id: string; version: string | number; effective: { from: string; to?: string } };
      expect(readRubricIdentity(text)).toEqual({ id: full.id, version: String(full.version), from: full.effective.from, to: full.effective.to });
    },
  );
});
