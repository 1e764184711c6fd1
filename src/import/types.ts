import type { CollectionName } from '../../schemas/collections.js';
import type { Backlog } from '../model/backlog.js';

/** One entity as an export describes it, before it is merged into the backlog. */
export interface ImportedEntity {
  /** The id; for a dependency without one, identity comes from from/to/port/protocol. */
  id?: string;
  /** Fields the export owns: written on creation and updated on every import. */
  fields: Record<string, unknown>;
  /** Fields written only when the entity is created: a person's later choice is kept. */
  initial?: Record<string, unknown>;
}

export interface ImportResult {
  collection: CollectionName;
  entities: ImportedEntity[];
  rowsRead: number;
  /** Rows left out, counted by reason. */
  skipped: Map<string, number>;
}

export interface ImportContext {
  backlog: Backlog;
}

export function skip(result: ImportResult, reason: string): void {
  result.skipped.set(reason, (result.skipped.get(reason) ?? 0) + 1);
}
