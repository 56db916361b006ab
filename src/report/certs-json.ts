import { z } from 'zod';
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

/** Version of the certs JSON document; bump on any incompatible change. */
export const CERTS_SCHEMA_VERSION = 1;

const PeriodSchema = z.object({ years: z.number().int().optional(), months: z.number().int().optional(), days: z.number().int().optional() });

const CountsSchema = z.object({
  total: z.number().int(),
  /** in force on the as-of date, expiring ones included */
  valid: z.number().int(),
  /** in force, validity ending within the horizon */
  expiring: z.number().int(),
  expired: z.number().int(),
  revoked: z.number().int(),
  renewalOpen: z.number().int(),
});

const SummaryRowSchema = CountsSchema.extend({ key: z.string().nullable() });

export const CertificateOutSchema = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string().nullable(),
  serviceType: z.string().nullable(),
  certificateNo: z.string(),
  notifiedOn: z.string(),
  revokedOn: z.string().nullable(),
  validUntil: z.string(),
  /** 0 on the last valid day, negative once expired */
  daysLeft: z.number().int(),
  status: z.enum(['valid', 'expiring', 'expired', 'revoked']),
  renewalOpensOn: z.string(),
  renewalOpen: z.boolean(),
  /** the --group-by value; present only when grouping */
  group: z.string().nullable().optional(),
  source: z.object({ file: z.string(), sheet: z.string().optional(), row: z.number().int(), line: z.number().int() }).optional(),
});

/** The versioned document `sseval certs --format json` writes; the other formats render the same document. */
export const CertsDocumentSchema = z.object({
  schemaVersion: z.literal(CERTS_SCHEMA_VERSION),
  tool: z.object({ name: z.literal('sseval'), version: z.string() }),
  rubric: z.object({ id: z.string(), version: z.string(), sha256: z.string() }),
  inputs: z.array(z.object({ path: z.string(), sha256: z.string() })),
  asOf: z.string(),
  policy: z.object({ validity: PeriodSchema, renewalWindow: PeriodSchema, expiringWithin: PeriodSchema }),
  /** the last day of the expiring horizon that begins on the as-of date */
  horizonEnd: z.string(),
  status: z.enum(['valid', 'expiring', 'expired', 'revoked', 'all']),
  groupBy: z.string().nullable(),
  /** of every certificate notified by the as-of date, whatever --status selects */
  summary: z.object({ overall: CountsSchema, byRegion: z.array(SummaryRowSchema), byCohort: z.array(SummaryRowSchema) }),
  /** with --group-by: each group's counts, in the order the certificates are listed */
  groups: z.array(SummaryRowSchema),
  /** the certificates --status selects, by group, then by expiry */
  certificates: z.array(CertificateOutSchema),
});

export type CertsDocument = z.infer<typeof CertsDocumentSchema>;
export type CertificateOut = z.infer<typeof CertificateOutSchema>;
export type CountsOut = z.infer<typeof CountsSchema>;

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
