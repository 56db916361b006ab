import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { Chalk } from 'chalk';
import { problem } from '../core/problems.js';
import { renderProblemsText } from '../report/problems-text.js';
import type { EventLog } from './event-log.js';

/**
 * The word an error line starts with in each language, taken from the problem renderer itself so the two
 * never drift apart; commander's own usage errors start with `error:` and match the English word.
 */
const ERROR_WORDS = (['ko', 'en'] as const).map((lang) => renderProblemsText([problem('PROBE', 'error', {})], lang, new Chalk({ level: 0 })).split(' ')[0]!);

/** True when a diagnostic line reports an error (indented in a report, coloured or not). */
export function isErrorLine(line: string): boolean {
  const plain = stripVTControlCharacters(line).trimStart();
  return ERROR_WORDS.some((word) => plain.startsWith(`${word} `) || plain.startsWith(`${word}:`));
}

/**
 * A stream that passes each written line to `accept`. Commands write whole lines in one write (a rendered
 * problem list, a report), so lines are split per write and nothing waits for a newline that never comes.
 */
function lineStream(accept: (line: string) => void): NodeJS.WritableStream {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      for (const line of text.split('\n')) if (line.trim() !== '') accept(line);
      callback();
    },
  });
}

/** `--quiet`: of the diagnostics on stderr only the error lines get through. */
export function errorLinesOnly(stderr: NodeJS.WritableStream): NodeJS.WritableStream {
  return lineStream((line) => {
    if (isErrorLine(line)) stderr.write(`${line}\n`);
  });
}

/** `--log-format json`: every diagnostic line becomes a `diagnostic` event, so stderr stays one JSON object per line. */
export function diagnosticsAsEvents(log: EventLog): NodeJS.WritableStream {
  return lineStream((line) => log.emit({ event: 'diagnostic', text: stripVTControlCharacters(line) }));
}
