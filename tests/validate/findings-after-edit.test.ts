// The findings after an edit worked out from those before it (validate/findings-after-edit.ts)
// must be those of the whole model after it; when they cannot be had so, none are given.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fsSource } from '../../src/load/fs-source.js';
import { loadBacklog } from '../../src/load/load-backlog.js';
import { backlogOfFiles, modelWithFilesSwapped } from '../../src/load/backlog-of-files.js';
import { readSourceFile } from '../../src/load/read-source-file.js';
import type { SourceFile } from '../../src/load/types.js';
import { undatedFindingsAfterEdit } from '../../src/validate/findings-after-edit.js';
import { CODE_OF_RULE, DATED_RULES, ENTITY_RULES, RULES, WHOLE_BACKLOG_FIELDS } from '../../src/validate/rules/index.js';
import { COLLECTION_NAMES } from '../../schemas/vocabulary.js';
import type { Entity } from '../../src/model/entity.js';
import { buildGraph } from '../../src/model/graph.js';
import { findings } from '../../src/validate/validate.js';

const AS_OF = { asOf: '2026-06-01' };
const UNDATED = RULES.filter((rule) => !DATED_RULES.includes(rule));

const TEXTS: Record<string, string> = {
  'backlog.yaml': 'project: { name: Estate, defaults: { max_servers_per_wave: 2 } }\nwaves:\n  - { id: wave-1, order: 1 }\n  - { id: wave-2, order: 2 }\npriorities:\n  - { id: high, rank: 1, rationale: Revenue }\n',
  'workloads/a.yaml': 'workloads:\n  - id: crm\n    name: CRM\n    owner: Ana\n    wave: wave-1\n    strategy: rehost\n    depends_on: [erp]\n  - id: erp\n    name: ERP\n    owner: Ben\n    wave: wave-1\n    strategy: rehost\n',
  'workloads/b.yaml': 'workloads:\n  - id: hr\n    name: HR\n    owner: Cy\n    priority: high\n',
  'workloads/c.yaml': 'workloads:\n  - id: pay\n    name: Pay\n    owner: Eve\n  - id: HR\n    name: HR again\n    owner: Dee\n',
  'servers.yaml': 'servers:\n  - { id: srv-1, workloads: [crm] }\n  - { id: srv-2, workloads: [erp] }\n  - { id: srv-3, workloads: [erp] }\n  - { id: srv-4 }\n',
};

const fileOf = (path: string, text: string): SourceFile => readSourceFile(path, Buffer.from(text));

/** The undated findings after replacing one file's text: from those before, and from the whole model. */
function afterEdit(path: string, text: string) {
  const before = Object.entries(TEXTS).map(([name, content]) => fileOf(name, content));
  const model = backlogOfFiles(before);
  const beforeByPath = new Map(before.map((file) => [file.path, file]));
  const found = findings(model, AS_OF, beforeByPath, UNDATED);
  const edited = fileOf(path, text);
  const after = modelWithFilesSwapped(model, before.map((file) => file.path), [edited], undefined, (name) => beforeByPath.get(name))!;
  const afterByPath = new Map([...beforeByPath, [path, edited]]);
  return {
    found,
    incremental: undatedFindingsAfterEdit(found, [{ before: beforeByPath.get(path), after: edited }], after, AS_OF, afterByPath),
    whole: findings(backlogOfFiles(before.map((file) => afterByPath.get(file.path)!)), AS_OF, afterByPath, UNDATED),
  };
}

const codes = (list: readonly { code: string }[]) => list.map((finding) => finding.code).sort();

describe('findings after an edit', () => {
  it('are those of the whole model when every id stays where it was', () => {
    const edits: Array<[string, string]> = [
      // An owner taken away, a wave moved earlier than what it depends on: an entity rule's finding, and a whole backlog rule's.
      ['workloads/a.yaml', TEXTS['workloads/a.yaml']!.replace('owner: Ana', 'owner: ""').replace('    wave: wave-1\n    strategy: rehost\n  - id: erp', '    wave: wave-1\n    strategy: rehost\n  - id: erp').replace(/(id: erp[\s\S]*?)wave: wave-1/, '$1wave: wave-2')],
      // A server given to a workload that does not exist, with a name close to one that does; a line added above it all.
      ['servers.yaml', `# servers\n${TEXTS['servers.yaml']!.replace('{ id: srv-4 }', '{ id: srv-4, workloads: [hrr] }')}`],
      // The repeated hr's file: its place moves down a line; a priority's rank.
      ['workloads/c.yaml', `# three\n${TEXTS['workloads/c.yaml']}`],
      ['backlog.yaml', TEXTS['backlog.yaml']!.replace('rank: 1', 'rank: 2')],
    ];
    const changedFindings = new Set<string>();
    for (const [path, text] of edits) {
      const { found, incremental, whole } = afterEdit(path, text);
      if (path === 'backlog.yaml') {
        // The project's file: its model is made from every file, not swapped.
        expect(incremental).toBeUndefined();
        continue;
      }
      expect(incremental, path).toEqual(whole);
      for (const finding of whole) if (!found.some((was) => JSON.stringify(was) === JSON.stringify(finding))) changedFindings.add(finding.code);
    }
    // The edits moved findings of both kinds of rule, and of places.
    expect([...changedFindings].sort()).toEqual(['DUPLICATE_ID', 'MISSING_OWNER', 'UNKNOWN_REFERENCE', 'WAVE_ORDER']);
  });

  it('are not given when an id moves, or a finding elsewhere points into the file edited', () => {
    // An id changed.
    expect(afterEdit('workloads/b.yaml', TEXTS['workloads/b.yaml']!.replace('id: hr', 'id: hr2')).incremental).toBeUndefined();
    // The first hr's file, a line added above it: the repeated hr's finding (in c.yaml) points into it.
    const { incremental, whole, found } = afterEdit('workloads/b.yaml', `# two\n${TEXTS['workloads/b.yaml']}`);
    expect(incremental).toBeUndefined();
    expect(codes(whole)).toContain('DUPLICATE_ID');
    expect(whole.find((finding) => finding.code === 'DUPLICATE_ID')!.related).not.toEqual(found.find((finding) => finding.code === 'DUPLICATE_ID')!.related);
  });

  it('knows each rule by its code: the rule finds it in its fixture, and finds no other', async () => {
    const fixtures = RULES.map((rule) => join(import.meta.dirname, '..', 'fixtures', CODE_OF_RULE.get(rule)!.toLowerCase().replaceAll('_', '-')));
    const models = await Promise.all(fixtures.map(async (dir) => loadBacklog(fsSource(dir))));
    for (const [index, rule] of RULES.entries()) {
      const found = models.flatMap((model) => findings(model, AS_OF, new Map(model.files.map((file) => [file.path, file])), [rule], false));
      expect(new Set(codes(found)), fixtures[index]).toEqual(new Set([CODE_OF_RULE.get(rule)]));
    }
  });

  it('knows the fields the rules over the whole backlog read: any other taken away, they find the same', async () => {
    const wholeBacklogRules = RULES.filter((rule) => !ENTITY_RULES.includes(rule) && !DATED_RULES.includes(rule));
    const dirs = [...wholeBacklogRules.map((rule) => join(import.meta.dirname, '..', 'fixtures', CODE_OF_RULE.get(rule)!.toLowerCase().replaceAll('_', '-'))), join(import.meta.dirname, '..', '..', 'examples', 'broken')];
    let tried = 0;
    for (const dir of dirs) {
      const model = await loadBacklog(fsSource(dir));
      const byPath = new Map(model.files.map((file) => [file.path, file]));
      const found = () => findings({ ...model, graph: buildGraph(model.backlog) }, AS_OF, byPath, wholeBacklogRules, false).map((finding) => `${finding.code} ${finding.entity} ${finding.message} ${finding.hint}`);
      const expected = found();
      expect(expected.length, dir).toBeGreaterThan(0);
      for (const entity of COLLECTION_NAMES.flatMap((name) => model.backlog.entities[name] as Entity[])) {
        const read = WHOLE_BACKLOG_FIELDS[entity.collection] ?? [];
        for (const field of Object.keys(entity.data as object).filter((name) => name !== 'id' && !read.includes(name))) {
          const { data, raw } = entity;
          const without = (record: object | undefined) => record && Object.fromEntries(Object.entries(record).filter(([name]) => name !== field));
          Object.assign(entity, { data: without(data), raw: without(raw) });
          try {
            expect(found(), `${dir}: ${entity.id} without ${field}`).toEqual(expected);
          } finally {
            Object.assign(entity, { data, raw });
          }
          tried++;
        }
      }
    }
    expect(tried).toBeGreaterThan(60);
  });
});
