// UNKNOWN_REFERENCE for the workloads a server names: each unknown one is reported, in the first
// server of an id and in its repeats, wherever the server and its workloads are written.
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { brief, validateDir } from '../helpers/validate-dir.js';

async function findings(texts: Record<string, string>): Promise<string[]> {
  return (await validateDir(tempDir(texts))).diagnostics.map(brief);
}

describe('the workloads of a server', () => {
  it('reports each unknown one, in the first server of an id, in a repeat of it, and in a server with errors', async () => {
    expect(
      await findings({
        'a-servers.yaml': `servers:
  - { id: S1, workloads: [crm, crn] }
  - { id: S2, workloads: [crm] }
  - { id: S2, workloads: [nope] }
  - { id: S3, workloads: [gone], cores: many }
`,
        'b-workloads.yaml': 'workloads:\n  - { id: crm, name: CRM, owner: Ana }\n',
      }),
    ).toEqual([
      'UNKNOWN_REFERENCE a-servers.yaml:2:32',
      'DUPLICATE_ID a-servers.yaml:4:11',
      'UNKNOWN_REFERENCE a-servers.yaml:4:27',
      'UNKNOWN_REFERENCE a-servers.yaml:5:27',
      'INVALID_VALUE a-servers.yaml:5:41',
    ]);
  });

  it('finds workloads written after their servers, in a later file', async () => {
    expect(
      await findings({
        'a-servers.yaml': 'servers:\n  - { id: S1, workloads: [crm] }\n',
        'b-workloads.yaml': 'workloads:\n  - { id: crm, name: CRM, owner: Ana }\n',
      }),
    ).toEqual([]);
  });
});
