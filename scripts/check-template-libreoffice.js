// Checks that input templates open in LibreOffice: each template `sseval template` writes for the bundled
// rubrics (and the long-list test rubric) is converted headless by LibreOffice back to xlsx, and the re-saved
// workbook must keep the sheets, the header row and a validation of the same type on every validated column.
// Needs `npm run build` first and LibreOffice (`apt-get install -y libreoffice-calc-nogui`); not part of `npm test`.
//
//   node scripts/check-template-libreoffice.js
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'sseval.js');
const work = mkdtempSync(path.join(tmpdir(), 'sseval-lo-'));

const run = (command, args) => {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 180_000 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
};

/** Sheet names and states, the data sheet's header row, and the validation type of each header's column in row 2. */
async function describe(file) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const data = workbook.worksheets[0];
  // cell.text, because LibreOffice saves a header mixing scripts (조직·인사) as rich text runs
  const header = Array.from({ length: data.getRow(1).cellCount }, (_, i) => data.getCell(1, i + 1).text);
  return {
    sheets: workbook.worksheets.map((s) => `${s.name}:${s.state}`),
    header,
    validations: header.map((_, i) => data.getCell(2, i + 1).dataValidation?.type ?? 'none'),
  };
}

if (spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status !== 0) {
  console.error('LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui');
  process.exit(2);
}

const listed = JSON.parse(run(process.execPath, [bin, 'rubric', 'list', '--format', 'json'])).rubrics;
const refs = [...listed.map((r) => `${r.id}@${r.version}`), path.join(root, 'test', 'fixtures', 'rubrics', 'template.yaml')];
let failures = 0;
try {
  for (const [i, ref] of refs.entries()) {
    for (const lang of ['ko', 'en']) {
      const original = path.join(work, `t${i}-${lang}.xlsx`);
      const resavedDir = path.join(work, `resaved-${i}-${lang}`);
      run(process.execPath, [bin, 'template', '--rubric', ref, '--lang', lang, '--out', original]);
      run('soffice', ['--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', resavedDir, original]);
      const before = await describe(original);
      const after = await describe(path.join(resavedDir, path.basename(original)));
      const same = JSON.stringify(before) === JSON.stringify(after);
      if (!same) failures += 1;
      console.log(`${same ? 'ok  ' : 'FAIL'} ${ref} (${lang}): ${before.sheets.join(', ')}; ${before.validations.filter((v) => v !== 'none').length} validated columns`);
      if (!same) console.log(JSON.stringify({ before, after }, null, 2));
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(failures === 0 ? 'LibreOffice opened and re-saved every template intact' : `${failures} templates changed in LibreOffice`);
process.exitCode = failures === 0 ? 0 : 1;
