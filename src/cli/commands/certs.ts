import { Chalk } from 'chalk';
import { Option, type Command } from 'commander';
import {
  assessCertificates,
  CERT_GROUP_FIELDS,
  CERT_STATUS_FILTERS,
  horizonEnd,
  matchesStatus,
  parseHorizon,
  summarizeCertificates,
  type CertGroupField,
  type CertPolicy,
  type CertStatusFilter,
} from '../../core/certs.js';
import { certificatesFromRecords, REGISTER_SPEC } from '../../core/certs-register.js';
import { problem, type Problem } from '../../core/problems.js';
import { formatDate } from '../../core/values.js';
import { certsDocument } from '../../report/certs-json.js';
import { certsRenderers } from '../../report/certs-renderers.js';
import { renderProblemsText } from '../../report/problems-text.js';
import { ExitCode, ExitError, type ExitCodeValue } from '../exit.js';
import type { Io } from '../io.js';
import { requireCertification } from '../certify.js';
import { loadData, reportDataProblems } from '../load-data.js';
import { loadRubricRef, rubricDirs } from '../rubric-ref.js';
import { addInputOptions, inputOptionsFrom } from '../shared-options.js';
import { toolVersion } from '../version.js';
import { writeOutput } from '../write-output.js';
import type { RegisterCommand } from './index.js';

interface CertsFlags {
  rubric: string;
  within?: string;
  status: CertStatusFilter;
  /** commander admits only CERT_GROUP_FIELDS */
  groupBy?: CertGroupField;
  format: string;
  out?: string;
  failIfExpiring?: boolean;
  force?: boolean;
  [input: string]: unknown;
}

/** `sseval certs <files...>`: which quality certificates are valid, expiring, expired or revoked on a date, and who may renew. */
export const registerCerts: RegisterCommand = (program, io, finish) => {
  const command: Command = program
    .command('certs')
    .description('품질인증 현황: 유효·만료 임박·만료·취소와 갱신 대상 / quality certificates: valid, expiring, expired, revoked, renewals')
    .argument('<files...>', 'certificate register(s), CSV or xlsx (- for stdin): 기관코드, 기관명, 시도, 서비스유형, 인증번호, 인증통보일[, 인증취소일]')
    .option('--rubric <ref>', 'rubric whose certification block sets validity, renewal window and horizon', 'quality-cert')
    .option('--within <period>', "the \"expiring soon\" horizon, e.g. 90d, 6m, 1y (default: the rubric's)")
    .addOption(new Option('--status <status>', 'list only these certificates (valid includes expiring)').choices(CERT_STATUS_FILTERS).default('all'))
    .addOption(new Option('--group-by <field>', 'list the certificates by this field').choices(CERT_GROUP_FIELDS))
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(certsRenderers)).default('table'))
    .option('--out <file>', 'write to this file (atomically) instead of stdout')
    .option('--fail-if-expiring', 'exit 1 when any certificate expires within the horizon')
    .option('--force', 'replace an existing --out file')
    .addOption(new Option('--lang <lang>', 'language of labels and messages').choices(['ko', 'en']));
  addInputOptions(command);
  command.action(async (files: string[], flags: CertsFlags) => finish(await runCerts(files, flags, io)));
};

async function runCerts(files: string[], flags: CertsFlags, io: Io): Promise<ExitCodeValue> {
  const input = inputOptionsFrom(flags);
  const { asOf, lang } = input;
  const toFile = flags.out !== undefined && flags.out !== '-';
  const usage = (p: Problem) => new ExitError(ExitCode.usage, [p]);
  if (flags.format === 'xlsx' && !toFile) {
    throw usage(problem('CLI_BAD_OPTION', 'error', {}, { option: '--format', value: flags.format, detail: '--out FILE' }));
  }
  const within = flags.within === undefined ? undefined : parseHorizon(flags.within);
  if (flags.within !== undefined && within === undefined) {
    throw usage(problem('CLI_BAD_OPTION', 'error', {}, { option: '--within', value: flags.within, detail: '90d, 6m, 1y' }));
  }
  const rubric = await loadRubricRef(flags.rubric, asOf, await rubricDirs([], io.rubricDirs));
  const certification = requireCertification(rubric);
  const policy: CertPolicy = { ...certification, expiringWithin: within ?? certification.expiringWithin };

  const dataSet = await loadData(files, REGISTER_SPEC, input, io);
  if (dataSet.exit !== undefined) {
    reportDataProblems(io, rubric, dataSet, input);
    if (dataSet.exit === ExitCode.dataErrors) report(io, lang, [problem('CERTS_REGISTER_HAS_ERRORS', 'error', {})]);
    return dataSet.exit;
  }
  const register = certificatesFromRecords(dataSet.records, policy);
  const { states, problems: assessProblems } = assessCertificates(register.certificates, policy, asOf);
  const summary = summarizeCertificates(states);
  report(io, lang, [...dataSet.problems, ...register.problems, ...assessProblems]);

  const groupBy = flags.groupBy ?? null;
  const selected = states.filter((state) => matchesStatus(state, flags.status));
  const doc = certsDocument(selected, { toolVersion: toolVersion(), rubric, inputs: dataSet.inputs, asOf, policy, status: flags.status, groupBy, summary });
  const render = () => certsRenderers[flags.format]!(doc, { lang, color: toFile ? new Chalk({ level: 0 }) : io.outColor });
  await writeOutput(io, flags.out, lang, render, { force: flags.force === true, inputs: files });
  // the gate speaks after the report is out, so a scheduled job still gets the list it alerts about
  if (flags.failIfExpiring === true && summary.overall.expiring > 0) {
    const until = formatDate(horizonEnd(asOf, policy.expiringWithin));
    report(io, lang, [problem('CERTS_EXPIRING', 'error', {}, { count: summary.overall.expiring, until })]);
    return ExitCode.dataErrors;
  }
  return ExitCode.ok;
}

function report(io: Io, lang: 'ko' | 'en', problems: readonly Problem[]): void {
  if (problems.length > 0) io.err.write(renderProblemsText(problems, lang, io.errColor));
}
