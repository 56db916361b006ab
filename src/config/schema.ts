import { z } from 'zod';
import { CERT_GROUP_FIELDS, CERT_STATUS_FILTERS } from '../core/certs.js';
import { parseIsoDate } from '../core/dates.js';
import { certsRenderers } from '../report/certs-renderers.js';
import { gradeRenderers } from '../report/grade-renderers.js';
import { problemsRenderers } from '../report/problems-report.js';

/** The placeholders an output name template may use. */
export const NAME_PLACEHOLDERS = ['job', 'command', 'rubric', 'version', 'asOf', 'format', 'ext'] as const;

/** The output name when a job gives neither a path nor a name: predictable, and different for each as-of date. */
export const DEFAULT_NAME_TEMPLATE = '{job}-{rubric}@{version}-{asOf}.{ext}';

const IsoDate = z.string().refine((text) => parseIsoDate(text) !== undefined, 'a real date, YYYY-MM-DD');

const NameTemplate = z
  .string()
  .min(1)
  .refine((name) => !/[/\\]/.test(name), 'a file name without folders (put the folder in out-dir)')
  .refine(
    (name) => [...name.matchAll(/\{(\w*)\}/g)].every((m) => (NAME_PLACEHOLDERS as readonly string[]).includes(m[1]!)),
    `placeholders: ${NAME_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`,
  );

/**
 * Where a job's output goes: `path` (from the config's folder; `-` is stdout), or `name`, a template for a
 * file in out-dir; with neither, the default template.
 */
const outputSchema = (formats: readonly string[]) =>
  z.strictObject({
    format: z.enum(formats as [string, ...string[]]),
    path: z.string().min(1).optional(),
    name: NameTemplate.optional(),
  }).refine((output) => output.path === undefined || output.name === undefined, 'give path or name, not both');

/** Options every job has: they become the shared input options of its command. */
const jobBase = {
  /** letters, digits, `.`, `_` and `-`: a job's name goes into file names */
  name: z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, 'letters, digits, . _ - (a job name goes into file names)'),
  rubric: z.string().min(1).describe('rubric id, id@version, or a rubric file (from the config folder)'),
  inputs: z.array(z.string().min(1)).min(1).describe('files and glob patterns, from the config folder; - is stdin'),
  'as-of': IsoDate.optional(),
  lang: z.enum(['ko', 'en']).optional(),
  encoding: z.string().min(1).optional(),
  delimiter: z.string().min(1).optional(),
  sheet: z.union([z.string().min(1), z.number().int().positive()]).optional(),
  layout: z.enum(['wide', 'long', 'auto']).optional(),
  'max-errors': z.number().int().min(0).optional(),
};

const GradeJob = z.strictObject({
  ...jobBase,
  command: z.literal('grade'),
  output: outputSchema(Object.keys(gradeRenderers)).optional(),
  'group-by': z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  'skip-invalid': z.boolean().optional(),
  gates: z.strictObject({ 'fail-under': z.string().min(1).optional(), 'max-issues': z.number().int().min(0).optional() }).optional(),
});

const ValidateJob = z.strictObject({
  ...jobBase,
  command: z.literal('validate'),
  output: outputSchema(Object.keys(problemsRenderers)).optional(),
  strict: z.boolean().optional(),
  gates: z.strictObject({ 'max-issues': z.number().int().min(0).optional() }).optional(),
});

const CertsJob = z.strictObject({
  ...jobBase,
  command: z.literal('certs'),
  output: outputSchema(Object.keys(certsRenderers)).optional(),
  within: z.string().min(1).optional(),
  status: z.enum(CERT_STATUS_FILTERS as [string, ...string[]]).optional(),
  'group-by': z.enum(CERT_GROUP_FIELDS).optional(),
  gates: z.strictObject({ 'fail-if-expiring': z.boolean().optional() }).optional(),
});

export const JobSchema = z.discriminatedUnion('command', [GradeJob, ValidateJob, CertsJob]);

/** An `sseval run` configuration: shared settings and the jobs, run in order. */
export const ConfigSchema = z
  .strictObject({
    version: z.literal(1).optional().describe('the configuration language version'),
    'out-dir': z.string().min(1).optional().describe('folder for outputs named by template (default: the config folder)'),
    'rubric-dirs': z.array(z.string().min(1)).optional().describe('folders with rubrics of your own, searched after the bundled ones by every command'),
    'as-of': IsoDate.optional().describe('as-of date of every job that gives none (default: today in Korea)'),
    lang: z.enum(['ko', 'en']).optional(),
    jobs: z.array(JobSchema).min(1),
  })
  .superRefine((config, context) => {
    const seen = new Set<string>();
    config.jobs.forEach((job, i) => {
      if (seen.has(job.name)) context.addIssue({ code: 'custom', path: ['jobs', i, 'name'], message: `job name "${job.name}" is used twice` });
      seen.add(job.name);
    });
    const stdinJobs = config.jobs.flatMap((job, i) => (job.inputs.includes('-') ? [i] : []));
    for (const i of stdinJobs.slice(1)) {
      context.addIssue({ code: 'custom', path: ['jobs', i, 'inputs'], message: 'only one job can read standard input (-)' });
    }
  });

export type Config = z.infer<typeof ConfigSchema>;
export type Job = z.infer<typeof JobSchema>;
export type JobOutput = NonNullable<Job['output']>;
