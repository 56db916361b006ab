// Bundles the CLI that tsc wrote (run by `npm run build`, after tsc): dist/cli/main.js becomes one module with its
// dependencies, and each command, the rubric checks, the YAML parser and the reports loaded on demand become chunks
// beside it (dist/cli/bundle-*.js). Node then starts a small job from a few files instead of some 130 modules and
// their packages. The chunks stay in dist/cli, two levels below the package root as every module in them was,
// so paths found from `import.meta.url` (the rubrics folder, package.json, dist/rubrics.prechecked.json) still hold.
// tsc alone leaves a correct, unbundled dist/cli/main.js: nothing can run a stale bundle.
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const CLI_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli');
const ENTRY = path.join(CLI_DIR, 'main.js');
// the worker thread that reads the second half of a large CSV (src/cli/second-reader.ts starts it from beside itself)
const WORKER = path.join(CLI_DIR, 'grade-part-worker.js');
// the worker thread that writes the later lines of a large ranking (src/cli/second-writer.ts)
const WRITE_WORKER = path.join(CLI_DIR, 'grade-write-worker.js');
const ENTRIES = [ENTRY, WORKER, WRITE_WORKER];
const BANNER = '// bundled by scripts/bundle.js from the tsc output; `npm run build` writes it again';
const CHUNK = /^bundle-.*\.js$/;

for (const entry of ENTRIES) {
  if ((await readFile(entry, 'utf8')).startsWith(BANNER)) throw new Error(`${entry} is already a bundle: run tsc (npm run build) before bundling`);
}
// The modules `sseval grade` imports statically go into one chunk: left to itself the bundler splits the code the
// commands share into some twenty small chunks, and each file costs a small job time to load.
const staticImports = new Map();
const recordImports = { name: 'record-static-imports', moduleParsed: (info) => staticImports.set(info.id, info.importedIds) };
let gradeModules;
const isGradeModule = (id) => {
  gradeModules ??= reachable([path.join(CLI_DIR, 'commands', 'grade.js')]);
  return gradeModules.has(id);
};
function reachable(starts) {
  const seen = new Set();
  const visit = (id) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const next of staticImports.get(id) ?? []) visit(next);
  };
  starts.forEach(visit);
  return seen;
}

// exceljs stays a package of its own: large, CommonJS, and only ever loaded on demand by the xlsx reports
const bundle = await rolldown({ input: ENTRIES, platform: 'node', external: ['exceljs'], plugins: [recordImports], logLevel: 'warn' });
const { output } = await bundle.generate({
  format: 'esm',
  dir: CLI_DIR,
  banner: BANNER,
  chunkFileNames: 'bundle-[name]-[hash].js',
  codeSplitting: { groups: [{ name: 'grade', test: isGradeModule }] },
});
await bundle.close();

const entries = output.filter((item) => item.type === 'chunk' && item.isEntry);
const chunks = output.filter((item) => item.type === 'chunk' && !item.isEntry);
if (entries.length !== ENTRIES.length || output.some((item) => item.type !== 'chunk')) throw new Error('unexpected bundle output');
for (const chunk of chunks) await writeFile(path.join(CLI_DIR, chunk.fileName), chunk.code);
// the entries last and by rename, so a CLI started meanwhile finds either the old entry or the complete new one
for (const entry of entries) {
  const target = path.join(CLI_DIR, entry.fileName);
  if (!ENTRIES.includes(target)) throw new Error(`unexpected bundle entry ${entry.fileName}`);
  const temp = `${target}.bundle-tmp`;
  await writeFile(temp, entry.code);
  await rename(temp, target);
}
const current = new Set(chunks.map((chunk) => chunk.fileName));
for (const name of await readdir(CLI_DIR)) {
  if (CHUNK.test(name) && !current.has(name)) await rm(path.join(CLI_DIR, name));
}
