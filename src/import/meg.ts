// `import meg`: the sheets of Microsoft's Migration Execution Guide (MEG v0.97) workbook that
// hold the backlog — `Digital Estate` (a workload a row), `Workload` (a machine a row, with its
// workload) and `Risk Register` — by the column names of the template. The template's columns
// the backlog has no field for are left out, and listed; `--map` keeps any of them.
import { importTable, type ColumnTable } from './table-import.js';
import { headerKey } from './csv-table.js';
import { placeOf, type Sheet } from './sheet.js';
import type { ImportContext, SheetImport } from './types.js';
import { osFamily } from './values.js';
import { UsageError } from '../errors.js';

const DIGITAL_ESTATE: ColumnTable = {
  collection: 'workloads',
  strict: false,
  idFrom: 'name',
  columns: {
    'Data Centre': 'datacenter',
    Workload: 'name',
    SLA: 'sla',
    Description: 'description',
    'Revenue Impacting': 'revenue_impacting',
    Users: 'users',
    'Business Unit': 'business_unit',
    'Business Owner': 'owner',
    'Technical Owner': 'technical_owner',
    Environment: 'environment',
    'App Type': 'app_type',
    'Business Criticality': 'criticality',
    'Milestone Date': 'milestone',
    Priority: 'priority',
    Rationalization: 'strategy',
    'On-premises Cost': 'costs.on_prem_monthly',
    'Cloud Cost': 'costs.cloud_monthly',
    'Migration Cost': 'costs.migration_one_off',
  },
  synonyms: { app_type: { 'commercial-off-the-shelf-(cots)': 'cots' } },
};

const WORKLOAD: ColumnTable = {
  collection: 'servers',
  strict: false,
  idFrom: 'hostname',
  columns: {
    Machine: 'hostname',
    Workload: 'workloads',
    Environment: 'environment',
    Platform: 'platform',
    'Operating System': 'os',
    Role: 'role',
    'Capacity: Cores': 'cores',
    'Capacity: Memory': 'memory_gb',
    'Capacity: Disk': 'disk_gb',
    'Selected Azure VM Size': 'target_size',
  },
  names: { workloads: 'workloads' },
  synonyms: { platform: { 'physical-or-other-cloud': 'physical', 'vmware-agentless': 'vmware', 'vmware-agent-based': 'vmware', 'hyper-v-agentless': 'hyper-v', avs: 'vmware' } },
  derive: (fields) => {
    if (typeof fields.os === 'string' && fields.os_family === undefined) fields.os_family = osFamily(fields.os);
  },
};

const RISK_REGISTER: ColumnTable = {
  collection: 'risks',
  strict: false,
  columns: { Id: 'id', Risk: 'title', Workload: 'workloads', Status: 'status', Category: 'category', Severity: 'severity', 'Business Owner': 'owner', Mitigation: 'mitigation' },
  names: { workloads: 'workloads' },
  synonyms: { status: { resolved: 'closed', 'in-progress': 'mitigating' } },
};

const SHEETS: ReadonlyArray<{ name: string; table: ColumnTable; tellingColumns: string[] }> = [
  { name: 'Digital Estate', table: DIGITAL_ESTATE, tellingColumns: ['Workload', 'Rationalization'] },
  { name: 'Workload', table: WORKLOAD, tellingColumns: ['Machine', 'Workload'] },
  { name: 'Risk Register', table: RISK_REGISTER, tellingColumns: ['Risk', 'Mitigation'] },
];

/** The MEG workbook's sheet names, as `8. Digital Estate` or without the number. */
const MEG_SHEETS = SHEETS.map((sheet) => sheet.name);

export function importMeg(sheet: Sheet, context: ImportContext): SheetImport {
  const known = megSheetOf(sheet);
  if (!known) {
    throw new UsageError(`${placeOf(sheet)} is none of the MEG sheets this import reads (${MEG_SHEETS.join(', ')})`, 'name the sheet with --sheet, or map its columns and import it with `import csv`');
  }
  return importTable(sheet, known.table, context);
}

/** Whether a workbook's sheet is one of the MEG sheets this import reads. */
export function isMegSheet(sheet: Sheet): boolean {
  return megSheetNamed(sheet.name ?? '') !== undefined;
}

function megSheetNamed(name: string) {
  const bare = headerKey(name.replace(/^\d+\.\s*/, ''));
  return SHEETS.find((known) => headerKey(known.name) === bare);
}

/** A MEG sheet by its name (`8. Workload`), else by the columns that tell it. */
function megSheetOf(sheet: Sheet) {
  const named = megSheetNamed(sheet.name ?? '');
  if (named) return named;
  const header = new Set(sheet.header.map(headerKey));
  return SHEETS.find((known) => known.tellingColumns.every((column) => header.has(headerKey(column))));
}
