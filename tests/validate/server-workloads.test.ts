// UNKNOWN_REFERENCE for the workloads a server names. The graph looks up every server's
// workloads as it lists owners; the rule looks again only at the servers where one was not
// found, and at every repeat of a server id (the graph keeps the first): each unknown one is
// reported, wherever the server and its workloads are written.
import { describe, expect, it } from 'vitest';
import { fsSource } from '../../src/load/fs-source.js';
import { loadFiles } from '../../src/load/load-files.js';
import { BacklogReader } from '../../src/validate/read-backlog.js';
import { validate } from '../../src/validate/validate.js';
import { tempDir } from '../helpers/temp-dir.js';
import { AS_OF, brief, validateDir } from '../helpers/validate-dir.js';

/** The findings, with the model built at the end; and the same with it built as the files come (every file early). */
async function findings(texts: Record<string, string>): Promise<string[]> {
  const root = tempDir(texts);
  const atTheEnd = (await validateDir(root)).diagnostics.map(brief);
  const reader = new BacklogReader();
  const files = await loadFiles(fsSource(root), { onFile: (file) => reader.add(file, true) });
  expect(validate(files, { asOf: AS_OF }, reader.finish()).diagnostics.map(brief)).toEqual(atTheEnd);
  return atTheEnd;
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
