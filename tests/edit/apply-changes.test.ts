// applyChanges checks an edit against the model after it, made by swapping the changed files
// into the model read (load/backlog-of-files.ts): a new file takes the place a load of the files
// gives it, so that the errors it adds are the ones `validate` finds in the files after.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingDelta } from '../../src/diff/review.js';
import { applyChanges, editBaseOfFiles } from '../../src/edit/apply-changes.js';
import { fsSource } from '../../src/load/fs-source.js';
import { loadBacklog } from '../../src/load/load-backlog.js';
import { validate } from '../../src/validate/validate.js';
import { tempDir } from '../helpers/temp-dir.js';

const AS_OF = '2026-06-01';

async function errorsOf(root: string) {
  const loaded = await loadBacklog(fsSource(root));
  return { loaded, errors: validate(loaded.files, { asOf: AS_OF, errorsOnly: true }, loaded).diagnostics };
}

describe('applyChanges', () => {
  it('places a new file among the others by its path: the errors it would add are those of the files after', async () => {
    const root = tempDir({
      'backlog.yaml': 'project:\n  name: P\nworkloads:\n  - { id: crm, name: CRM, owner: Ana }\n',
      'm.yaml': 'servers:\n  - { id: S1, workloads: [crm] }\n',
    });
    const { loaded, errors: before } = await errorsOf(root);
    for (const path of ['a.yaml', 'z.yaml']) {
      const text = 'servers:\n  - { id: s1, workloads: [crm], cores: 2 }\n';
      const result = applyChanges(editBaseOfFiles(loaded.files, loaded), new Map([[path, text]]), { root, dryRun: true, asOf: AS_OF });
      writeFileSync(join(root, path), text);
      const expected = findingDelta(before, (await errorsOf(root)).errors).introduced;
      expect(expected.map((d) => d.code)).toEqual(['DUPLICATE_ID']);
      expect(result).toEqual({ status: 'refused', reason: 'the change would add errors; nothing was written', introduced: expected });
      writeFileSync(join(root, path), '');
    }
  });
});
