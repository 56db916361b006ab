import { describe, expect, it } from 'vitest';
import { diagnosticsAsEvents, errorLinesOnly, isErrorLine } from '../../src/cli/diagnostic-streams.js';
import { jsonEventLog } from '../../src/cli/event-log.js';
import { LogEventSchema } from '../../src/report/log-events.js';

const collect = () => {
  let text = '';
  return { stream: { write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WritableStream, text: () => text };
};

describe('diagnostic streams', () => {
  it.each([
    ['오류 DATA_HAS_ERRORS: 자료에 오류가 있어', true],
    ['  오류 VALUE_REQUIRED a.csv:3 (2번째 자료)', true],
    ['\x1b[31m오류\x1b[39m CLI_BAD_OPTION: x', true],
    ['error GATE_MAX_ISSUES: 3 problems', true],
    ["error: unknown option '--x'", true],
    ['경고 HEADER_UNKNOWN a.csv: 비고', false],
    ['안내 RUN_JOB_OK: 작업 a (grade) 완료', false],
    ['오류가 없습니다', false],
    ['  a.csv  CSV, UTF-8, 16건', false],
  ])('%j is an error line: %s', (line, expected) => {
    expect(isErrorLine(line)).toBe(expected);
  });

  it('--quiet passes only the error lines of a report', () => {
    const sink = collect();
    const quiet = errorLinesOnly(sink.stream);
    quiet.write('검증 결과\n  경고 HEADER_UNKNOWN x\n  오류 VALUE_REQUIRED y\n\n요약\n');
    quiet.write('error: unknown option\n');
    expect(sink.text()).toBe('  오류 VALUE_REQUIRED y\nerror: unknown option\n');
  });

  it('--log-format json turns each line into a diagnostic event without colour', () => {
    const sink = collect();
    const stream = diagnosticsAsEvents(jsonEventLog(sink.stream, () => new Date(Date.UTC(2025, 0, 2, 3, 4, 5)), 'nightly'));
    stream.write('\x1b[33m경고\x1b[39m X: one\n안내 Y: two\n');
    const events = sink.text().trimEnd().split('\n').map((line) => LogEventSchema.parse(JSON.parse(line)));
    expect(events).toEqual([
      { time: '2025-01-02T03:04:05.000Z', job: 'nightly', event: 'diagnostic', text: '경고 X: one' },
      { time: '2025-01-02T03:04:05.000Z', job: 'nightly', event: 'diagnostic', text: '안내 Y: two' },
    ]);
  });
});
