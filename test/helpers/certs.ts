import { readFileSync } from 'node:fs';
import { assessCertificates, matchesStatus, summarizeCertificates, type CertGroupField, type CertPolicy, type CertStatusFilter, type Certificate } from '../../src/core/certs.js';
import { parseIsoDate } from '../../src/core/dates.js';
import type { PlainDate } from '../../src/core/values.js';
import { certsDocument, type CertsDocument } from '../../src/report/certs-json.js';
import { rubricFrom } from './rubric.js';

/** Shared by the certs renderer tests: five certificates on 2025-06-30 under 3 years / 6 months / 90 days. */
export const d = (iso: string): PlainDate => parseIsoDate(iso)!;
export const POLICY: CertPolicy = { validity: { years: 3 }, renewalWindow: { months: 6 }, expiringWithin: { days: 90 } };
export const AS_OF = d('2025-06-30');
export const RUBRIC = rubricFrom(readFileSync('test/fixtures/rubrics/cert-policy.yaml', 'utf8'));

export const CERTIFICATES: Certificate[] = [
  { id: '0110001', name: '서울 늘봄 노인복지센터', region: '서울', serviceType: '노인맞춤돌봄', certificateNo: 'QC-2023-001', notifiedOn: d('2023-01-01'), revokedOn: null },
  { id: '0260002', name: '부산 햇살 방문요양센터', region: '부산', serviceType: '가사간병방문지원', certificateNo: 'QC-2022-002', notifiedOn: d('2022-07-01'), revokedOn: null },
  { id: '0110003', name: '=HYPERLINK("x") 센터', region: '서울', serviceType: null, certificateNo: 'QC-2022-003', notifiedOn: d('2022-01-10'), revokedOn: null },
  { id: '0500004', name: '제주 새날 아이돌봄센터', region: null, serviceType: '아이돌봄', certificateNo: 'QC-2024-004', notifiedOn: d('2024-03-05'), revokedOn: d('2025-01-02') },
];

/** The certs document of CERTIFICATES with the given status filter and grouping. */
export function documentOf(status: CertStatusFilter = 'all', groupBy: CertGroupField | null = null): CertsDocument {
  const { states } = assessCertificates(CERTIFICATES, POLICY, AS_OF);
  return certsDocument(
    states.filter((s) => matchesStatus(s, status)),
    {
      toolVersion: '0.1.0',
      rubric: RUBRIC,
      inputs: [{ path: 'register.csv', sha256: 'ab'.repeat(32), format: 'csv', records: 4 }],
      asOf: AS_OF,
      policy: POLICY,
      status,
      groupBy,
      summary: summarizeCertificates(states),
    },
  );
}
