import type { Lang } from './catalogue.js';

const HEADINGS = {
  rank: { ko: '순위', en: 'Rank' },
  groupRank: { ko: '{field} 내 순위', en: 'Rank in {field}' },
  id: { ko: '기관코드', en: 'ID' },
  name: { ko: '기관명', en: 'Name' },
  total: { ko: '총점', en: 'Total' },
  grade: { ko: '등급', en: 'Grade' },
  earnedGrade: { ko: '점수 등급', en: 'Earned grade' },
  status: { ko: '상태', en: 'Status' },
  coverage: { ko: '자료 비율(%)', en: 'Coverage (%)' },
  limiters: { ko: '제한 규칙', en: 'Limiters' },
  followUp: { ko: '후속 조치', en: 'Follow-up' },
  withheld: { ko: '보류 사유', en: 'Withheld because' },
  graded: { ko: '평가', en: 'graded' },
  withheldStatus: { ko: '보류', en: 'withheld' },
  rubric: { ko: '평가 기준', en: 'Rubric' },
  asOf: { ko: '기준일', en: 'As of' },
  inputs: { ko: '입력 파일', en: 'Inputs' },
  gradeCounts: { ko: '등급별 기관 수', en: 'Institutions by grade' },
  institutions: { ko: '기관', en: 'institutions' },
  skipped: { ko: '오류로 제외된 기관', en: 'Skipped for data errors' },
  rubricVersion: { ko: '기준 버전', en: 'Rubric version' },
  rubricId: { ko: '기준 ID', en: 'Rubric ID' },
  notes: { ko: '보류 사유와 제한 규칙', en: 'Withheld grades and limiters' },
} as const;

export type Heading = keyof typeof HEADINGS;

/** A column or section heading in a language, with `{field}` filled when given. */
export function heading(key: Heading, lang: Lang, field?: string): string {
  const text: string = HEADINGS[key][lang];
  return field === undefined ? text : text.replace('{field}', field);
}
