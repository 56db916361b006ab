import { Option } from 'commander';
import { problem } from '../../core/problems.js';
import { OutputError, writeFileAtomic, writeToStream } from '../../report/output.js';
import { renderTemplateCsv } from '../../report/template-csv.js';
import { buildTemplateXlsx } from '../../report/template-xlsx.js';
import { ExitCode, ExitError } from '../exit.js';
import { resolveLang } from '../io.js';
import { asOfOption, collect, displayRubricFile, loadRubricRef, rubricDirs } from '../rubric-ref.js';
import type { RegisterCommand } from './index.js';

interface TemplateOptions {
  rubric: string;
  out?: string;
  lang?: string;
  format?: 'xlsx' | 'csv';
  force: boolean;
  dir: string[];
  asOf?: string;
}

/** `sseval template`: writes the data-collection template of a rubric (xlsx with validations, or a CSV header). */
export const registerTemplate: RegisterCommand = (program, io, finish) => {
  program
    .command('template')
    .description('평가 기준에 맞는 자료 입력 서식(xlsx 또는 csv) 만들기 / write the data-collection template of a rubric')
    .requiredOption('--rubric <ref>', '평가 기준 id, id@버전 또는 파일 / rubric id, id@version or file')
    .option('--out <file>', '출력 파일 (csv 는 생략하면 표준 출력) / output file (csv: stdout when omitted)')
    .addOption(new Option('--lang <lang>', '머리글 언어 / header language').choices(['ko', 'en']))
    .addOption(new Option('--format <format>', '서식 형식 (기본: --out 확장자, 없으면 xlsx) / template format (default from --out, else xlsx)').choices(['xlsx', 'csv']))
    .option('--force', '있는 파일을 덮어쓰기 / replace an existing output file', false)
    .addOption(new Option('--dir <dir>', '이 폴더의 평가 기준도 찾기 (반복 가능) / also look for rubrics in DIR (repeatable)').argParser(collect).default([]))
    .option('--as-of <date>', 'id 만 줄 때 이 날짜에 유효한 버전 (기본: 오늘) / pick the version effective on this date (default today)')
    .action(async (options: TemplateOptions) => {
      const lang = resolveLang(options.lang);
      const format = options.format ?? (options.out?.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx');
      if (format === 'xlsx' && options.out === undefined) throw new ExitError(ExitCode.usage, [problem('TEMPLATE_NEEDS_OUT', 'error', {})]);
      const compiled = await loadRubricRef(options.rubric, asOfOption(options.asOf), await rubricDirs(options.dir, io.rubricDirs));
      const content =
        format === 'csv' ? renderTemplateCsv(compiled.rubric, lang) : await buildTemplateXlsx(compiled, displayRubricFile(compiled.source.file), lang);
      if (options.out === undefined) {
        await writeToStream(io.out, content);
      } else {
        try {
          await writeFileAtomic(options.out, content, { force: options.force, inputs: [compiled.source.file] });
        } catch (error) {
          if (error instanceof OutputError) throw new ExitError(ExitCode.usage, [error.toProblem()]);
          throw error;
        }
      }
      finish(ExitCode.ok);
    });
};
