import type { ChalkInstance } from 'chalk';
import type { Position, Problem } from '../core/problems.js';
import type { Lang } from '../messages/catalogue.js';
import { problemMessage } from '../messages/index.js';

const SEVERITY_LABEL: Record<Lang, Record<Problem['severity'], string>> = {
  ko: { error: '오류', warning: '경고', info: '안내' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

/** Formats a position as `file:line [sheet] (row N, column C "header", field f, path p)`. */
export function formatPosition(position: Position, lang: Lang): string {
  const where: string[] = [];
  const place = [position.file, position.line].filter((x) => x !== undefined).join(':');
  if (place) where.push(place);
  if (position.sheet !== undefined) where.push(lang === 'ko' ? `시트 "${position.sheet}"` : `sheet "${position.sheet}"`);
  const details: string[] = [];
  if (position.row !== undefined) details.push(lang === 'ko' ? `${position.row}번째 자료` : `row ${position.row}`);
  if (position.column !== undefined) {
    const header = position.header === undefined ? '' : ` "${position.header}"`;
    details.push(lang === 'ko' ? `${position.column}열${header}` : `column ${position.column}${header}`);
  } else if (position.header !== undefined) {
    details.push(`"${position.header}"`);
  }
  if (position.institution !== undefined) details.push(lang === 'ko' ? `기관 ${position.institution}` : `institution ${position.institution}`);
  if (position.field !== undefined) details.push(lang === 'ko' ? `필드 ${position.field}` : `field ${position.field}`);
  if (position.path !== undefined) details.push(position.path);
  return [...where, details.length > 0 ? `(${details.join(', ')})` : ''].filter(Boolean).join(' ');
}

/** One line per problem: severity, position, code, message and the offending value. */
export function renderProblemsText(problems: readonly Problem[], lang: Lang, color: ChalkInstance): string {
  return problems
    .map((p) => {
      const severity = SEVERITY_LABEL[lang][p.severity];
      const paint = p.severity === 'error' ? color.red : p.severity === 'warning' ? color.yellow : color.cyan;
      const position = formatPosition(p.position, lang);
      const value = p.value === undefined ? '' : lang === 'ko' ? ` [값: "${p.value}"]` : ` [value: "${p.value}"]`;
      return `${paint(severity)} ${p.code}${position ? ` ${position}` : ''}: ${problemMessage(p, lang)}${value}\n`;
    })
    .join('');
}
