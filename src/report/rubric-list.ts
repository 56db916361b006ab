import { z } from 'zod';
import type { Lang } from '../messages/catalogue.js';
import { pickLabel } from '../messages/label.js';
import { term } from '../messages/rubric-terms.js';
import type { CompiledRubric } from '../rubric/model.js';
import { renderTextTable } from './text-width.js';

/** One rubric file found by `sseval rubric list`: its identity, and the checked rubric when it loads. */
export interface RubricListing {
  /** the file as shown to the user (`bundled:<name>` for the rubrics shipped with sseval) */
  readonly file: string;
  readonly id: string;
  readonly version: string;
  readonly from: string;
  readonly to: string | undefined;
  readonly rubric?: CompiledRubric;
  /** how many problems the file has (0 when it loads) */
  readonly problems: number;
}

/** The JSON document of `sseval rubric list --format json`. */
export const RubricListDocumentSchema = z.object({
  schemaVersion: z.literal(1),
  rubrics: z.array(
    z.object({
      id: z.string(),
      version: z.string(),
      file: z.string(),
      effective: z.object({ from: z.string(), to: z.string().nullable() }),
      title: z.object({ ko: z.string(), en: z.string().optional() }).nullable(),
      subject: z.enum(['agency', 'provider']).nullable(),
      indicators: z.number().int().nullable(),
      sha256: z.string().nullable(),
      problems: z.number().int(),
    }),
  ),
});
export type RubricListDocument = z.infer<typeof RubricListDocumentSchema>;

/** The listing as a terminal table, one rubric per row; a rubric with problems says how many instead of its title. */
export function renderRubricListTable(items: readonly RubricListing[], lang: Lang): string {
  if (items.length === 0) return `${term('noRubrics', lang)}\n`;
  const columns = (['id', 'version', 'title', 'effective', 'subject', 'indicatorCount', 'file'] as const).map((key) => ({
    header: term(key, lang),
    align: key === 'indicatorCount' ? ('right' as const) : ('left' as const),
  }));
  const rows = items.map((item) => {
    const rubric = item.rubric?.rubric;
    return [
      item.id,
      item.version,
      rubric ? pickLabel(rubric.title, lang) : term('invalid', lang, { count: item.problems }),
      `${item.from} ~ ${item.to ?? ''}`.trimEnd(),
      rubric ? term(`subject.${rubric.subject}`, lang) : '',
      item.rubric ? String(item.rubric.indicators.length) : '',
      item.file,
    ];
  });
  return renderTextTable(columns, rows);
}

/** The listing as a versioned JSON document. */
export function renderRubricListJson(items: readonly RubricListing[]): string {
  const doc: RubricListDocument = {
    schemaVersion: 1,
    rubrics: items.map((item) => ({
      id: item.id,
      version: item.version,
      file: item.file,
      effective: { from: item.from, to: item.to ?? null },
      title: item.rubric?.rubric.title ?? null,
      subject: item.rubric?.rubric.subject ?? null,
      indicators: item.rubric?.indicators.length ?? null,
      sha256: item.rubric?.source.sha256 ?? null,
      problems: item.problems,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
