// `import rvtools`: the vInfo sheet of an RVTools export, as CSV (`VM`, `Powerstate`, `CPUs`,
// `Memory`, `Primary IP Address`, `Provisioned MiB` (older: `MB`), `OS according to ...`).
import { findColumn, readCsv, requireColumn } from './csv-table.js';
import { skip, type ImportResult } from './types.js';
import { idFromName, ipAddresses, numberOf, osFamily, roundTo } from './values.js';

export function importRvtools(text: string, file: string): ImportResult {
  const table = readCsv(text, file);
  const vm = requireColumn(table, ['VM'], file);
  const cpus = requireColumn(table, ['CPUs'], file);
  const memory = requireColumn(table, ['Memory'], file);
  const ip = findColumn(table, ['Primary IP Address']);
  const dns = findColumn(table, ['DNS Name']);
  const provisioned = findColumn(table, ['Provisioned MiB', 'Provisioned MB']);
  const os = findColumn(table, ['OS according to the configuration file', 'OS according to the VMware Tools', 'OS']);
  const template = findColumn(table, ['Template']);
  const placeholder = findColumn(table, ['SRM Placeholder']);

  const result: ImportResult = { collection: 'servers', entities: [], rowsRead: table.rows.length, skipped: new Map() };
  for (const row of table.rows) {
    const cell = (index: number | undefined) => (index === undefined ? '' : (row.cells[index] ?? ''));
    if (cell(template).toLowerCase() === 'true') {
      skip(result, 'a VM template');
      continue;
    }
    if (cell(placeholder).toLowerCase() === 'true') {
      skip(result, 'an SRM placeholder');
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
    const cores = numberOf(cell(cpus));
    if (cores !== undefined) fields.cores = Math.round(cores);
    const mebibytes = numberOf(cell(memory));
    if (mebibytes !== undefined) fields.memory_gb = roundTo(mebibytes / 1024, 1);
    const disk = numberOf(cell(provisioned));
    if (disk !== undefined) fields.disk_gb = roundTo(disk / 1024, 1);
    const addresses = ipAddresses(cell(ip));
    if (addresses.length > 0) fields.ips = addresses;
    if (cell(os)) {
      fields.os = cell(os);
      fields.os_family = osFamily(cell(os));
    }
    result.entities.push({ id, fields });
  }
  return result;
}
