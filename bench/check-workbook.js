// Reads a result workbook back with exceljs's streaming reader (a full XML parse of every sheet) and prints each
// sheet's name, row count and the first cell of its last row: proof that a large streamed workbook is valid and
// complete. Usage: node bench/check-workbook.js <results.xlsx>
import ExcelJS from 'exceljs';

const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], { sharedStrings: 'cache', worksheets: 'emit', styles: 'ignore', hyperlinks: 'ignore' });
for await (const sheet of reader) {
  let rows = 0;
  let last;
  for await (const row of sheet) {
    rows += 1;
    last = row.getCell(1).value;
  }
  console.log(`${sheet.name}\t${rows} rows\tlast row starts ${JSON.stringify(last)}`);
}
