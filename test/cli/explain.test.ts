import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ExplainDocumentSchema } from '../../src/report/explain-document.js';
import { runCli } from '../helpers/cli.js';

const DATA = 'test/fixtures/report/facilities-2025.csv';
const RUBRIC = 'test/fixtures/report/mini-facility.yaml';
const QUOTA_RUBRIC = 'test/fixtures/report/mini-facility-quota.yaml';
const explain = (id: string, ...extra: string[]) => runCli(['explain', DATA, '--rubric', RUBRIC, '--as-of', '2025-03-31', '--id', id, ...extra]);
const lines = (text: string) => text.split('\n');

describe('sseval explain', () => {
  test('a capped grade: band, distance to the next band, the cap, every indicator and domain, the limiters', () => {
    const run = explain('0204');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const out = lines(run.stdout);
    expect(out.slice(0, 12)).toEqual([
      '새싹아동센터 (0204)',
      `평가 기준: 사회복지시설 평가(시험용) — mini-facility@2025 (sha256 ${out[1]!.match(/sha256 ([0-9a-f]{12})/)![1]}) · 기준일: 2025-03-31`,
      '',
      '등급: D (총점으로는 C, 제한 규칙으로 낮아짐)',
      '총점: 70.0/100점',
      '순위: 전체 3위 (5곳 중) · 시설유형 아동 안에서 1위 (1곳 중)',
      '자료 비율: 배점의 100%에 자료가 있음',
      '등급 구간: C (70점 이상 80점 미만)',
      '다음 등급 B까지 10점 (총점 80점 이상) — 단, 제한 규칙으로 등급은 D을(를) 넘을 수 없습니다',
      '후속 조치: 품질관리 컨설팅',
      '',
      '지표별 점수',
    ]);
    const cells = (line: string) => line.trim().split(/\s{2,}/);
    const indicator = (label: string) => cells(out.find((line) => line.includes(`  ${label}  `))!);
    expect(indicator('이용자 만족도')).toEqual(['서비스', '이용자 만족도', '100점', '선형 비례', '100%', '40.00/40.00', '100점 (기준 60–100점 사이 비례) → 40.00/40점']);
    expect(indicator('종사자 이직률')).toEqual(['시설 운영', '종사자 이직률', '5%', '구간', '100%', '20.00/20.00', '5% ≤ 10% → 20.00/20점']);
    const domains = out.slice(out.indexOf('영역 소계'));
    expect(domains.slice(3, 7).map(cells)).toEqual([
      ['서비스', '40.00/40.00'],
      ['이용자 권리', '0.00/30.00', '학대 처분 적용'],
      ['시설 운영', '30.00/30.00'],
      ['총점', '70.0/100'],
    ]);
    expect(out.slice(out.indexOf('제한 규칙'))).toEqual(['제한 규칙', '  - 학대 처분: 이용자 권리 영역 30 → 0점', '  - 학대 처분 등급 상한: 등급 상한 D', '']);
  });

  test('the top grade, and an institution with a domain left out for missing data (English)', () => {
    expect(lines(explain('0101').stdout).slice(7, 9)).toEqual(['등급 구간: A (90점 이상 100점 이하)', '가장 높은 등급입니다']);
    const run = explain('0306', '--lang', 'en');
    expect(run.status).toBe(0);
    const out = lines(run.stdout);
    expect(out.slice(3, 9)).toEqual([
      'Grade: F',
      'Total: 46.7 of 100 points',
      'Rank: 5 of 5 · 3 of 3 in Facility type 노인',
      'Coverage: data for 60% of the points',
      'Band: F (0 ≤ total < 60)',
      '13.3 points short of D (from 60)',
    ]);
    expect(run.stdout).toContain('no data (satisfaction) → left out (domain weights renormalised)');
    expect(run.stdout).toMatch(/Service\s+-\/40\.00\s+no data: the total is renormalised over the other domains/);
  });

  test('a withheld institution: why, no rank, and the band its total is in', () => {
    const out = lines(explain('0305').stdout);
    expect(out.slice(3, 9)).toEqual([
      '등급: 보류 — 조사 중: 등급 보류',
      '총점: 80.0/100점',
      '순위: 없음 (등급 보류)',
      '자료 비율: 배점의 100%에 자료가 있음',
      '등급 구간: B (80점 이상 90점 미만)',
      '다음 등급 A까지 10점 (총점 90점 이상)',
    ]);
  });

  test('quota grading: the pool and the score of the lowest-ranked institution a grade up', () => {
    const run = runCli(['explain', DATA, '--rubric', QUOTA_RUBRIC, '--as-of', '2025-03-31', '--id', '0102']);
    expect(run.status).toBe(0);
    // 장애인 has 1 graded member (< minGroupSize 3): graded among all 5 — 0101 A · 0203 72, 0204 70 B · 0102 66, 0306 C
    expect(lines(run.stdout).slice(7, 9)).toEqual([
      '상대평가: 전체 5곳 안에서 배분 비율에 따라 C',
      '다음 등급 B: 그 등급의 최하위 기관 0204의 총점 70점까지 4점',
    ]);
    const elderly = runCli(['explain', DATA, '--rubric', QUOTA_RUBRIC, '--as-of', '2025-03-31', '--id', '0306']);
    expect(lines(elderly.stdout).slice(7, 9)).toEqual([
      '상대평가: 노인 3곳 안에서 배분 비율에 따라 C',
      '다음 등급 B: 그 등급의 최하위 기관 0203의 총점 72점까지 25.3점',
    ]);
  });

  test('--format json: the result, the reasons in words and the standing, stamped with the rubric', () => {
    const run = explain('0306', '--format', 'json');
    expect(run.status).toBe(0);
    const doc = ExplainDocumentSchema.parse(JSON.parse(run.stdout));
    expect(doc.rubric).toMatchObject({ id: 'mini-facility', version: '2025' });
    expect(doc.asOf).toBe('2025-03-31');
    expect(doc.population).toEqual({ institutions: 6, graded: 5 });
    expect(doc.institution).toMatchObject({ id: '0306', total: 46.7, coverage: 60, grade: 'F', rank: 5 });
    expect(doc.institution.domains.map((d) => d.points)).toEqual([null, 18, 10]);
    expect(doc.indicators[0]).toEqual({
      id: 'satisfaction_score',
      label: { ko: '이용자 만족도', en: 'User satisfaction' },
      unit: '점',
      reason: '자료 없음 (satisfaction) → 평가에서 제외 (영역 배점 재조정)',
    });
    expect(doc.standing).toEqual({ grading: 'bands', earnedGrade: 'F', band: { min: 0, max: 60 }, pool: null, next: { grade: 'D', score: 60, distance: 13.3, institution: null } });
  });

  test('an unknown id: a clear message with near ids, exit 2, nothing on stdout', () => {
    const run = explain('204');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('오류 EXPLAIN_UNKNOWN_ID: 기관코드 "204"이(가) 자료에 없습니다. 비슷한 기관코드: 0204\n');
    const none = explain('없는기관', '--lang', 'en');
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('error EXPLAIN_UNKNOWN_ID_NO_MATCH: no institution with id "없는기관" among the 6 in the data\n');
  });

  test('--id is required', () => {
    const run = runCli(['explain', DATA, '--rubric', RUBRIC]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--id');
  });

  describe('with data errors', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sseval-explain-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'broken.csv');
    writeFileSync(
      file,
      '시설코드,시설명,시도,시설유형,만족도,인권보호,이직률,안전인증,학대처분,조사중\n' +
        '0101,행복노인복지관,서울,노인,96,우수,8%,예,아니오,아니오\n' +
        '0102,푸른장애인복지관,부산,장애인,아주 좋음,보통,12%,예,아니오,아니오\n',
    );
    const run = (...extra: string[]) => runCli(['explain', file, '--rubric', RUBRIC, '--as-of', '2025-03-31', ...extra]);

    test('stop with exit 1 as grade does', () => {
      const result = run('--id', '0101');
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('DATA_HAS_ERRORS');
    });

    test('--skip-invalid explains a valid institution (exit 1: others were skipped) and refuses an invalid one', () => {
      const valid = run('--id', '0101', '--skip-invalid');
      expect(valid.status).toBe(1);
      expect(lines(valid.stdout).slice(3, 5)).toEqual(['등급: A', '총점: 96.0/100점']);
      const invalid = run('--id', '0102', '--skip-invalid');
      expect(invalid.status).toBe(1);
      expect(invalid.stdout).toBe('');
      expect(invalid.stderr).toContain('EXPLAIN_INVALID');
      expect(invalid.stderr).toContain('기관 0102의 자료에 오류가 있어 점수를 설명할 수 없습니다');
    });
  });
});
