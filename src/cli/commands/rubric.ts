import { Option } from 'commander';
import { renderRubricDiffJson, renderRubricDiffTable } from '../../report/rubric-diff.js';
import { renderLintJson, renderLintText, type LintedFile } from '../../report/rubric-lint.js';
import { renderRubricListJson, renderRubricListTable, type RubricListing } from '../../report/rubric-list.js';
import { renderRubricShowJson, renderRubricShowText } from '../../report/rubric-show.js';
import { writeToStream } from '../../report/output.js';
import { diffRubrics, type RubricDiff } from '../../rubric/diff.js';
import { listRubricFiles, loadRubricFile } from '../../rubric/files.js';
import { renderRubricJsonSchema } from '../../rubric/json-schema.js';
import { lintRubric } from '../../rubric/lint.js';
import type { CompiledRubric } from '../../rubric/model.js';
import { ExitCode } from '../exit.js';
import { resolveLang } from '../io.js';
import { asOfOption, collect, displayRubricFile, loadRubricRef, rubricDirs } from '../rubric-ref.js';
import type { RegisterCommand } from './index.js';

const langOption = () => new Option('--lang <lang>', '출력 언어 / output language').choices(['ko', 'en']);
const dirOption = () => new Option('--dir <dir>', '이 폴더의 평가 기준도 찾기 (반복 가능) / also look for rubrics in DIR (repeatable)').argParser(collect).default([]);
const asOfFlag = () => new Option('--as-of <date>', 'id 만 줄 때 이 날짜에 유효한 버전 (기본: 오늘) / pick the version effective on this date (default today)');

/** `sseval rubric list|show|lint|diff|schema`: see, check and compare rubric versions. */
export const registerRubric: RegisterCommand = (program, io, finish) => {
  const rubric = program
    .command('rubric')
    .description('평가 기준 목록·보기·점검·비교, JSON Schema — list, show, lint and diff rubrics; print the rubric JSON Schema');

  rubric
    .command('list')
    .description('내장 평가 기준과 --dir 의 평가 기준 목록 / list the bundled rubrics and those in --dir')
    .addOption(dirOption())
    .addOption(new Option('--format <format>', '출력 형식 / output format').choices(['table', 'json']).default('table'))
    .addOption(langOption())
    .action(async (options: { dir: string[]; format: 'table' | 'json'; lang?: string }) => {
      const lang = resolveLang(options.lang);
      const listings: RubricListing[] = listRubricFiles(await rubricDirs(options.dir, io.rubricDirs)).map((entry) => {
        const { rubric: compiled, problems } = loadRubricFile(entry.file);
        const base = { ...entry, file: displayRubricFile(entry.file), problems: problems.length };
        return compiled ? { ...base, rubric: compiled } : base;
      });
      await writeToStream(io.out, options.format === 'json' ? renderRubricListJson(listings) : renderRubricListTable(listings, lang));
      finish(ExitCode.ok);
    });

  rubric
    .command('show')
    .description('평가 기준을 영역·지표·등급·제한 규칙 트리로 보기 / show a rubric as a tree')
    .argument('<ref>', '평가 기준 id, id@버전 또는 파일 / rubric id, id@version or file')
    .addOption(langOption())
    .addOption(new Option('--format <format>', '출력 형식 / output format').choices(['text', 'json']).default('text'))
    .addOption(dirOption())
    .addOption(asOfFlag())
    .action(async (ref: string, options: { lang?: string; format: 'text' | 'json'; dir: string[]; asOf?: string }) => {
      const compiled = await loadRubricRef(ref, asOfOption(options.asOf), await rubricDirs(options.dir, io.rubricDirs));
      const file = displayRubricFile(compiled.source.file);
      const text = options.format === 'json' ? renderRubricShowJson(compiled, file) : renderRubricShowText(compiled, file, resolveLang(options.lang));
      await writeToStream(io.out, text);
      finish(ExitCode.ok);
    });

  rubric
    .command('lint')
    .description('평가 기준 파일의 모든 문제를 위치와 함께 보고 (0 문제 없음, 1 오류·경고 있음, 2 읽을 수 없음) / report every problem of rubric files (exit 0 clean, 1 errors or warnings, 2 unreadable)')
    .argument('<files...>', '평가 기준 파일 / rubric files')
    .addOption(new Option('--format <format>', '출력 형식 / output format').choices(['text', 'json']).default('text'))
    .addOption(langOption())
    .action(async (files: string[], options: { format: 'text' | 'json'; lang?: string }) => {
      const lang = resolveLang(options.lang);
      const linted: LintedFile[] = files.map((file) => ({ file, problems: loadRubricFile(file, lintRubric).problems }));
      await writeToStream(io.out, options.format === 'json' ? renderLintJson(linted, lang) : renderLintText(linted, lang, io.outColor));
      const all = linted.flatMap((f) => f.problems);
      const failing = all.some((p) => p.severity !== 'info');
      finish(all.some((p) => p.code === 'RUBRIC_UNREADABLE') ? ExitCode.usage : failing ? ExitCode.dataErrors : ExitCode.ok);
    });

  rubric
    .command('diff')
    .description('두 버전 사이의 변경: 지표 추가·삭제·명칭, 배점, 기준값, 방법, 등급 구간 / what changed between two rubric versions')
    .argument('<a>', '이전 평가 기준 (id@버전 또는 파일) / older rubric (id@version or file)')
    .argument('<b>', '새 평가 기준 / newer rubric')
    .addOption(new Option('--format <format>', '출력 형식 / output format').choices(['table', 'json']).default('table'))
    .addOption(langOption())
    .addOption(dirOption())
    .addOption(asOfFlag())
    .action(async (a: string, b: string, options: { format: 'table' | 'json'; lang?: string; dir: string[]; asOf?: string }) => {
      const asOf = asOfOption(options.asOf);
      const dirs = await rubricDirs(options.dir, io.rubricDirs);
      const before = await loadRubricRef(a, asOf, dirs);
      const after = await loadRubricRef(b, asOf, dirs);
      const diff: RubricDiff = { schemaVersion: 1, from: refOf(before), to: refOf(after), changes: diffRubrics(before, after) };
      await writeToStream(io.out, options.format === 'json' ? renderRubricDiffJson(diff) : renderRubricDiffTable(diff, resolveLang(options.lang)));
      finish(ExitCode.ok);
    });

  rubric
    .command('schema')
    .description('평가 기준 형식의 JSON Schema 출력 (rubrics/schema.json) / print the JSON Schema of the rubric format')
    .action(async () => {
      await writeToStream(io.out, renderRubricJsonSchema());
      finish(ExitCode.ok);
    });
};

function refOf(compiled: CompiledRubric): RubricDiff['from'] {
  return { id: compiled.rubric.id, version: compiled.rubric.version, file: displayRubricFile(compiled.source.file), sha256: compiled.source.sha256 };
}
