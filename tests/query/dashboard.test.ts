// The dashboard's data: what each part of the HTML report shows, for the example and for an
// estate too large to draw whole.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backlogTable } from '../../src/query/dashboard/backlog-table.js';
import { buildDashboard, inPriorityOrder, type Dashboard } from '../../src/query/dashboard/dashboard.js';
import { dependencyPictures, MOST_NODES } from '../../src/query/dashboard/dependency-pictures.js';
import { tempDir } from '../helpers/temp-dir.js';
import { validateDir } from '../helpers/validate-dir.js';

const contoso = join(import.meta.dirname, '..', '..', 'examples', 'contoso');

/** The dashboard, with the parts the page asks for apart (the same on any day). */
async function dashboardOf(root: string, asOf: string) {
  const result = await validateDir(root, asOf);
  const context = { backlog: result.backlog, graph: result.graph };
  const dashboard: Dashboard = buildDashboard(context, { asOf, diagnostics: result.diagnostics });
  return { ...dashboard, table: backlogTable(context, inPriorityOrder(result.backlog)), pictures: dependencyPictures(context) };
}

describe('the dashboard of examples/contoso', async () => {
  const dashboard = await dashboardOf(contoso, '2026-12-05');

  it('lists the workloads in the order of list --priority, with what selecting one shows', () => {
    const { table } = dashboard;
    const { workloads, servers } = table;
    expect(workloads.slice(0, 4).map((w) => w.id)).toEqual(['ecommerce', 'erp-finance', 'file-services', 'payroll']);
    const payroll = workloads.find((w) => w.id === 'payroll')!;
    expect(payroll.servers.map((index) => servers[index]!.id)).toEqual(['PAYAPP01', 'PAYSQL01', 'PAYBATCH01']);
    expect(payroll.dependsOn.map((edge) => `${workloads[edge.workload]!.id} ${edge.classification}`)).toEqual(expect.arrayContaining(['ad-dns shared-infra', 'email-relay shared-infra', 'file-services app', 'timesheets app']));
    expect(payroll.remediations.map((index) => table.remediations[index]!.id)).toContain('REM-001');
  });

  it('gives each priority the workloads it drives, in priority order', () => {
    expect(dashboard.priorities.map((p) => [p.id, p.rank, p.workloads.length])).toEqual([
      ['dc-exit', 1, 33],
      ['run-cost', 2, 7],
      ['end-of-support', 3, 11],
      ['peak-season', 4, 3],
    ]);
    expect(dashboard.priorities[3]!.workloads.map((w) => w.id)).toEqual(['ecommerce', 'wms', 'transport-mgmt']);
  });

  it("counts each wave's workloads by status, in the order a workload goes through them", () => {
    expect(dashboard.waves.map((w) => [w.id, w.by_status.map((s) => `${s.status} ${s.workloads}`).join(', ')])).toEqual([
      ['wave-1', 'migrated 3'],
      ['wave-2', 'scheduled 1, migrating 2, migrated 2'],
      ['wave-3', 'assessing 1, remediating 1, ready 3'],
      ['wave-4', 'assessing 3, remediating 2, ready 1'],
      ['wave-5', 'identified 1, assessing 3'],
      ['wave-6', 'assessing 1, ready 5'],
      ['(no wave)', 'identified 1, assessing 2'],
    ]);
  });

  it('finds the open remediations that hold up a wave, the earliest wave first, and those due after it starts', () => {
    expect(dashboard.attention.blocking_remediations.map((r) => [r.id, r.wave.id, r.late])).toEqual([
      ['REM-003', 'wave-2', true],
      ['REM-001', 'wave-3', false],
      ['REM-005', 'wave-4', false],
      ['REM-006', 'wave-4', false],
      ['REM-012', 'wave-4', false],
      ['REM-007', 'wave-5', false],
      ['REM-008', 'wave-5', false],
      ['REM-011', 'wave-6', true],
    ]);
    expect(dashboard.attention.risks.map((cell) => [cell.severity, cell.status, cell.risks.map((r) => r.id)])).toEqual([
      ['high', 'open', ['RISK-01', 'RISK-03']],
      ['high', 'mitigating', ['RISK-02']],
      ['medium', 'open', ['RISK-05']],
      ['medium', 'mitigating', ['RISK-04']],
    ]);
    // Rated for both, not closed: RISK-05 is not rated, RISK-06 is closed.
    expect(dashboard.attention.risk_grid.filter((cell) => cell.risks.length > 0).map((cell) => `${cell.likelihood} x ${cell.impact}: ${cell.risks.join(', ')}`)).toEqual([
      'high x medium: RISK-02',
      'medium x high: RISK-01',
      'medium x medium: RISK-03',
      'low x high: RISK-04',
    ]);
    expect(dashboard.attention.risk_grid).toHaveLength(9);
    expect(dashboard.attention.without_rationale).toEqual([{ id: 'fleet-tracking', name: 'Delivery fleet tracking', drivers: [] }]);
    expect(dashboard.attention.without_owner).toEqual([]);
  });

  it('draws a picture per wave, with the workloads of other waves and the outside collapsed', () => {
    const { pictures, tooLarge, notDrawn } = dashboard.pictures;
    expect(pictures.map((p) => p.title)).toEqual(dashboard.waves.map((w) => (w.id === '(no wave)' ? 'no wave' : `${w.id}: ${w.name}`)));
    expect([tooLarge, notDrawn]).toEqual([[], 0]);
    const wave3 = pictures[2]!;
    expect(wave3.nodes.filter((n) => n.kind === 'workload').map((n) => `${n.detail} ${n.moveGroup ?? ''}`.trim())).toEqual(['expenses', 'hr-portal mg-1', 'learning-mgmt', 'payroll mg-1', 'timesheets mg-1']);
    expect(wave3.nodes.filter((n) => n.kind !== 'workload').map((n) => `${n.label}: ${n.detail}`)).toEqual(
      expect.arrayContaining(['outside the estate: 2 systems', 'wave-2: Collaboration and end-user services: 1 workload']),
    );
    // Every edge joins two nodes of its picture.
    for (const picture of pictures) {
      const keys = new Set(picture.nodes.map((n) => n.key));
      for (const edge of picture.edges) expect(keys.has(edge.from) && keys.has(edge.to), `${picture.title}: ${edge.from} -> ${edge.to}`).toBe(true);
    }
  });
});

describe('the dependency pictures of an estate too large to draw whole', () => {
  it('draws the move groups of waves with more workloads than a picture holds', async () => {
    const root = tempDir();
    execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'bench', 'generate-estate.mjs'), '--scale', 'S', '--out', root]);
    const { pictures, tooLarge } = (await dashboardOf(root, '2026-06-01')).pictures;
    expect(tooLarge.map((w) => [w.title, w.workloads])).toEqual([
      ['wave-1', 50],
      ['wave-2', 50],
      ['wave-3', 50],
      ['wave-4', 50],
    ]);
    expect(pictures.map((p) => [p.kind, p.title])).toEqual([
      ['move-group', 'move group mg-1 (wave-1)'],
      ['move-group', 'move group mg-3 (wave-2)'],
      ['move-group', 'move group mg-2 (wave-4)'],
    ]);
    for (const picture of pictures) expect(picture.nodes.filter((n) => n.kind === 'workload').length).toBeLessThanOrEqual(MOST_NODES);
    expect(pictures[0]!.nodes.find((n) => n.key === 'wave:wave-1')?.label).toBe('rest of wave-1');
  });
});

describe('a picture whose workloads depend on many other waves', () => {
  it('draws one box for the earlier waves and one for the later ones', async () => {
    const waves = Array.from({ length: 9 }, (_, i) => `  - { id: w${i + 1}, order: ${i + 1} }`);
    const others = [1, 2, 3, 4, 6, 7, 8, 9].map((i) => `  - { id: in-w${i}, name: In w${i}, owner: O, strategy: rehost, wave: w${i}${i > 5 ? ', depends_on: [hub]' : ''} }`);
    const root = tempDir({
      'backlog.yaml': ['waves:', ...waves, 'workloads:', '  - { id: hub, name: Hub, owner: O, strategy: rehost, wave: w5, depends_on: [in-w1, in-w2, in-w3, in-w4] }', ...others, ''].join('\n'),
    });
    const hub = (await dashboardOf(root, '2026-06-01')).pictures.pictures.find((p) => p.title === 'w5')!;
    expect(hub.nodes.map((n) => `${n.label}: ${n.members.join(' ') || n.detail}`)).toEqual(['Hub: hub', 'waves before w5: in-w1 in-w2 in-w3 in-w4', 'waves after w5: in-w6 in-w7 in-w8 in-w9']);
    expect(hub.edges.map((e) => `${e.from} -> ${e.to} ×${e.count}`)).toEqual(['workload:hub -> earlier ×4', 'later -> workload:hub ×4']);
  });
});
