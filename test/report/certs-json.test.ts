import { describe, expect, it } from 'vitest';
import { CertsDocumentSchema } from '../../src/report/certs-document-schema.js';
import { renderCertsJson } from '../../src/report/certs-json.js';
import { documentOf } from '../helpers/certs.js';

describe('the certs JSON document', () => {
  it('is versioned and stamps the rubric, inputs, as-of date and policy', () => {
    const doc = documentOf();
    expect(CertsDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.tool).toEqual({ name: 'sseval', version: '0.1.0' });
    expect(doc.rubric.id).toBe('cert-policy-test');
    expect(doc.rubric.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.inputs).toEqual([{ path: 'register.csv', sha256: 'ab'.repeat(32) }]);
    expect(doc.asOf).toBe('2025-06-30');
    expect(doc.policy).toEqual({ validity: { years: 3 }, renewalWindow: { months: 6 }, expiringWithin: { days: 90 } });
    expect(doc.horizonEnd).toBe('2025-09-27');
  });

  it('lists certificates by expiry with their dates, days left and status', () => {
    const doc = documentOf();
    expect(doc.certificates.map((c) => [c.certificateNo, c.validUntil, c.daysLeft, c.status, c.renewalOpensOn, c.renewalOpen])).toEqual([
      ['QC-2022-003', '2025-01-09', -172, 'expired', '2024-07-10', false],
      ['QC-2022-002', '2025-06-30', 0, 'expiring', '2025-01-01', true],
      ['QC-2023-001', '2025-12-31', 184, 'valid', '2025-07-01', false],
      ['QC-2024-004', '2027-03-04', 612, 'revoked', '2026-09-05', false],
    ]);
    expect(doc.certificates[3]).toMatchObject({ id: '0500004', region: null, serviceType: '아이돌봄', notifiedOn: '2024-03-05', revokedOn: '2025-01-02' });
    expect(doc.certificates[0]).not.toHaveProperty('group');
  });

  it('summarises every certificate whatever --status selects', () => {
    const doc = documentOf('expired');
    expect(doc.certificates.map((c) => c.certificateNo)).toEqual(['QC-2022-003']);
    expect(doc.status).toBe('expired');
    expect(doc.summary.overall).toEqual({ total: 4, valid: 2, expiring: 1, expired: 1, revoked: 1, renewalOpen: 1 });
    expect(doc.summary.byRegion.map((r) => [r.key, r.total, r.valid, r.expired])).toEqual([
      ['부산', 1, 1, 0],
      ['서울', 2, 1, 1],
      [null, 1, 0, 0],
    ]);
    expect(doc.summary.byCohort.map((r) => [r.key, r.total])).toEqual([
      ['2022', 2],
      ['2023', 1],
      ['2024', 1],
    ]);
  });

  it('orders by group, then expiry, with each group counted, when grouping', () => {
    const doc = documentOf('all', 'region');
    expect(doc.groupBy).toBe('region');
    expect(doc.certificates.map((c) => [c.group, c.certificateNo])).toEqual([
      ['부산', 'QC-2022-002'],
      ['서울', 'QC-2022-003'],
      ['서울', 'QC-2023-001'],
      [null, 'QC-2024-004'],
    ]);
    expect(doc.groups.map((g) => [g.key, g.total, g.expiring])).toEqual([
      ['부산', 1, 1],
      ['서울', 2, 0],
      [null, 1, 0],
    ]);
  });

  it('renders as JSON that parses back to the document', () => {
    const doc = documentOf('valid', 'cohort');
    const text = renderCertsJson(doc);
    expect(text.endsWith('}\n')).toBe(true);
    expect(CertsDocumentSchema.parse(JSON.parse(text))).toEqual(doc);
  });
});
