import type { DataValidation, Workbook, Worksheet } from 'exceljs';
import { columnLetter } from '../core/headers.js';
import type { Lang } from '../messages/catalogue.js';
import { pickLabel } from '../messages/label.js';
import { term } from '../messages/rubric-terms.js';
import type { CompiledRubric } from '../rubric/model.js';
import type { Field } from '../rubric/schema.js';
import { fieldUses, type FieldUse } from '../rubric/usage.js';
import { allowedValues, BOOLEAN_CHOICES } from './field-words.js';
import { templateFields, templateHeader } from './template-fields.js';
import { displayWidth } from './text-width.js';

/** Data rows that carry validations (rows 2 … TEMPLATE_ROWS + 1): enough for a national collection, small enough to read back fast. */
export const TEMPLATE_ROWS = 5000;

/** The longest literal list Excel accepts in a validation; a longer one makes Excel "repair" (corrupt) the file. */
const LITERAL_LIST_LIMIT = 255;

/** Excel's limits on validation texts: a prompt at most 255 characters, a title at most 32, an error at most 225. */
const clip = (text: string, limit: number) => {
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
};

/**
 * Builds the data-collection template of a rubric as an xlsx file: a data sheet (header labels with a note
 * giving each field's id, unit and allowed values, frozen panes, a validation on every column), an
 * instructions sheet describing every field, and a hidden sheet holding the drop-down lists too long to write
 * inline. exceljs's in-memory workbook is used because its streaming writer has corrupted files with validations.
 */
export async function buildTemplateXlsx(compiled: CompiledRubric, rubricFile: string, lang: Lang): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'sseval';
  const fields = templateFields(compiled.rubric);
  const data = workbook.addWorksheet(term('dataSheet', lang));
  const guide = workbook.addWorksheet(term('guideSheet', lang));
  const lists = new ListSheet(workbook, term('listSheet', lang));

  fields.forEach((field, i) => writeDataColumn(data, i + 1, field, lang, lists));
  // freeze the header row and the id and name columns, so both stay in view while filling in
  const firstOther = fields.findIndex((f) => f.id !== compiled.rubric.idField && f.id !== compiled.rubric.nameField);
  const frozenColumns = firstOther < 0 ? fields.length : firstOther;
  data.views = [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1, topLeftCell: `${columnLetter(frozenColumns)}2`, activeCell: 'A2' }];
  writeGuide(guide, compiled, rubricFile, fields, lang, data.name);

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function writeDataColumn(sheet: Worksheet, index: number, field: Field, lang: Lang, lists: ListSheet): void {
  const label = templateHeader(field, lang);
  const column = sheet.getColumn(index);
  column.width = Math.min(40, Math.max(12, displayWidth(label) + 4));
  const format = NUMBER_FORMATS[field.type];
  if (format !== undefined) column.numFmt = format;

  const header = sheet.getCell(1, index);
  header.value = label;
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: field.required ? 'FFFFE699' : 'FFD9E1F2' } };
  const allowed = allowedValues(field, lang);
  header.note = [
    term('headerNote', lang, { id: field.id }),
    ...(field.unit === undefined ? [] : [term('noteUnit', lang, { unit: field.unit })]),
    ...(allowed === '' ? [] : [term('noteAllowed', lang, { allowed })]),
    ...(field.required ? [term('noteRequired', lang)] : []),
  ].join('\n');

  const validation = validationOf(field, label, allowed, lang, lists);
  if (validation) {
    const letter = columnLetter(index - 1);
    addValidation(sheet, `${letter}2:${letter}${TEMPLATE_ROWS + 1}`, validation);
  }
}

/** Cell formats that keep what is typed: ids and text stay text (leading zeros), dates show as dates, integers without decimals. */
const NUMBER_FORMATS: Readonly<Partial<Record<Field['type'], string>>> = {
  id: '@',
  text: '@',
  level: '@',
  date: 'yyyy-mm-dd',
  integer: '0',
};

/** The validation of a column, or none for free text and ids. */
function validationOf(field: Field, label: string, allowed: string, lang: Lang, lists: ListSheet): DataValidation | undefined {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: clip(term('invalidTitle', lang), 32),
    showInputMessage: allowed !== '' || field.unit !== undefined,
    promptTitle: clip(label, 32),
    prompt: clip([allowed, field.unit ?? ''].filter(Boolean).join(' · '), 255),
  };
  const choices = field.values ?? (field.type === 'boolean' ? BOOLEAN_CHOICES[lang] : undefined);
  if (choices !== undefined && choices.length > 0) {
    return { ...common, type: 'list', formulae: [lists.formulaFor(field.id, choices)], error: clip(term('invalidList', lang, { label }), 225) };
  }
  switch (field.type) {
    case 'number':
    case 'percent':
    case 'integer': {
      const whole = field.type === 'integer';
      const error = clip(term(whole ? 'invalidInteger' : 'invalidNumber', lang, { label, range: allowed === '' ? '' : ` (${allowed})` }), 225);
      return { ...common, type: whole ? 'whole' : 'decimal', ...bounds(field), error };
    }
    case 'date':
      return {
        ...common,
        type: 'date',
        operator: 'between',
        formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(9999, 11, 31))],
        error: clip(term('invalidDate', lang, { label }), 225),
      };
    default:
      return undefined;
  }
}

/** The operator and formulae of a number range; with no bound, any number (which still refuses text such as "85점"). */
function bounds(field: Field): Pick<DataValidation, 'operator' | 'formulae'> {
  if (field.min !== undefined && field.max !== undefined) return { operator: 'between', formulae: [field.min, field.max] };
  if (field.min !== undefined) return { operator: 'greaterThanOrEqual', formulae: [field.min] };
  if (field.max !== undefined) return { operator: 'lessThanOrEqual', formulae: [field.max] };
  return { operator: 'between', formulae: [-1e15, 1e15] };
}

/**
 * Drop-down sources: a short list is written inline ("a,b,c"); a list over Excel's 255-character limit, or with
 * a value containing a comma or quote, goes to a column of a hidden sheet and the validation names that range.
 */
class ListSheet {
  private sheet: Worksheet | undefined;
  private columns = 0;

  constructor(
    private readonly workbook: Workbook,
    private readonly name: string,
  ) {}

  formulaFor(fieldId: string, values: readonly string[]): string {
    const inline = values.join(',');
    if (inline.length <= LITERAL_LIST_LIMIT && !values.some((v) => v.includes(',') || v.includes('"'))) return `"${inline}"`;
    this.sheet ??= this.workbook.addWorksheet(this.name, { state: 'hidden' });
    this.columns += 1;
    const letter = columnLetter(this.columns - 1);
    this.sheet.getCell(1, this.columns).value = fieldId;
    values.forEach((value, i) => {
      const cell = this.sheet!.getCell(i + 2, this.columns);
      cell.value = value;
      cell.numFmt = '@';
    });
    return `'${this.name.replace(/'/g, "''")}'!$${letter}$2:$${letter}$${values.length + 1}`;
  }
}

/** exceljs 4.4 has range validations (`worksheet.dataValidations.add`) but leaves them out of its type declarations. */
function addValidation(sheet: Worksheet, range: string, validation: DataValidation): void {
  (sheet as unknown as { dataValidations: { add(address: string, validation: DataValidation): void } }).dataValidations.add(range, validation);
}

/** The instructions sheet: what the template is for, then one row per field with everything needed to fill it in. */
function writeGuide(sheet: Worksheet, compiled: CompiledRubric, rubricFile: string, fields: readonly Field[], lang: Lang, dataSheet: string): void {
  const r = compiled.rubric;
  sheet.getCell('A1').value = term('guideTitle', lang, { title: pickLabel(r.title, lang), id: r.id, version: r.version });
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = term('guideHowTo', lang, { sheet: dataSheet });
  sheet.getCell('A3').value = term('guideSource', lang, { file: rubricFile, sha256: compiled.source.sha256 });

  const keys = ['column', 'label', 'fieldId', 'format', 'unit', 'allowed', 'requiredColumn', 'meaning', 'usedBy', 'aliases'] as const;
  const headerRow = 5;
  const widths = [6, 24, 20, 22, 8, 36, 8, 40, 48, 30];
  keys.forEach((key, c) => {
    const cell = sheet.getCell(headerRow, c + 1);
    cell.value = term(key, lang);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    sheet.getColumn(c + 1).width = widths[c]!;
  });
  const uses = fieldUses(r);
  const indicatorLabel = new Map(r.indicators.map((ind) => [ind.id, pickLabel(ind.label, lang)]));
  fields.forEach((field, i) => {
    const row = sheet.getRow(headerRow + 1 + i);
    row.values = [
      columnLetter(i),
      templateHeader(field, lang),
      field.id,
      term(`type.${field.type}`, lang),
      field.unit ?? '',
      allowedValues(field, lang),
      term(field.required ? 'yes' : 'no', lang),
      field.description === undefined ? '' : pickLabel(field.description, lang),
      (uses.get(field.id) ?? []).map((use) => describeUse(use, indicatorLabel, lang)).join('\n'),
      [field.label.ko, field.label.en, ...field.aliases].filter((text): text is string => text !== undefined && text !== templateHeader(field, lang)).join(', '),
    ];
    row.alignment = { vertical: 'top', wrapText: true };
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: 'A1' }];
}

function describeUse(use: FieldUse, indicatorLabel: ReadonlyMap<string, string>, lang: Lang): string {
  switch (use.kind) {
    case 'indicator':
      return term('use.indicator', lang, { id: `${use.id} ${indicatorLabel.get(use.id) ?? ''}`.trim() });
    case 'limiter':
    case 'check':
      return term(`use.${use.kind}`, lang, { id: use.id });
    default:
      return term(`use.${use.kind}`, lang);
  }
}
