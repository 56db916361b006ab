import type { Catalogue } from './catalogue.js';

/** Messages for command-line usage and output. */
export const cliMessages: Catalogue = {
  CLI_USAGE: { ko: '{detail}', en: '{detail}' },
  CLI_BAD_DATE: { ko: '{option} 날짜 "{value}"이(가) 올바르지 않습니다 (YYYY-MM-DD)', en: '{option}: "{value}" is not a date (YYYY-MM-DD)' },
  CLI_BAD_OPTION: { ko: '{option} 값 "{value}"이(가) 올바르지 않습니다: {detail}', en: '{option}: "{value}" is not valid: {detail}' },
  CLI_UNKNOWN_GROUP_FIELD: {
    ko: '--group-by 필드 "{field}"가 평가 기준에 없습니다. 쓸 수 있는 필드: {known}',
    en: '--group-by field "{field}" is not in the rubric; fields: {known}',
  },
  OUTPUT_EXISTS: {
    ko: '출력 파일 {file}이(가) 이미 있습니다. 덮어쓰려면 --force 를 붙이세요',
    en: 'output file {file} already exists; add --force to replace it',
  },
  OUTPUT_IS_INPUT: { ko: '출력 파일 {file}은(는) 입력 파일입니다. 입력은 덮어쓰지 않습니다', en: 'output file {file} is an input; inputs are never overwritten' },
  OUTPUT_FAILED: { ko: '출력 파일 {file}을(를) 쓸 수 없습니다 ({detail})', en: 'cannot write output file {file} ({detail})' },
  INTERNAL_ERROR: {
    ko: 'sseval 내부 오류입니다 (버그): {detail}. 이 메시지와 명령을 개발자에게 알려 주세요',
    en: 'internal error in sseval (a bug): {detail}. Please report this message and the command',
  },
  DATA_HAS_ERRORS: {
    ko: '자료에 오류가 있어 평가하지 않았습니다. 오류가 있는 기관을 빼고 평가하려면 --skip-invalid 를 붙이세요',
    en: 'the data has errors, so nothing was graded; add --skip-invalid to grade the valid institutions',
  },
  SKIPPED_INVALID: { ko: '오류가 있는 기관 {count}곳을 빼고 평가했습니다: {ids}', en: 'skipped {count} institutions with errors: {ids}' },
};
