import { describe, expect, it } from 'vitest';
import { diffRubrics, RubricChangeSchema } from '../../src/rubric/diff.js';
import { resolveRubric } from '../../src/rubric/files.js';
import type { CompiledRubric } from '../../src/rubric/model.js';
import { rubricFrom } from '../helpers/rubric.js';

const BASE = `
id: mini
version: "1"
effective: { from: "2024-01-01" }
title: { ko: 간이 평가, en: Mini evaluation }
subject: agency
fields:
  - { id: id, label: { ko: 기관코드, en: Code }, type: id }
  - { id: name, label: { ko: 기관명, en: Name }, type: text }
  - { id: rate, label: { ko: 달성률, en: Attainment }, type: percent, min: 0, max: 100 }
  - { id: level, label: { ko: 평정, en: Rating }, type: level, values: [우수, 보통, 미흡] }
  - { id: sanction, label: { ko: 처분, en: Sanction }, type: boolean }
domains:
  - { id: perf, label: { ko: 성과, en: Performance }, points: 60 }
  - { id: mgmt, label: { ko: 관리, en: Management }, points: 40 }
indicators:
  - { id: attain, label: { ko: 목표 달성, en: Attainment }, domain: perf, weight: 3, field: rate, method: { kind: linear, low: 50, high: 90 } }
  - { id: attain2, label: { ko: 보조 달성, en: Secondary }, domain: perf, weight: 1, field: rate, method: { kind: linear, low: 40, high: 80 } }
  - id: rating
    label: { ko: 평정, en: Rating }
    domain: mgmt
    points: 40
    field: level
    method: { kind: levels, levels: [{ level: 우수, points: 40 }, { level: 보통, points: 25 }, { level: 미흡, points: 10 }] }
total: { points: 100 }
grading: { kind: bands, bands: [{ grade: S, min: 95 }, { grade: A, min: 85 }, { grade: B, min: 70 }, { grade: C }] }
limiters:
  - { id: cap, label: { ko: 처분 상한, en: Sanction cap }, when: sanction == true, effect: { kind: capGrade, grade: B } }
followUps:
  - { grades: [S, A], action: { ko: 표창, en: Award } }
  - { grades: [C], action: { ko: 컨설팅, en: Consulting } }
`;

/** The base rubric with text replacements applied (each must match exactly once). */
function variant(...replacements: [string, string][]): CompiledRubric {
  let text = BASE;
  for (const [from, to] of replacements) {
    expect(text.split(from).length - 1, from).toBe(1);
    text = text.replace(from, to);
  }
  return rubricFrom(text);
}

const slim = (changes: ReturnType<typeof diffRubrics>) => changes.map(({ subject, id, change, before, after }) => ({ subject, id, change, before, after }));

describe('diffRubrics', () => {
  it('finds nothing between a rubric and itself', () => {
    expect(diffRubrics(rubricFrom(BASE), rubricFrom(BASE))).toEqual([]);
  });

  const cases: { name: string; after: [string, string][]; expected: ReturnType<typeof slim> }[] = [
    {
      name: 'a weight change moves the points of both weighted indicators (3:1 of 60 → 1:1)',
      after: [['domain: perf, weight: 3', 'domain: perf, weight: 1']],
      expected: [
        { subject: 'indicator', id: 'attain', change: 'points', before: 45, after: 30 },
        { subject: 'indicator', id: 'attain', change: 'weight', before: 3, after: 1 },
        { subject: 'indicator', id: 'attain2', change: 'points', before: 15, after: 30 },
      ],
    },
    {
      name: 'a threshold change reports only the threshold that moved',
      after: [['method: { kind: linear, low: 50, high: 90 }', 'method: { kind: linear, low: 55, high: 90 }']],
      expected: [{ subject: 'indicator', id: 'attain', change: 'thresholds', before: { low: 50 }, after: { low: 55 } }],
    },
    {
      name: 'a method change reports both methods whole',
      after: [['method: { kind: linear, low: 40, high: 80 }', 'method: { kind: bands, bands: [{ atLeast: 80, rating: 100 }] }']],
      expected: [
        {
          subject: 'indicator',
          id: 'attain2',
          change: 'method',
          before: { kind: 'linear', low: 40, high: 80, minRating: 0, maxRating: 100 },
          after: { kind: 'bands', bands: [{ atLeast: 80, rating: 100 }] },
        },
      ],
    },
    {
      name: 'a new label on the same id is a rename',
      after: [['label: { ko: 보조 달성, en: Secondary }', 'label: { ko: 보조 목표 달성, en: Secondary }']],
      expected: [
        { subject: 'indicator', id: 'attain2', change: 'renamed', before: { ko: '보조 달성', en: 'Secondary' }, after: { ko: '보조 목표 달성', en: 'Secondary' } },
      ],
    },
    {
      name: 'grade bands: S raised to 97 moves the top of A too (whole bands shown)',
      after: [['{ grade: S, min: 95 }', '{ grade: S, min: 97 }']],
      expected: [
        { subject: 'grade', id: 'S', change: 'bounds', before: { min: 95, max: 100 }, after: { min: 97, max: 100 } },
        { subject: 'grade', id: 'A', change: 'bounds', before: { min: 85, max: 95 }, after: { min: 85, max: 97 } },
      ],
    },
    {
      name: 'limiter effect, follow-up moved between actions, an indicator moved to another domain with its points',
      after: [
        ['effect: { kind: capGrade, grade: B }', 'effect: { kind: withhold }'],
        ['{ grades: [S, A], action: { ko: 표창, en: Award } }', '{ grades: [S], action: { ko: 표창, en: Award } }'],
        ['{ grades: [C], action: { ko: 컨설팅, en: Consulting } }', '{ grades: [A, C], action: { ko: 컨설팅, en: Consulting } }'],
      ],
      expected: [
        { subject: 'limiter', id: 'cap', change: 'effect', before: { kind: 'capGrade', grade: 'B' }, after: { kind: 'withhold' } },
        { subject: 'followUp', id: 'A', change: 'action', before: { ko: '표창', en: 'Award' }, after: { ko: '컨설팅', en: 'Consulting' } },
      ],
    },
    {
      name: 'fields: a range and allowed values',
      after: [
        ['type: percent, min: 0, max: 100', 'type: percent, min: 0, max: 120'],
        ['values: [우수, 보통, 미흡]', 'values: [우수, 보통, 미흡, 부진]'],
        ['{ level: 미흡, points: 10 }]', '{ level: 미흡, points: 10 }, { level: 부진, points: 0 }]'],
      ],
      expected: [
        { subject: 'field', id: 'rate', change: 'range', before: { max: 100 }, after: { max: 120 } },
        { subject: 'field', id: 'level', change: 'values', before: ['우수', '보통', '미흡'], after: ['우수', '보통', '미흡', '부진'] },
        {
          subject: 'indicator',
          id: 'rating',
          change: 'thresholds',
          before: { levels: [{ level: '우수', points: 40 }, { level: '보통', points: 25 }, { level: '미흡', points: 10 }] },
          after: { levels: [{ level: '우수', points: 40 }, { level: '보통', points: 25 }, { level: '미흡', points: 10 }, { level: '부진', points: 0 }] },
        },
      ],
    },
    {
      name: 'added and removed items carry their label',
      after: [
        ['  - { id: sanction, label: { ko: 처분, en: Sanction }, type: boolean }\n', '  - { id: sanction, label: { ko: 처분, en: Sanction }, type: boolean }\n  - { id: region, label: { ko: 시도, en: Region }, type: text }\n'],
        ["limiters:\n  - { id: cap, label: { ko: 처분 상한, en: Sanction cap }, when: sanction == true, effect: { kind: capGrade, grade: B } }\n", ''],
      ],
      expected: [
        { subject: 'field', id: 'region', change: 'added', before: undefined, after: { ko: '시도', en: 'Region' } },
        { subject: 'limiter', id: 'cap', change: 'removed', before: { ko: '처분 상한', en: 'Sanction cap' }, after: undefined },
      ],
    },
  ];

  it.each(cases)('$name', ({ after, expected }) => {
    const changes = diffRubrics(rubricFrom(BASE), variant(...after));
    expect(slim(changes)).toEqual(expected);
    for (const change of changes) expect(RubricChangeSchema.safeParse(change).success).toBe(true);
  });

  it('records where each change is: the newer path, the older one for removals', () => {
    const changes = diffRubrics(rubricFrom(BASE), variant(['domain: perf, weight: 3', 'domain: perf, weight: 1']));
    expect(changes.map((c) => c.path)).toEqual(['indicators[0]', 'indicators[0]', 'indicators[1]']);
  });
});

describe('diff of the bundled facility rubric, 2021 → 2024', () => {
  const load = (ref: string) => {
    const { rubric } = resolveRubric(ref, { year: 2024, month: 6, day: 1 });
    if (!rubric) throw new Error(`${ref} does not load`);
    return rubric;
  };

  it('lists the changes the 2024 file documents in its header', () => {
    const changes = slim(diffRubrics(load('facility@2021'), load('facility@2024')));
    const expected = [
      // 1. output indicators give way to outcome indicators
      { subject: 'indicator', id: 'program_output', change: 'removed' },
      { subject: 'indicator', id: 'program_goal_attainment', change: 'added' },
      // 2. improvement over the previous cycle
      { subject: 'indicator', id: 'satisfaction_improvement', change: 'added' },
      // 3.
      { subject: 'indicator', id: 'volunteer_count', change: 'removed' },
      // 4. weight moved between domains and to community_linkage
      { subject: 'domain', id: 'operations', change: 'points', before: 25, after: 20 },
      { subject: 'domain', id: 'programs', change: 'points', before: 30, after: 35 },
      { subject: 'indicator', id: 'community_linkage', change: 'points', before: 7, after: 10 },
      // 5. threshold raised
      { subject: 'indicator', id: 'budget_execution', change: 'thresholds', before: { low: 80 }, after: { low: 85 } },
      // 6. renamed with the same id
      { subject: 'indicator', id: 'case_management', change: 'renamed' },
    ];
    for (const item of expected) expect(changes).toContainEqual(expect.objectContaining(item));
    expect(changes.find((c) => c.id === 'case_management')).toMatchObject({ before: { ko: '사례관리 실적' }, after: { ko: '사례관리 충실도' } });
  });
});
