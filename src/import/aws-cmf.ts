// `import aws-cmf`: the intake form of AWS Cloud Migration Factory — one server a row, with its
// application and wave (`wave_id` or `wave_name`, `app_name`, `server_name`, `server_os_family`,
// `server_os_version`, `server_fqdn`, `server_tier`, `server_environment`, `aws_region`,
// `aws_accountid`, `instanceType`, `r_type`, `private_ip`, `tags`). A row gives a server, the
// workload it belongs to (an application) and that workload's wave. The form's AWS target
// settings the backlog has no field for (subnets, security groups, tenancy) are left out.
import type { CollectionName } from '../../schemas/collections.js';
import { splitSheetList } from '../text/sheet-list.js';
import { findColumn, requireColumn } from './csv-table.js';
import { cellText, type Sheet, type SheetRow } from './sheet.js';
import { idOfNamed } from './table-import.js';
import { columnsNotRead, emptyResult, skip, typedCell, type ImportContext, type ImportedEntity, type ImportResult, type SheetImport } from './types.js';
import { ipAddresses, numberOf, osFamily } from './values.js';

/** CMF's migration strategies (the 7 Rs) as the backlog's. */
const STRATEGIES: Record<string, string> = { rehost: 'rehost', relocate: 'rehost', replatform: 'replatform', repurchase: 'replace', refactor: 'refactor', rearchitect: 'rearchitect', retire: 'retire', retain: 'retain', tbc: 'tbd' };

/** The columns read; the rest are listed as left out. */
const READ = ['wave_id', 'wave_name', 'wave_status', 'wave_start_time', 'wave_end_time', 'app_name', 'aws_region', 'aws_accountid', 'server_name', 'server_os_family', 'server_os_version', 'server_fqdn', 'server_tier', 'server_environment', 'instanceType', 'r_type', 'private_ip', 'tags'];

export function importAwsCmf(sheet: Sheet, context: ImportContext): SheetImport {
  const indexes = new Map(READ.map((name) => [name, findColumn(sheet, [name])]));
  const column = (name: string) => indexes.get(name);
  requireColumn(sheet, ['server_name']);
  requireColumn(sheet, ['app_name']);
  const waveId = column('wave_id');
  const waveName = column('wave_name');
  const problems: SheetImport['problems'] = [];
  const waves = emptyResult('waves', sheet.rows.length);
  const workloads = emptyResult('workloads', sheet.rows.length);
  const servers = emptyResult('servers', sheet.rows.length);
  const byKey = { waves: new Map<string, ImportedEntity>(), workloads: new Map<string, ImportedEntity>() };
  let nextOrder = Math.max(0, ...context.backlog.entities.waves.map((wave) => wave.data.order)) + 1;

  for (const row of sheet.rows) {
    const text = (name: string) => {
      const index = column(name);
      return index === undefined ? '' : cellText(row.cells[index]).trim();
    };
    /** A field's value from a column, typed and checked; a wrong one is a problem at its cell. */
    const typed = (collection: CollectionName, field: string, name: string, value: string = text(name)) => typedCell(value, { sheet, row, column: column(name) }, collection, field, context, problems);
    const serverId = idOfNamed('servers', text('server_name'), context);
    if (!serverId) {
      skip(servers, 'no server_name');
      continue;
    }
    const app = text('app_name');
    const workloadId = app ? idOfNamed('workloads', app, context) : undefined;

    const wave = waveOf(row, waveId, waveName, context);
    if (wave && !byKey.waves.has(wave.id.toLowerCase())) {
      const status = text('wave_status');
      const fields = clean({ name: wave.name, status: typed('waves', 'status', 'wave_status', status), start: typed('waves', 'start', 'wave_start_time'), end: typed('waves', 'end', 'wave_end_time') });
      const entity: ImportedEntity = { id: wave.id, fields, initial: { order: wave.order ?? nextOrder++ }, origin: { sheet, row: row.number } };
      byKey.waves.set(wave.id.toLowerCase(), entity);
      waves.entities.push(entity);
    }
    if (workloadId && !byKey.workloads.has(workloadId.toLowerCase())) {
      const strategy = STRATEGIES[text('r_type').toLowerCase()];
      const target = clean({ region: text('aws_region') || undefined, subscription: text('aws_accountid') || undefined });
      const entity: ImportedEntity = {
        id: workloadId,
        fields: clean({ name: app, wave: wave?.id, target: Object.keys(target).length > 0 ? target : undefined }),
        initial: clean({ strategy }),
        origin: { sheet, row: row.number },
      };
      byKey.workloads.set(workloadId.toLowerCase(), entity);
      workloads.entities.push(entity);
    }
    const os = text('server_os_version');
    const fields = clean({
      workloads: workloadId ? [workloadId] : undefined,
      hostname: text('server_fqdn') || (serverId !== text('server_name') ? text('server_name') : undefined),
      role: text('server_tier') || undefined,
      os: os || undefined,
      os_family: typed('servers', 'os_family', 'server_os_family') ?? (os ? osFamily(os) : undefined),
      environment: typed('servers', 'environment', 'server_environment'),
      ips: ipAddresses(text('private_ip')).length > 0 ? ipAddresses(text('private_ip')) : undefined,
      target_size: text('instanceType') || undefined,
      tags: text('tags') ? splitSheetList(text('tags')) : undefined,
    });
    servers.entities.push({ id: serverId, fields, origin: { sheet, row: row.number } });
  }
  const results: ImportResult[] = [waves, workloads, servers].filter((result) => result.entities.length > 0 || result === servers);
  return { sheet, results, problems, leftOut: columnsNotRead(sheet, indexes.values()) };
}

/** The row's wave: `wave_id` 3 is `wave-3` (order 3); a `wave_name` is the wave of that name. */
function waveOf(row: SheetRow, idColumn: number | undefined, nameColumn: number | undefined, context: ImportContext): { id: string; name?: string; order?: number } | undefined {
  const id = idColumn === undefined ? '' : cellText(row.cells[idColumn]).trim();
  const name = nameColumn === undefined ? '' : cellText(row.cells[nameColumn]).trim();
  const number = numberOf(id);
  if (id !== '') {
    const waveId = number !== undefined && Number.isInteger(number) ? `wave-${number}` : id;
    return { id: idOfNamed('waves', waveId, context) ?? waveId, ...(name ? { name } : {}), ...(number !== undefined && Number.isInteger(number) ? { order: number } : {}) };
  }
  if (name === '') return undefined;
  const waveId = idOfNamed('waves', name, context);
  return waveId ? { id: waveId, name } : undefined;
}

function clean(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
