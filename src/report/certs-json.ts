import {
  countStatuses,
  groupKey,
  groupStates,
  horizonEnd,
  type CertGroupField,
  type CertPolicy,
  type CertStatusFilter,
  type CertSummary,
  type CertificateState,
  type StatusCounts,
} from '../core/certs.js';
import type { InputFile } from '../core/records.js';
import { formatDate, type PlainDate } from '../core/values.js';
import type { CompiledRubric } from '../rubric/model.js';
import type { CertificateOut, CertsDocument } from './certs-document-schema.js';

export type { CertificateOut, CertsDocument, CountsOut } from './certs-document-schema.js';

/** Version of the certs JSON document; bump on any incompatible change. */
export const CERTS_SCHEMA_VERSION = 1;

export interface CertsDocumentContext {
  readonly toolVersion: string;
  readonly rubric: CompiledRubric;
  readonly inputs: readonly InputFile[];
  readonly asOf: PlainDate;
  readonly policy: CertPolicy;
  readonly status: CertStatusFilter;
  readonly groupBy: CertGroupField | null;
  readonly summary: CertSummary;
}

const summaryRow = (key: string | null, counts: StatusCounts) => ({ key, ...counts });

/** One certificate's line of the document; `group` only when grouping. */
function certificateOut(state: CertificateState, groupBy: CertGroupField | null): CertificateOut {
  const c = state.certificate;
  return {
    id: c.id,
    name: c.name,
    region: c.region,
    serviceType: c.serviceType,
    certificateNo: c.certificateNo,
    notifiedOn: formatDate(c.notifiedOn),
    revokedOn: c.revokedOn === null ? null : formatDate(c.revokedOn),
    validUntil: formatDate(state.validUntil),
    daysLeft: state.daysLeft,
    status: state.status,
    renewalOpensOn: formatDate(state.renewalOpensOn),
    renewalOpen: state.renewalOpen,
    ...(groupBy === null ? {} : { group: groupKey(state, groupBy) }),
    ...(c.source === undefined ? {} : { source: { ...c.source } }),
  };
}

/** Assembles the certs document from the selected states (in expiry order) and the summary of all of them. */
export function certsDocument(selected: readonly CertificateState[], context: CertsDocumentContext): CertsDocument {
  const groups = context.groupBy === null ? [] : groupStates(selected, context.groupBy);
  const ordered = context.groupBy === null ? selected : groups.flatMap((g) => g.states);
  const { validity, renewalWindow, expiringWithin } = context.policy;
  return {
    schemaVersion: CERTS_SCHEMA_VERSION,
    tool: { name: 'sseval', version: context.toolVersion },
    rubric: { id: context.rubric.rubric.id, version: context.rubric.rubric.version, sha256: context.rubric.source.sha256 },
    inputs: context.inputs.map((input) => ({ path: input.path, sha256: input.sha256 })),
    asOf: formatDate(context.asOf),
    policy: { validity, renewalWindow, expiringWithin },
    horizonEnd: formatDate(horizonEnd(context.asOf, expiringWithin)),
    status: context.status,
    groupBy: context.groupBy,
    summary: {
      overall: { ...context.summary.overall },
      byRegion: context.summary.byRegion.map((row) => summaryRow(row.key, row.counts)),
      byCohort: context.summary.byCohort.map((row) => summaryRow(row.key, row.counts)),
    },
    groups: groups.map((g) => summaryRow(g.key, countStatuses(g.states))),
    certificates: ordered.map((state) => certificateOut(state, context.groupBy)),
  };
}

/** The document as JSON text. */
export function renderCertsJson(doc: CertsDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
