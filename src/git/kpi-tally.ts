// The figures of a history point kept up to date as the model changes file by file
// (commit-backlogs.ts): each is a count over the first entity of each key, so an entity that
// takes or leaves a key moves the counts by one, whatever the size of the backlog.
import type { Entity } from '../model/entity.js';
import { isInService } from '../model/server-figures.js';
import { hasMoved, isRationalized, stays } from '../model/status.js';
import { percent } from '../query/report.js';

/** What `report --history` gives of the backlog at a date. */
export interface KpiFigures {
  workloads: number;
  workloads_to_move: number;
  workloads_migrated: number;
  percent_workloads_migrated: number;
  servers: number;
  /** The servers not decommissioned: what `percent_servers_migrated` is of. */
  servers_in_service: number;
  servers_migrated: number;
  percent_servers_migrated: number;
  workloads_rationalized: number;
}

export class KpiTally {
  private workloads = 0;
  private toMove = 0;
  private migrated = 0;
  private rationalized = 0;
  private servers = 0;
  private serversInService = 0;
  private serversMigrated = 0;

  /** The first entity of a key changed (model/backlog-by-file.ts): `was` leaves the counts, `now` joins them. */
  readonly change = (was: Entity | undefined, now: Entity | undefined): void => {
    if (was) this.count(was, -1);
    if (now) this.count(now, 1);
  };

  figures(): KpiFigures {
    return {
      workloads: this.workloads,
      workloads_to_move: this.toMove,
      workloads_migrated: this.migrated,
      percent_workloads_migrated: percent(this.migrated, this.toMove),
      servers: this.servers,
      servers_in_service: this.serversInService,
      servers_migrated: this.serversMigrated,
      percent_servers_migrated: percent(this.serversMigrated, this.serversInService),
      workloads_rationalized: this.rationalized,
    };
  }

  private count(entity: Entity, by: 1 | -1): void {
    if (entity.collection === 'workloads') {
      const workload = entity as Entity<'workloads'>;
      this.workloads += by;
      if (!stays(workload)) this.toMove += by;
      if (hasMoved(workload)) this.migrated += by;
      if (isRationalized(workload)) this.rationalized += by;
    } else if (entity.collection === 'servers') {
      const { status } = (entity as Entity<'servers'>).data;
      this.servers += by;
      if (isInService(status)) this.serversInService += by;
      if (status === 'migrated') this.serversMigrated += by;
    }
  }
}
