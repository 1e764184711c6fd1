// `import rvtools`: the vInfo sheet of an RVTools export, as the workbook RVTools writes or as
// CSV (`VM`, `Powerstate`, `CPUs`, `Memory`, `Primary IP Address`, `Provisioned MiB` (older:
// `MB`), `OS according to ...`). Templates, SRM placeholders and vSphere's own cluster service
// VMs are skipped; the columns it has no field for are listed as left out.
import { findColumn, requireColumn } from './csv-table.js';
import { cellText, type Sheet } from './sheet.js';
import { columnsNotRead, columnsOf, emptyResult, numberCell, skip, type SheetImport } from './types.js';
import { idFromName, ipAddresses, osFamily, roundTo } from './values.js';

export function importRvtools(sheet: Sheet): SheetImport {
  const vm = requireColumn(sheet, ['VM']);
  const cpus = requireColumn(sheet, ['CPUs']);
  const memory = requireColumn(sheet, ['Memory']);
  const ip = findColumn(sheet, ['Primary IP Address']);
  const dns = findColumn(sheet, ['DNS Name']);
  const provisioned = findColumn(sheet, ['Provisioned MiB', 'Provisioned MB']);
  const os = findColumn(sheet, ['OS according to the configuration file', 'OS according to the VMware Tools', 'OS']);
  const template = findColumn(sheet, ['Template']);
  const placeholder = findColumn(sheet, ['SRM Placeholder']);

  const result = emptyResult('servers', sheet.rows.length);
  const problems: SheetImport['problems'] = [];
  const columns = columnsOf({ id: vm, hostname: dns ?? vm, cores: cpus, memory_gb: memory, disk_gb: provisioned, ips: ip, os, os_family: os });
  for (const row of sheet.rows) {
    const cell = (index: number | undefined) => (index === undefined ? '' : cellText(row.cells[index]));
    if (cell(template).toLowerCase() === 'true') {
      skip(result, 'a VM template');
      continue;
    }
    if (cell(placeholder).toLowerCase() === 'true') {
      skip(result, 'an SRM placeholder');
      continue;
    }
    // vSphere runs these agent VMs on each cluster itself (`vCLS (1)`, `vCLS-4c4c…`): nothing to migrate.
    if (/^vCLS\b/i.test(cell(vm).trim())) {
      skip(result, 'a vSphere cluster service VM (vCLS)');
      continue;
    }
    const id = idFromName(cell(vm));
    if (!id) {
      skip(result, 'no VM name');
      continue;
    }
    const fields: Record<string, unknown> = { platform: 'vmware' };
    const hostname = cell(dns) || (id !== cell(vm) ? cell(vm) : '');
    if (hostname) fields.hostname = hostname;
    const cores = numberCell(sheet, row, cpus, 'cores', problems);
    if (cores !== undefined) fields.cores = Math.round(cores);
    const mebibytes = numberCell(sheet, row, memory, 'memory_gb', problems);
    if (mebibytes !== undefined) fields.memory_gb = roundTo(mebibytes / 1024, 1);
    const disk = numberCell(sheet, row, provisioned, 'disk_gb', problems);
    if (disk !== undefined) fields.disk_gb = roundTo(disk / 1024, 1);
    const addresses = ipAddresses(cell(ip));
    if (addresses.length > 0) fields.ips = addresses;
    if (cell(os)) {
      fields.os = cell(os);
      fields.os_family = osFamily(cell(os));
    }
    result.entities.push({ id, fields, origin: { sheet, row: row.number, columns } });
  }
  const leftOut = columnsNotRead(sheet, [vm, cpus, memory, ip, dns, provisioned, os, template, placeholder]);
  return { sheet, results: [result], problems, leftOut };
}
