import type ExcelJS from 'exceljs';
import { parseIsoDate } from '../core/dates.js';
import type { RankedResults } from '../core/engine.js';
import type { Problem } from '../core/problems.js';
import { IndicatorFindingSchema, type InstitutionResult } from '../core/results.js';
import { findingReason } from '../messages/explain.js';
import { heading } from '../messages/headings.js';
import { problemMessage, renderMessage, type Lang } from '../messages/index.js';
import { pickLabel } from '../messages/label.js';
import type { CompiledRubric } from '../rubric/model.js';
import type { GradeDocument } from './grade-document.js';
import { fieldLabelOf } from './grade-renderers.js';
import {
  boldCell,
  EXCEL_DATA_ROWS,
  sheetName,
  streamedWorkbook,
  styleHeader,
  type SheetCell,
  type SheetColumn,
  type SheetWriter,
  type StreamedWorkbook,
} from './xlsx-table.js';

/** What the workbook needs besides the document. */
export interface GradeXlsxContext {
  readonly rubric: CompiledRubric;
  readonly lang: Lang;
  readonly problems: readonly Problem[];
}

/**
 * The result workbook evaluators hand on: summary, ranking, one row per institution × indicator, a ranking
 * sheet per peer group (--group-by) and the validation problems. Written as a stream (exceljs's streaming writer),
 * sheet after sheet, each taking `results` in ranked order: an institution's findings are built when its indicator
 * rows are written and dropped after, so 100k institutions never exist with their findings at once. `doc` gives
 * the rubric, inputs, as-of date, group fields and skipped institutions (its own results are not read). The
 * indicator rows are split over numbered sheets past `rowsPerSheet` (Excel's row limit unless a test asks for
 * less), with a note on the summary sheet. Columns are as wide as the widest text among a sheet's first rows
 * (`MEASURED_ROWS`), capped.
 */
export function gradeXlsxPieces(
  doc: GradeDocument,
  results: RankedResults,
  context: GradeXlsxContext,
  rowsPerSheet = EXCEL_DATA_ROWS,
): AsyncGenerator<Uint8Array> {
  return streamedWorkbook(async (workbook) => {
    const { lang } = context;
    const say = (code: string, args: Record<string, string | number> = {}) => renderMessage(code, args, lang);
    const survey = surveyResults(doc, results, context);
    // every result has one finding per indicator of the rubric
    const indicatorRows = results.count * context.rubric.indicators.length;
    const parts = Math.max(1, Math.ceil(indicatorRows / rowsPerSheet));
    const used = new Set<string>();
    const names = {
      summary: sheetName(say('REPORT_SHEET_SUMMARY'), used),
      ranking: sheetName(say('REPORT_SHEET_RANKING'), used),
      indicators: Array.from({ length: parts }, (_, part) =>
        sheetName(parts === 1 ? say('REPORT_SHEET_INDICATORS') : `${say('REPORT_SHEET_INDICATORS')} ${part + 1}`, used),
      ),
      groups: survey.groupSheets.map((group) => sheetName(group.name, used)),
      validation: sheetName(say('REPORT_SHEET_VALIDATION'), used),
    };
    const splitNote = parts > 1 ? say('REPORT_INDICATORS_SPLIT', { rows: indicatorRows, sheets: names.indicators.join(', ') }) : null;
    const grades = doc.rubric.grades;

    await writeSummary(workbook.sheet(names.summary, grades, (c) => (c === 0 ? 12 : 8)), doc, results, survey, context, splitNote);

    const ranking = rankingColumns(doc, context);
    const rankingSheet = await workbook.table(names.ranking, ranking.columns, { grades, freezeColumns: 3 });
    for (let k = 0; k < results.count; k += 1) await rankingSheet.add(ranking.cells(results.summary(k)));
    rankingSheet.end();

    await writeIndicatorSheets(workbook, names.indicators, results, doc, context, rowsPerSheet);

    for (const [g, group] of survey.groupSheets.entries()) {
      const sheet = await workbook.table(names.groups[g]!, group.columns, { grades, freezeColumns: 1 });
      for (const k of group.positions) await sheet.add(group.cells(results.summary(k)));
      sheet.end();
    }
    if (context.problems.length > 0) {
      const sheet = await workbook.table(names.validation, problemColumns(lang), { grades });
      for (const p of context.problems) await sheet.add(problemCells(p, lang));
      sheet.end();
    }
  });
}

/** Institutions by grade, withheld and in all: one line of the summary's counts. */
interface Tally {
  readonly byGrade: Map<string, number>;
  withheld: number;
  total: number;
}

const newTally = (): Tally => ({ byGrade: new Map(), withheld: 0, total: 0 });

function count(tally: Tally, r: InstitutionResult): void {
  tally.total += 1;
  if (r.status === 'withheld') tally.withheld += 1;
  if (r.grade !== null) tally.byGrade.set(r.grade, (tally.byGrade.get(r.grade) ?? 0) + 1);
}

/** A ranking sheet of one group value: its members' positions in ranked order, and how a member is shown. */
interface GroupSheet {
  readonly name: string;
  readonly columns: readonly SheetColumn[];
  readonly cells: (r: InstitutionResult) => SheetCell[];
  readonly positions: readonly number[];
}

/** The institutions of one group value: how many by grade, and their positions in ranked order. */
interface GroupMembers {
  readonly group: string | null;
  readonly tally: Tally;
  readonly positions: number[];
}

/** What the summary and the group sheets need before any sheet is written: counts, and each group's members. */
interface Survey {
  readonly all: Tally;
  /** per --group-by field: its group values (sorted, no group last) */
  readonly byField: readonly { readonly field: string; readonly groups: readonly GroupMembers[] }[];
  readonly groupSheets: readonly GroupSheet[];
}

/** One pass over the results without findings: the counts by grade overall and per group, and the group members. */
function surveyResults(doc: GradeDocument, results: RankedResults, context: GradeXlsxContext): Survey {
  const all = newTally();
  const members = doc.groupBy.map(() => new Map<string | null, GroupMembers>());
  for (let k = 0; k < results.count; k += 1) {
    const r = results.summary(k);
    count(all, r);
    doc.groupBy.forEach((field, f) => {
      const group = r.groups[field] ?? null;
      let found = members[f]!.get(group);
      if (found === undefined) members[f]!.set(group, (found = { group, tally: newTally(), positions: [] }));
      count(found.tally, r);
      found.positions.push(k);
    });
  }
  const byField = doc.groupBy.map((field, f) => ({
    field,
    groups: [...members[f]!.values()].sort((a, b) => (a.group ?? '\uffff').localeCompare(b.group ?? '\uffff', 'ko')),
  }));
  return { all, byField, groupSheets: byField.flatMap(({ groups }, f) => groupSheetsOf(doc, f, groups, context)) };
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

/**
 * The indicator sheets: one row per institution × indicator, in ranking order then rubric order, a new sheet
 * (of `names`) every `rowsPerSheet` rows. Each institution's findings are built here and dropped after its rows.
 */
async function writeIndicatorSheets(
  workbook: StreamedWorkbook,
  names: readonly string[],
  results: RankedResults,
  doc: GradeDocument,
  context: GradeXlsxContext,
  rowsPerSheet: number,
): Promise<void> {
  const { lang, rubric } = context;
  const options = { grades: doc.rubric.grades, freezeColumns: 2 };
  const columns = indicatorColumns(lang);
  // the texts every row repeats, looked up once
  const say = (code: string) => renderMessage(code, {}, lang);
  const statusLabel = new Map(IndicatorFindingSchema.shape.status.options.map((status) => [status, say(`REPORT_FINDING_${status}`)]));
  const domainLabel = new Map(doc.rubric.domains.map((d) => [d.id, pickLabel(d.label, lang)]));
  const indicators = new Map(
    rubric.rubric.indicators.map((ind) => {
      const field = ind.field === undefined ? undefined : rubric.fields.get(ind.field);
      const method = say(`REPORT_METHOD_${ind.method.kind}`);
      return [ind.id, { label: pickLabel(ind.label, lang), fieldType: field?.type, unit: ind.unit ?? field?.unit, method }];
    }),
  );
  let part = 0;
  let sheet = await workbook.table(names[0]!, columns, options);
  let rows = 0;
  for (let k = 0; k < results.count; k += 1) {
    const r = results.explained(k);
    for (const f of r.indicators) {
      if (rows === rowsPerSheet) {
        sheet.end();
        part += 1;
        sheet = await workbook.table(names[part]!, columns, options);
        rows = 0;
      }
      const ind = indicators.get(f.id);
      rows += 1;
      await sheet.add([
        r.id,
        r.name,
        domainLabel.get(f.domain) ?? f.domain,
        f.id,
        ind?.label ?? f.id,
        rawValue(f.value, ind?.fieldType, ind?.unit),
        ind?.unit ?? null,
        ind?.method ?? say(`REPORT_METHOD_${f.method}`),
        f.rating,
        f.points,
        f.maxPoints,
        statusLabel.get(f.status)!,
        findingReason(f, lang),
      ]);
    }
  }
  sheet.end();
}

/** A raw indicator value as Excel should hold it: percents as percents, dates as dates, the rest as is. */
function rawValue(value: InstitutionResult['indicators'][number]['value'], fieldType: string | undefined, unit: string | undefined): SheetCell {
  if (typeof value === 'number' && (fieldType === 'percent' || unit === '%')) return { kind: 'percent', value };
  if (typeof value === 'string' && fieldType === 'date') return parseIsoDate(value) ?? value;
  return value;
}

/**
 * The ranking sheets of one --group-by field (the `f`-th), one per group value, members in ranked order: that is
 * the order of rank within the group, since both order by total and then id (withheld members last, by id).
 */
function groupSheetsOf(
  doc: GradeDocument,
  f: number,
  groups: readonly GroupMembers[],
  context: GradeXlsxContext,
): GroupSheet[] {
  const { lang, rubric } = context;
  const field = doc.groupBy[f]!;
  const fieldLabel = fieldLabelOf(rubric, lang);
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
  const cells = (r: InstitutionResult): SheetCell[] => [
    r.groupRanks[f]?.rank ?? null,
    r.rank,
    r.id,
    r.name,
    ...r.domains.map((d) => d.points),
    r.total,
    r.grade,
    limiterText(r, lang),
    r.followUp.map((x) => pickLabel(x, lang)).join(', ') || null,
  ];
  return groups.map(({ group, positions }) => {
    const label = group ?? renderMessage('REPORT_NO_GROUP', {}, lang);
    return { name: doc.groupBy.length > 1 ? `${fieldLabel(field)} ${label}` : label, columns, cells, positions };
  });
}

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
async function writeSummary(
  sheet: SheetWriter,
  doc: GradeDocument,
  results: RankedResults,
  survey: Survey,
  context: GradeXlsxContext,
  splitNote: string | null,
): Promise<void> {
  const { lang, rubric } = context;
  const say = (code: string, args: Record<string, string | number> = {}) => renderMessage(code, args, lang);
  const fieldLabel = fieldLabelOf(rubric, lang);
  const grades = doc.rubric.grades;
  const bold = (size?: number) => (row: ExcelJS.Row) => boldCell(row.getCell(1), size);

  await sheet.add([`${pickLabel(doc.rubric.title, lang)} — ${say('REPORT_RESULTS')}`], { style: bold(14), spills: 0 });
  const facts: [string, SheetCell, SheetColumn['kind']][] = [
    [heading('rubricId', lang), doc.rubric.id, 'text'],
    [heading('rubricVersion', lang), doc.rubric.version, 'id'],
    ['SHA-256', doc.rubric.sha256, 'text'],
    [heading('asOf', lang), parseIsoDate(doc.asOf) ?? doc.asOf, 'date'],
    ...doc.inputs.map((input): [string, SheetCell, SheetColumn['kind']] => [heading('inputs', lang), `${input.path} (sha256 ${input.sha256.slice(0, 12)})`, 'text']),
    [say('REPORT_TOOL'), `sseval ${doc.tool.version}`, 'text'],
    [say('REPORT_INSTITUTIONS'), survey.all.total, 'integer'],
    [say('REPORT_GRADED'), survey.all.total - survey.all.withheld, 'integer'],
    [say('REPORT_WITHHELD'), survey.all.withheld, 'integer'],
  ];
  if (doc.summary.skipped.length > 0) facts.push([heading('skipped', lang), doc.summary.skipped.join(', '), 'text']);
  for (const [label, value, kind] of facts) {
    await sheet.add([label, value], { columns: [{ header: '', kind: 'text' }, { header: '', kind }], style: bold() });
  }
  if (splitNote !== null) await sheet.add([say('REPORT_NOTE'), splitNote], { style: bold(), spills: 1 });

  await sheet.add([]);
  const countColumns: SheetColumn[] = [
    { header: '', kind: 'text' },
    { header: '', kind: 'text' },
    ...grades.map((): SheetColumn => ({ header: '', kind: 'integer' })),
    { header: '', kind: 'integer' },
    { header: '', kind: 'integer' },
  ];
  await sheet.add([say('REPORT_COUNTS_BY_GRADE')], { style: bold(12) });
  await sheet.add([say('REPORT_GROUP_FIELD'), say('REPORT_GROUP'), ...grades, say('REPORT_WITHHELD'), say('REPORT_SUM')], { style: styleHeader });
  const countRow = (tally: Tally) => [...grades.map((g) => tally.byGrade.get(g) ?? 0), tally.withheld, tally.total];
  await sheet.add([say('REPORT_ALL'), null, ...countRow(survey.all)], { columns: countColumns });
  for (const { field, groups } of survey.byField) {
    for (const { group, tally } of groups) {
      await sheet.add([fieldLabel(field), group ?? say('REPORT_NO_GROUP'), ...countRow(tally)], { columns: countColumns });
    }
  }

  const followUps = rubric.rubric.followUps;
  if (followUps.length > 0) {
    await sheet.add([]);
    await sheet.add([heading('followUp', lang)], { style: bold(12) });
    await sheet.add([heading('followUp', lang), heading('id', lang), heading('name', lang), heading('grade', lang), heading('total', lang)], {
      style: styleHeader,
    });
    const listColumns: SheetColumn[] = [
      { header: '', kind: 'text' },
      { header: '', kind: 'id' },
      { header: '', kind: 'text' },
      { header: '', kind: 'grade' },
      { header: '', kind: 'points', decimals: rubric.rubric.total.precision },
    ];
    for (const followUp of followUps) {
      const action = pickLabel(followUp.action, lang);
      let listed = 0;
      for (let k = 0; k < results.count; k += 1) {
        const r = results.summary(k);
        if (r.grade === null || !followUp.grades.includes(r.grade)) continue;
        await sheet.add([action, r.id, r.name, r.grade, r.total], { columns: listColumns });
        listed += 1;
      }
      if (listed === 0) await sheet.add([action, say('REPORT_NONE')], { columns: listColumns });
    }
  }
  sheet.end();
}
