import { describe, expect, test } from 'vitest';
import { renderGradeHtml } from '../../src/report/grade-html.js';
import { hasChromium, renderInChromium } from '../helpers/chromium.js';
import { FIXTURE_ROWS, fixtureDocument } from '../helpers/report-fixture.js';

const { doc, rubric } = fixtureDocument();
const html = renderGradeHtml(doc, { rubric, lang: 'ko' });
const count = (text: string, part: string | RegExp) => text.split(part).length - 1;

describe('the HTML report', () => {
  test('one self-contained page: no scripts, links, fonts or other files, and a policy that forbids loading any', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="ko">')).toBe(true);
    for (const forbidden of ['<script', '<link', 'src=', 'url(', '@import', '@font-face', 'http://', 'https://', '<iframe', '<img']) {
      expect(html).not.toContain(forbidden);
    }
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
  });

  test('charts: overall grades, grades per peer group, each domain, and a profile per institution', () => {
    // 1 overall + 1 per --group-by field + 3 domains + 6 profiles
    expect(count(html, '<svg ')).toBe(1 + 1 + 3 + 6);
    expect(html).toContain('aria-label="전체 등급 분포"');
    expect(html).toContain('aria-label="시설유형별 등급 분포"');
    for (const domain of ['서비스 (40)', '이용자 권리 (30)', '시설 운영 (30)']) expect(html).toContain(`aria-label="${domain}"`);
    // overall: A 1, B 0, C 1, D 2 (0204 capped), F 1, withheld 1 of 6
    for (const label of ['>1 (17%)<', '>0 (0%)<', '>2 (33%)<']) expect(html).toContain(label);
    // the care domain median: 36, 32, 40, 28, 20 of 40 → 32/40 = 80 %
    expect(html).toContain('>중앙값 80%<');
    expect(html).toContain('자료 있는 기관 5곳 · 중앙값 32/40점');
  });

  test('every institution in the ranked table and with its own profile card, in rank order', () => {
    for (const [id, name] of FIXTURE_ROWS) {
      expect(html).toContain(`<td class="id">${id}</td>`);
      expect(count(html, `${name}`)).toBeGreaterThanOrEqual(2);
    }
    const order = ['0101', '0203', '0204', '0102', '0306', '0305'].map((id) => html.indexOf(`<td class="id">${id}</td>`));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(count(html, '<article class="card profile" id="inst-')).toBe(6);
    expect(html).toContain('<a href="#inst-0">행복노인복지관</a>');
  });

  test('each profile compares with the median of its peer group', () => {
    // 0306 (노인): care median over 36 and 32 (0306 has no data) = 34 of 40 → 85 %
    const card = html.slice(html.indexOf('id="inst-4"'));
    expect(card).toContain('비교 집단: 시설유형 노인 (3곳)');
    expect(card).toContain('>자료 없음<');
    expect(card).toContain('>–/40<');
  });

  test('the table shows limiters, withheld reasons and follow-ups once each', () => {
    expect(html).toContain('학대 처분: 이용자 권리 영역 30 → 0점');
    expect(count(html, '조사 중: 등급 보류')).toBe(1);
    expect(html).toContain('우수기관 포상');
  });

  test('prints on A4 without splitting cards or rows', () => {
    expect(html).toContain('@page { size: A4; margin: 12mm; }');
    expect(html).toMatch(/@media print \{[^]*tr, figure, \.card \{ break-inside: avoid; \}/);
  });

  test('institution names and ids are escaped, never markup', () => {
    const hostile = structuredClone(doc);
    hostile.results[0]!.name = '<script>alert("x")</script> & \'센터\'';
    hostile.results[0]!.id = '<b>01</b>';
    const page = renderGradeHtml(hostile, { rubric, lang: 'ko' });
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<b>01</b>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;센터&#39;');
  });

  test('labels follow --lang en', () => {
    const en = renderGradeHtml(doc, { rubric, lang: 'en' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<h1>Facility evaluation (test) — results</h1>');
    expect(en).toContain('>Grade distribution<');
    expect(en).toContain('aria-label="Grades by Facility type"');
  });

  test('without peer groups the page says so instead of drawing empty charts', () => {
    const flat = fixtureDocument({ groupBy: [] }).doc;
    const page = renderGradeHtml(flat, { rubric, lang: 'ko' });
    expect(count(page, '<svg ')).toBe(1 + 3 + 6);
    expect(page).toContain('비교 집단이 없어 전체 분포만 보입니다');
    expect(page).toContain('비교 집단: 전체 (6곳)');
  });

  test.skipIf(!hasChromium)('renders in headless Chromium: charts and every institution in the DOM, a screenshot and a PDF (skipped without /usr/bin/chromium)', () => {
    const { dom, png, pdf } = renderInChromium(html);
    expect(count(dom, '<svg ')).toBe(11);
    for (const [, name] of FIXTURE_ROWS) expect(dom).toContain(name);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // the ranking and the profiles start new pages: at least three A4 pages
    expect(count(pdf.toString('latin1'), /\/Type\s*\/Page\b/g)).toBeGreaterThanOrEqual(3);
  }, 180_000);
});
