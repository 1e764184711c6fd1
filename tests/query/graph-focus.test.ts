// graph --focus at workload level builds only the neighbourhood: its view must be exactly the
// whole workload graph cut to the focus (focused() on workloadGraph()), on the fixtures and on a
// generated estate, at every depth, with and without --all-edges, and for systems outside.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a JavaScript module of the benchmark, without types.
import { generateEstate } from '../../bench/generate-estate.mjs';
import { loadBacklog } from '../../src/load/load-backlog.js';
import { fsSource } from '../../src/load/fs-source.js';
import { collapsedExternals } from '../../src/query/graph/collapse.js';
import { focused, focusKey } from '../../src/query/graph/focus.js';
import { workloadGraph } from '../../src/query/graph/workload-graph.js';
import { graphView, type ExternalsMode } from '../../src/query/graph-view.js';
import { tempDir } from '../helpers/temp-dir.js';

const repo = join(import.meta.dirname, '..', '..');

async function expectCutAlike(root: string, focuses: string[]): Promise<number> {
  const { backlog, graph } = await loadBacklog(fsSource(root));
  const context = { backlog, graph };
  let compared = 0;
  for (const focus of focuses) {
    for (const depth of [0, 1, 2, 3]) {
      for (const allEdges of [false, true]) {
        for (const externals of ['all', 'collapse', 'none'] as ExternalsMode[]) {
          const key = focusKey(context, focus, 'workload');
          let whole: unknown;
          try {
            const cut = focused(workloadGraph(context, allEdges), key, depth, focus);
            whole = externals === 'all' ? cut : collapsedExternals(cut, externals);
          } catch (error) {
            whole = error;
          }
          const fast = (() => {
            try {
              return graphView(context, { level: 'workload', focus, depth, allEdges, externals });
            } catch (error) {
              return error;
            }
          })();
          expect(fast, `${root} ${focus} depth ${depth} all ${allEdges} ${externals}`).toEqual(whole);
          compared++;
        }
      }
    }
  }
  return compared;
}

describe('graph --focus at workload level', () => {
  it('is the whole graph cut to the neighbourhood, on the fixtures', async () => {
    expect(await expectCutAlike(join(repo, 'tests', 'fixtures', 'query'), ['crm', 'payroll', 'billing', 'external:salesforce', 'external:stripe', 'external:nothing-here'])).toBeGreaterThan(0);
    expect(await expectCutAlike(join(repo, 'examples', 'contoso'), ['crm', 'payroll', 'ci-build', 'external:concur', 'external:bank-sftp'])).toBeGreaterThan(0);
  });

  it('is the whole graph cut to the neighbourhood, on a generated estate', async () => {
    const root = join(tempDir(), 'estate');
    generateEstate('XS', root);
    // The first and the last workload, one between, and a server's focus.
    expect(await expectCutAlike(root, ['wl-42', 'wl-0', 'wl-99', 'SRV000210'])).toBeGreaterThan(0);
  });
});
