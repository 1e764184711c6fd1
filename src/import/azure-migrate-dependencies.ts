// `import azure-migrate-dependencies`: the agentless dependency export of Azure Migrate. Rows
// are connections seen in a time slot; they are aggregated into one observed dependency per
// source server, destination and port. Destinations without a name are found by IP among the
// servers' `ips`; loopback and link-local traffic is dropped; well-known infrastructure ports
// are `shared-infra`, dynamic ports `noise`, unknown public addresses `external`. With
// --add-servers, the servers it names that the backlog does not have are added (name and
// addresses, no workload yet); without it, a sheet most of whose rows name no known server
// says to import the servers first.
import { isIP } from 'node:net';
import { findColumn, requireColumn } from './csv-table.js';
import { cellText, type Sheet } from './sheet.js';
import { emptyResult, skip, type ImportContext, type ImportedEntity, type SheetImport } from './types.js';
import { idFromName, ipAddresses, numberOf } from './values.js';

/** A server as the dependency export can name it: the backlog's, or one it adds. */
interface KnownServer {
  id: string;
  hostname?: string;
  ips?: readonly string[];
}

/** DNS, Kerberos, NTP, RPC, NetBIOS, LDAP, SMB, SNMP, syslog, DHCP, RDP, WinRM, AD web services, KMS. */
const INFRASTRUCTURE_PORTS = new Set([53, 67, 68, 88, 123, 135, 137, 138, 139, 161, 162, 389, 445, 464, 514, 636, 1688, 3268, 3269, 3389, 5985, 5986, 9389]);
const DYNAMIC_PORTS = 49152;

interface Edge {
  from: string;
  to: string;
  port: number;
  classification: string;
  rows: number;
  /** The first row that saw it. */
  row: number;
  processes: Set<string>;
}

export function importAzureMigrateDependencies(sheet: Sheet, { backlog, addServers }: ImportContext): SheetImport {
  const sourceName = requireColumn(sheet, ['Source server name']);
  const sourceIp = findColumn(sheet, ['Source IP']);
  const destinationName = requireColumn(sheet, ['Destination server name']);
  const destinationIp = requireColumn(sheet, ['Destination IP']);
  const port = requireColumn(sheet, ['Destination port']);
  const sourceProcess = findColumn(sheet, ['Source process', 'Source application']);
  const destinationProcess = findColumn(sheet, ['Destination process', 'Destination application']);

  const index = serverIndex([...backlog.byKey.servers.values()].map((server) => ({ id: server.id, hostname: server.data.hostname, ips: server.data.ips })));
  const { byName, byIp } = index;
  const result = emptyResult('dependencies', sheet.rows.length);
  const added = new Map<string, ImportedEntity & { fields: { ips?: string[] } }>();
  const servers = emptyResult('servers', 0);
  /** The server a name (or else an address) stands for; with --add-servers, a new one for a name not known. */
  const serverFor = (name: string, addresses: string[], row: number): KnownServer | undefined => {
    const known = (name ? (byName.get(shortName(name)) ?? byName.get(name.toLowerCase())) : undefined) ?? addresses.map((ip) => byIp.get(ip)).find(Boolean);
    if (known || !addServers || !idFromName(name)) return known;
    const id = idFromName(name)!;
    const server: KnownServer = { id, ...(id !== name.trim() ? { hostname: name.trim() } : {}) };
    index.add(server);
    added.set(id.toLowerCase(), { id, fields: { ...(server.hostname ? { hostname: server.hostname } : {}) }, origin: { sheet, row } });
    return server;
  };
  /** An added server's addresses, as the export saw them. */
  const noteAddresses = (server: KnownServer, addresses: string[]) => {
    const entity = added.get(server.id.toLowerCase());
    if (!entity) return;
    const fresh = addresses.filter((ip) => !isLocal(ip) && !(entity.fields.ips ?? []).includes(ip));
    if (fresh.length === 0) return;
    entity.fields.ips = [...(entity.fields.ips ?? []), ...fresh];
    for (const ip of fresh) index.addAddress(server, ip);
  };
  const edges = new Map<string, Edge>();
  for (const row of sheet.rows) {
    const cell = (index: number | undefined) => (index === undefined ? '' : cellText(row.cells[index]));
    const destinationAddress = ipAddresses(cell(destinationIp))[0];
    if (destinationAddress && isLocal(destinationAddress)) {
      skip(result, 'loopback or link-local address');
      continue;
    }
    const sourceAddresses = ipAddresses(cell(sourceIp));
    const source = serverFor(cell(sourceName), sourceAddresses, row.number);
    if (!source) {
      skip(result, cell(sourceName) ? 'source server not in the backlog' : 'no source server name');
      continue;
    }
    noteAddresses(source, sourceAddresses);
    const portNumber = numberOf(cell(port));
    if (portNumber === undefined || !Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535) {
      skip(result, 'no destination port');
      continue;
    }
    const destination = cell(destinationName) ? serverFor(cell(destinationName), destinationAddress ? [destinationAddress] : [], row.number) : destinationAddress ? byIp.get(destinationAddress) : undefined;
    if (destination && destinationAddress && cell(destinationName)) noteAddresses(destination, [destinationAddress]);
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
    const edge = edges.get(key) ?? { from: `server:${source.id}`, to, port: portNumber, classification, rows: 0, row: row.number, processes: new Set<string>() };
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
      origin: { sheet, row: edge.row },
    });
  }
  servers.entities.push(...added.values());
  const hints: string[] = [];
  const unknown = result.skipped.get('source server not in the backlog') ?? 0;
  // Most of the rows that name a server at all (loopback and link-local traffic names none).
  if (unknown > 0 && unknown * 2 > sheet.rows.length - (result.skipped.get('loopback or link-local address') ?? 0)) {
    hints.push('most rows name servers the backlog does not have: import the servers first (azure-migrate-servers, rvtools), or add the servers the export names with --add-servers');
  }
  return { sheet, results: addServers ? [servers, result] : [result], problems: [], leftOut: [], hints };
}

/** Servers by id, host name and short name (before the first dot), and by IP address. */
function serverIndex(servers: KnownServer[]) {
  const byName = new Map<string, KnownServer>();
  const byIp = new Map<string, KnownServer>();
  const addAddress = (server: KnownServer, ip: string) => {
    if (!byIp.has(ip)) byIp.set(ip, server);
  };
  const add = (server: KnownServer) => {
    for (const name of [server.id, server.hostname]) {
      if (!name) continue;
      if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), server);
      if (!byName.has(shortName(name))) byName.set(shortName(name), server);
    }
    for (const ip of server.ips ?? []) addAddress(server, ip);
  };
  for (const server of servers) add(server);
  return { byName, byIp, add, addAddress };
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
