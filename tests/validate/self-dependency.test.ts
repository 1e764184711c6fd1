// SELF_DEPENDENCY compares the two ends of a dependency as references: by kind, and by id but
// for case. A bare id is a workload's.
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { brief, validateDir } from '../helpers/validate-dir.js';

const ESTATE = `workloads: [{ id: app, name: App, owner: O }, { id: SRV1, name: Same id as a server, owner: O }]
servers: [{ id: SRV1, workloads: [app] }, { id: SRV2, workloads: [app] }]
`;

async function selfDependencies(dependencies: string[]): Promise<string[]> {
  const yaml = `${ESTATE}dependencies:\n${dependencies.map((line) => `  - ${line}\n`).join('')}`;
  const result = await validateDir(tempDir({ 'backlog.yaml': yaml }));
  return result.diagnostics.filter((d) => d.code === 'SELF_DEPENDENCY').map(brief);
}

describe('SELF_DEPENDENCY', () => {
  it('a bare id and a workload: reference name the same workload', async () => {
    expect(await selfDependencies(['{ from: app, to: workload:APP }'])).toEqual(['SELF_DEPENDENCY backlog.yaml:4:22']);
  });

  it('ids equal but for case name the same server', async () => {
    expect(await selfDependencies(['{ from: server:SRV1, to: server:srv1 }'])).toEqual(['SELF_DEPENDENCY backlog.yaml:4:30']);
  });

  it('a server and a workload of the same id are two things', async () => {
    expect(await selfDependencies(['{ from: server:SRV1, to: SRV1 }', '{ from: workload:SRV1, to: server:SRV1 }'])).toEqual([]);
  });

  it('ids of the same length that differ are two things', async () => {
    expect(await selfDependencies(['{ from: server:SRV1, to: server:SRV2 }', '{ from: server:SRV1, to: server:SRVl }'])).toEqual([]);
  });

  it('the same system outside the estate', async () => {
    expect(await selfDependencies(['{ from: external:Billing, to: external:billing }'])).toEqual(['SELF_DEPENDENCY backlog.yaml:4:35']);
  });
});
