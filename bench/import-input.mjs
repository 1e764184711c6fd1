// The input of the import cases: 20,000 servers (the most Azure Migrate takes in one CSV file)
// in the Azure Migrate import template, as CSV and as an .xlsx workbook, made the same every
// time. None of them is in the estate, so each run adds them all.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const IMPORT_ROWS = 20_000;
const HEADER = ['*Server name', 'IP addresses', '*Cores', '*Memory (In MB)', '*OS name', 'OS version', 'Server type', '*Disk 1 size (In GB)'];

function row(i) {
  const windows = i % 3 !== 0;
  return [`imp-${String(i).padStart(5, '0')}`, `10.${200 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`, 2 ** (1 + (i % 4)), 4096 * (1 + (i % 8)), windows ? 'Microsoft Windows Server 2019 Datacenter' : 'Ubuntu', windows ? '' : '22.04', i % 5 === 0 ? 'Physical' : 'VMware', 64 + (i % 10) * 32];
}

/** The two files under `dir`, written unless there. */
export async function importInputs(dir) {
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, `servers-${IMPORT_ROWS}.csv`);
  const xlsx = join(dir, `servers-${IMPORT_ROWS}.xlsx`);
  const rows = Array.from({ length: IMPORT_ROWS }, (_, i) => row(i));
  if (!existsSync(csv)) writeFileSync(csv, `${[HEADER, ...rows].map((cells) => cells.join(',')).join('\r\n')}\r\n`);
  if (!existsSync(xlsx)) {
    const { Workbook } = await import('@cj-tech-master/excelts');
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Discovery_Report');
    sheet.addRow(HEADER);
    for (const cells of rows) sheet.addRow(cells);
    writeFileSync(xlsx, Buffer.from(await workbook.xlsx.writeBuffer()));
  }
  return { csv, xlsx };
}
