import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCheckedYaml } from '../core/checked-yaml.js';
import { problem, type Problem } from '../core/problems.js';
import { ConfigSchema, type Config } from './schema.js';

/** A checked configuration, where it came from, and the line of any path inside it (for messages about a job). */
export interface LoadedConfig {
  readonly config: Config;
  /** the file as given */
  readonly file: string;
  /** the absolute folder relative paths in the config resolve from */
  readonly dir: string;
  readonly lineOf: (path: string) => number | undefined;
}

/**
 * Reads a configuration file (YAML or JSON) and checks it; every problem says the file, the path inside it
 * and the line, like a rubric's. Never throws for a bad file.
 */
export function loadConfigFile(file: string): { loaded?: LoadedConfig; problems: Problem[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problems: [problem('CONFIG_NOT_FOUND', 'error', { file }, { file })] };
    return { problems: [problem('CONFIG_UNREADABLE', 'error', { file }, { file, detail: code ?? String(error) })] };
  }
  const checked = parseCheckedYaml(text, file, ConfigSchema, { syntax: 'CONFIG_SYNTAX', schema: 'CONFIG_SCHEMA' });
  if ('problems' in checked) return { problems: checked.problems };
  return { loaded: { config: checked.value, file, dir: path.dirname(path.resolve(file)), lineOf: checked.lineOf }, problems: [] };
}
