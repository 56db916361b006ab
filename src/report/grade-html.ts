import { histogram, median, peerMedians } from '../core/distribution.js';
import { formatNumber, formatPoints } from '../core/format-number.js';
import type { InstitutionResult } from '../core/results.js';
import { heading } from '../messages/headings.js';
import { renderMessage, type Lang } from '../messages/index.js';
import { pickLabel } from '../messages/label.js';
import type { CompiledRubric } from '../rubric/model.js';
import type { GradeDocument } from './grade-document.js';
import { fieldLabelOf } from './grade-renderers.js';
import { gradeTone, type Tone } from './grade-tone.js';
import { escapeHtml as esc } from './html-escape.js';
import { columnChart, histogramChart, profileChart, stackedBarChart, type Bar } from './svg-charts.js';

/** What the HTML report needs besides the document. */
export interface GradeHtmlContext {
  readonly rubric: CompiledRubric;
  readonly lang: Lang;
}

const TONE_COLOR: Record<Tone, string> = { 0: '#1b7f3b', 1: '#6aa84f', 2: '#d9a400', 3: '#e67e22', 4: '#c0392b' };
const WITHHELD_COLOR = '#9aa0a6';
const HISTOGRAM_BINS = 10;

/**
 * The results as one self-contained HTML page for the results meeting: grade distribution overall and per
 * peer group, each domain's distribution, the ranked table, and each institution's domain profile against
 * its peer median. Inline CSS and SVG only: no scripts, fonts or other files, and a content security policy
 * that forbids loading any. Prints on A4.
 */
export function renderGradeHtml(doc: GradeDocument, context: GradeHtmlContext): string {
  const { lang } = context;
  const say = (code: string, args: Record<string, string | number> = {}) => renderMessage(code, args, lang);
  const title = `${pickLabel(doc.rubric.title, lang)} — ${say('REPORT_RESULTS')}`;
  const colorOf = (grade: string | null) => {
    const tone = grade === null ? null : gradeTone(doc.rubric.grades, grade);
    return tone === null ? WITHHELD_COLOR : TONE_COLOR[tone];
  };
  const sections = [
    gradeSection(doc, context, colorOf),
    domainSection(doc, lang),
    rankingSection(doc, context, colorOf),
    profileSection(doc, context, colorOf),
  ];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="sseval ${esc(doc.tool.version)}">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<p class="meta">${[
    `${esc(heading('rubric', lang))}: <b>${esc(`${doc.rubric.id}@${doc.rubric.version}`)}</b> <span class="hash">sha256 ${esc(doc.rubric.sha256.slice(0, 12))}</span>`,
    `${esc(heading('asOf', lang))}: <b>${esc(doc.asOf)}</b>`,
    `${esc(heading('inputs', lang))}: ${doc.inputs.map((i) => esc(i.path)).join(', ')}`,
    `sseval ${esc(doc.tool.version)}`,
  ].join(' · ')}</p>
<nav>${(
    [
      ['grades', 'REPORT_SECTION_GRADES'],
      ['domains', 'REPORT_SECTION_DOMAINS'],
      ['ranking', 'REPORT_SECTION_RANKING'],
      ['profiles', 'REPORT_SECTION_PROFILES'],
    ] as const
  )
    .map(([id, code]) => `<a href="#${id}">${esc(say(code))}</a>`)
    .join('')}</nav>
</header>
<main>
${sections.join('\n')}
</main>
</body>
</html>
`;
}

function legend(items: readonly Bar[]): string {
  return `<ul class="legend">${items.map((b) => `<li><span class="swatch" style="background:${b.color}"></span>${esc(b.label)}</li>`).join('')}</ul>`;
}

/** Key figures, the overall grade distribution and one stacked bar per peer group. */
function gradeSection(doc: GradeDocument, context: GradeHtmlContext, colorOf: (grade: string | null) => string): string {
  const { lang, rubric } = context;
  const say = (code: string, args: Record<string, string | number> = {}) => renderMessage(code, args, lang);
  const graded = doc.results.filter((r) => r.status === 'graded' && r.total !== null).map((r) => r.total!);
  const mean = graded.length === 0 ? null : graded.reduce((s, t) => s + t, 0) / graded.length;
  const middle = median(graded);
  const figures: [string, string][] = [
    [say('REPORT_INSTITUTIONS'), String(doc.summary.institutions)],
    [say('REPORT_GRADED'), String(doc.summary.graded)],
    [say('REPORT_WITHHELD'), String(doc.summary.withheld)],
    [say('REPORT_MEAN_TOTAL'), mean === null ? '–' : formatNumber(mean, 2)],
    [say('REPORT_MEDIAN_TOTAL'), middle === null ? '–' : formatNumber(middle, 2)],
  ];
  const barsOf = (members: readonly InstitutionResult[]): Bar[] => [
    ...doc.rubric.grades.map((g) => ({ label: g, value: members.filter((r) => r.grade === g).length, color: colorOf(g) })),
    ...(members.some((r) => r.status === 'withheld')
      ? [{ label: say('REPORT_WITHHELD'), value: members.filter((r) => r.status === 'withheld').length, color: WITHHELD_COLOR }]
      : []),
  ];
  const overall = barsOf(doc.results);
  const fieldLabel = fieldLabelOf(rubric, lang);
  const groupCharts = doc.groupBy.map((field) => {
    const groups = [...new Set(doc.results.map((r) => r.groups[field] ?? null))].sort((a, b) => (a ?? '\uffff').localeCompare(b ?? '\uffff', 'ko'));
    const rows = groups.map((group) => ({
      label: group ?? say('REPORT_NO_GROUP'),
      segments: barsOf(doc.results.filter((r) => (r.groups[field] ?? null) === group)),
    }));
    const label = say('REPORT_GRADES_BY_GROUP', { field: fieldLabel(field) });
    return `<figure class="wide"><figcaption>${esc(label)}</figcaption>${stackedBarChart(rows, label)}</figure>`;
  });
  const noGroups = doc.groupBy.length === 0 ? `<p class="note">${esc(say('REPORT_NO_PEER_GROUPS'))}</p>` : '';
  return `<section id="grades">
<h2>${esc(say('REPORT_SECTION_GRADES'))}</h2>
<div class="figures">${figures.map(([k, v]) => `<div><span>${esc(k)}</span><b>${esc(v)}</b></div>`).join('')}</div>
${legend(overall)}
<div class="charts">
<figure><figcaption>${esc(say('REPORT_GRADES_OVERALL'))}</figcaption>${columnChart(overall, doc.results.length, say('REPORT_GRADES_OVERALL'))}</figure>
${groupCharts.join('\n')}
</div>
${noGroups}
</section>`;
}

/** A histogram per domain of points as a percentage of the domain's maximum, with the median marked. */
function domainSection(doc: GradeDocument, lang: Lang): string {
  const say = (code: string, args: Record<string, string | number> = {}) => renderMessage(code, args, lang);
  const cards = doc.rubric.domains.map((domain) => {
    const percents = doc.results.flatMap((r) => r.domains.filter((d) => d.id === domain.id && d.points !== null).map((d) => (d.points! / d.maxPoints) * 100));
    const middle = median(percents);
    const label = `${pickLabel(domain.label, lang)} (${formatNumber(domain.points)})`;
    const chart = histogramChart(histogram(percents, HISTOGRAM_BINS), middle, say('REPORT_MEDIAN'), label);
    const stats = say('REPORT_DOMAIN_STATS', {
      n: percents.length,
      median: middle === null ? '–' : formatNumber((middle * domain.points) / 100, 2),
      max: formatNumber(domain.points),
    });
    return `<figure class="card"><figcaption>${esc(label)}</figcaption>${chart}<p class="note">${esc(stats)}</p></figure>`;
  });
  return `<section id="domains">
<h2>${esc(say('REPORT_SECTION_DOMAINS'))}</h2>
<p class="note">${esc(say('REPORT_DOMAINS_NOTE'))}</p>
<div class="grid">${cards.join('\n')}</div>
</section>`;
}

function badge(grade: string | null, text: string, color: string): string {
  return `<span class="badge${grade === null ? ' withheld' : ''}" style="background:${color}">${esc(text)}</span>`;
}

/** The ranked table; each name links to the institution's profile. */
function rankingSection(doc: GradeDocument, context: GradeHtmlContext, colorOf: (grade: string | null) => string): string {
  const { lang, rubric } = context;
  const say = (code: string) => renderMessage(code, {}, lang);
  const fieldLabel = fieldLabelOf(rubric, lang);
  const precision = rubric.rubric.total.precision;
  const head = [
    `<th class="num">${esc(heading('rank', lang))}</th>`,
    `<th>${esc(heading('id', lang))}</th>`,
    `<th>${esc(heading('name', lang))}</th>`,
    ...doc.groupBy.map((f) => `<th>${esc(fieldLabel(f))}</th>`),
    ...doc.rubric.domains.map((d) => `<th class="num">${esc(pickLabel(d.label, lang))}<small>${esc(formatNumber(d.points))}</small></th>`),
    `<th class="num">${esc(heading('total', lang))}<small>${esc(formatNumber(doc.rubric.total))}</small></th>`,
    `<th>${esc(heading('grade', lang))}</th>`,
    `<th>${esc(say('REPORT_NOTES'))}</th>`,
  ].join('');
  const rows = doc.results.map((r, i) => {
    // a withholding limiter says what its withheld reason says: show each note once
    const notes = new Set([
      ...r.withheld.map((w) => renderMessage(w.code, w.args, lang)),
      ...r.limiters.map((l) => `${pickLabel(l.label, lang)}: ${renderMessage(l.detail.code, l.detail.args, lang)}`),
      ...r.followUp.map((f) => pickLabel(f, lang)),
    ]);
    return `<tr>${[
      `<td class="num">${r.rank ?? '–'}</td>`,
      `<td class="id">${esc(r.id)}</td>`,
      `<td><a href="#inst-${i}">${esc(r.name)}</a></td>`,
      ...doc.groupBy.map((f) => `<td>${esc(r.groups[f] ?? '')}</td>`),
      ...r.domains.map((d) => `<td class="num">${d.points === null ? '–' : formatPoints(d.points)}</td>`),
      `<td class="num total">${r.total === null ? '–' : formatPoints(r.total, precision)}</td>`,
      `<td>${badge(r.grade, r.grade ?? say('REPORT_WITHHELD'), colorOf(r.grade))}</td>`,
      `<td class="notes">${[...notes].map(esc).join('<br>')}</td>`,
    ].join('')}</tr>`;
  });
  return `<section id="ranking">
<h2>${esc(say('REPORT_SECTION_RANKING'))}</h2>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

/** A card per institution: its domains as a share of each maximum, against the median of its peer group. */
function profileSection(doc: GradeDocument, context: GradeHtmlContext, colorOf: (grade: string | null) => string): string {
  const { lang, rubric } = context;
  const say = (code: string, args: Record<string, string | number> = {}) => renderMessage(code, args, lang);
  const peerField = doc.groupBy[0] ?? null;
  const medians = peerMedians(doc.results, peerField);
  const fieldLabel = fieldLabelOf(rubric, lang);
  const precision = rubric.rubric.total.precision;
  const cards = doc.results.map((r, i) => {
    const peer = medians(r);
    const group = peerField === null ? say('REPORT_ALL') : `${fieldLabel(peerField)} ${r.groups[peerField] ?? say('REPORT_NO_GROUP')}`;
    const rows = r.domains.map((d) => {
      const info = doc.rubric.domains.find((x) => x.id === d.id);
      const peerMedian = peer.medians.get(d.id)?.median ?? null;
      return {
        label: info ? pickLabel(info.label, lang) : d.id,
        percent: d.points === null ? null : (d.points / d.maxPoints) * 100,
        medianPercent: peerMedian === null ? null : (peerMedian / d.maxPoints) * 100,
        value: `${d.points === null ? '–' : formatNumber(d.points, 1)}/${formatNumber(d.maxPoints)}`,
      };
    });
    const label = say('REPORT_PROFILE_LABEL', { name: r.name, group });
    const total = r.total === null ? '–' : formatPoints(r.total, precision);
    return `<article class="card profile" id="inst-${i}">
<h3><span class="rank">${r.rank ?? '–'}</span> ${esc(r.name)} <span class="id">${esc(r.id)}</span></h3>
<p class="score">${badge(r.grade, r.grade ?? say('REPORT_WITHHELD'), colorOf(r.grade))} <b>${esc(total)}</b> / ${esc(formatNumber(doc.rubric.total))}</p>
${profileChart(rows, say('REPORT_NO_DATA'), label)}
<p class="note">${esc(say('REPORT_PEER_MEDIAN', { group, n: peer.size }))}</p>
</article>`;
  });
  return `<section id="profiles">
<h2>${esc(say('REPORT_SECTION_PROFILES'))}</h2>
<p class="note">${esc(say('REPORT_PROFILES_NOTE'))}</p>
<div class="grid profiles">${cards.join('\n')}</div>
</section>`;
}

const STYLE = `
:root { --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --bg: #f6f7f9; --accent: #3b6fb6; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 14px/1.5 "Noto Sans KR", "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", "맑은 고딕", system-ui, sans-serif; }
header { background: #fff; border-bottom: 1px solid var(--line); padding: 20px 32px 0; }
h1 { font-size: 22px; margin: 0 0 6px; }
h2 { font-size: 18px; margin: 0 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 15px; margin: 0 0 4px; }
.meta { color: var(--muted); margin: 0 0 12px; font-size: 13px; }
.hash, .id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; color: var(--muted); }
nav { display: flex; gap: 20px; }
nav a { color: var(--accent); text-decoration: none; padding: 8px 0; border-bottom: 2px solid transparent; font-weight: 600; }
nav a:hover { border-bottom-color: var(--accent); }
main { padding: 8px 32px 40px; max-width: 1280px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 18px 22px; margin-top: 20px; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 12px; }
.figures div { border: 1px solid var(--line); border-radius: 6px; padding: 8px 16px; min-width: 110px; }
.figures span { display: block; color: var(--muted); font-size: 12px; }
.figures b { font-size: 22px; font-variant-numeric: tabular-nums; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 14px; padding: 0; margin: 0 0 8px; font-size: 13px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: 6px; }
.chart { max-width: 100%; height: auto; display: block; }
.chart text { font-family: inherit; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 16px; }
.grid.profiles { grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; background: #fff; }
.note { color: var(--muted); font-size: 12px; margin: 6px 0 0; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { position: sticky; top: 0; background: #eef3fa; font-weight: 600; white-space: nowrap; }
th small { display: block; font-weight: 400; color: var(--muted); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.total { font-weight: 700; }
td.notes { color: var(--muted); font-size: 12px; }
tbody tr:nth-child(even) { background: #fafbfc; }
td a { color: inherit; text-decoration: none; border-bottom: 1px dotted var(--muted); }
.badge { display: inline-block; white-space: nowrap; min-width: 28px; padding: 1px 8px; border-radius: 10px; color: #fff; font-weight: 700; text-align: center; }
.profile .score { margin: 0 0 6px; }
.profile .rank { display: inline-block; min-width: 26px; color: var(--muted); }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@page { size: A4; margin: 12mm; }
@media print {
  body { background: #fff; font-size: 10pt; }
  header { padding: 0; border: 0; }
  nav { display: none; }
  main { padding: 0; max-width: none; }
  section { border: 0; padding: 0; margin-top: 14pt; }
  #ranking, #profiles { break-before: page; }
  th { position: static; }
  thead { display: table-header-group; }
  tr, figure, .card { break-inside: avoid; }
  table { font-size: 8.5pt; }
  .grid, .grid.profiles { grid-template-columns: repeat(2, 1fr); gap: 8pt; }
  a { border: 0 !important; }
}
`;
