import type ExcelJS from 'exceljs';
import { MAX_COLUMNS } from './limits';
import type { Cell, Sheet } from './table';

/** Every worksheet as rows of text and dates. Text stays text (asset tag 000123 stays 000123). */
export async function readWorkbook(bytes: Uint8Array): Promise<Sheet[]> {
  // Loaded on first use: exceljs is most of the bundle, and the CLI's other commands start faster without it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  await workbook.xlsx.load(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
  );
  return workbook.worksheets.map((worksheet) => {
    const rows: { row: number; cells: Cell[] }[] = [];
    worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: Cell[] = [];
      const width = Math.min(row.cellCount, MAX_COLUMNS);
      for (let column = 1; column <= width; column++) cells.push(cellValue(row.getCell(column)));
      rows.push({ row: rowNumber, cells });
    });
    return { name: worksheet.name, rows, hidden: worksheet.state !== 'visible' };
  });
}

function cellValue(cell: ExcelJS.Cell): Cell {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, cell.numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result instanceof Date) return result;
    if (result === undefined || result === null) return '';
    return typeof result === 'object' ? String((result as { error?: string }).error ?? '') : String(result);
  }
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return cell.text;
}

/** A number shown with leading zeros (format "000000") keeps them, as the person saw it in Excel. */
function numberText(value: number, format: string | undefined): string {
  const zeros = format && /^0+$/.exec(format);
  return zeros ? String(value).padStart(zeros[0].length, '0') : String(value);
}
