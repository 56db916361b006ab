import { describe, expect, test } from 'vitest';
import { MovementSchema } from '../../src/core/compare.js';
import { IndicatorFindingSchema } from '../../src/core/results.js';
import { messageCodes, renderMessage } from '../../src/messages/index.js';
import { reportMessages } from '../../src/messages/report.js';
import { MethodSchema } from '../../src/rubric/schema.js';

describe('report messages', () => {
  test('every code built from a value (method, finding status, movement, severity) has a message', () => {
    const built = [
      ...MethodSchema.options.map((m) => `REPORT_METHOD_${m.shape.kind.value}`),
      ...IndicatorFindingSchema.shape.status.options.map((s) => `REPORT_FINDING_${s}`),
      ...MovementSchema.options.map((m) => `COMPARE_MOVEMENT_${m}`),
      ...['error', 'warning', 'info'].map((s) => `REPORT_SEVERITY_${s}`),
    ];
    expect(built.filter((code) => !messageCodes.includes(code))).toEqual([]);
  });

  test('every message has Korean and English text with the same placeholders', () => {
    for (const [code, { ko, en }] of Object.entries(reportMessages)) {
      const names = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
      expect(ko.length > 0 && en.length > 0, code).toBe(true);
      expect(names(ko), code).toEqual(names(en));
    }
  });

  test('the rubric-version warning names both versions in either language', () => {
    const args = { before: 'agency-management@2024', after: 'agency-management@2025' };
    for (const lang of ['ko', 'en'] as const) {
      const text = renderMessage('COMPARE_RUBRIC_DIFFERS', args, lang);
      expect(text).toContain('agency-management@2024');
      expect(text).toContain('agency-management@2025');
    }
  });
});
