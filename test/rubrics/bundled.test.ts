import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompiledRubric } from '../../src/rubric/model.js';
import { BUNDLED_RUBRICS_DIR, listRubricFiles, loadRubricFile, resolveRubric } from '../../src/rubric/files.js';
import { lintRubric } from '../../src/rubric/lint.js';
import type { Indicator } from '../../src/rubric/schema.js';

const rubricFiles = readdirSync(BUNDLED_RUBRICS_DIR)
  .filter((name) => /\.(ya?ml|json)$/i.test(name) && name !== 'schema.json')
  .sort();

function load(name: string): CompiledRubric {
  const { rubric, problems } = loadRubricFile(path.join(BUNDLED_RUBRICS_DIR, name));
  if (!rubric) throw new Error(`${name} did not load: ${JSON.stringify(problems, null, 2)}`);
  return rubric;
}

const indicator = (rubric: CompiledRubric, id: string): Indicator => {
  const found = rubric.rubric.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`${rubric.rubric.id}@${rubric.rubric.version} has no indicator ${id}`);
  return found;
};
const methods = (rubric: CompiledRubric) => new Set(rubric.rubric.indicators.map((i) => i.method.kind));
const domainPoints = (rubric: CompiledRubric) => Object.fromEntries(rubric.rubric.domains.map((d) => [d.id, d.points]));
const date = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};

describe('every bundled rubric', () => {
  it('is one of the five shipped files', () => {
    expect(rubricFiles).toEqual([
      'agency-management-2024.yaml',
      'facility-2021.yaml',
      'facility-2024.yaml',
      'ltc-relative-2024.yaml',
      'quality-cert-2024.yaml',
    ]);
  });

  it.each(rubricFiles)('%s loads with no problems', (name) => {
    expect(loadRubricFile(path.join(BUNDLED_RUBRICS_DIR, name)).problems).toEqual([]);
  });

  it.each(rubricFiles)('%s is named <id>-<version> and points editors at the JSON Schema', (name) => {
    const { id, version } = load(name).rubric;
    expect(name).toBe(`${id}-${version}.yaml`);
    expect(readFileSync(path.join(BUNDLED_RUBRICS_DIR, name), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./schema.json');
  });

  it.each(rubricFiles)('%s labels every field, indicator, domain and grade in Korean and English', (name) => {
    const { rubric } = load(name);
    const grading = rubric.grading.kind === 'bands' ? rubric.grading.bands : rubric.grading.quotas;
    const labelled = [rubric, ...rubric.fields, ...rubric.indicators, ...rubric.domains, ...rubric.categories, ...rubric.limiters];
    const unlabelled = labelled
      .filter((item) => ('label' in item ? item.label.en === undefined : item.title.en === undefined))
      .map((item) => item.id);
    expect(unlabelled).toEqual([]);
    expect(grading.filter((g) => g.label?.en === undefined).map((g) => g.grade)).toEqual([]);
  });

  it.each(rubricFiles)('%s lints clean: every field is read by some rule except the region kept for --group-by', (name) => {
    const findings = lintRubric(load(name).rubric, name).map((p) => [p.severity, p.code, p.args]);
    expect(findings).toEqual([['info', 'RUBRIC_UNUSED_FIELD', { id: 'region' }]]);
  });

  it.each(rubricFiles)('%s gives every data field at least one Korean header alias', (name) => {
    const hangul = /[\uAC00-\uD7A3]/;
    const fields = load(name).rubric.fields;
    expect(fields.filter((f) => !f.aliases.some((alias) => hangul.test(alias))).map((f) => f.id)).toEqual([]);
  });
});

describe('together, the bundled rubrics', () => {
  it('use every scoring method and both kinds of grading', () => {
    const all = rubricFiles.map(load);
    expect(new Set(all.flatMap((r) => [...methods(r)]))).toEqual(
      new Set(['direct', 'linear', 'bands', 'levels', 'binary', 'target', 'improvement', 'relative']),
    );
    expect(new Set(all.map((r) => r.rubric.grading.kind))).toEqual(new Set(['bands', 'quotas']));
  });
});

describe('versions resolve by effective date', () => {
  it('lists each id with its periods', () => {
    const entries = listRubricFiles().map((e) => `${e.id}@${e.version} ${e.from}..${e.to ?? ''}`);
    expect(entries).toEqual([
      'agency-management@2024 2024-01-01..',
      'facility@2021 2021-01-01..2023-12-31',
      'facility@2024 2024-01-01..',
      'ltc-relative@2024 2024-01-01..',
      'quality-cert@2024 2024-01-01..',
    ]);
  });

  it.each([
    ['facility', '2021-01-01', '2021'],
    ['facility', '2023-12-31', '2021'],
    ['facility', '2024-01-01', '2024'],
    ['facility', '2031-06-30', '2024'],
    ['agency-management', '2024-01-01', '2024'],
    ['agency-management', '2035-12-31', '2024'],
  ])('%s on %s is version %s', (id, asOf, version) => {
    const { rubric, problems } = resolveRubric(id, date(asOf));
    expect(problems).toEqual([]);
    expect(rubric?.rubric.version).toBe(version);
  });

  it('has no agency-management rubric before 2024', () => {
    expect(resolveRubric('agency-management', date('2023-12-31')).problems.map((p) => p.code)).toEqual(['RUBRIC_NONE_EFFECTIVE']);
  });
});

describe('agency-management 2024: 시·도 사회서비스원 경영평가', () => {
  const compiled = load('agency-management-2024.yaml');
  const { rubric } = compiled;

  it('has 13 indicators in five domains: 경영관리 45 (15 + 18 + 12) and 경영성과 55 (35 + 20)', () => {
    expect(rubric.indicators).toHaveLength(13);
    expect(rubric.categories.map((c) => [c.id, c.points])).toEqual([['management', 45], ['performance', 55]]);
    expect(domainPoints(compiled)).toEqual({ leadership: 15, system: 18, responsibility: 12, projects: 35, policy: 20 });
    expect(rubric.domains.map((d) => d.label.ko)).toEqual(['리더십', '경영시스템', '사회적 책임', '주요사업', '정책성과']);
  });

  it('mixes committee levels, linear, bands, binary, target and improvement methods', () => {
    expect(methods(compiled)).toEqual(new Set(['levels', 'linear', 'bands', 'binary', 'target', 'improvement']));
    expect(indicator(compiled, 'staff_turnover').direction).toBe('lower');
    expect(indicator(compiled, 'project_attainment').method).toEqual({ kind: 'target', target: { field: 'service_target' }, zeroAt: 50 });
    expect(indicator(compiled, 'job_creation').method).toMatchObject({ kind: 'improvement', baseline: { field: 'jobs_prev' }, measure: 'ratio' });
  });

  it('computes the re-use rate by formula and checks that returning users are among the users', () => {
    expect(indicator(compiled, 'reuse_rate').formula).toBe('returning_users / users * 100');
    expect(rubric.checks.map((c) => c.assert)).toEqual(['returning_users <= users']);
  });

  it('grades S ≥ 95, A ≥ 85, B ≥ 75, C ≥ 65, D below, with awards for S/A and consulting for B/C', () => {
    expect(rubric.grading).toEqual({
      kind: 'bands',
      bands: [
        expect.objectContaining({ grade: 'S', min: 95 }),
        expect.objectContaining({ grade: 'A', min: 85 }),
        expect.objectContaining({ grade: 'B', min: 75 }),
        expect.objectContaining({ grade: 'C', min: 65 }),
        expect.objectContaining({ grade: 'D' }),
      ],
    });
    expect(rubric.followUps.map((f) => [f.grades, f.action.ko])).toEqual([
      [['S', 'A'], '보건복지부 장관 표창'],
      [['B', 'C'], '경영 컨설팅 (10~12월)'],
    ]);
  });

  it('ranks all agencies together, open-ended from 2024', () => {
    expect(rubric.subject).toBe('agency');
    expect(rubric.peerGroups).toEqual([]);
    expect(rubric.effective).toEqual({ from: '2024-01-01' });
  });
});

describe('facility 2021 → 2024: the changes a rubric diff must find', () => {
  const before = load('facility-2021.yaml');
  const after = load('facility-2024.yaml');
  const ids = (r: CompiledRubric) => r.rubric.indicators.map((i) => i.id);

  it('replaces output indicators with outcome indicators', () => {
    expect(ids(before).filter((id) => !ids(after).includes(id))).toEqual(['program_output', 'volunteer_count']);
    expect(ids(after).filter((id) => !ids(before).includes(id))).toEqual(['program_goal_attainment', 'satisfaction_improvement']);
    expect(indicator(before, 'program_output').type).toBe('output');
    expect(indicator(after, 'program_goal_attainment').type).toBe('outcome');
    expect(indicator(after, 'satisfaction_improvement').method).toMatchObject({ kind: 'improvement', baseline: { field: 'satisfaction_prev' } });
  });

  it('moves 5 points from operations to programmes and 3 more to community linkage', () => {
    expect(domainPoints(before)).toEqual({ environment: 10, finance: 15, programs: 30, rights: 20, operations: 25 });
    expect(domainPoints(after)).toEqual({ environment: 10, finance: 15, programs: 35, rights: 20, operations: 20 });
    expect([indicator(before, 'community_linkage').points, indicator(after, 'community_linkage').points]).toEqual([7, 10]);
  });

  it('raises the budget-execution threshold and renames case management under the same id', () => {
    expect([indicator(before, 'budget_execution').method, indicator(after, 'budget_execution').method]).toEqual([
      expect.objectContaining({ kind: 'linear', low: 80, high: 98 }),
      expect.objectContaining({ kind: 'linear', low: 85, high: 98 }),
    ]);
    expect([indicator(before, 'case_management').label.ko, indicator(after, 'case_management').label.ko]).toEqual(['사례관리 실적', '사례관리 충실도']);
  });

  it.each([['2021', before], ['2024', after]])('version %s keeps the grade bands, peer group, limiters and coverage rule', (_, compiled) => {
    const { rubric } = compiled;
    expect(rubric.grading.kind === 'bands' && rubric.grading.bands.map((b) => [b.grade, b.min ?? 0])).toEqual([
      ['A', 90], ['B', 80], ['C', 70], ['D', 60], ['F', 0],
    ]);
    expect(rubric.peerGroups).toEqual(['facility_type']);
    expect(rubric.fields.map((f) => f.id)).toContain('region');
    expect(rubric.limiters.map((l) => [l.when, l.effect])).toEqual([
      ['abuse_sanction == true', { kind: 'setDomain', domain: 'rights', points: 0 }],
      ['under_investigation == true', { kind: 'withhold' }],
    ]);
    expect(rubric.minCoverage).toBe(80);
  });
});

describe('quality-cert 2024: 사회서비스 품질인증', () => {
  const compiled = load('quality-cert-2024.yaml');
  const { rubric } = compiled;

  it('passes at 80 of 100 points', () => {
    expect(rubric.total.points).toBe(100);
    expect(rubric.grading).toEqual({
      kind: 'bands',
      bands: [expect.objectContaining({ grade: '적합', min: 80 }), expect.objectContaining({ grade: '부적합' })],
    });
  });

  it('makes operating under 3 years and a sanction within 3 years ineligible', () => {
    expect(rubric.limiters.map((l) => [l.id, l.when, l.effect])).toEqual([
      ['operating_under_3_years', 'years_since(opened_on) < 3', { kind: 'capGrade', grade: '부적합' }],
      ['sanction_within_3_years', 'not missing(last_sanction_on) and years_since(last_sanction_on) < 3', { kind: 'capGrade', grade: '부적합' }],
    ]);
  });

  it('certifies for 3 years with a 6-month renewal window and a 90-day expiry horizon', () => {
    expect(rubric.certification).toEqual({
      passGrades: ['적합'],
      validity: { years: 3 },
      renewalWindow: { months: 6 },
      expiringWithin: { days: 90 },
    });
  });
});

describe('ltc-relative 2024: 장기요양기관 상대평가', () => {
  const compiled = load('ltc-relative-2024.yaml');
  const { rubric } = compiled;

  it('grades by quotas 10/10/50/20/10 % within service type, small types by the whole population', () => {
    expect(rubric.grading).toEqual({
      kind: 'quotas',
      within: 'service_type',
      minGroupSize: 20,
      quotas: [
        expect.objectContaining({ grade: 'A', share: 10 }),
        expect.objectContaining({ grade: 'B', share: 10 }),
        expect.objectContaining({ grade: 'C', share: 50 }),
        expect.objectContaining({ grade: 'D', share: 20 }),
        expect.objectContaining({ grade: 'E', share: 10 }),
      ],
    });
    expect(rubric.fields.find((f) => f.id === 'service_type')?.values).toEqual(['방문요양', '방문목욕', '주야간보호', '단기보호', '노인요양시설', '공동생활가정']);
  });

  it('scores some indicators relative to the service type: percentiles (one lower-is-better) and a z-score', () => {
    const relative = rubric.indicators
      .filter((i) => i.method.kind === 'relative')
      .map((i) => [i.id, i.direction, i.method.kind === 'relative' && i.method.scale, i.method.kind === 'relative' && i.method.within]);
    expect(relative).toEqual([
      ['grievances', 'lower', 'percentile', 'service_type'],
      ['care_intensity', 'higher', 'zscore', 'service_type'],
      ['satisfaction_rank', 'higher', 'percentile', 'service_type'],
    ]);
    expect(methods(compiled).size).toBeGreaterThanOrEqual(5);
  });
});
