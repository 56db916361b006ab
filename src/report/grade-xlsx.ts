import type ExcelJS from 'exceljs';
import { parseIsoDate } from '../core/dates.js';
import type { Problem } from '../core/problems.js';
import type { InstitutionResult } from '../core/results.js';
import { findingReason } from '../messages/explain.js';
import { heading } from '../messages/headings.js';
import { problemMessage, renderMessage, type Lang } from '../messages/index.js';
import { pickLabel } from '../messages/label.js';
import type { CompiledRubric } from '../rubric/model.js';
import type { GradeDocument } from './grade-document.js';
import { fieldLabelOf } from './grade-renderers.js';
import {
  addTableSheet,
  cleanText,
  EXCEL_DATA_ROWS,
  fitWidth,
  newWorkbook,
  sheetName,
  styleHeader,
  workbookBytes,
  writeCell,
  type SheetCell,
  type SheetColumn,
} from './xlsx-table.js';

/** What the workbook needs besides the document. */
export interface GradeXlsxContext {
  readonly rubric: CompiledRubric;
  readonly lang: Lang;
  readonly problems: readonly Problem[];
}

/**
 * The result workbook evaluators hand on: summary, ranking, one row per institution × indicator, a ranking
 * sheet per peer group (--group-by) and the validation problems. Built in memory with exceljs (its streaming
 * writer has corrupted files); the indicator rows are split over numbered sheets past `rowsPerSheet`
 * (Excel's row limit unless a test asks for less), with a note on the summary sheet.
 */
export async function renderGradeXlsx(doc: GradeDocument, context: GradeXlsxContext, rowsPerSheet = EXCEL_DATA_ROWS): Promise<Uint8Array> {
  const { lang } = context;
  const say = (code: string, args: Record<string, string | number> = {}) => renderMessage(code, args, lang);
  const workbook = await newWorkbook();
  const used = new Set<string>();
  const grades = doc.rubric.grades;

  const summary = workbook.addWorksheet(sheetName(say('REPORT_SHEET_SUMMARY'), used));
  const ranking = rankingColumns(doc, context);
  addTableSheet(workbook, sheetName(say('REPORT_SHEET_RANKING'), used), ranking.columns, doc.results.map(ranking.cells), {
    grades,
    freezeColumns: 3,
  });

  const indicatorRows = indicatorSheetRows(doc, context);
  const parts = Math.max(1, Math.ceil(indicatorRows.length / rowsPerSheet));
  const indicatorSheets: string[] = [];
  for (let part = 0; part < parts; part += 1) {
    const name = sheetName(parts === 1 ? say('REPORT_SHEET_INDICATORS') : `${say('REPORT_SHEET_INDICATORS')} ${part + 1}`, used);
    indicatorSheets.push(name);
    const rows = indicatorRows.slice(part * rowsPerSheet, (part + 1) * rowsPerSheet);
    addTableSheet(workbook, name, indicatorColumns(lang), rows, { grades, freezeColumns: 2 });
  }

  for (const group of groupSheets(doc, context)) {
    addTableSheet(workbook, sheetName(group.name, used), group.columns, group.rows, { grades, freezeColumns: 1 });
  }
  if (context.problems.length > 0) {
    addTableSheet(workbook, sheetName(say('REPORT_SHEET_VALIDATION'), used), problemColumns(lang), context.problems.map((p) => problemCells(p, lang)), {
      grades,
    });
  }

  const splitNote = parts > 1 ? say('REPORT_INDICATORS_SPLIT', { rows: indicatorRows.length, sheets: indicatorSheets.join(', ') }) : null;
  fillSummary(summary, doc, context, splitNote);
  return workbookBytes(workbook);
}

/** Columns and cells of the ranking: ranks, ids, groups, domain subtotals, total, grade and why. */
function rankingColumns(doc: GradeDocument, context: GradeXlsxContext) {
  const { lang, rubric } = context;
  const fieldLabel = fieldLabelOf(rubric, lang);
  const say = (code: string) => renderMessage(code, {}, lang);
  const columns: SheetColumn[] = [
    { header: heading('rank', lang), kind: 'integer' },
    { header: heading('id', lang), kind: 'id' },
    { header: heading('name', lang), kind: 'text' },
    ...doc.groupBy.flatMap((field): SheetColumn[] => [
      { header: fieldLabel(field), kind: 'text' },
      { header: heading('groupRank', lang, fieldLabel(field)), kind: 'integer' },
    ]),
    ...domainColumns(doc, lang),
    { header: `${heading('total', lang)}(${doc.rubric.total})`, kind: 'points', decimals: rubric.rubric.total.precision },
    { header: heading('grade', lang), kind: 'grade' },
    { header: heading('earnedGrade', lang), kind: 'grade' },
    { header: heading('status', lang), kind: 'text' },
    { header: heading('coverage', lang), kind: 'percent' },
    { header: heading('limiters', lang), kind: 'text' },
    { header: heading('withheld', lang), kind: 'text' },
    { header: heading('followUp', lang), kind: 'text' },
  ];
  const cells = (r: InstitutionResult): SheetCell[] => [
    r.rank,
    r.id,
    r.name,
    ...r.groupRanks.flatMap((g) => [g.group, g.rank]),
    ...r.domains.map((d) => d.points),
    r.total,
    r.grade,
    r.earnedGrade,
    say(r.status === 'graded' ? 'REPORT_STATUS_GRADED' : 'REPORT_STATUS_WITHHELD'),
    r.coverage,
    limiterText(r, lang),
    r.withheld.map((w) => renderMessage(w.code, w.args, lang)).join('; ') || null,
    r.followUp.map((f) => pickLabel(f, lang)).join(', ') || null,
  ];
  return { columns, cells };
}

const domainColumns = (doc: GradeDocument, lang: Lang): SheetColumn[] =>
  doc.rubric.domains.map((d) => ({ header: `${pickLabel(d.label, lang)}(${d.points})`, kind: 'points' }));

function limiterText(r: InstitutionResult, lang: Lang): string | null {
  return r.limiters.map((l) => `${pickLabel(l.label, lang)} (${renderMessage(l.detail.code, l.detail.args, lang)})`).join('; ') || null;
}

function indicatorColumns(lang: Lang): SheetColumn[] {
  const say = (code: string) => renderMessage(code, {}, lang);
  return [
    { header: heading('id', lang), kind: 'id' },
    { header: heading('name', lang), kind: 'text' },
    { header: say('REPORT_DOMAIN'), kind: 'text' },
    { header: say('REPORT_INDICATOR_ID'), kind: 'text' },
    { header: say('REPORT_INDICATOR'), kind: 'text' },
    { header: say('REPORT_VALUE'), kind: 'auto' },
    { header: say('REPORT_UNIT'), kind: 'text' },
    { header: say('REPORT_METHOD'), kind: 'text' },
    { header: say('REPORT_RATING'), kind: 'percent' },
    { header: say('REPORT_POINTS'), kind: 'points' },
    { header: say('REPORT_MAX_POINTS'), kind: 'points' },
    { header: say('REPORT_FINDING_STATUS'), kind: 'text' },
    { header: say('REPORT_REASON'), kind: 'text' },
  ];
}

/** One row per institution × indicator, in ranking order then rubric order. */
function indicatorSheetRows(doc: GradeDocument, context: GradeXlsxContext): SheetCell[][] {
  const { lang, rubric } = context;
  const say = (code: string) => renderMessage(code, {}, lang);
  const domainLabel = new Map(doc.rubric.domains.map((d) => [d.id, pickLabel(d.label, lang)]));
  const indicators = new Map(rubric.rubric.indicators.map((ind) => [ind.id, ind]));
  return doc.results.flatMap((r) =>
    r.indicators.map((f) => {
      const ind = indicators.get(f.id);
      const fieldType = ind?.field === undefined ? undefined : rubric.fields.get(ind.field)?.type;
      const unit = ind?.unit ?? (ind?.field === undefined ? undefined : rubric.fields.get(ind.field)?.unit);
      return [
        r.id,
        r.name,
        domainLabel.get(f.domain) ?? f.domain,
        f.id,
        ind ? pickLabel(ind.label, lang) : f.id,
        rawValue(f.value, fieldType, unit),
        unit ?? null,
        say(`REPORT_METHOD_${f.method}`),
        f.rating,
        f.points,
        f.maxPoints,
        say(`REPORT_FINDING_${f.status}`),
        findingReason(f, lang),
      ];
    }),
  );
}

/** A raw indicator value as Excel should hold it: percents as percents, dates as dates, the rest as is. */
function rawValue(value: InstitutionResult['indicators'][number]['value'], fieldType: string | undefined, unit: string | undefined): SheetCell {
  if (typeof value === 'number' && (fieldType === 'percent' || unit === '%')) return { kind: 'percent', value };
  if (typeof value === 'string' && fieldType === 'date') return parseIsoDate(value) ?? value;
  return value;
}

/** One ranking sheet per group value of each --group-by field, ordered by rank within the group. */
function groupSheets(doc: GradeDocument, context: GradeXlsxContext) {
  const { lang, rubric } = context;
  const fieldLabel = fieldLabelOf(rubric, lang);
  const say = (code: string) => renderMessage(code, {}, lang);
  return doc.groupBy.flatMap((field, f) => {
    const groups = [...new Set(doc.results.map((r) => r.groups[field] ?? null))].sort((a, b) => (a ?? '\uffff').localeCompare(b ?? '\uffff', 'ko'));
    const columns: SheetColumn[] = [
      { header: heading('groupRank', lang, fieldLabel(field)), kind: 'integer' },
      { header: heading('rank', lang), kind: 'integer' },
      { header: heading('id', lang), kind: 'id' },
      { header: heading('name', lang), kind: 'text' },
      ...domainColumns(doc, lang),
      { header: `${heading('total', lang)}(${doc.rubric.total})`, kind: 'points', decimals: rubric.rubric.total.precision },
      { header: heading('grade', lang), kind: 'grade' },
      { header: heading('limiters', lang), kind: 'text' },
      { header: heading('followUp', lang), kind: 'text' },
    ];
    return groups.map((group) => {
      const label = group ?? say('REPORT_NO_GROUP');
      const members = doc.results
        .filter((r) => (r.groups[field] ?? null) === group)
        .sort((a, b) => byRank(a.groupRanks[f]?.rank ?? null, b.groupRanks[f]?.rank ?? null) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const rows = members.map((r): SheetCell[] => [
        r.groupRanks[f]?.rank ?? null,
        r.rank,
        r.id,
        r.name,
        ...r.domains.map((d) => d.points),
        r.total,
        r.grade,
        limiterText(r, lang),
        r.followUp.map((x) => pickLabel(x, lang)).join(', ') || null,
      ]);
      return { name: doc.groupBy.length > 1 ? `${fieldLabel(field)} ${label}` : label, columns, rows };
    });
  });
}

const byRank = (a: number | null, b: number | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : a - b);

function problemColumns(lang: Lang): SheetColumn[] {
  const say = (code: string) => renderMessage(code, {}, lang);
  return [
    { header: say('REPORT_SEVERITY'), kind: 'text' },
    { header: say('REPORT_CODE'), kind: 'text' },
    { header: say('REPORT_FILE'), kind: 'text' },
    { header: say('REPORT_SHEET'), kind: 'text' },
    { header: say('REPORT_ROW'), kind: 'integer' },
    { header: say('REPORT_LINE'), kind: 'integer' },
    { header: say('REPORT_COLUMN'), kind: 'text' },
    { header: say('REPORT_FIELD'), kind: 'text' },
    { header: heading('id', lang), kind: 'id' },
    { header: say('REPORT_MESSAGE'), kind: 'text' },
    { header: say('REPORT_FOUND_VALUE'), kind: 'text' },
  ];
}

function problemCells(p: Problem, lang: Lang): SheetCell[] {
  const at = p.position;
  return [
    renderMessage(`REPORT_SEVERITY_${p.severity}`, {}, lang),
    p.code,
    at.file ?? null,
    at.sheet ?? null,
    at.row ?? null,
    at.line ?? null,
    at.column ?? null,
    at.field ?? at.path ?? null,
    at.institution ?? null,
    problemMessage(p, lang),
    p.value ?? null,
  ];
}

/**
 * The summary sheet: what produced the results (rubric, inputs, as-of date), counts by grade overall and per
 * peer group, and the follow-up lists (award, consulting) by institution.
 */
function fillSummary(sheet: ExcelJS.Worksheet, doc: GradeDocument, context: GradeXlsxContext, splitNote: string | null): void {
  const { lang, rubric } = context;
  const say = (code: string, args: Record<string, string | number> = {}) => renderMessage(code, args, lang);
  const fieldLabel = fieldLabelOf(rubric, lang);
  const grades = doc.rubric.grades;
  const widths: string[][] = [];
  let rowNumber = 0;
  const put = (cells: readonly SheetCell[], columns?: readonly SheetColumn[]) => {
    rowNumber += 1;
    const row = sheet.getRow(rowNumber);
    cells.forEach((value, c) => {
      const column = columns?.[c] ?? { header: '', kind: 'text' };
      (widths[c] ??= []).push(writeCell(row.getCell(c + 1), value, column, grades));
    });
    return row;
  };

  const title = put([`${pickLabel(doc.rubric.title, lang)} — ${say('REPORT_RESULTS')}`]);
  title.getCell(1).font = { bold: true, size: 14 };
  widths[0]!.pop(); // the title may run across the columns
  const facts: [string, SheetCell, SheetColumn['kind']][] = [
    [heading('rubricId', lang), doc.rubric.id, 'text'],
    [heading('rubricVersion', lang), doc.rubric.version, 'id'],
    ['SHA-256', doc.rubric.sha256, 'text'],
    [heading('asOf', lang), parseIsoDate(doc.asOf) ?? doc.asOf, 'date'],
    ...doc.inputs.map((input): [string, SheetCell, SheetColumn['kind']] => [heading('inputs', lang), `${input.path} (sha256 ${input.sha256.slice(0, 12)})`, 'text']),
    [say('REPORT_TOOL'), `sseval ${doc.tool.version}`, 'text'],
    [say('REPORT_INSTITUTIONS'), doc.summary.institutions, 'integer'],
    [say('REPORT_GRADED'), doc.summary.graded, 'integer'],
    [say('REPORT_WITHHELD'), doc.summary.withheld, 'integer'],
  ];
  if (doc.summary.skipped.length > 0) facts.push([heading('skipped', lang), doc.summary.skipped.join(', '), 'text']);
  for (const [label, value, kind] of facts) {
    put([label, value], [{ header: '', kind: 'text' }, { header: '', kind }]).getCell(1).font = { bold: true };
  }
  if (splitNote !== null) {
    put([say('REPORT_NOTE'), splitNote]).getCell(1).font = { bold: true };
    widths[1]!.pop();
  }

  put([]);
  const countColumns: SheetColumn[] = [
    { header: '', kind: 'text' },
    { header: '', kind: 'text' },
    ...grades.map((): SheetColumn => ({ header: '', kind: 'integer' })),
    { header: '', kind: 'integer' },
    { header: '', kind: 'integer' },
  ];
  put([say('REPORT_COUNTS_BY_GRADE')]).getCell(1).font = { bold: true, size: 12 };
  styleHeader(put([say('REPORT_GROUP_FIELD'), say('REPORT_GROUP'), ...grades, say('REPORT_WITHHELD'), say('REPORT_SUM')]));
  const countRow = (members: readonly InstitutionResult[]) => [
    ...grades.map((g) => members.filter((r) => r.grade === g).length),
    members.filter((r) => r.status === 'withheld').length,
    members.length,
  ];
  put([say('REPORT_ALL'), null, ...countRow(doc.results)], countColumns);
  for (const field of doc.groupBy) {
    const groups = [...new Set(doc.results.map((r) => r.groups[field] ?? null))].sort((a, b) => (a ?? '\uffff').localeCompare(b ?? '\uffff', 'ko'));
    for (const group of groups) {
      const members = doc.results.filter((r) => (r.groups[field] ?? null) === group);
      put([fieldLabel(field), group ?? say('REPORT_NO_GROUP'), ...countRow(members)], countColumns);
    }
  }

  const followUps = rubric.rubric.followUps;
  if (followUps.length > 0) {
    put([]);
    put([heading('followUp', lang)]).getCell(1).font = { bold: true, size: 12 };
    styleHeader(put([heading('followUp', lang), heading('id', lang), heading('name', lang), heading('grade', lang), heading('total', lang)]));
    const listColumns: SheetColumn[] = [
      { header: '', kind: 'text' },
      { header: '', kind: 'id' },
      { header: '', kind: 'text' },
      { header: '', kind: 'grade' },
      { header: '', kind: 'points', decimals: rubric.rubric.total.precision },
    ];
    for (const followUp of followUps) {
      const action = pickLabel(followUp.action, lang);
      const members = doc.results.filter((r) => r.grade !== null && followUp.grades.includes(r.grade));
      if (members.length === 0) put([action, say('REPORT_NONE')], listColumns);
      for (const r of members) put([action, r.id, r.name, r.grade, r.total], listColumns);
    }
  }

  widths.forEach((texts, c) => {
    sheet.getColumn(c + 1).width = fitWidth(texts.map(cleanText), c === 0 ? 12 : 8);
  });
}
