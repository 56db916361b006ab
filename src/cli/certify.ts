import { Chalk } from 'chalk';
import { assessCertificates, certifyResults, summarizeCertificates } from '../core/certs.js';
import type { GradeOutcome } from '../core/engine.js';
import { problem } from '../core/problems.js';
import type { InputFile, InstitutionRecord } from '../core/records.js';
import type { PlainDate } from '../core/values.js';
import type { Lang } from '../messages/catalogue.js';
import { renderRegisterCsv } from '../report/certs-csv.js';
import { certsDocument } from '../report/certs-json.js';
import { certsRenderers } from '../report/certs-renderers.js';
import { writeFileAtomic } from '../report/output.js';
import type { CompiledRubric } from '../rubric/model.js';
import type { Certification } from '../rubric/schema.js';
import { ExitCode, ExitError } from './exit.js';
import type { Io } from './io.js';
import { toolVersion } from './version.js';
import { writeOutput } from './write-output.js';

/** Formats the certification list can be written in (those of `sseval certs`). */
export const CERTIFY_FORMATS: ReadonlySet<string> = new Set(Object.keys(certsRenderers));

/** The rubric's certification policy; a rubric without one stops with exit 2. */
export function requireCertification(rubric: CompiledRubric): Certification {
  const certification = rubric.rubric.certification;
  if (certification === undefined) {
    throw new ExitError(ExitCode.usage, [problem('CERTS_NO_POLICY', 'error', { file: rubric.source.file }, { rubric: `${rubric.rubric.id}@${rubric.rubric.version}` })]);
  }
  return certification;
}

/** Stops with exit 2 before any data is read when `--notified-on` cannot be honoured: no policy, or an unsupported format. */
export function checkCertifiable(rubric: CompiledRubric, format: string): void {
  requireCertification(rubric);
  if (!CERTIFY_FORMATS.has(format)) {
    throw new ExitError(ExitCode.usage, [problem('CLI_BAD_OPTION', 'error', {}, { option: '--format', value: format, detail: [...CERTIFY_FORMATS].join(', ') })]);
  }
}

export interface CertifyContext {
  readonly rubric: CompiledRubric;
  readonly outcome: GradeOutcome;
  readonly records: readonly InstitutionRecord[];
  readonly inputs: readonly InputFile[];
  readonly notifiedOn: PlainDate;
  readonly format: string;
  readonly out: string | undefined;
  readonly register: string | undefined;
  readonly force: boolean;
  readonly files: readonly string[];
  readonly lang: Lang;
}

/**
 * `grade --notified-on`: the passers as certificates notified on that date, reported as `sseval certs` would report
 * them on that day (validity, renewal window), and with `--register FILE` written as a register `sseval certs` reads.
 */
export async function writeCertification(io: Io, context: CertifyContext): Promise<void> {
  const { rubric, notifiedOn, lang } = context;
  const passers = certifyResults(context.outcome.results, rubric, notifiedOn, context.records)!;
  const policy = requireCertification(rubric);
  const certificates = passers.map((p) => p.certificate);
  const { states } = assessCertificates(certificates, policy, notifiedOn);
  const doc = certsDocument(states, {
    toolVersion: toolVersion(),
    rubric,
    inputs: context.inputs,
    asOf: notifiedOn,
    policy,
    status: 'all',
    groupBy: null,
    summary: summarizeCertificates(states),
  });
  const toFile = context.out !== undefined && context.out !== '-';
  const render = () => certsRenderers[context.format]!(doc, { lang, color: toFile ? new Chalk({ level: 0 }) : io.outColor });
  await writeOutput(io, context.out, lang, render, { force: context.force, inputs: context.files });
  if (context.register !== undefined) {
    await writeFileAtomic(context.register, renderRegisterCsv(certificates, lang), { force: context.force, inputs: context.files });
  }
}
