import { z } from 'zod';
import { CERTS_SCHEMA_VERSION } from './certs-json.js';

// Apart from the document's assembly (certs-json.ts), so that `grade --notified-on` and `certs` load no zod.

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
