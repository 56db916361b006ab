import { describe, expect, it } from 'vitest';
import { renderTemplateCsv } from '../../src/report/template-csv.js';
import { rubricFrom } from '../helpers/rubric.js';

const RUBRIC = `
id: csv-template
version: "1"
effective: { from: "2024-01-01" }
title: { ko: 서식 }
subject: provider
idField: code
nameField: title
fields:
  - { id: rate, label: { ko: "재이용률, 연간", en: Re-use rate }, type: percent }
  - { id: title, label: { ko: 기관명, en: Name }, type: text }
  - { id: code, label: { ko: 기관코드 }, type: id }
  - { id: formula_like, label: { ko: "=합계" }, type: number }
domains: [{ id: all, label: { ko: 전체 }, points: 100 }]
indicators:
  - { id: rate, label: { ko: 재이용률 }, domain: all, points: 60, field: rate, method: { kind: direct, scale: rating } }
  - { id: sum, label: { ko: 합계 }, domain: all, points: 40, field: formula_like, method: { kind: direct } }
total: { points: 100 }
grading: { kind: bands, bands: [{ grade: P, min: 60 }, { grade: F }] }
`;

describe('renderTemplateCsv', () => {
  it('writes one header row: BOM, id and name first, labels quoted where needed, formula-like text escaped, CRLF', () => {
    const rubric = rubricFrom(RUBRIC).rubric;
    expect(renderTemplateCsv(rubric, 'ko')).toBe('\uFEFF기관코드,기관명,"재이용률, 연간",\'=합계\r\n');
    // English labels, Korean where a field has none
    expect(renderTemplateCsv(rubric, 'en')).toBe('\uFEFF기관코드,Name,Re-use rate,\'=합계\r\n');
  });
});
