import { describe, expect, it } from 'vitest';
import { fieldUses } from '../../src/rubric/usage.js';
import { rubricFrom } from '../helpers/rubric.js';

const RUBRIC = `
id: uses
version: "1"
effective: { from: "2024-01-01" }
title: { ko: 사용처 }
subject: provider
idField: code
nameField: title
peerGroups: [region]
fields:
  - { id: code, label: { ko: 기관코드 }, type: id }
  - { id: title, label: { ko: 기관명 }, type: text }
  - { id: region, label: { ko: 시도 }, type: text }
  - { id: kind, label: { ko: 유형 }, type: text }
  - { id: users, label: { ko: 이용자 }, type: integer }
  - { id: back, label: { ko: 재이용자 }, type: integer }
  - { id: goal, label: { ko: 목표 }, type: number }
  - { id: prev, label: { ko: 전년 }, type: number }
  - { id: sanction, label: { ko: 처분 }, type: boolean }
  - { id: memo, label: { ko: 비고 }, type: text }
domains: [{ id: all, label: { ko: 전체 }, points: 100 }]
indicators:
  - { id: reuse, label: { ko: 재이용률 }, domain: all, points: 40, formula: back / users * 100, method: { kind: target, target: { field: goal } } }
  - { id: growth, label: { ko: 증가 }, domain: all, points: 30, field: users, method: { kind: improvement, baseline: { field: prev }, full: 10 } }
  - { id: rel, label: { ko: 상대 }, domain: all, points: 30, field: users, method: { kind: relative, scale: percentile, within: kind } }
total: { points: 100 }
grading: { kind: quotas, within: region, quotas: [{ grade: A, share: 50 }, { grade: B, share: 50 }] }
limiters:
  - { id: cap, label: { ko: 상한 }, when: sanction == true and years_since(as_of) >= 0, effect: { kind: capGrade, grade: B } }
checks:
  - { id: within, assert: back <= users, message: { ko: 재이용자 초과 } }
`;

describe('fieldUses', () => {
  it('finds every place a field is read, by kind and id, and nothing for a field no rule reads', () => {
    const uses = fieldUses(rubricFrom(RUBRIC).rubric);
    expect(Object.fromEntries(uses)).toEqual({
      code: [{ kind: 'identity', id: 'idField' }],
      title: [{ kind: 'identity', id: 'nameField' }],
      region: [
        { kind: 'peerGroup', id: 'region' },
        { kind: 'grading', id: 'within' },
      ],
      back: [
        { kind: 'indicator', id: 'reuse' },
        { kind: 'check', id: 'within' },
      ],
      users: [
        { kind: 'indicator', id: 'reuse' },
        { kind: 'indicator', id: 'growth' },
        { kind: 'indicator', id: 'rel' },
        { kind: 'check', id: 'within' },
      ],
      goal: [{ kind: 'indicator', id: 'reuse' }],
      prev: [{ kind: 'indicator', id: 'growth' }],
      kind: [{ kind: 'indicator', id: 'rel' }],
      sanction: [{ kind: 'limiter', id: 'cap' }],
    });
    expect(uses.has('memo')).toBe(false);
  });
});
