import type { Catalogue } from './catalogue.js';

/** Messages for rubric loading and checking. */
export const rubricMessages: Catalogue = {
  RUBRIC_UNREADABLE: { ko: '평가 기준 파일을 읽을 수 없습니다 ({detail})', en: 'cannot read the rubric file ({detail})' },
  RUBRIC_NOT_FOUND: {
    ko: '평가 기준 "{ref}"을(를) 찾을 수 없습니다. 사용할 수 있는 기준: {known}',
    en: 'rubric "{ref}" not found; available rubrics: {known}',
  },
  RUBRIC_VERSION_NOT_FOUND: {
    ko: '평가 기준 {id}에 버전 {version}이(가) 없습니다. 있는 버전: {versions}',
    en: 'rubric {id} has no version {version}; versions: {versions}',
  },
  RUBRIC_NONE_EFFECTIVE: {
    ko: '{asOf} 기준으로 유효한 {id} 평가 기준이 없습니다 (있는 버전: {versions}). --rubric {id}@버전 또는 --as-of 를 지정하세요',
    en: 'no version of rubric {id} is effective on {asOf} (versions: {versions}); name one with --rubric {id}@VERSION or set --as-of',
  },
  RUBRIC_SYNTAX: { ko: 'YAML/JSON 문법 오류: {detail}', en: 'YAML/JSON syntax error: {detail}' },
  RUBRIC_SCHEMA: { ko: '형식 오류: {detail}', en: 'schema error: {detail}' },
  RUBRIC_DUPLICATE_ID: { ko: '{kind} id "{id}"이(가) 중복됩니다', en: 'duplicate {kind} id "{id}"' },
  RUBRIC_UNKNOWN_FIELD: { ko: '정의되지 않은 필드 "{id}"를 참조합니다', en: 'refers to undefined field "{id}"' },
  RUBRIC_UNKNOWN_REF: { ko: '정의되지 않은 {kind} "{id}"를 참조합니다', en: 'refers to undefined {kind} "{id}"' },
  RUBRIC_BAD_EXPRESSION: {
    ko: '수식 "{expression}"의 {at}번째 글자에서 오류: {detail}',
    en: 'expression "{expression}" at character {at}: {detail}',
  },
  RUBRIC_POINTS_MISMATCH: {
    ko: '{what}의 배점 {declared}점과 하위 배점 합계 {sum}점이 다릅니다',
    en: '{what} declares {declared} points but its parts add up to {sum}',
  },
  RUBRIC_EMPTY_DOMAIN: { ko: '영역 "{id}"에 지표가 없습니다', en: 'domain "{id}" has no indicators' },
  RUBRIC_MIXED_WEIGHTS: {
    ko: '영역 "{id}"의 지표는 모두 points 또는 모두 weight 로 배점해야 합니다',
    en: 'indicators of domain "{id}" must all use points or all use weight',
  },
  RUBRIC_POINTS_OR_WEIGHT: { ko: '지표 "{id}"에는 points 와 weight 중 하나만 씁니다', en: 'indicator "{id}" needs exactly one of points and weight' },
  RUBRIC_FIELD_OR_FORMULA: { ko: '지표 "{id}"에는 field 와 formula 중 하나만 씁니다', en: 'indicator "{id}" needs exactly one of field and formula' },
  RUBRIC_POINTS_OR_RATING: { ko: 'points 와 rating 중 하나만 씁니다', en: 'give exactly one of points and rating' },
  RUBRIC_POINTS_ABOVE_MAX: { ko: '{points}점이 최대 배점 {max}점을 넘습니다', en: '{points} points exceed the maximum of {max}' },
  RUBRIC_THRESHOLDS_UNORDERED: { ko: '{what}: 기준값의 순서가 맞지 않습니다 ({detail})', en: '{what}: thresholds out of order ({detail})' },
  RUBRIC_BAND_DIRECTION: {
    ko: '방향이 {direction}인 지표의 구간은 {key} 만 씁니다',
    en: 'bands of a "{direction}" indicator use {key} only',
  },
  RUBRIC_LEVEL_UNSCORED: { ko: '필드 {field}의 값 "{level}"에 점수가 없습니다', en: 'value "{level}" of field {field} has no score' },
  RUBRIC_SHARES_NOT_100: { ko: '등급 비율의 합이 100%가 아니라 {sum}%입니다', en: 'grade shares add up to {sum}%, not 100%' },
  RUBRIC_BAND_BOUND_MISSING: { ko: '등급 {grade}에 {bound} 값이 필요합니다', en: 'grade {grade} needs a {bound}' },
  RUBRIC_BANDS_RANGE: { ko: '등급 {grade}의 경계 {bound}은(는) {expected}이어야 합니다', en: 'grade {grade} bound {bound} should be {expected}' },
  RUBRIC_BANDS_GAP: { ko: '등급 {grade}와 {next} 사이에 빈 구간 {from}–{to}이 있습니다', en: 'gap {from}–{to} between grades {grade} and {next}' },
  RUBRIC_BANDS_OVERLAP: { ko: '등급 {grade}와 {next}의 구간 {from}–{to}이 겹칩니다', en: 'grades {grade} and {next} overlap on {from}–{to}' },
};
