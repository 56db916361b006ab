import type { ChalkInstance } from 'chalk';
import { formatNumber, formatPoints } from '../core/format-number.js';
import { formatValue } from '../core/values.js';
import { heading } from '../messages/headings.js';
import { renderMessage, type Lang } from '../messages/index.js';
import { pickLabel } from '../messages/label.js';
import type { CompiledRubric } from '../rubric/model.js';
import type { ExplainDocument } from './explain-document.js';
import { fieldLabelOf } from './grade-renderers.js';
import { renderTextTable } from './text-width.js';

/**
 * How one institution's grade came about, for the terminal: grade, total, ranks, coverage, the band and the
 * distance to the next one, then every indicator (value, method, rating, points, reason), the domain
 * subtotals, and the limiters applied.
 */
export function renderExplainText(doc: ExplainDocument, rubric: CompiledRubric, lang: Lang, color: ChalkInstance): string {
  const say = (code: string, args: Record<string, string | number> = {}) => renderMessage(code, args, lang);
  const r = doc.institution;
  const precision = rubric.rubric.total.precision;
  const fieldLabel = fieldLabelOf(rubric, lang);
  const lines: string[] = [];

  lines.push(color.bold(`${r.name} (${r.id})`));
  lines.push(
    `${heading('rubric', lang)}: ${pickLabel(doc.rubric.title, lang)} — ${doc.rubric.id}@${doc.rubric.version} (sha256 ${doc.rubric.sha256.slice(0, 12)}) · ${heading('asOf', lang)}: ${doc.asOf}`,
  );
  lines.push('');
  if (r.grade === null) {
    lines.push(color.bold(say('EXPLAIN_GRADE_WITHHELD', { reasons: r.withheld.map((w) => renderMessage(w.code, w.args, lang)).join('; ') })));
  } else if (r.earnedGrade !== null && r.earnedGrade !== r.grade) {
    lines.push(color.bold(say('EXPLAIN_GRADE_CAPPED', { grade: r.grade, earned: r.earnedGrade })));
  } else {
    lines.push(color.bold(say('EXPLAIN_GRADE', { grade: r.grade })));
  }
  if (r.total !== null) lines.push(say('EXPLAIN_TOTAL', { total: formatPoints(r.total, precision), max: formatNumber(doc.rubric.total) }));
  if (r.rank === null) {
    lines.push(say('EXPLAIN_NOT_RANKED'));
  } else {
    const groupRanks = r.groupRanks
      .filter((g) => g.rank !== null)
      .map((g) => say('EXPLAIN_GROUP_RANK', { field: fieldLabel(g.field), group: g.group ?? say('REPORT_NO_GROUP'), rank: g.rank!, of: g.of }));
    lines.push([say('EXPLAIN_RANK', { rank: r.rank, of: doc.population.graded }), ...groupRanks].join(' · '));
  }
  lines.push(say('EXPLAIN_COVERAGE', { coverage: formatNumber(r.coverage, 1) }));
  lines.push(...standingLines(doc, lang, precision));
  if (r.followUp.length > 0) lines.push(`${heading('followUp', lang)}: ${r.followUp.map((f) => pickLabel(f, lang)).join(', ')}`);

  lines.push('', color.bold(say('EXPLAIN_SECTION_INDICATORS')));
  const domainLabel = new Map(doc.rubric.domains.map((d) => [d.id, pickLabel(d.label, lang)]));
  const indicatorRows = r.indicators.map((f, i) => {
    const info = doc.indicators[i]!;
    const unit = info.unit ?? '';
    const value = f.value === null ? '-' : typeof f.value === 'number' ? `${formatNumber(f.value)}${unit}` : formatValue(f.value);
    return [
      domainLabel.get(f.domain) ?? f.domain,
      pickLabel(info.label, lang),
      value,
      say(`REPORT_METHOD_${f.method}`),
      f.rating === null ? '-' : `${formatNumber(f.rating, 1)}%`,
      `${f.points === null ? '-' : formatPoints(f.points)}/${formatPoints(f.maxPoints)}`,
      info.reason,
    ];
  });
  lines.push(
    renderTextTable(
      [
        { header: say('REPORT_DOMAIN'), align: 'left' },
        { header: say('REPORT_INDICATOR'), align: 'left' },
        { header: say('REPORT_VALUE'), align: 'right' },
        { header: say('REPORT_METHOD'), align: 'left' },
        { header: say('REPORT_RATING'), align: 'right' },
        { header: say('REPORT_POINTS'), align: 'right' },
        { header: say('REPORT_REASON'), align: 'left' },
      ],
      indicatorRows,
    ).trimEnd(),
  );

  lines.push('', color.bold(say('EXPLAIN_SECTION_DOMAINS')));
  const limiterLabel = new Map(r.limiters.map((l) => [l.id, pickLabel(l.label, lang)]));
  const domainRows = r.domains.map((d) => {
    const excluded = r.indicators.some((f) => f.domain === d.id && f.status === 'excluded');
    const note =
      d.setBy !== null
        ? say('EXPLAIN_SET_BY', { limiter: limiterLabel.get(d.setBy) ?? d.setBy })
        : d.points === null
          ? say('EXPLAIN_DOMAIN_NO_DATA')
          : excluded
            ? say('EXPLAIN_RENORMALISED')
            : '';
    return [domainLabel.get(d.id) ?? d.id, `${d.points === null ? '-' : formatPoints(d.points)}/${formatPoints(d.maxPoints)}`, note];
  });
  domainRows.push([heading('total', lang), `${r.total === null ? '-' : formatPoints(r.total, precision)}/${formatNumber(doc.rubric.total)}`, '']);
  lines.push(
    renderTextTable(
      [
        { header: say('REPORT_DOMAIN'), align: 'left' },
        { header: say('REPORT_POINTS'), align: 'right' },
        { header: say('REPORT_NOTES'), align: 'left' },
      ],
      domainRows,
    ).trimEnd(),
  );

  lines.push('', color.bold(say('EXPLAIN_SECTION_LIMITERS')));
  if (r.limiters.length === 0) lines.push(`  ${say('REPORT_NONE')}`);
  for (const l of r.limiters) lines.push(`  - ${pickLabel(l.label, lang)}: ${renderMessage(l.detail.code, l.detail.args, lang)}`);
  return `${lines.join('\n')}\n`;
}

/** The band the total landed in and how far the next grade up is. */
function standingLines(doc: ExplainDocument, lang: Lang, precision: number): string[] {
  const say = (code: string, args: Record<string, string | number> = {}) => renderMessage(code, args, lang);
  const s = doc.standing;
  const points = (x: number) => formatNumber(x, precision);
  const cap = doc.institution.limiters.find((l) => l.effect === 'capGrade')?.detail.args.grade;
  const capNote = cap === undefined ? '' : ` — ${say('EXPLAIN_CAPPED_NOTE', { cap })}`;
  if (s.earnedGrade === null) return s.grading === 'bands' ? [say('EXPLAIN_NO_BAND')] : [];
  const lines: string[] = [];
  if (s.grading === 'bands') {
    const top = doc.rubric.grades[0] === s.earnedGrade;
    lines.push(say(top ? 'EXPLAIN_BAND_TOP' : 'EXPLAIN_BAND', { grade: s.earnedGrade, min: points(s.band!.min), max: points(s.band!.max) }));
    lines.push(s.next === null ? say('EXPLAIN_TOP_GRADE') : say('EXPLAIN_NEXT_BAND', { grade: s.next.grade, distance: points(s.next.distance), score: points(s.next.score) }) + capNote);
    return lines;
  }
  const pool = s.pool!;
  const poolName = pool.field === null ? say('EXPLAIN_POOL_ALL') : `${pool.group ?? say('REPORT_NO_GROUP')}`;
  lines.push(say('EXPLAIN_QUOTA_POOL', { pool: poolName, size: pool.size, grade: s.earnedGrade }));
  const top = doc.rubric.grades[0] === s.earnedGrade;
  lines.push(
    s.next === null
      ? say(top ? 'EXPLAIN_TOP_GRADE' : 'EXPLAIN_NO_HIGHER_HOLDER')
      : say('EXPLAIN_QUOTA_NEXT', { grade: s.next.grade, institution: s.next.institution ?? '', score: points(s.next.score), distance: points(s.next.distance) }) + capNote,
  );
  return lines;
}
