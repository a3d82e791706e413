import ExcelJS from 'exceljs';

/** CSV for Hungarian Excel: UTF-8 with BOM (or accents break), `;` as separator (the decimal comma takes `,`). */
export function toCsv(headings: readonly string[], rows: readonly (readonly string[])[]): Buffer {
  const cell = (v: string): string => (/[";\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [headings, ...rows].map((r) => r.map(cell).join(';'));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

export async function toXlsx(sheet: string, title: string, headings: readonly string[], rows: readonly (readonly string[])[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Kapocs';
  const ws = book.addWorksheet(sheet.slice(0, 31));
  ws.addRow([title]).font = { bold: true, size: 12 };
  const head = ws.addRow([...headings]);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'top' };
  for (const r of rows) ws.addRow([...r]);
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  headings.forEach((h, i) => (ws.getColumn(i + 1).width = Math.min(Math.max(h.length, 10), 40)));
  return Buffer.from(await book.xlsx.writeBuffer());
}
