import path from 'node:path';
import { parseIsoDate } from '../../core/dates.js';
import { problem, type Problem } from '../../core/problems.js';
import { formatDate } from '../../core/values.js';
import { jobArgv, outputPath } from '../../config/job-argv.js';
import { loadConfigFile, type LoadedConfig } from '../../config/load.js';
import type { Job } from '../../config/schema.js';
import { expandInputs } from '../../ingest/expand-inputs.js';
import { renderMessage, type Lang } from '../../messages/index.js';
import { OutputError } from '../../report/output.js';
import { ensureOutputFolder } from '../../report/output-folder.js';
import { renderProblemsText } from '../../report/problems-text.js';
import { isRubricPath } from '../../rubric/locate.js';
import { observedEventLog } from '../event-log.js';
import { ExitCode, ExitError, type ExitCodeValue } from '../exit.js';
import { collectList } from '../grade-files.js';
import { resolveLang, type Io } from '../io.js';
import { asOfOption, loadRubricRef, rubricDirs } from '../rubric-ref.js';
import { todayInKorea } from '../today.js';
import type { RegisterCommand } from './index.js';

interface RunFlags {
  config: string;
  job?: string[];
  outDir?: string;
  force?: boolean;
  asOf?: string;
}

/** A job ready to run: its command line and output, or the problems that keep it from running (exit 2). */
type JobPlan = { readonly job: Job; readonly index: number } & (
  | { readonly argv: string[]; readonly out: string | undefined }
  | { readonly problems: Problem[] }
);

/** `sseval run`: runs the jobs of a configuration file in order, unattended; exits with the worst job's code. */
export const registerRun: RegisterCommand = (program, io, finish) => {
  program
    .command('run')
    .description('설정 파일의 작업을 차례로 실행합니다 (예약 실행) / run the jobs of a configuration file, unattended')
    .argument('[command-options...]', "options after -- go to every job's command and override the config, e.g. -- --lang en")
    .option('--config <file>', 'configuration file, YAML or JSON', 'sseval.config.yaml')
    .option('--job <name>', 'run only this job (repeat or comma-separate)', collectList)
    .option('--out-dir <dir>', 'write every output into this folder (overrides the config)')
    .option('--force', 'replace existing outputs')
    .option('--as-of <date>', 'as-of date YYYY-MM-DD of every job (overrides the config)')
    .action(async (overrides: string[], flags: RunFlags) => finish(await runJobs(overrides, flags, io)));
};

async function runJobs(overrides: readonly string[], flags: RunFlags, io: Io): Promise<ExitCodeValue> {
  const { loaded, problems } = loadConfigFile(flags.config);
  if (!loaded) throw new ExitError(ExitCode.usage, problems);
  const lang = resolveLang(loaded.config.lang);
  const jobs = selectJobs(loaded, flags.job);
  // one clock reading for the whole run, so jobs running across midnight share their as-of date
  const asOf = flags.asOf === undefined ? undefined : formatDate(asOfOption(flags.asOf));
  const today = formatDate(todayInKorea());
  // every job's inputs are expanded before any job writes, so one job's output is never a later job's input
  const plans: JobPlan[] = [];
  for (const { job, index } of jobs) plans.push(await planJob(job, index, loaded, { asOf: asOf ?? job['as-of'] ?? loaded.config['as-of'] ?? today, flags, overrides }));

  const outcomes: { job: string; exitCode: ExitCodeValue }[] = [];
  for (const plan of plans) outcomes.push({ job: plan.job.name, exitCode: await runJob(plan, loaded, io, lang) });
  const exitCode = outcomes.reduce<ExitCodeValue>((worst, o) => (o.exitCode > worst ? o.exitCode : worst), ExitCode.ok);
  const failed = outcomes.filter((o) => o.exitCode !== ExitCode.ok).length;
  io.log.emit({ event: 'run-finished', exitCode, jobs: outcomes });
  // in a JSON log the job-finished and run-finished events already say all this
  if (io.log.format === 'text') {
    const summary = { total: outcomes.length, ok: outcomes.length - failed, failed, exitCode };
    io.err.write(renderProblemsText([problem('RUN_SUMMARY', exitCode === ExitCode.ok ? 'info' : 'error', {}, summary)], lang, io.errColor));
  }
  return exitCode;
}

/** The jobs `--job` names, in the config's order (all when none is named); an unknown name stops with exit 2. */
function selectJobs(loaded: LoadedConfig, names: readonly string[] | undefined): { job: Job; index: number }[] {
  const jobs = loaded.config.jobs.map((job, index) => ({ job, index }));
  if (names === undefined) return jobs;
  const known = new Set(jobs.map(({ job }) => job.name));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    const list = [...known].join(', ');
    throw new ExitError(ExitCode.usage, unknown.map((job) => problem('RUN_UNKNOWN_JOB', 'error', { file: loaded.file }, { job, known: list })));
  }
  return jobs.filter(({ job }) => names.includes(job.name));
}

/** The config's `rubric-dirs`, resolved from its folder: where every job of it looks for rubrics. */
const configuredRubricDirs = (loaded: LoadedConfig) => (loaded.config['rubric-dirs'] ?? []).map((dir) => path.resolve(loaded.dir, dir));

/** A path as the command line shows it: relative to the working folder, so outputs name their inputs the same way every run. */
const shown = (file: string) => (file === '-' ? file : path.relative(process.cwd(), file) || file);

async function planJob(
  job: Job,
  index: number,
  loaded: LoadedConfig,
  settings: { asOf: string; flags: RunFlags; overrides: readonly string[] },
): Promise<JobPlan> {
  const where = (suffix: string) => {
    const at = `jobs[${index}]${suffix}`;
    const line = loaded.lineOf(at);
    return { file: loaded.file, path: at, ...(line === undefined ? {} : { line }) };
  };
  const { files, unmatched } = await expandInputs(job.inputs, loaded.dir);
  if (unmatched.length > 0) {
    return { job, index, problems: unmatched.map((pattern) => problem('RUN_NO_MATCH', 'error', where('.inputs'), { pattern, dir: loaded.dir })) };
  }
  const rubric = isRubricPath(job.rubric) ? path.resolve(loaded.dir, job.rubric) : job.rubric;
  const { config } = loaded;
  let out: string | undefined;
  try {
    // the rubric's id and version name the output; a rubric that does not load is reported by the command alike
    // (the job looks in the same folders: it is given the config's rubric-dirs)
    const dirs = await rubricDirs([], configuredRubricDirs(loaded));
    const compiled = await loadRubricRef(rubric, parseIsoDate(settings.asOf)!, dirs);
    out = outputPath(job, {
      configDir: loaded.dir,
      ...(settings.flags.outDir === undefined ? {} : { outDir: path.resolve(settings.flags.outDir) }),
      ...(config['out-dir'] === undefined ? {} : { configOutDir: path.resolve(loaded.dir, config['out-dir']) }),
      asOf: settings.asOf,
      rubricId: compiled.rubric.id,
      rubricVersion: compiled.rubric.version,
    });
  } catch (error) {
    if (error instanceof ExitError) return { job, index, problems: [...error.problems] };
    throw error;
  }
  const lang = job.lang ?? config.lang;
  const argv = jobArgv(
    job,
    {
      files: files.map(shown),
      rubric: isRubricPath(rubric) ? shown(rubric) : rubric,
      asOf: settings.asOf,
      ...(lang === undefined ? {} : { lang }),
      ...(out === undefined ? {} : { out: shown(out) }),
      force: settings.flags.force === true,
    },
    settings.overrides,
  );
  return { job, index, argv, out };
}

/** Runs one planned job through the ordinary command, in-process, and reports its outcome. */
async function runJob(plan: JobPlan, loaded: LoadedConfig, io: Io, lang: Lang): Promise<ExitCodeValue> {
  const { job } = plan;
  const started = Date.now();
  const written: string[] = [];
  const forJob = io.forJob(job.name);
  const log = observedEventLog(forJob.log, (event) => {
    if (event.event === 'output-written') written.push(event.path);
  });
  const jobIo: Io = { ...forJob, log, rubricDirs: configuredRubricDirs(loaded) };
  let exitCode: ExitCodeValue;
  if ('problems' in plan) {
    jobIo.err.write(renderProblemsText(plan.problems, lang, jobIo.errColor));
    exitCode = ExitCode.usage;
  } else {
    log.emit({ event: 'job-started', command: job.command, argv: plan.argv });
    exitCode = await runCommand(plan, jobIo, lang);
  }
  log.emit({ event: 'job-finished', exitCode, durationMs: Date.now() - started });
  if (io.log.format === 'text') jobIo.err.write(renderProblemsText([jobOutcome(plan, exitCode, written, loaded, lang)], lang, jobIo.errColor));
  return exitCode;
}

/** The line that tells a person how a job ended: a note when it succeeded, an error at its place in the config when not. */
function jobOutcome(plan: JobPlan, exitCode: ExitCodeValue, written: readonly string[], loaded: LoadedConfig, lang: Lang): Problem {
  const { job } = plan;
  const line = loaded.lineOf(`jobs[${plan.index}]`);
  if (exitCode === ExitCode.ok) {
    const outputs = written.length === 0 ? '' : renderMessage('RUN_OUTPUTS', { files: written.join(', ') }, lang);
    return problem('RUN_JOB_OK', 'info', {}, { job: job.name, command: job.command, outputs });
  }
  const meaning = renderMessage(`EXIT_MEANING_${exitCode}`, {}, lang);
  return problem('RUN_JOB_FAILED', 'error', { file: loaded.file, ...(line === undefined ? {} : { line }) }, { job: job.name, command: job.command, exitCode, meaning });
}

async function runCommand(plan: { argv: readonly string[]; out: string | undefined }, jobIo: Io, lang: Lang): Promise<ExitCodeValue> {
  if (plan.out !== undefined && plan.out !== '-') {
    try {
      await ensureOutputFolder(path.dirname(plan.out));
    } catch (error) {
      if (!(error instanceof OutputError)) throw error;
      jobIo.err.write(renderProblemsText([error.toProblem()], lang, jobIo.errColor));
      return ExitCode.usage;
    }
  }
  // imported here: main.ts registers this command, so a static import would be a cycle
  const { runCommandLine } = await import('../main.js');
  return runCommandLine(['node', 'sseval', ...plan.argv], jobIo);
}
