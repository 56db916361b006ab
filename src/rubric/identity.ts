import { parse as parseYaml } from 'yaml';
import type { RubricIdentity } from './locate.js';

const IDENTITY_KEYS: ReadonlySet<string> = new Set(['id', 'version', 'effective']);
const TOP_LEVEL_KEY = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)/;

/**
 * The top-level `id`, `version` and `effective` blocks of a block-style YAML rubric, cut out so that only
 * they are parsed: a rubric is mostly indicators, and parsing every bundled rubric in full to find one by id
 * took most of a small job's time. Undefined for anything else (JSON, flow style, directives, several
 * documents), which the caller parses whole.
 */
function identityBlocks(text: string): string | undefined {
  const kept: string[] = [];
  let keep = false;
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#') || line.startsWith(' ') || line.startsWith('\t')) {
      if (keep) kept.push(line);
      continue;
    }
    const key = TOP_LEVEL_KEY.exec(line)?.[1];
    if (key === undefined) return undefined;
    keep = IDENTITY_KEYS.has(key);
    if (keep) kept.push(line);
  }
  return kept.join('\n');
}

function identityOf(head: unknown): RubricIdentity | undefined {
  if (typeof head !== 'object' || head === null) return undefined;
  const { id, version, effective } = head as Record<string, unknown>;
  const period = (typeof effective === 'object' && effective !== null ? effective : {}) as Record<string, unknown>;
  if (typeof id !== 'string' || version === undefined || version === null || typeof period.from !== 'string') return undefined;
  return { id, version: String(version), from: period.from, to: typeof period.to === 'string' ? period.to : undefined };
}

/** Reads a rubric file's identity without checking the rest; undefined when the text is not a rubric. */
export function readRubricIdentity(text: string): RubricIdentity | undefined {
  const blocks = identityBlocks(text);
  if (blocks !== undefined) {
    try {
      const identity = identityOf(parseYaml(blocks));
      if (identity) return identity;
    } catch {
      // an alias to an anchor outside these blocks, say: parse the whole file as before
    }
  }
  try {
    return identityOf(parseYaml(text));
  } catch {
    return undefined;
  }
}
