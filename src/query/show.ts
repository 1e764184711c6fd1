// `backlog show REF`: one entity in full, with what the backlog says around it.
import { COLLECTION_KINDS, COLLECTION_NAMES, type CollectionName } from '../../schemas/vocabulary.js';
import { REFERENCE_FIELDS } from '../../schemas/references.js';
import { UsageError } from '../errors.js';
import type { Entity } from '../model/entity.js';
import { entityLabel, recordOf } from '../model/entity.js';
import { parseReference, resolveReference } from '../model/references.js';
import { waveOf } from '../model/status.js';
import { didYouMeanHint } from '../text/did-you-mean.js';
import { joinAnd, withArticle } from '../text/list.js';
import { totalOfServers } from '../model/server-figures.js';
import { moveGroupLabel, serverIndexesOf, serversOf, serversOfAll, totalOf } from './computed.js';
import type { QueryContext } from './context.js';
import { comparePriority } from './order.js';

type Workload = Entity<'workloads'>;

interface RelatedWorkload {
  id: string;
  name: string | undefined;
  wave: string | null;
  status: string;
  classification: string;
  /** How the edge is written: `depends_on`, or the dependency entities it comes from. */
  via: string[];
}

export interface EntityDetail {
  kind: string;
  id: string;
  /** Where it is written, `file:line`. */
  defined_in: string;
  fields: Record<string, unknown>;
  sections: Record<string, unknown>;
}

/**
 * The entity a REF names: `kind:id`, or a bare id that only one collection has. `unreadable`:
 * the files that could not be read, which one not found may be in.
 */
export function findEntity(context: Pick<QueryContext, 'backlog'>, ref: string, unreadable: readonly string[] = []): Entity {
  const { backlog } = context;
  const colon = ref.indexOf(':');
  if (colon !== -1) {
    const kind = ref.slice(0, colon);
    if (kind === 'external') {
      throw new UsageError(
        `\`${ref}\` is a system outside the estate, not an entity of the backlog`,
        `what depends on it: \`backlog list dependencies --where to=${ref}\` and \`backlog list --where depends_on=${ref}\``,
      );
    }
    const collection = COLLECTION_NAMES.find((name) => COLLECTION_KINDS[name] === kind || name === kind);
    if (!collection) {
      const kinds = COLLECTION_NAMES.map((name) => COLLECTION_KINDS[name]);
      throw new UsageError(`\`${kind}\` is not a kind of entity`, didYouMeanHint(kind, kinds) ?? `the kinds are ${kinds.join(', ')}`);
    }
    const found = backlog.byKey[collection].get(ref.slice(colon + 1).toLowerCase()) as Entity | undefined;
    if (found) return found;
    throw notFound(context, ref.slice(colon + 1), [collection], unreadable);
  }
  const matches = COLLECTION_NAMES.map((name) => backlog.byKey[name].get(ref.toLowerCase()) as Entity | undefined).filter((e): e is Entity => e !== undefined);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new UsageError(`\`${ref}\` names ${joinAnd(matches.map((e) => withArticle(COLLECTION_KINDS[e.collection])))}`, `say which: ${matches.map((e) => `\`${entityLabel(e)}\``).join(' or ')}`);
  }
  throw notFound(context, ref, COLLECTION_NAMES, unreadable);
}

function notFound(context: Pick<QueryContext, 'backlog'>, id: string, collections: readonly CollectionName[], unreadable: readonly string[]): UsageError {
  const labels = collections.flatMap((name) => [...context.backlog.byKey[name].values()].map((e) => ({ id: e.id, label: entityLabel(e as Entity) })));
  const closest = didYouMeanHint(id, labels.map((l) => l.id));
  const label = closest && labels.find((l) => `did you mean \`${l.id}\`?` === closest)?.label;
  const notRead = unreadable.length === 0 ? undefined : `${joinAnd(unreadable)} could not be read (YAML errors) and may hold it: fix ${unreadable.length === 1 ? 'it' : 'them'} first (\`backlog validate\` shows where)`;
  return new UsageError(`no entity \`${id}\` in the backlog${notRead ? ' as read' : ''}`, [label && `did you mean \`${label}\`?`, notRead].filter(Boolean).join(' ') || undefined);
}

export function showEntity(context: QueryContext, entity: Entity, definedIn: string): EntityDetail {
  const fields = recordOf(entity);
  const detail: EntityDetail = { kind: COLLECTION_KINDS[entity.collection], id: entity.id, defined_in: definedIn, fields, sections: {} };
  const sections = detail.sections;
  switch (entity.collection) {
    case 'workloads':
      Object.assign(sections, workloadSections(context, entity as Workload));
      break;
    case 'servers':
      Object.assign(sections, serverSections(context, entity as Entity<'servers'>));
      break;
    case 'waves':
      Object.assign(sections, waveSections(context, entity as Entity<'waves'>));
      break;
    default:
      break;
  }
  // A workload's sections already say who refers to it, and how.
  const referencedBy = entity.collection === 'workloads' ? [] : referencesTo(context, entity);
  if (referencedBy.length > 0) sections.referenced_by = referencedBy;
  return detail;
}

function workloadSections(context: QueryContext, workload: Workload): Record<string, unknown> {
  const { backlog } = context;
  const servers = serversOf(context, workload);
  const group = moveGroupLabel(context, workload);
  const sections: Record<string, unknown> = {
    servers: servers.map((s) => ({ id: s.id, os: s.data.os ?? null, cores: s.data.cores ?? null, memory_gb: s.data.memory_gb ?? null, status: s.data.status })),
    // From the servers shown: the figures of every server are for totals over many.
    totals: { servers: servers.length, cores: totalOfServers(servers, 'cores'), memory_gb: totalOfServers(servers, 'memory_gb') },
    depends_on: relatedWorkloads(context, workload, 'out'),
    dependents: relatedWorkloads(context, workload, 'in'),
    external: externalDependencies(context, workload),
  };
  if (group !== undefined) {
    const members = context.graph.moveGroups[context.graph.moveGroupOf.get(workload.key)!]!;
    sections.move_group = { id: group, members: members.map((w) => w.id) };
  }
  sections.drivers = (workload.data.drivers ?? []).map((id) => {
    const priority = backlog.byKey.priorities.get(id.toLowerCase());
    return { id, title: priority?.data.title ?? null, rank: priority?.data.rank ?? null, rationale: priority?.data.rationale ?? null };
  });
  const assumptionIds = new Set((workload.data.assumptions ?? []).map((id) => id.toLowerCase()));
  for (const assumption of backlog.entities.assumptions) {
    if ((assumption.data.applies_to ?? []).some((id) => id.toLowerCase() === workload.key)) assumptionIds.add(assumption.key);
  }
  sections.assumptions = [...assumptionIds].flatMap((key) => {
    const a = backlog.byKey.assumptions.get(key);
    return a ? [{ id: a.id, statement: a.data.statement, status: a.data.status, review_by: a.data.review_by ?? null }] : [];
  });
  const serverKeys = new Set(servers.map((s) => s.key));
  sections.open_remediations = backlog.entities.remediations
    .filter((r) => !['done', 'wont-fix', 'accepted-risk'].includes(r.data.status ?? 'open'))
    .filter((r) => (r.data.workloads ?? []).some((id) => id.toLowerCase() === workload.key) || (r.data.servers ?? []).some((id) => serverKeys.has(id.toLowerCase())))
    .map((r) => ({ id: r.id, title: r.data.title, severity: r.data.severity ?? null, status: r.data.status ?? 'open', owner: r.data.owner ?? null, due: r.data.due ?? null }));
  sections.risks = backlog.entities.risks
    .filter((r) => (r.data.workloads ?? []).some((id) => id.toLowerCase() === workload.key))
    .map((r) => ({ id: r.id, title: r.data.title, severity: r.data.severity ?? null, status: r.data.status ?? 'open', owner: r.data.owner ?? null }));
  return sections;
}

/** The workloads on the other end of its edges, one entry per workload and classification. */
function relatedWorkloads(context: QueryContext, workload: Workload, direction: 'in' | 'out'): RelatedWorkload[] {
  const byOther = new Map<string, RelatedWorkload>();
  for (const edge of context.graph.edgesOf(new Set([workload]))) {
    const mine = direction === 'out' ? edge.from : edge.to;
    if (mine !== workload) continue;
    const other = direction === 'out' ? edge.to : edge.from;
    const key = `${other.key}\u0000${edge.classification}`;
    let entry = byOther.get(key);
    if (!entry) {
      entry = { id: other.id, name: other.data.name, wave: waveOf(context.backlog, other)?.id ?? null, status: other.data.status, classification: edge.classification, via: [] };
      byOther.set(key, entry);
    }
    const via = edge.dependency ? `dependency ${edge.dependency.id}` : 'depends_on';
    if (!entry.via.includes(via)) entry.via.push(via);
  }
  return [...byOther.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** Systems outside the estate it depends on, from depends_on and from its servers' edges. */
function externalDependencies(context: QueryContext, workload: Workload): Array<{ name: string; via: string }> {
  const found: Array<{ name: string; via: string }> = [];
  for (const target of workload.data.depends_on ?? []) {
    const parsed = parseReference('typed', target);
    if (parsed.kind === 'external') found.push({ name: parsed.id, via: 'depends_on' });
  }
  // From it, or from one of its servers: it is among the edge's workloads.
  for (const edge of context.graph.externals) {
    if (edge.from.includes(workload)) found.push({ name: edge.name, via: `dependency ${edge.dependency.id}` });
  }
  return found;
}

function serverSections(context: QueryContext, server: Entity<'servers'>): Record<string, unknown> {
  const owners = context.graph.ownersOf.get(server.key) ?? [];
  const edges = (direction: 'from' | 'to') =>
    context.backlog.entities.dependencies.flatMap((dependency) => {
      const mine = dependency.data[direction];
      const other = dependency.data[direction === 'from' ? 'to' : 'from'];
      if (mine === undefined || other === undefined) return [];
      const resolved = resolveReference(context.backlog, 'typed', mine);
      if (resolved.status !== 'resolved' || resolved.entity !== server) return [];
      return [{ other, port: dependency.data.port ?? null, protocol: dependency.data.protocol ?? null, classification: dependency.data.classification, kind: dependency.data.kind }];
    });
  return {
    workloads: owners.map((w) => ({ id: w.id, name: w.data.name, wave: waveOf(context.backlog, w)?.id ?? null, status: w.data.status })),
    depends_on: edges('from'),
    dependents: edges('to'),
  };
}

function waveSections(context: QueryContext, wave: Entity<'waves'>): Record<string, unknown> {
  const members = context.backlog.entities.workloads.filter((w) => waveOf(context.backlog, w) === wave).sort(comparePriority(context.backlog));
  const servers = serversOfAll(context, members);
  return {
    workloads: members.map((w) => ({ id: w.id, name: w.data.name, priority: w.data.priority ?? null, status: w.data.status, strategy: w.data.strategy ?? null, servers: serverIndexesOf(context, w).length })),
    totals: { workloads: members.length, servers: servers.length, cores: totalOf(context, servers, 'cores'), capacity: wave.data.max_servers ?? context.backlog.project?.defaults?.max_servers_per_wave ?? null },
  };
}

/** Every entity that names this one, with the field it uses. */
function referencesTo(context: QueryContext, target: Entity): Array<{ entity: string; field: string }> {
  const found: Array<{ entity: string; field: string }> = [];
  for (const collection of COLLECTION_NAMES) {
    const fields = REFERENCE_FIELDS[collection];
    if (fields.length === 0) continue;
    for (const entity of context.backlog.entities[collection] as Entity[]) {
      const data = entity.data as Record<string, unknown>;
      for (const { field, target: kind } of fields) {
        const values = Array.isArray(data[field]) ? (data[field] as unknown[]) : [data[field]];
        for (const value of values) {
          if (typeof value !== 'string') continue;
          const resolved = resolveReference(context.backlog, kind, value);
          if (resolved.status === 'resolved' && resolved.entity === target) found.push({ entity: entityLabel(entity), field });
        }
      }
    }
  }
  return found;
}
