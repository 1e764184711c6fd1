// The few fields of the servers that counts and totals read (waves, report, the cores column), a
// column each by the server's index in `backlog.entities.servers`: a snapshot keeps them apart
// from the servers (load/graph-snapshot.ts), so that a total decodes none of the 50,000.
import type { Backlog } from './backlog.js';
import type { Entity } from './entity.js';

type Server = Entity<'servers'>;

export type SummedField = 'cores' | 'memory_gb';

export interface ServerFigures {
  status: ReadonlyArray<Server['data']['status'] | undefined>;
  cores: ReadonlyArray<number | undefined>;
  memory_gb: ReadonlyArray<number | undefined>;
  /** The servers whose id an earlier one has (left out of `byKey`), by index. */
  repeated: ReadonlySet<number>;
}

/** `repeated`: repeatedServers of its servers, when the caller has it already. */
export function serverFiguresOf(backlog: Backlog, repeated = repeatedServers(backlog.entities.servers)): ServerFigures {
  return figuresOf(backlog.entities.servers, repeated);
}

/** A field added up over servers decoded already (one workload's), in their order. */
export function totalOfServers(servers: readonly Server[], field: SummedField): number {
  return sumOf(figuresOf(servers, new Set()), servers.keys(), field);
}

function figuresOf(servers: readonly Server[], repeated: ReadonlySet<number>): ServerFigures {
  return {
    status: servers.map((server) => server.data.status),
    cores: servers.map((server) => server.data.cores),
    memory_gb: servers.map((server) => server.data.memory_gb),
    repeated,
  };
}

/**
 * The servers whose id an earlier one has, by index. By id, not by being the entity `byKey`
 * holds: a backlog kept file by file (git history) holds the very same entities for two files
 * of the same content.
 */
export function repeatedServers(servers: readonly Server[]): Set<number> {
  const seen = new Set<string>();
  const repeated = new Set<number>();
  servers.forEach((server, index) => {
    if (seen.has(server.key)) repeated.add(index);
    else seen.add(server.key);
  });
  return repeated;
}

/** The indexes of the first server of each id, in file order (the servers of `byKey`). */
export function firstServers(figures: ServerFigures): number[] {
  const firsts: number[] = [];
  for (let index = 0; index < figures.status.length; index++) if (!figures.repeated.has(index)) firsts.push(index);
  return firsts;
}

/** Those of these servers still in service: what a share of servers migrated is of. */
export function inService(figures: ServerFigures, servers: readonly number[]): number[] {
  return servers.filter((server) => isInService(figures.status[server]));
}

/** A server of this status is in service: not decommissioned. */
export function isInService(status: Server['data']['status'] | undefined): boolean {
  return status !== 'decommissioned';
}

/** A field added up over the servers of these indexes, in their order (a server without it counts 0). */
export function sumOf(figures: ServerFigures, servers: Iterable<number>, field: SummedField): number {
  const column = figures[field];
  let sum = 0;
  for (const index of servers) sum += column[index] ?? 0;
  return sum;
}
