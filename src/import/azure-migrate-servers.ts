// `import azure-migrate-servers`: the Azure Migrate CSV import template, discovered servers, and
// the machine sheets of Azure Migrate Export's reports (`*Server name` or `Machine Name`, `IP
// addresses`, `*Cores`, `*Memory (In MB)`, `*OS name`, ...; readiness and the recommended size
// where an assessment gives them). The columns it has no field for are listed as left out.
import { findColumn, requireColumn } from './csv-table.js';
import { cellText, type Sheet } from './sheet.js';
import { columnsNotRead, columnsOf, emptyResult, numberCell, skip, typedCell, type ImportContext, type SheetImport } from './types.js';
import { idFromName, ipAddresses, osFamily, roundTo } from './values.js';

const PLATFORMS: Record<string, string> = { physical: 'physical', vmware: 'vmware', 'hyper-v': 'hyper-v', hyperv: 'hyper-v', aws: 'aws', gcp: 'gcp', azure: 'azure' };
const READINESS: Record<string, string> = { ready: 'ready', readywithconditions: 'conditionally-ready', conditionallyready: 'conditionally-ready', notready: 'not-ready', readinessunknown: 'unknown', unknown: 'unknown' };

export function importAzureMigrateServers(sheet: Sheet, context: ImportContext): SheetImport {
  const name = requireColumn(sheet, ['Server name', 'Machine name', 'Name']);
  const cores = requireColumn(sheet, ['Cores', 'Number of cores', 'CPU cores']);
  const memory = requireColumn(sheet, ['Memory (In MB)', 'Memory (MB)', 'Memory in MB']);
  const osName = requireColumn(sheet, ['OS name', 'Operating system']);
  const osVersion = findColumn(sheet, ['OS version', 'Operating System Version']);
  const ips = findColumn(sheet, ['IP addresses', 'IP address']);
  const type = findColumn(sheet, ['Server type', 'Hypervisor']);
  const storage = findColumn(sheet, ['Storage in use (In GB)', 'Total Storage In Use (in GB)', 'Total storage (in GB)', 'Storage (in GB)']);
  const readiness = findColumn(sheet, ['Azure VM Readiness']);
  const size = findColumn(sheet, ['Recommended VM Size']);
  // The discovery report's tag (`Dev`, `Prod`): the backlog's environments, as other sources write them.
  const environment = findColumn(sheet, ['Environment']);
  const disks = sheet.header.map((header, i) => (/^\*?disk \d+ size \(in gb\)$/i.test(header) ? i : -1)).filter((i) => i !== -1);

  const result = emptyResult('servers', sheet.rows.length);
  const problems: SheetImport['problems'] = [];
  const columns = columnsOf({ id: name, hostname: name, ips, cores, memory_gb: memory, disk_gb: storage, os: osName, os_family: osName, platform: type, readiness, target_size: size, environment });
  for (const row of sheet.rows) {
    const cell = (index: number | undefined) => (index === undefined ? '' : cellText(row.cells[index]));
    const id = idFromName(cell(name));
    if (!id) {
      skip(result, 'no server name');
      continue;
    }
    const fields: Record<string, unknown> = {};
    if (id !== cell(name)) fields.hostname = cell(name);
    const addresses = ipAddresses(cell(ips));
    if (addresses.length > 0) fields.ips = addresses;
    const coreCount = numberCell(sheet, row, cores, 'cores', problems);
    if (coreCount !== undefined) fields.cores = Math.round(coreCount);
    const megabytes = numberCell(sheet, row, memory, 'memory_gb', problems);
    if (megabytes !== undefined) fields.memory_gb = roundTo(megabytes / 1024, 1);
    const diskTotal = disks.reduce((sum, i) => sum + (numberCell(sheet, row, i, 'disk_gb', problems) ?? 0), 0);
    const disk = diskTotal > 0 ? diskTotal : numberCell(sheet, row, storage, 'disk_gb', problems);
    if (disk !== undefined) fields.disk_gb = roundTo(disk, 1);
    const os = [cell(osName), cell(osVersion)].filter((part, i, parts) => part !== '' && (i === 0 || !parts[0]!.includes(part))).join(' ');
    if (os !== '') {
      fields.os = os;
      fields.os_family = osFamily(os);
    }
    const platform = PLATFORMS[cell(type).toLowerCase().replace(/\s+/g, '')];
    if (platform) fields.platform = platform;
    const ready = READINESS[cell(readiness).toLowerCase().replace(/[^a-z]/g, '')];
    if (ready) fields.readiness = ready;
    if (cell(size) !== '') fields.target_size = cell(size);
    const tag = typedCell(cell(environment).trim(), { sheet, row, column: environment }, 'servers', 'environment', context, problems);
    if (tag !== undefined) fields.environment = tag;
    result.entities.push({ id, fields, origin: { sheet, row: row.number, columns } });
  }
  const leftOut = columnsNotRead(sheet, [name, cores, memory, osName, osVersion, ips, type, storage, readiness, size, environment, ...disks]);
  return { sheet, results: [result], problems, leftOut };
}
