import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { formatPath } from '../rubric/model.js';
import { problem, type Problem } from './problems.js';

/** A YAML (or JSON) document that passed its schema, with a way back from a path inside it to its line. */
export interface CheckedYaml<T> {
  readonly value: T;
  /** the 1-based line of the deepest node on a formatted path such as `jobs[1].inputs` */
  readonly lineOf: (path: string) => number | undefined;
}

/** The problem codes a caller reports for text that is not YAML, and for YAML its schema refuses. */
export interface YamlProblemCodes {
  readonly syntax: string;
  readonly schema: string;
}

/**
 * Parses YAML text (JSON is YAML) with duplicate keys refused and checks it against a zod schema. Every
 * problem carries the file, the path inside the document and, where the parser knows it, the line, so a
 * person can go straight to the cell of a rubric or a configuration file that is wrong.
 */
export function parseCheckedYaml<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  codes: YamlProblemCodes,
): CheckedYaml<z.output<S>> | { problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => {
        const line = lineCounter.linePos(error.pos[0]).line;
        return problem(codes.syntax, 'error', { file, line }, { detail: error.message.split('\n')[0] ?? '' });
      }),
    };
  }
  const lineOfKeys = (keys: readonly (string | number)[]): number | undefined => {
    // a missing key has no node: fall back to its nearest parent, which is where it belongs
    for (let length = keys.length; length >= 0; length -= 1) {
      const node = doc.getIn(keys.slice(0, length), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        const keys = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        const line = lineOfKeys(keys);
        return problem(codes.schema, 'error', { file, path: formatPath(keys), ...(line === undefined ? {} : { line }) }, { detail: issue.message });
      }),
    };
  }
  return { value: parsed.data, lineOf: (path) => lineOfKeys(splitPath(path)) };
}

/** Splits a formatted path back into keys and indexes. */
function splitPath(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}
