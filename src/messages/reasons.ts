import type { Catalogue } from './catalogue.js';

const P_KO = ' → {points}/{max}점';
const P_EN = ' → {points}/{max} points';

/** Reasons that explain each indicator's score, each limiter and each withheld grade. */
export const reasonMessages: Catalogue = {
  REASON_LEVEL: { ko: `"{value}"${P_KO}`, en: `"{value}"${P_EN}` },
  REASON_LEVEL_UNKNOWN: { ko: '"{value}"은(는) 평가 수준({levels})이 아닙니다', en: '"{value}" is not one of the levels ({levels})' },
  REASON_BINARY_YES: { ko: `{value}: 충족${P_KO}`, en: `{value}: met${P_EN}` },
  REASON_BINARY_NO: { ko: `{value}: 미충족${P_KO}`, en: `{value}: not met${P_EN}` },
  REASON_NOT_A_NUMBER: { ko: '"{value}"은(는) 숫자가 아닙니다', en: '"{value}" is not a number' },
  REASON_DIRECT: { ko: `{value}{unit}${P_KO}`, en: `{value}{unit}${P_EN}` },
  REASON_DIRECT_CLAMPED: { ko: `{value}{unit}: 배점 범위 밖이라 범위 끝으로${P_KO}`, en: `{value}{unit}: outside the scale, held at its end${P_EN}` },
  REASON_LINEAR: { ko: `{value}{unit} (기준 {low}–{high}{unit} 사이 비례)${P_KO}`, en: `{value}{unit} (linear between {low} and {high}{unit})${P_EN}` },
  REASON_BAND: { ko: `{value}{unit} {op} {threshold}{unit}${P_KO}`, en: `{value}{unit} {op} {threshold}{unit}${P_EN}` },
  REASON_BAND_NONE: { ko: `{value}{unit}: 해당하는 구간 없음${P_KO}`, en: `{value}{unit}: no band applies${P_EN}` },
  REASON_TARGET: { ko: `{value}{unit} / 목표 {target}{unit} = {attainment}% 달성${P_KO}`, en: `{value}{unit} of target {target}{unit} = {attainment}% attained${P_EN}` },
  REASON_BAD_TARGET: { ko: '목표값 "{target}"은(는) 0보다 큰 수여야 합니다', en: 'the target "{target}" must be a number above 0' },
  REASON_IMPROVEMENT: {
    ko: `{baseline} → {value}{unit}: {improvement}{unit} 개선 (만점 기준 {full}{unit})${P_KO}`,
    en: `{baseline} → {value}{unit}: improved by {improvement}{unit} (full marks at {full}{unit})${P_EN}`,
  },
  REASON_IMPROVEMENT_RATIO: {
    ko: `{baseline} → {value}{unit}: {improvement}% 개선 (만점 기준 {full}%)${P_KO}`,
    en: `{baseline} → {value}{unit}: improved by {improvement}% (full marks at {full}%)${P_EN}`,
  },
  REASON_PERCENTILE: { ko: `{value}{unit}: {group} {n}곳 중 백분위 {percentile}${P_KO}`, en: `{value}{unit}: percentile {percentile} of {n} in {group}${P_EN}` },
  REASON_PERCENTILE_ALL: { ko: `{value}{unit}: 전체 {n}곳 중 백분위 {percentile}${P_KO}`, en: `{value}{unit}: percentile {percentile} of all {n}${P_EN}` },
  REASON_ZSCORE: { ko: `{value}{unit}: {group} {n}곳 중 z = {z}${P_KO}`, en: `{value}{unit}: z = {z} among {n} in {group}${P_EN}` },
  REASON_ZSCORE_ALL: { ko: `{value}{unit}: 전체 {n}곳 중 z = {z}${P_KO}`, en: `{value}{unit}: z = {z} among all {n}${P_EN}` },
  REASON_MISSING: { ko: '자료 없음 ({fields})', en: 'no data ({fields})' },
  REASON_DIVISION_BY_ZERO: { ko: '분모가 0이라 계산할 수 없음', en: 'cannot be computed: division by zero' },
  REASON_TYPE_ERROR: { ko: '계산할 수 없음: {detail}', en: 'cannot be computed: {detail}' },
  STATUS_ZERO: { ko: ' → 0점 처리', en: ' → scored 0' },
  STATUS_EXCLUDED: { ko: ' → 평가에서 제외 (영역 배점 재조정)', en: ' → left out (domain weights renormalised)' },
  STATUS_FAILED: { ko: ' → 필수 자료 누락', en: ' → required data missing' },
  LIMITER_CAP: { ko: '등급 상한 {grade}', en: 'grade capped at {grade}' },
  LIMITER_SET_DOMAIN: { ko: '{domain} 영역 {before} → {points}점', en: 'domain {domainEn} set from {before} to {points} points' },
  LIMITER_WITHHOLD: { ko: '등급 보류', en: 'grade withheld' },
  WITHHELD_LIMITER: { ko: '{limiter}: 등급 보류', en: '{limiterEn}: grade withheld' },
  WITHHELD_FAILED: { ko: '필수 지표의 자료 없음: {indicators}', en: 'no data for required indicators: {indicators}' },
  WITHHELD_NO_DATA: { ko: '채점할 자료가 없음', en: 'no data to score' },
  WITHHELD_COVERAGE: { ko: '자료가 있는 배점 {coverage}% < 최소 {minimum}%', en: 'data covers {coverage}% of the points, below the minimum {minimum}%' },
  SCORE_TYPE_ERROR: { ko: '지표를 계산할 수 없습니다: {detail}', en: 'cannot compute the indicator: {detail}' },
  LIMITER_CONDITION_MISSING: {
    ko: '제한 규칙 {limiter}의 조건에 필요한 자료({fields})가 없어 적용하지 않았습니다',
    en: 'limiter {limiter} not applied: its condition needs data that is missing ({fields})',
  },
  LIMITER_CONDITION_ERROR: { ko: '제한 규칙 {limiter}의 조건을 계산할 수 없습니다: {detail}', en: 'cannot evaluate limiter {limiter}: {detail}' },
};
