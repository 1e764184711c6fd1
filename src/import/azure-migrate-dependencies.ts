// `import azure-migrate-dependencies`: the agentless dependency export of Azure Migrate. Rows
// are connections seen in a time slot; they are aggregated into one observed dependency per
// source server, destination and port. Destinations without a name are found by IP among the
// servers' `ips`; loopback and link-local traffic is dropped; well-known infrastructure ports
// are `shared-infra`, dynamic ports `noise`, unknown public addresses `external`.
import { isIP } from 'node:net';
import type { Entity } from '../model/entity.js';
import { findColumn, readCsv, requireColumn } from './csv-table.js';
import { skip, type ImportContext, type ImportResult } from './types.js';
import { ipAddresses, numberOf } from './values.js';

/** DNS, Kerberos, NTP, RPC, NetBIOS, LDAP, SMB, SNMP, syslog, DHCP, RDP, WinRM, AD web services, KMS. */
const INFRASTRUCTURE_PORTS = new Set([53, 67, 68, 88, 123, 135, 137, 138, 139, 161, 162, 389, 445, 464, 514, 636, 1688, 3268, 3269, 3389, 5985, 5986, 9389]);
const DYNAMIC_PORTS = 49152;

interface Edge {
  from: string;
  to: string;
  port: number;
  classification: string;
  rows: number;
  processes: Set<string>;
}

export function importAzureMigrateDependencies(text: string, file: string, { backlog }: ImportContext): ImportResult {
  const table = readCsv(text, file);
  const sourceName = requireColumn(table, ['Source server name'], file);
  const sourceIp = findColumn(table, ['Source IP']);
  const destinationName = requireColumn(table, ['Destination server name'], file);
  const destinationIp = requireColumn(table, ['Destination IP'], file);
  const port = requireColumn(table, ['Destination port'], file);
  const sourceProcess = findColumn(table, ['Source process', 'Source application']);
  const destinationProcess = findColumn(table, ['Destination process', 'Destination application']);

  const { byName, byIp } = serverIndex([...backlog.byKey.servers.values()]);
  const result: ImportResult = { collection: 'dependencies', entities: [], rowsRead: table.rows.length, skipped: new Map() };
  const edges = new Map<string, Edge>();
  for (const row of table.rows) {
    const cell = (index: number | undefined) => (index === undefined ? '' : (row.cells[index] ?? ''));
    const destinationAddress = ipAddresses(cell(destinationIp))[0];
    if (destinationAddress && isLocal(destinationAddress)) {
      skip(result, 'loopback or link-local address');
      continue;
    }
    const source = byName.get(shortName(cell(sourceName))) ?? byName.get(cell(sourceName).toLowerCase()) ?? ipAddresses(cell(sourceIp)).map((ip) => byIp.get(ip)).find(Boolean);
    if (!source) {
      skip(result, cell(sourceName) ? 'source server not in the backlog' : 'no source server name');
      continue;
    }
    const portNumber = numberOf(cell(port));
    if (portNumber === undefined || !Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535) {
      skip(result, 'no destination port');
      continue;
    }
    const named = cell(destinationName) ? (byName.get(shortName(cell(destinationName))) ?? byName.get(cell(destinationName).toLowerCase())) : undefined;
    const destination = named ?? (destinationAddress ? byIp.get(destinationAddress) : undefined);
    let to: string;
    if (destination) {
      if (destination === source) {
        skip(result, 'a server talking to itself');
        continue;
      }
      to = `server:${destination.id}`;
    } else if (destinationAddress && !isPrivate(destinationAddress)) {
      // An id has no `:`; an IPv6 address is written with `-` (2603:1030::23c -> 2603-1030--23c).
      to = `external:${destinationAddress.replace(/:/g, '-')}`;
    } else {
      skip(result, destinationAddress ? 'destination not in the backlog (an internal address)' : 'no destination name or IP');
      continue;
    }
    const classification = to.startsWith('external:') ? 'external' : INFRASTRUCTURE_PORTS.has(portNumber) ? 'shared-infra' : portNumber >= DYNAMIC_PORTS ? 'noise' : 'app';
    const key = `server:${source.id}\u0000${to}\u0000${portNumber}`.toLowerCase();
    const edge = edges.get(key) ?? { from: `server:${source.id}`, to, port: portNumber, classification, rows: 0, processes: new Set<string>() };
    edge.rows += 1;
    const processes = [cell(sourceProcess), cell(destinationProcess)].filter((p) => p && p !== 'Unknown process');
    if (processes.length > 0 && edge.processes.size < 4) edge.processes.add(processes.join(' → '));
    edges.set(key, edge);
  }
  for (const edge of edges.values()) {
    const seen = `observed in ${edge.rows} ${edge.rows === 1 ? 'row' : 'rows'} of the Azure Migrate dependency export`;
    result.entities.push({
      // What the export saw is the import's own field, updated every time.
      fields: { from: edge.from, to: edge.to, port: edge.port, 'x-observed': edge.processes.size > 0 ? `${seen}: ${[...edge.processes].join(', ')}` : seen },
      // The protocol, kind and classification of an edge a person wrote, or refined, are theirs.
      initial: { protocol: 'tcp', kind: 'observed', classification: edge.classification },
    });
  }
  return result;
}

/** Servers by id, host name and short name (before the first dot), and by IP address. */
function serverIndex(servers: Entity<'servers'>[]) {
  const byName = new Map<string, Entity<'servers'>>();
  const byIp = new Map<string, Entity<'servers'>>();
  for (const server of servers) {
    for (const name of [server.id, server.data.hostname]) {
      if (!name) continue;
      if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), server);
      if (!byName.has(shortName(name))) byName.set(shortName(name), server);
    }
    for (const ip of server.data.ips ?? []) if (!byIp.has(ip)) byIp.set(ip, server);
  }
  return { byName, byIp };
}

function shortName(name: string): string {
  return name.trim().toLowerCase().split('.')[0]!;
}

function isLocal(ip: string): boolean {
  if (isIP(ip) === 4) return ip.startsWith('127.') || ip.startsWith('169.254.') || ip === '0.0.0.0';
  const lower = ip.toLowerCase();
  return lower === '::1' || lower === '::' || /^fe[89ab]/.test(lower);
}

function isPrivate(ip: string): boolean {
  if (isIP(ip) === 4) {
    const [a, b] = ip.split('.').map(Number) as [number, number];
    return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  return /^f[cd]/i.test(ip);
}
