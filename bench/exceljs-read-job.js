// The reference workbook reader: exceljs's streaming WorkbookReader visits every cell of the first sheet,
// with shared strings resolved, and counts them. Usage: node bench/exceljs-read-job.js <input.xlsx>
import ExcelJS from 'exceljs';

const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], { sharedStrings: 'cache', worksheets: 'emit', styles: 'cache', hyperlinks: 'ignore' });
let cells = 0;
for await (const sheet of reader) {
  for await (const row of sheet) {
    row.eachCell(() => {
      cells += 1;
    });
  }
  break;
}
process.stderr.write(`${cells} cells\n`);
