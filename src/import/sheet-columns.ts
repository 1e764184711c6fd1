// The columns of a flat sheet (MEG style) for each collection: every field of the schema, a
// nested mapping's fields as their own columns, with the names spreadsheets use. Export writes
// these; `import csv` reads them back, or plain field names.
import { COLLECTION_KINDS, type CollectionName } from '../../schemas/vocabulary.js';
import { Metric } from '../../schemas/outcome.js';
import { fieldTable } from '../query/field-table.js';

export interface SheetColumn {
  /** `owner`, or `target.region`. */
  path: string[];
  label: string;
}

const LABELS: Record<string, string> = {
  owner: 'Business Owner',
  technical_owner: 'Technical Owner',
  depends_on: 'Dependencies',
  drivers: 'Business Drivers',
  outcomes: 'Business Outcomes',
  strategy: 'Migration Strategy',
  os: 'Operating System',
  os_family: 'OS Family',
  ips: 'IP Addresses',
  memory_gb: 'Memory (GB)',
  disk_gb: 'Disk (GB)',
  sla: 'SLA',
  app_type: 'App Type',
  target_size: 'Target Size',
  max_servers: 'Max Servers',
  review_by: 'Review By',
  applies_to: 'Applies To',
  'costs.on_prem_monthly': 'On-Premises Monthly Cost',
  'costs.cloud_monthly': 'Cloud Monthly Cost',
  'costs.migration_one_off': 'One-Off Migration Cost',
  'costs.currency': 'Cost Currency',
};

const KIND_LABEL: Partial<Record<CollectionName, string>> = { workloads: 'Workload', servers: 'Machine', waves: 'Wave' };

export function sheetColumns(collection: CollectionName): SheetColumn[] {
  const kindLabel = KIND_LABEL[collection] ?? titleCase(COLLECTION_KINDS[collection]);
  const columns: SheetColumn[] = [];
  for (const { field, inner } of fieldTable(collection)) {
    // A list of mappings (an outcome's metrics) does not flatten into one row.
    if (field === 'metrics') continue;
    if (inner.length > 0) {
      for (const name of inner) columns.push({ path: [field, name], label: LABELS[`${field}.${name}`] ?? `${titleCase(field)} ${titleCase(name)}` });
      continue;
    }
    const label = field === 'id' ? `${kindLabel} ID` : field === 'name' && collection === 'workloads' ? 'Workload' : (LABELS[field] ?? titleCase(field));
    columns.push({ path: [field], label });
  }
  return columns;
}

/**
 * The columns of the metrics sheet: an outcome's metrics do not flatten into its row, so they
 * have a sheet of their own, one metric a row, after the id of the outcome it belongs to.
 */
export function metricColumns(): SheetColumn[] {
  const fields = Object.keys(Metric.shape);
  return [{ path: ['outcome'], label: 'Outcome ID' }, ...fields.map((field) => ({ path: [field], label: field === 'id' ? 'Metric ID' : titleCase(field) }))];
}

function titleCase(name: string): string {
  return name
    .split(/[_\s-]+/)
    .map((word) => (word === 'id' ? 'ID' : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}
