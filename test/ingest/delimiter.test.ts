import { describe, expect, test } from 'vitest';
import { detectDelimiter } from '../../src/ingest/delimiter.js';

describe('detectDelimiter', () => {
  test.each([
    ['comma', '기관코드,기관명,이용자 수\n001,가,10\n002,나,20\n', ','],
    ['semicolon (European Excel)', '기관코드;기관명;이용자 수\n001;가;"1,200"\n002;나;20\n', ';'],
    ['tab (Excel "Unicode text")', '기관코드\t기관명\t이용자 수\n001\t가\t1,200\n002\t나\t2,500\n', '\t'],
    ['commas inside quotes do not count', '"a,b,c",x\n"d,e,f",y\n', ','],
    ['quoted line breaks do not end a record', 'a;b\n"1\n2";3\n4;5\n', ';'],
    ['a title row without delimiters', '2024년 실적\r\n기관코드\t기관명\r\n001\t가\r\n', '\t'],
    ['one column', '기관코드\n001\n002\n', ','],
    ['empty', '', ','],
  ])('%s', (_, text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});
