import { describe, expect, it } from 'vitest';
import { certificatesFromRecords, REGISTER_FIELDS, REGISTER_SPEC } from '../../src/core/certs-register.js';
import { evaluate, parseExpression } from '../../src/core/expression.js';
import { parseIsoDate } from '../../src/core/dates.js';
import type { InstitutionRecord } from '../../src/core/records.js';
import type { FieldValue, PlainDate } from '../../src/core/values.js';
import { FieldSchema } from '../../src/rubric/schema.js';

const d = (iso: string): PlainDate => parseIsoDate(iso)!;
const POLICY = { validity: { years: 3 }, renewalWindow: { months: 6 }, expiringWithin: { days: 90 } };

/** A register record as ingest makes it: keyed by certificate number. */
function registerRecord(certificateNo: string, values: Record<string, FieldValue>, row = 1): InstitutionRecord {
  return {
    id: certificateNo,
    name: String(values.name ?? ''),
    values: new Map(Object.entries({ certificate_no: certificateNo, ...values })),
    source: { file: 'register.csv', row, line: row + 1 },
  };
}

describe('the register spec', () => {
  it('declares the seven register fields as valid rubric fields, keyed by certificate number', () => {
    expect(REGISTER_FIELDS.map((f) => f.id)).toEqual(['id', 'name', 'region', 'service_type', 'certificate_no', 'notified_on', 'revoked_on']);
    for (const field of REGISTER_FIELDS) expect(FieldSchema.parse(field)).toEqual(field);
    expect(REGISTER_FIELDS.filter((f) => f.required).map((f) => f.id)).toEqual(['id', 'name', 'certificate_no', 'notified_on']);
    expect(REGISTER_SPEC.idField).toBe('certificate_no');
  });

  it('names each column by its Korean and English header', () => {
    const aliases = (id: string) => REGISTER_FIELDS.find((f) => f.id === id)!.aliases;
    expect(aliases('id')).toEqual(expect.arrayContaining(['기관코드', 'id']));
    expect(aliases('notified_on')).toEqual(expect.arrayContaining(['인증통보일', 'notified_on']));
    expect(aliases('revoked_on')).toEqual(expect.arrayContaining(['인증취소일', 'revoked_on']));
  });

  it('its check is the parsed form of its written condition', () => {
    const { check, assert } = REGISTER_SPEC.checks[0]!;
    expect(parseExpression(check.assert)).toEqual({ ok: true, expr: assert });
  });

  it.each([
    ['2024-01-01', '2024-01-01', true],
    ['2024-01-01', '2023-12-31', false],
  ])('its check: notified %s, revoked %s holds: %s', (notified, revoked, holds) => {
    const values = new Map<string, FieldValue>([['notified_on', d(notified)], ['revoked_on', d(revoked)]]);
    const result = evaluate(REGISTER_SPEC.checks[0]!.assert, { get: (n) => values.get(n) ?? null, asOf: d('2025-01-01') });
    expect(result).toEqual({ ok: true, value: holds });
  });
});

describe('certificatesFromRecords', () => {
  it('turns records into certificates: institution code from 기관코드, number from the key', () => {
    const { certificates, problems } = certificatesFromRecords(
      [
        registerRecord('QC-2024-001', { id: '0110001', name: '서울 늘봄 노인복지센터', region: '서울', service_type: '노인맞춤돌봄', notified_on: d('2024-12-17'), revoked_on: null }),
        registerRecord('QC-2021-002', { id: '0110001', name: '서울 늘봄 노인복지센터', region: null, service_type: null, notified_on: d('2021-03-01'), revoked_on: d('2022-01-05') }, 2),
      ],
      POLICY,
    );
    expect(problems).toEqual([]);
    expect(certificates).toEqual([
      {
        id: '0110001',
        name: '서울 늘봄 노인복지센터',
        region: '서울',
        serviceType: '노인맞춤돌봄',
        certificateNo: 'QC-2024-001',
        notifiedOn: d('2024-12-17'),
        revokedOn: null,
        source: { file: 'register.csv', row: 1, line: 2 },
      },
      {
        id: '0110001',
        name: '서울 늘봄 노인복지센터',
        region: null,
        serviceType: null,
        certificateNo: 'QC-2021-002',
        notifiedOn: d('2021-03-01'),
        revokedOn: d('2022-01-05'),
        source: { file: 'register.csv', row: 2, line: 3 },
      },
    ]);
  });

  it('warns about a revocation after the expiry (2021-03-01 is valid until 2024-02-29)', () => {
    const { certificates, problems } = certificatesFromRecords(
      [registerRecord('QC-1', { id: 'A', name: '가', notified_on: d('2021-03-01'), revoked_on: d('2024-03-01') }, 7)],
      POLICY,
    );
    expect(certificates).toHaveLength(1);
    expect(problems).toEqual([
      {
        code: 'CERT_REVOKED_AFTER_EXPIRY',
        severity: 'warning',
        position: { file: 'register.csv', row: 7, line: 8, field: 'revoked_on', institution: 'A' },
        args: { revokedOn: '2024-03-01', validUntil: '2024-02-29' },
        value: '2024-03-01',
      },
    ]);
    const onLastDay = certificatesFromRecords([registerRecord('QC-2', { id: 'A', name: '가', notified_on: d('2021-03-01'), revoked_on: d('2024-02-29') })], POLICY);
    expect(onLastDay.problems).toEqual([]);
  });

  it('leaves out records without a notification date or an institution code (ingest reported them)', () => {
    const { certificates } = certificatesFromRecords(
      [registerRecord('QC-1', { id: 'A', name: '가', notified_on: null }), registerRecord('QC-2', { id: null, name: '나', notified_on: d('2024-01-01') })],
      POLICY,
    );
    expect(certificates).toEqual([]);
  });
});
