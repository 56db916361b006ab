import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { certificatesFromRecords, REGISTER_SPEC } from '../../src/core/certs-register.js';
import { readDataSet } from '../../src/ingest/read.js';
import { renderCertsCsv, renderRegisterCsv } from '../../src/report/certs-csv.js';
import { AS_OF, CERTIFICATES, POLICY, documentOf } from '../helpers/certs.js';

describe('renderCertsCsv', () => {
  it('writes UTF-8 with a BOM and CRLF, Korean headers, formula-leading text escaped, days left as numbers', () => {
    const csv = renderCertsCsv(documentOf(), 'ko');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('기관코드,기관명,시도,서비스유형,인증번호,인증통보일,인증취소일,유효기간 만료일,남은 일수,상태,갱신 신청 시작일,갱신 신청 가능');
    expect(lines[1]).toBe(`0110003,"'=HYPERLINK(""x"") 센터",서울,,QC-2022-003,2022-01-10,,2025-01-09,-172,만료,2024-07-10,아니오`);
    expect(lines[2]).toBe('0260002,부산 햇살 방문요양센터,부산,가사간병방문지원,QC-2022-002,2022-07-01,,2025-06-30,0,만료 임박,2025-01-01,예');
    expect(lines[4]).toBe('0500004,제주 새날 아이돌봄센터,,아이돌봄,QC-2024-004,2024-03-05,2025-01-02,2027-03-04,612,취소,2026-09-05,아니오');
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe('');
  });

  it('writes English headers and statuses with --lang en', () => {
    const lines = renderCertsCsv(documentOf('valid'), 'en').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Institution code,Institution,Region,Service type,Certificate no.,Notified on,Revoked on,Valid until,Days left,Status,Renewal opens,Renewal open',
    );
    expect(lines.slice(1, 3).map((line) => line.split(',')[9])).toEqual(['Expiring', 'Valid']);
  });
});

describe('renderRegisterCsv', () => {
  const plain = CERTIFICATES.filter((c) => !c.name.startsWith('='));

  it('writes the register columns only', () => {
    const lines = renderRegisterCsv(plain, 'ko').slice(1).split('\r\n');
    expect(lines[0]).toBe('기관코드,기관명,시도,서비스유형,인증번호,인증통보일,인증취소일');
    expect(lines[1]).toBe('0110001,서울 늘봄 노인복지센터,서울,노인맞춤돌봄,QC-2023-001,2023-01-01,');
  });

  it.each(['ko', 'en'] as const)('reads back through ingest as the same certificates (%s headers)', async (lang) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sseval-register-'));
    const file = path.join(dir, 'register.csv');
    writeFileSync(file, renderRegisterCsv(plain, lang));
    const data = await readDataSet([file], REGISTER_SPEC, { asOf: AS_OF });
    expect(data.problems).toEqual([]);
    const { certificates, problems } = certificatesFromRecords(data.records, POLICY);
    expect(problems).toEqual([]);
    expect(certificates.map(({ source: _source, ...c }) => c)).toEqual(plain);
  });
});
