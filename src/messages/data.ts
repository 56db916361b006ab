import type { Catalogue } from './catalogue.js';

/** Messages for reading and validating input data. */
export const dataMessages: Catalogue = {
  // Files as a whole
  FILE_NOT_FOUND: { ko: '파일이 없습니다. 경로와 파일 이름을 확인하세요', en: 'file not found; check the path and the file name' },
  FILE_IS_DIRECTORY: { ko: '폴더입니다. 폴더 안의 CSV 또는 xlsx 파일을 지정하세요', en: 'this is a folder; name the CSV or xlsx files in it' },
  FILE_UNREADABLE: { ko: '파일을 읽을 수 없습니다 ({detail}). 권한과 파일 상태를 확인하세요', en: 'cannot read the file ({detail}); check its permissions' },
  FILE_EMPTY: { ko: '빈 파일입니다 (0바이트). 내용이 저장된 파일인지 확인하세요', en: 'the file is empty (0 bytes); check that it was saved with its contents' },
  FILE_OLD_XLS: {
    ko: '옛 Excel 97-2003 형식(.xls) 파일입니다. Excel에서 열어 "다른 이름으로 저장 → Excel 통합 문서(*.xlsx)"로 저장한 뒤 다시 실행하세요',
    en: 'this is an old Excel 97-2003 (.xls) workbook; open it in Excel, save it as "Excel Workbook (*.xlsx)" and run again',
  },
  FILE_ENCRYPTED: {
    ko: '암호가 걸린 Excel 파일입니다. Excel에서 암호를 해제하고(파일 → 정보 → 통합 문서 보호) 저장한 뒤 다시 실행하세요',
    en: 'this workbook is password-protected; remove the password in Excel (File → Info → Protect Workbook), save, and run again',
  },
  FILE_HTML_WORKBOOK: {
    ko: 'Excel 파일처럼 보이지만 웹 페이지(HTML)입니다. 시스템에서 내려받은 "엑셀" 파일이 흔히 그렇습니다. Excel에서 열어 .xlsx로 다시 저장하세요',
    en: 'this looks like an Excel file but is a web page (HTML), as "Excel" downloads from web systems often are; open it in Excel and save it as .xlsx',
  },
  FILE_XML_WORKBOOK: {
    ko: 'XML 파일(예: Excel 2003 XML 스프레드시트)입니다. Excel에서 열어 .xlsx로 다시 저장하세요',
    en: 'this is an XML file (such as an Excel 2003 XML spreadsheet); open it in Excel and save it as .xlsx',
  },
  FILE_XLSB: { ko: 'Excel 바이너리 통합 문서(.xlsb)입니다. Excel에서 .xlsx로 다시 저장하세요', en: 'this is an Excel binary workbook (.xlsb); save it as .xlsx in Excel' },
  FILE_ODS: { ko: 'OpenDocument 스프레드시트(.ods)입니다. .xlsx 또는 CSV로 다시 저장하세요', en: 'this is an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV' },
  FILE_NOT_SPREADSHEET: {
    ko: 'CSV나 Excel 파일이 아닙니다 ({kind}). 자료 파일을 지정했는지 확인하세요',
    en: 'this is not a CSV or Excel file ({kind}); check that you named the data file',
  },
  FILE_EXTENSION_MISMATCH: {
    ko: '파일 이름은 {extension}이지만 내용은 {kind}입니다. 내용대로 읽었습니다. 혼동을 막으려면 파일 이름을 바꾸세요',
    en: 'the file is named {extension} but holds {kind}; it was read as {kind}. Rename it to avoid confusion',
  },
  INPUT_FROM_TERMINAL: { ko: '터미널에서 자료를 읽습니다. 입력을 마치려면 Ctrl-D 를 누르세요', en: 'reading data from the terminal; press Ctrl-D to end' },
  STDIN_REPEATED: { ko: '표준 입력(-)은 한 번만 읽을 수 있습니다', en: 'standard input (-) can be read only once' },
  ENCODING_UNDETECTED: {
    ko: '문자 인코딩을 알 수 없습니다 (UTF-8도 CP949도 아닙니다). --encoding 으로 지정하세요. 예: --encoding utf-16le, --encoding cp949',
    en: 'cannot tell the text encoding (neither UTF-8 nor CP949); name it with --encoding, e.g. --encoding utf-16le or --encoding cp949',
  },
  ENCODING_UNKNOWN: {
    ko: '인코딩 "{encoding}"을(를) 알 수 없습니다. 예: utf-8, cp949, euc-kr, utf-16le',
    en: 'unknown encoding "{encoding}"; for example utf-8, cp949, euc-kr, utf-16le',
  },
  XLSX_TOO_LARGE: {
    ko: '통합 문서의 압축을 풀면 {size}MB로 한도 {limit}MB를 넘습니다. 필요한 시트만 CSV로 저장해 읽으세요',
    en: 'the workbook expands to {size} MB, over the {limit} MB limit; save the sheet you need as CSV and read that',
  },
  XLSX_UNREADABLE: {
    ko: 'Excel 파일이 손상되어 읽을 수 없습니다 ({detail}). Excel에서 열어 다시 저장해 보세요',
    en: 'the workbook is damaged and cannot be read ({detail}); try opening it in Excel and saving it again',
  },
  SHEET_NOT_FOUND: { ko: '시트 "{sheet}"이(가) 없습니다. 있는 시트: {sheets}', en: 'no sheet "{sheet}"; the sheets are: {sheets}' },
  WORKBOOK_EMPTY: { ko: '통합 문서의 어느 시트에도 자료가 없습니다 (시트: {sheets})', en: 'no sheet of the workbook holds data (sheets: {sheets})' },

  // CSV structure
  CSV_UNCLOSED_QUOTE: {
    ko: '이 줄에서 시작한 큰따옴표(")가 닫히지 않아 이후 내용을 읽지 않았습니다. 따옴표를 닫거나 지우세요',
    en: 'a double quote (") opened on this line is never closed, so the rest of the file was not read; close or remove it',
  },
  CSV_RECORD_TOO_LARGE: {
    ko: '이 줄에서 시작한 행이 {limit}글자를 넘어 이후 내용을 읽지 않았습니다. 닫히지 않은 따옴표가 있는지 확인하세요',
    en: 'the record starting on this line is longer than {limit} characters, so the rest was not read; look for an unclosed quote',
  },
  CSV_MALFORMED: { ko: 'CSV 형식 오류({detail})로 이후 내용을 읽지 않았습니다', en: 'malformed CSV ({detail}); the rest of the file was not read' },
  ROW_TOO_FEW_CELLS: {
    ko: '이 행의 칸 수({actual})가 제목 행({expected})보다 적습니다. 구분 기호나 줄바꿈이 빠지거나 더해지지 않았는지 확인하세요',
    en: 'this row has {actual} cells but the header has {expected}; look for a missing delimiter or a stray line break',
  },
  ROW_TOO_MANY_CELLS: {
    ko: '이 행의 칸 수({actual})가 제목 행({expected})보다 많습니다. 값 안의 쉼표는 큰따옴표로 감싸야 합니다',
    en: 'this row has {actual} cells but the header has {expected}; a comma inside a value must be quoted',
  },

  // Header row and layout
  HEADER_NOT_FOUND: {
    ko: '처음 {rows}행 안에서 제목 행을 찾지 못했습니다. 평가 기준의 필드 이름(예: {expected})으로 된 제목 행이 필요합니다',
    en: 'no header row in the first {rows} rows; a header naming the rubric fields (such as {expected}) is needed',
  },
  HEADER_MISSING_REQUIRED: {
    ko: '필수 열 {count}개가 없습니다: {columns}. 제목을 평가 기준의 이름대로 고치세요',
    en: '{count} required columns are missing: {columns}; name them as the rubric does',
  },
  HEADER_OPTIONAL_MISSING: { ko: '선택 열이 없어 값이 비어 있는 것으로 봅니다: {columns}', en: 'optional columns not found, read as blank: {columns}' },
  HEADER_DUPLICATE: {
    ko: '같은 필드의 열이 {first}열("{firstHeader}")에도 있어 어느 쪽을 쓸지 알 수 없습니다. 하나만 남기세요',
    en: 'column {first} ("{firstHeader}") already holds this field, so which one is meant cannot be known; keep one',
  },
  HEADER_UNKNOWN: { ko: '평가 기준에 없는 열이라 읽지 않았습니다', en: 'a column the rubric does not know; it was not read' },
  COLUMN_WITHOUT_HEADER: { ko: '제목이 없는 열에 값이 있어 읽지 않았습니다. 제목을 붙이거나 값을 지우세요', en: 'a column with no header holds values; they were not read. Add a header or clear them' },
  ROW_REPEATED_HEADER: { ko: '제목 행이 반복되어 건너뛰었습니다', en: 'a repeated header row was skipped' },
  ROWS_AFTER_BLANK: {
    ko: '빈 행 뒤에 있는 {count}행은 자료가 끝난 뒤로 보고 읽지 않았습니다. 자료라면 중간의 빈 행을 지우세요',
    en: '{count} rows after a blank row were taken to be below the data and not read; if they are data, delete the blank row',
  },
  TABLE_NO_RECORDS: { ko: '제목 행 아래에 자료가 없습니다', en: 'there are no data rows below the header' },
  LONG_UNKNOWN_ITEM: {
    ko: '평가 기준에 없는 지표 또는 필드입니다. 지표 id, 필드 id 또는 이름을 쓰세요',
    en: 'an indicator or field the rubric does not know; use an indicator id, a field id or its name',
  },
  LONG_CONFLICT: {
    ko: '같은 기관의 같은 항목이 {firstLine}행에서 "{firstValue}"(으)로 이미 주어졌습니다. 하나로 맞추세요',
    en: 'this institution already has "{firstValue}" for this item on line {firstLine}; keep one value',
  },

  // Identifiers and records
  ID_MISSING: { ko: '기관 식별자가 비어 있어 이 행을 읽지 않았습니다', en: 'the institution id is blank, so this row was not read' },
  ID_NOT_TEXT: { ko: '식별자로 쓸 수 없는 값입니다. 식별자는 글자로 적으세요 (예: 00123)', en: 'not usable as an id; write ids as text (e.g. 00123)' },
  ID_DUPLICATE: {
    ko: '같은 기관 식별자가 {firstFile} {firstLine}행에도 있습니다. 두 행 모두 평가하지 않습니다',
    en: 'the same institution id is also on {firstFile} line {firstLine}; neither row is graded',
  },

  // Cell values
  CELL_ERROR_VALUE: { ko: '셀에 Excel 오류 값이 있습니다. 수식이나 원본 값을 고치세요', en: 'the cell holds an Excel error value; fix the formula or its inputs' },
  CELL_FORMULA_NO_RESULT: {
    ko: '수식의 계산 결과가 저장되어 있지 않습니다. Excel에서 파일을 열어 다시 계산(F9)한 뒤 저장하세요',
    en: 'the formula has no saved result; open the file in Excel, recalculate (F9) and save',
  },
  CELL_UNSUPPORTED: { ko: '읽을 수 없는 종류의 셀입니다. 값을 직접 입력하세요', en: 'a kind of cell that cannot be read; type the value in' },
  CELL_UNDECODABLE: {
    ko: '글자가 깨져 있습니다 (인코딩이 맞지 않음). 알맞은 --encoding 을 지정하거나 파일을 UTF-8로 저장하세요',
    en: 'the text is garbled (wrong encoding); give the right --encoding or save the file as UTF-8',
  },
  NUMBER_INVALID: { ko: '숫자가 아닙니다. 예: 1234, 1,234, -5, 0.5', en: 'not a number; e.g. 1234, 1,234, -5, 0.5' },
  NUMBER_HAS_UNIT: { ko: '숫자 뒤에 단위 "{unit}"이(가) 붙어 있습니다. 숫자만 적으세요', en: 'the number carries the unit "{unit}"; write the number alone' },
  NUMBER_PERCENT_SIGN: { ko: '백분율 필드가 아니라 %를 붙일 수 없습니다. 숫자만 적으세요', en: 'this field is not a percent, so % is not allowed; write the number alone' },
  NUMBER_BAD_COMMA: {
    ko: '쉼표는 천 단위 구분(1,234)에만 씁니다. 소수점은 마침표(1.23)로 적으세요',
    en: 'commas only separate thousands (1,234); write decimals with a point (1.23)',
  },
  INTEGER_NOT_WHOLE: { ko: '정수여야 합니다 (소수 불가)', en: 'must be a whole number' },
  DATE_INVALID: {
    ko: '날짜가 아닙니다. 예: 2024-09-05, 2024.09.05, 2024/9/5, 2024년 9월 5일',
    en: 'not a date; e.g. 2024-09-05, 2024.09.05, 2024/9/5, 2024년 9월 5일',
  },
  DATE_IMPOSSIBLE: { ko: '달력에 없는 날짜입니다', en: 'no such day in the calendar' },
  BOOLEAN_INVALID: { ko: '예/아니오 값이 아닙니다. 예: 예/아니오, Y/N, O/X, 1/0', en: 'not a yes/no value; e.g. 예/아니오, Y/N, O/X, 1/0' },
  VALUE_NOT_ALLOWED: { ko: '허용된 값이 아닙니다. 쓸 수 있는 값: {allowed}', en: 'not an allowed value; allowed: {allowed}' },
  VALUE_BELOW_MIN: { ko: '최솟값 {min}보다 작습니다', en: 'below the minimum of {min}' },
  VALUE_ABOVE_MAX: { ko: '최댓값 {max}보다 큽니다', en: 'above the maximum of {max}' },
  VALUE_REQUIRED: { ko: '필수 값({label})이 비어 있습니다', en: 'a required value ({label}) is blank' },

  // Rubric checks over a record
  CHECK_FAILED: { ko: '{messageKo} (검사 {check}: {values})', en: '{messageEn} (check {check}: {values})' },
  CHECK_DIVISION_BY_ZERO: { ko: '검사 {check}에서 0으로 나누게 되어 확인하지 못했습니다', en: 'check {check} divides by zero, so it could not be made' },
  CHECK_NOT_EVALUATED: { ko: '검사 {check}를 계산할 수 없습니다: {detail}', en: 'check {check} could not be evaluated: {detail}' },
  INDICATOR_VALUE_MISSING: {
    ko: '지표 {indicator}({labelKo})는 값이 없으면 평가할 수 없습니다. 비어 있는 필드: {fields}',
    en: 'indicator {indicator} ({labelEn}) cannot be scored without a value; blank fields: {fields}',
  },
  INDICATOR_DIVISION_BY_ZERO: {
    ko: '지표 {indicator}({labelKo})의 값 {formula}이(가) 0으로 나누게 되어 평가할 수 없습니다. 분모 값을 확인하세요',
    en: 'indicator {indicator} ({labelEn}): {formula} divides by zero, so it cannot be scored; check the denominator',
  },
  INDICATOR_NOT_COMPUTABLE: {
    ko: '지표 {indicator}({labelKo})의 값 {formula}을(를) 계산할 수 없습니다: {detail}',
    en: 'indicator {indicator} ({labelEn}): {formula} cannot be computed: {detail}',
  },

  // The validation report
  VALIDATE_TITLE: { ko: '자료 검증 — 평가 기준 {rubric} {version}, 기준일 {asOf}', en: 'Validation — rubric {rubric} {version}, as of {asOf}' },
  VALIDATE_INPUT_CSV: {
    ko: '{path}: CSV ({encoding}, 구분 기호 {delimiter}), 기관 {records}곳',
    en: '{path}: CSV ({encoding}, {delimiter}-separated), {records} institutions',
  },
  VALIDATE_INPUT_XLSX: { ko: '{path}: Excel 시트 "{sheet}", 기관 {records}곳', en: '{path}: Excel sheet "{sheet}", {records} institutions' },
  VALIDATE_DELIMITER_COMMA: { ko: '쉼표', en: 'comma' },
  VALIDATE_DELIMITER_TAB: { ko: '탭', en: 'tab' },
  VALIDATE_DELIMITER_SEMICOLON: { ko: '세미콜론', en: 'semicolon' },
  VALIDATE_NO_FILE: { ko: '(파일 전체)', en: '(general)' },
  VALIDATE_NO_PROBLEMS: { ko: '문제가 없습니다.', en: 'No problems found.' },
  VALIDATE_SUMMARY: {
    ko: '요약: 오류 {errors}건, 경고 {warnings}건, 안내 {infos}건 · 기관 {records}곳을 읽었고 그중 {invalid}곳에 오류가 있습니다',
    en: 'Summary: errors {errors}, warnings {warnings}, notes {infos} · institutions read {records}, with errors {invalid}',
  },
  VALIDATE_COLUMN_CODE: { ko: '코드', en: 'Code' },
  VALIDATE_COLUMN_COUNT: { ko: '건수', en: 'Count' },
  VALIDATE_TRUNCATED: {
    ko: '오류 {limit}건에서 목록을 멈췄습니다 ({listed}건 표시). 모두 오류 {errors}건, 경고 {warnings}건을 찾았습니다. 전부 보려면 --max-errors 0 을 쓰세요',
    en: 'stopped listing after {limit} errors ({listed} shown); saw {errors} errors and {warnings} warnings in all. Use --max-errors 0 to list them all',
  },
  VALIDATE_VALID: { ko: '결과: 자료가 유효합니다.', en: 'Result: the data is valid.' },
  VALIDATE_INVALID: { ko: '결과: 오류가 있습니다. 표시된 위치의 값을 고친 뒤 다시 실행하세요.', en: 'Result: the data has errors; fix the cells shown and run again.' },
  VALIDATE_INVALID_STRICT: { ko: '결과: 경고가 있어 통과하지 못했습니다 (--strict).', en: 'Result: warnings fail the data under --strict.' },
  VALIDATE_SEVERITY_ERROR: { ko: '오류', en: 'error' },
  VALIDATE_SEVERITY_WARNING: { ko: '경고', en: 'warning' },
  VALIDATE_SEVERITY_INFO: { ko: '안내', en: 'info' },
  VALIDATE_CSV_SEVERITY: { ko: '구분', en: 'Severity' },
  VALIDATE_CSV_CODE: { ko: '코드', en: 'Code' },
  VALIDATE_CSV_FILE: { ko: '파일', en: 'File' },
  VALIDATE_CSV_SHEET: { ko: '시트', en: 'Sheet' },
  VALIDATE_CSV_LINE: { ko: '줄', en: 'Line' },
  VALIDATE_CSV_ROW: { ko: '자료 행', en: 'Data row' },
  VALIDATE_CSV_COLUMN: { ko: '열', en: 'Column' },
  VALIDATE_CSV_HEADER: { ko: '열 제목', en: 'Header' },
  VALIDATE_CSV_FIELD: { ko: '필드', en: 'Field' },
  VALIDATE_CSV_INSTITUTION: { ko: '기관', en: 'Institution' },
  VALIDATE_CSV_VALUE: { ko: '값', en: 'Value' },
  VALIDATE_CSV_MESSAGE: { ko: '내용', en: 'Message' },
  VALIDATE_CSV_WHERE: { ko: '위치', en: 'Where' },
};
