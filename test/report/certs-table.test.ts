import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderCertsTable } from '../../src/report/certs-table.js';
import { displayWidth } from '../../src/report/text-width.js';
import { documentOf } from '../helpers/certs.js';

const plain = new Chalk({ level: 0 });
const lineWith = (text: string, needle: string) => text.split('\n').find((line) => line.includes(needle)) ?? '';
const lineStarting = (text: string, start: string) => text.split('\n').find((line) => line.startsWith(start)) ?? '';

describe('renderCertsTable', () => {
  it('heads the report with the as-of date, rubric and policy', () => {
    const text = renderCertsTable(documentOf(), 'ko', plain);
    expect(text.split('\n')[0]).toBe(
      '기준일: 2025-06-30 · 평가 기준: cert-policy-test@1 · 유효기간: 3년 · 갱신 신청 기간: 6개월 · 만료 임박 기준: 90일 (2025-09-27까지)',
    );
  });

  it('lists certificates by expiry, columns lined up by display width', () => {
    const text = renderCertsTable(documentOf(), 'ko', plain);
    const lines = text.split('\n');
    const header = lines[1]!;
    const rows = lines.slice(3, 7);
    expect(rows.map((line) => line.split(/\s{2,}/)[0])).toEqual(['0110003', '0260002', '0110001', '0500004']);
    expect(lineWith(text, 'QC-2022-002')).toMatch(/2025-06-30 +0 {2}만료 임박 {2}2025-01-01 +예$/);
    expect(lineWith(text, 'QC-2024-004')).toMatch(/2024-03-05 {2}2025-01-02 {2}2027-03-04 +612 {2}취소/);
    const statusAt = displayWidth(header.slice(0, header.indexOf('상태')));
    for (const row of rows) {
      const status = row.match(/(유효|만료 임박|만료|취소)/)!;
      expect(displayWidth(row.slice(0, status.index))).toBe(statusAt);
    }
  });

  it('ends with the summary overall, by region and by cohort', () => {
    const text = renderCertsTable(documentOf('expired'), 'en', plain);
    expect(text).not.toContain('QC-2022-002');
    expect(lineStarting(text, 'Overall')).toMatch(/^Overall +4 +2 +1 +1 +1 +1$/);
    expect(lineStarting(text, '서울')).toMatch(/^서울 +2 +1 +0 +1 +0 +0$/);
    expect(lineStarting(text, '(none)')).toMatch(/^\(none\) +1 +0 +0 +0 +1 +0$/);
    expect(lineStarting(text, '2022 ')).toMatch(/^2022 +2 +1 +1 +1 +0 +1$/);
  });

  it('prints one table per group with its count when grouping', () => {
    const text = renderCertsTable(documentOf('all', 'status'), 'ko', plain);
    expect(text.split('\n').filter((line) => line.startsWith('['))).toEqual(['[상태: 만료] 1건', '[상태: 만료 임박] 1건', '[상태: 취소] 1건', '[상태: 유효] 1건']);
  });

  it('colours statuses only when colour is on', () => {
    const coloured = renderCertsTable(documentOf(), 'ko', new Chalk({ level: 1 }));
    expect(lineWith(coloured, 'QC-2022-003')).toContain('\u001b[31m만료');
    expect(renderCertsTable(documentOf(), 'ko', plain)).not.toContain('\u001b[');
  });
});
