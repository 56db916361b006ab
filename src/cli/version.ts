import { readFileSync } from 'node:fs';

/** sseval's version, from its package.json (two levels above this file in src/ and dist/). */
export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
