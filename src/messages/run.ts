import type { Catalogue } from './catalogue.js';

/** Messages for batch runs: configuration files, jobs, gates and interrupts. */
export const runMessages: Catalogue = {
  CONFIG_NOT_FOUND: {
    ko: '설정 파일 {file}이(가) 없습니다. --config 로 경로를 주세요',
    en: 'configuration file {file} not found; give its path with --config',
  },
  CONFIG_UNREADABLE: { ko: '설정 파일 {file}을(를) 읽을 수 없습니다 ({detail})', en: 'cannot read configuration file {file} ({detail})' },
  CONFIG_SYNTAX: { ko: '설정 파일의 YAML/JSON 문법 오류: {detail}', en: 'configuration is not valid YAML/JSON: {detail}' },
  CONFIG_RUBRIC_DIRS: { ko: '설정 파일 {file}의 rubric-dirs 는 폴더 이름의 목록이어야 합니다', en: 'rubric-dirs in {file} must be a list of folder names' },
  CONFIG_SCHEMA: { ko: '설정이 올바르지 않습니다: {detail}', en: 'invalid configuration: {detail}' },
  RUN_UNKNOWN_JOB: { ko: '설정에 작업 "{job}"이(가) 없습니다. 있는 작업: {known}', en: 'no job "{job}" in the configuration; jobs: {known}' },
  RUN_NO_MATCH: {
    ko: '입력 패턴 "{pattern}"에 맞는 파일이 없습니다 (기준 폴더 {dir})',
    en: 'input pattern "{pattern}" matches no file (in {dir})',
  },
  RUN_JOB_OK: { ko: '작업 {job} ({command}) 완료: 종료 코드 0{outputs}', en: 'job {job} ({command}) done: exit code 0{outputs}' },
  RUN_JOB_FAILED: {
    ko: '작업 {job} ({command}) 실패: 종료 코드 {exitCode} ({meaning})',
    en: 'job {job} ({command}) failed: exit code {exitCode} ({meaning})',
  },
  RUN_SUMMARY: {
    ko: '작업 {total}개 중 성공 {ok}개, 실패 {failed}개; 종료 코드 {exitCode}',
    en: '{total} jobs: {ok} succeeded, {failed} failed; exit code {exitCode}',
  },
  RUN_OUTPUTS: { ko: ', 출력 {files}', en: ', wrote {files}' },
  EXIT_MEANING_1: { ko: '자료 오류 또는 기준 미달', en: 'data errors or a gate failed' },
  EXIT_MEANING_2: { ko: '사용법·설정 오류', en: 'usage or configuration error' },
  EXIT_MEANING_3: { ko: '내부 오류', en: 'internal error' },
  GATE_FAIL_UNDER: {
    ko: '{count}곳이 {grade} 등급보다 낮습니다 (--fail-under {grade}): {ids}',
    en: '{count} institutions graded below {grade} (--fail-under {grade}): {ids}',
  },
  GATE_MAX_ISSUES: {
    ko: '문제 {count}건(오류 {errors}, 경고 {warnings})이 --max-issues {max}을(를) 넘습니다',
    en: '{count} problems ({errors} errors, {warnings} warnings) exceed --max-issues {max}',
  },
  PROGRESS_READING: { ko: '읽는 중 {file}', en: 'reading {file}' },
  PROGRESS_GRADING: { ko: '{count}곳 평가 중', en: 'grading {count} institutions' },
  PROGRESS_WRITING: { ko: '쓰는 중 {file}', en: 'writing {file}' },
  INTERRUPTED: {
    ko: '{signal} 신호로 중단했습니다. 쓰던 임시 파일을 지웠고 완성되지 않은 출력은 남기지 않았습니다',
    en: 'interrupted by {signal}; temp files removed, no partial output left',
  },
};
