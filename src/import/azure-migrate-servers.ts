// `import azure-migrate-servers`: the Azure Migrate CSV import template / discovered servers
// (`*Server name`, `IP addresses`, `*Cores`, `*Memory (In MB)`, `*OS name`, ...).
import { findColumn, readCsv, requireColumn } from './csv-table.js';
import { skip, type ImportResult } from './types.js';
import { idFromName, ipAddresses, numberOf, osFamily, roundTo } from './values.js';

const PLATFORMS: Record<string, string> = { physical: 'physical', vmware: 'vmware', 'hyper-v': 'hyper-v', hyperv: 'hyper-v', aws: 'aws', gcp: 'gcp', azure: 'azure' };

export function importAzureMigrateServers(text: string, file: string): ImportResult {
  const table = readCsv(text, file);
  const name = requireColumn(table, ['Server name', 'Machine name', 'Name'], file);
  const cores = requireColumn(table, ['Cores', 'Number of cores', 'CPU cores'], file);
  const memory = requireColumn(table, ['Memory (In MB)', 'Memory (MB)', 'Memory in MB'], file);
  const osName = requireColumn(table, ['OS name', 'Operating system'], file);
  const osVersion = findColumn(table, ['OS version']);
  const ips = findColumn(table, ['IP addresses', 'IP address']);
  const type = findColumn(table, ['Server type', 'Hypervisor']);
  const storage = findColumn(table, ['Storage in use (In GB)', 'Total Storage In Use (in GB)', 'Total storage (in GB)']);
  const disks = table.header.map((header, i) => (/^\*?disk \d+ size \(in gb\)$/i.test(header) ? i : -1)).filter((i) => i !== -1);

  const result: ImportResult = { collection: 'servers', entities: [], rowsRead: table.rows.length, skipped: new Map() };
  for (const row of table.rows) {
    const cell = (index: number | undefined) => (index === undefined ? '' : (row.cells[index] ?? ''));
    const id = idFromName(cell(name));
    if (!id) {
      skip(result, 'no server name');
      continue;
    }
    const fields: Record<string, unknown> = {};
    if (id !== cell(name)) fields.hostname = cell(name);
    const addresses = ipAddresses(cell(ips));
    if (addresses.length > 0) fields.ips = addresses;
    const coreCount = numberOf(cell(cores));
    if (coreCount !== undefined) fields.cores = Math.round(coreCount);
    const megabytes = numberOf(cell(memory));
    if (megabytes !== undefined) fields.memory_gb = roundTo(megabytes / 1024, 1);
    const diskTotal = disks.reduce((sum, i) => sum + (numberOf(cell(i)) ?? 0), 0);
    const disk = diskTotal > 0 ? diskTotal : numberOf(cell(storage));
    if (disk !== undefined) fields.disk_gb = roundTo(disk, 1);
    const os = [cell(osName), cell(osVersion)].filter((part, i, parts) => part !== '' && (i === 0 || !parts[0]!.includes(part))).join(' ');
    if (os !== '') {
      fields.os = os;
      fields.os_family = osFamily(os);
    }
    const platform = PLATFORMS[cell(type).toLowerCase().replace(/\s+/g, '')];
    if (platform) fields.platform = platform;
    result.entities.push({ id, fields });
  }
  return result;
}
