import type { Command } from 'commander';
import type { ExitCodeValue } from '../exit.js';
import type { Io } from '../io.js';

/** Adds one command to the program; the command reports its exit code through `finish`. */
export type RegisterCommand = (program: Command, io: Io, finish: (code: ExitCodeValue) => void) => void;

/**
 * A command by name, with its module (definition and implementation) loaded only when a command line needs it:
 * importing every command's implementation took a small job most of its start-up time.
 */
export interface CommandEntry {
  readonly name: string;
  readonly load: () => Promise<RegisterCommand>;
}

/** Every command, in the order `sseval --help` lists them. */
export const commands: readonly CommandEntry[] = [
  { name: 'grade', load: async () => (await import('./grade.js')).registerGrade },
  { name: 'explain', load: async () => (await import('./explain.js')).registerExplain },
  { name: 'compare', load: async () => (await import('./compare.js')).registerCompare },
  { name: 'validate', load: async () => (await import('./validate.js')).registerValidate },
  { name: 'certs', load: async () => (await import('./certs.js')).registerCerts },
  { name: 'rubric', load: async () => (await import('./rubric.js')).registerRubric },
  { name: 'template', load: async () => (await import('./template.js')).registerTemplate },
  { name: 'run', load: async () => (await import('./run.js')).registerRun },
];
