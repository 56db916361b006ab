import type { Command } from 'commander';
import type { ExitCodeValue } from '../exit.js';
import type { Io } from '../io.js';
import { registerCerts } from './certs.js';
import { registerCompare } from './compare.js';
import { registerExplain } from './explain.js';
import { registerGrade } from './grade.js';
import { registerRubric } from './rubric.js';
import { registerRun } from './run.js';
import { registerTemplate } from './template.js';
import { registerValidate } from './validate.js';

/** Adds one command to the program; the command reports its exit code through `finish`. */
export type RegisterCommand = (program: Command, io: Io, finish: (code: ExitCodeValue) => void) => void;

/** Every command, in the order `sseval --help` lists them. */
export const commands: readonly RegisterCommand[] = [registerGrade, registerExplain, registerCompare, registerValidate, registerCerts, registerRubric, registerTemplate, registerRun];
