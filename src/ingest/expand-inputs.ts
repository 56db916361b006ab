import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/**
 * Expands input patterns relative to `dir`, in the order given, each glob's matches sorted so two runs read
 * the same files in the same order. A literal path passes through as an absolute path (the reader reports a
 * missing file), `-` stays standard input, a file matched twice is read once, hidden files (sseval's own
 * temp files among them) never match. Globs that match nothing are listed in `unmatched`.
 */
export async function expandInputs(patterns: readonly string[], dir: string): Promise<{ files: string[]; unmatched: string[] }> {
  const files: string[] = [];
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    if (pattern === '-' || !isDynamicPattern(pattern)) {
      files.push(pattern === '-' ? pattern : path.resolve(dir, pattern));
      continue;
    }
    const matches = await glob(pattern, { cwd: dir, absolute: true, onlyFiles: true, dot: false, expandDirectories: false });
    if (matches.length === 0) unmatched.push(pattern);
    files.push(...matches.map((match) => path.normalize(match)).sort());
  }
  return { files: [...new Set(files)], unmatched };
}
