import type { Catalogue } from './catalogue.js';

/** Messages of the rubric tools (`sseval rubric …`) and input templates (`sseval template`). */
export const lintMessages: Catalogue = {
  RUBRIC_UNUSED_FIELD: {
    ko: '필드 "{id}"를 어떤 지표·제한 규칙·점검·비교 집단도 쓰지 않습니다 (--group-by 나 기록용이라면 괜찮습니다)',
    en: 'field "{id}" is used by no indicator, limiter, check or peer group (fine if it is only for --group-by or the record)',
  },
  RUBRIC_LABEL_NO_EN: { ko: '"{ko}"에 영어 이름(en)이 없습니다', en: '"{ko}" has no English label (en)' },
  RUBRIC_LEVEL_NOT_ALLOWED: {
    ko: '수준 "{level}"은(는) 필드 {field}의 허용 값이 아니어서 쓰이지 않습니다',
    en: 'level "{level}" is not an allowed value of field {field}, so it never applies',
  },
  RUBRIC_LEVEL_NO_VALUES: {
    ko: '수준(level) 필드 "{id}"에 허용 값(values)이 없습니다',
    en: 'level field "{id}" lists no allowed values',
  },
  RUBRIC_DIR_NOT_FOUND: { ko: '평가 기준 폴더 {dir}이(가) 없습니다', en: 'rubric folder {dir} does not exist' },
  TEMPLATE_NEEDS_OUT: {
    ko: 'xlsx 서식은 --out 파일로만 씁니다 (예: --out input.xlsx)',
    en: 'an xlsx template is written to a file only: add --out, e.g. --out input.xlsx',
  },
};
