// backlog graph: Mermaid, DOT and JSON for the whole fixture, a focused neighbourhood, a wave,
// the server and the wave level; Mermaid kept safe (generated node ids, quoted and escaped
// labels) and parsed by Mermaid itself; move groups, cross-wave and wrong-way edges marked by
// their look; parallel edges merged; systems outside collapsed unless asked; shared-infra and
// noise edges only with --all-edges; the DOT rendered by Graphviz when it is installed.
// Fixture: tests/fixtures/query.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMermaid } from '../helpers/mermaid-parser.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { copyOf, read, tempDir } from '../helpers/temp-dir.js';

const repo = join(import.meta.dirname, '..', '..');
const ROOT = join('tests', 'fixtures', 'query');
const golden = (name: string) => join(import.meta.dirname, '..', 'golden', 'query', name);

const hasDot = existsSync('/usr/bin/dot') || spawnSync('dot', ['-V']).status === 0;

interface View {
  level: string;
  clusters: Array<{ key: string; label: string }>;
  nodes: Array<{ key: string; kind: string; id: string; label: string; cluster: string | null; moveGroup: string | null; status: string | null; size: number }>;
  edges: Array<{ from: string; to: string; classification: string; crossWave: boolean; wrongWay: boolean; count: number }>;
}

function graph(...args: string[]): Promise<CliResult> {
  return runCli(['graph', '--root', ROOT, ...args], { cwd: repo });
}

/** The output, after checking that it succeeded quietly; Mermaid output parsed by Mermaid. */
async function output(...args: string[]): Promise<string> {
  const result = await graph(...args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  if (!args.includes('-f')) await parseMermaid(result.stdout);
  return result.stdout;
}

async function view(...args: string[]): Promise<View> {
  return JSON.parse(await output(...args, '-f', 'json')) as View;
}

/** A Mermaid flowchart read back: node ids with their (unescaped) labels, edges, classes. */
interface Mermaid {
  labels: Map<string, string>;
  edges: Array<{ from: string; arrow: string; to: string }>;
  classes: Map<string, string[]>;
  /** Each edge index with its style. */
  linkStyles: Map<number, string>;
  subgraphs: string[];
}

const NODE = /^\s+(\S+?)(?:\["(.*)"\]|\(\["(.*)"\]\)|\[\["(.*)"\]\])$/;
const SUBGRAPH = /^ {2}subgraph (\S+?)\["(.*)"\]$/;
const EDGE = /^ {2}(\S+) ((?:-->|==>|-\.->)(?:\|[^|]*\|)?) (\S+)$/;

function readMermaid(text: string): Mermaid {
  const lines = text.trimEnd().split('\n');
  expect(lines[0]).toBe('flowchart LR');
  const parsed: Mermaid = { labels: new Map(), edges: [], classes: new Map(), linkStyles: new Map(), subgraphs: [] };
  for (const line of lines.slice(1)) {
    let match: RegExpExecArray | null;
    if ((match = SUBGRAPH.exec(line))) {
      expect(match[1]).toMatch(/^c\d+$/);
      parsed.subgraphs.push(match[2]!);
    } else if (line === '  end' || line.startsWith('  classDef ')) {
      continue;
    } else if ((match = EDGE.exec(line))) {
      parsed.edges.push({ from: match[1]!, arrow: match[2]!, to: match[3]! });
    } else if ((match = /^ {2}class (\S+) (\S+)$/.exec(line))) {
      parsed.classes.set(match[2]!, match[1]!.split(','));
    } else if ((match = /^ {2}linkStyle ([\d,]+) (\S+)$/.exec(line))) {
      for (const index of match[1]!.split(',')) parsed.linkStyles.set(Number(index), match[2]!);
    } else if ((match = NODE.exec(line))) {
      parsed.labels.set(match[1]!, match[2] ?? match[3] ?? match[4]!);
    } else {
      throw new Error(`unexpected Mermaid line: ${line}`);
    }
  }
  return parsed;
}

/**
 * What may stand inside a quoted Mermaid label: no raw `"` (it would end the label), no `#`
 * other than an entity code, no `|`, no `<`/`>` other than the <br/> and <i> markup we write.
 */
function expectSafeLabel(label: string): void {
  const bare = label.replace(/<br\/>|<\/?i>/g, '').replace(/#\d+;/g, '');
  expect(bare).not.toMatch(/["#<>|`]/);
}

function nodeId(mermaid: Mermaid, id: string): string {
  const found = [...mermaid.labels].find(([, label]) => label === id || label.startsWith(`${id}<br/>`));
  expect(found, `no node for ${id}`).toBeDefined();
  return found![0];
}

function expectRendersWithGraphviz(dot: string): void {
  const rendered = spawnSync('dot', ['-Tsvg'], { input: dot, encoding: 'utf8' });
  expect(rendered.stderr).toBe('');
  expect(rendered.status).toBe(0);
  expect(rendered.stdout).toContain('<svg');
}

describe('graph: the whole backlog at workload level', () => {
  it('mermaid (the default): golden, safe ids and labels', async () => {
    const text = await output();
    await expect(text).toMatchFileSnapshot(golden('graph.mermaid.txt'));
    const mermaid = readMermaid(text);
    expect(mermaid.labels.size).toBe(11); // 10 workloads, and the 2 systems outside as one
    for (const [id, label] of mermaid.labels) {
      expect(id).toMatch(/^n\d+$/);
      expectSafeLabel(label);
    }
    for (const label of mermaid.subgraphs) expectSafeLabel(label);
    // Clusters: the waves in order (the empty one left out), then no wave and the outside.
    expect(mermaid.subgraphs).toEqual(['wave-1: Pilot', 'wave-2: Core #38; customer', 'no wave', 'outside the estate']);
    // `"`, `<`, `>`, `#` and `|` in billing's name come out as Mermaid entity codes.
    expect(mermaid.labels.get(nodeId(mermaid, 'billing'))).toBe('billing<br/>Billing, #34;Pay#34; #60;EU#62; #35;1 #124; B2B<br/><i>mg-1</i>');
  });

  it('mermaid: move groups marked; the wrong-way edge thick, red and labelled; cross-wave edges blue, without a label', async () => {
    const mermaid = readMermaid(await output());
    const id = (workload: string) => nodeId(mermaid, workload);
    expect(mermaid.classes.get('moveGroup')?.sort()).toEqual([id('billing'), id('crm')].sort());
    expect(mermaid.labels.get(id('crm'))).toBe('crm<br/>CRM<br/><i>mg-1</i>');
    expect(mermaid.labels.get(id('payroll'))).toBe('payroll<br/>Payroll');
    const edge = (from: string, to: string) => mermaid.edges.findIndex((e) => e.from === id(from) && e.to === to);
    // payroll (wave-1) depends on erp (wave-2): the wrong way.
    const wrong = edge('payroll', id('erp'));
    expect(mermaid.edges[wrong]?.arrow).toBe('==>|wrong way|');
    expect(mermaid.linkStyles.get(wrong)).toBe('stroke:#dc2626,stroke-width:3px');
    // intranet (wave-2) depends on payroll (wave-1): across waves, the right way; said by colour.
    const across = edge('intranet', id('payroll'));
    expect(mermaid.edges[across]?.arrow).toBe('-->');
    expect(mermaid.linkStyles.get(across)).toBe('stroke:#2563eb');
    expect(mermaid.edges[edge('crm', id('billing'))]?.arrow).toBe('-->');
    expect(mermaid.linkStyles.has(edge('crm', id('billing')))).toBe(false);
    expect(mermaid.edges.filter((e) => e.arrow.includes('|'))).toEqual([mermaid.edges[wrong]]);
    // Systems outside the estate: one node for the two, named in it.
    const outside = mermaid.classes.get('external')!;
    expect(outside.map((n) => mermaid.labels.get(n))).toEqual(['2 systems outside (external)<br/>salesforce, stripe']);
    expect(mermaid.edges.filter((e) => e.to === outside[0]).map((e) => e.arrow)).toEqual(['-.->', '-.->']);
    // Without --all-edges: no shared-infra (payroll -> mainframe) and no noise (intranet -> payroll).
    expect(mermaid.edges).toHaveLength(11);
  });

  it('--externals all shows each system outside, --externals none none of them', async () => {
    const all = readMermaid(await output('--externals', 'all'));
    expect(all.classes.get('external')?.map((n) => all.labels.get(n))).toEqual(['salesforce', 'stripe']);
    const none = readMermaid(await output('--externals', 'none'));
    expect(none.classes.has('external')).toBe(false);
    expect(none.edges).toHaveLength(9);
  });

  it('--all-edges adds the shared-infra and noise edges, dotted and faint', async () => {
    const text = await output('--all-edges');
    await expect(text).toMatchFileSnapshot(golden('graph.all-edges.mermaid.txt'));
    const mermaid = readMermaid(text);
    const id = (workload: string) => nodeId(mermaid, workload);
    expect(mermaid.edges).toHaveLength(12);
    const infra = mermaid.edges.findIndex((e) => e.from === id('payroll') && e.to === id('mainframe'));
    expect(mermaid.edges[infra]?.arrow).toBe('-.->');
    expect(mermaid.linkStyles.get(infra)).toBe('stroke:#9ca3af');
    // intranet -> payroll is app and noise: one edge, app (the more binding), still blue.
    const both = mermaid.edges.filter((e) => e.from === id('intranet') && e.to === id('payroll'));
    expect(both).toEqual([{ from: id('intranet'), arrow: '-->', to: id('payroll') }]);
    // The wrong-way edge keeps its style, on its new index.
    const wrong = mermaid.edges.findIndex((edge) => edge.arrow === '==>|wrong way|');
    expect(mermaid.edges[wrong]).toEqual({ from: id('payroll'), arrow: '==>|wrong way|', to: id('erp') });
    expect(mermaid.linkStyles.get(wrong)).toBe('stroke:#dc2626,stroke-width:3px');
  });

  it('dot: golden', async () => {
    const text = await output('-f', 'dot');
    await expect(text).toMatchFileSnapshot(golden('graph.dot.txt'));
    expect(text).toContain('"workload:billing" [label="billing\\nBilling, \\"Pay\\" <EU> #1 | B2B\\nmove group mg-1", color="#d97706", penwidth=2];');
    expect(text).toContain('"workload:payroll" -> "workload:erp" [color="#dc2626", penwidth=2, label="wrong way"];');
    expect(text).toContain('"workload:intranet" -> "workload:payroll" [color="#2563eb"];');
    expect(text).toContain('label="wave-2: Core & customer";');
    expect(text.match(/label="/g)).toHaveLength(16); // 11 nodes, 4 clusters and one edge: the wrong way
  });

  it.skipIf(!hasDot)('dot: renders with Graphviz, with and without --all-edges', async () => {
    expectRendersWithGraphviz(await output('-f', 'dot'));
    expectRendersWithGraphviz(await output('-f', 'dot', '--all-edges'));
  });

  it('json: golden, nodes clustered by wave, edges marked and counted', async () => {
    const text = await output('-f', 'json');
    await expect(text).toMatchFileSnapshot(golden('graph.json'));
    const graphView = JSON.parse(text) as View;
    expect(graphView.level).toBe('workload');
    expect(graphView.clusters.map((cluster) => cluster.key)).toEqual(['wave-1', 'wave-2', 'final', 'no-wave', 'outside']);
    const cluster = Object.fromEntries(graphView.nodes.map((node) => [node.key, node.cluster]));
    expect(cluster).toEqual({
      'workload:archive': 'no-wave',
      'workload:billing': 'wave-2',
      'workload:crm': 'wave-2',
      'workload:data-lake': 'wave-1',
      'workload:erp': 'wave-2',
      'workload:hr-portal': 'no-wave',
      'workload:intranet': 'wave-2',
      'workload:legacy-fax': 'no-wave',
      'workload:mainframe': 'no-wave',
      'workload:payroll': 'wave-1',
      'externals:external': 'outside',
    });
    expect(graphView.nodes.find((node) => node.kind === 'externals')).toMatchObject({ id: 'external', size: 2 });
    expect(graphView.nodes.filter((node) => node.moveGroup !== null).map((node) => [node.id, node.moveGroup])).toEqual([
      ['billing', 'mg-1'],
      ['crm', 'mg-1'],
    ]);
    expect(graphView.edges.filter((edge) => edge.wrongWay)).toEqual([
      { from: 'workload:payroll', to: 'workload:erp', classification: 'app', crossWave: true, wrongWay: true, count: 1 },
    ]);
    expect(graphView.edges.filter((edge) => edge.crossWave && !edge.wrongWay)).toEqual([
      { from: 'workload:intranet', to: 'workload:payroll', classification: 'app', crossWave: true, wrongWay: false, count: 1 },
    ]);
    expect(graphView.edges.map((edge) => `${edge.from}->${edge.to}`).sort()).toEqual(
      [
        'workload:billing->workload:crm',
        'workload:payroll->workload:erp',
        'workload:crm->workload:billing',
        'workload:intranet->workload:payroll',
        'workload:intranet->workload:crm',
        'workload:hr-portal->workload:mainframe',
        'workload:hr-portal->workload:legacy-fax',
        'workload:hr-portal->workload:data-lake',
        'workload:hr-portal->workload:erp',
        'workload:crm->externals:external',
        'workload:billing->externals:external',
      ].sort(),
    );
  });

  it('merges parallel edges into one that counts them', async () => {
    const root = tempDir({
      'backlog.yaml': `workloads:
  - { id: app, name: App, owner: O, depends_on: [db] }
  - { id: db, name: DB, owner: O }
servers:
  - { id: A1, workloads: [app] }
  - { id: A2, workloads: [app] }
  - { id: D1, workloads: [db] }
dependencies:
  - { from: server:A1, to: server:D1, port: 1433 }
  - { from: server:A2, to: server:D1, port: 1433 }
  - { from: server:A1, to: server:D1, port: 53, classification: shared-infra }
`,
    });
    const result = await runCli(['graph', '--root', root, '-f', 'json', '--all-edges']);
    expect((JSON.parse(result.stdout) as View).edges).toEqual([{ from: 'workload:app', to: 'workload:db', classification: 'app', crossWave: false, wrongWay: false, count: 4 }]);
  });
});

describe('graph --level wave and --wave', () => {
  it('--level wave: a node per wave, edges between waves counted', async () => {
    const text = await output('--level', 'wave');
    await expect(text).toMatchFileSnapshot(golden('graph.wave.mermaid.txt'));
    const graphView = await view('--level', 'wave');
    expect(graphView.level).toBe('wave');
    expect(graphView.nodes.map((node) => [node.key, node.size])).toEqual([
      ['wave:wave-1', 2],
      ['wave:wave-2', 4],
      ['wave:no-wave', 4],
      ['externals:external', 2],
    ]);
    expect(graphView.edges.map((edge) => [edge.from, edge.to, edge.count, edge.wrongWay])).toEqual([
      ['wave:wave-1', 'wave:wave-2', 1, true],
      ['wave:wave-2', 'wave:wave-1', 1, false],
      ['wave:no-wave', 'wave:wave-1', 1, false],
      ['wave:no-wave', 'wave:wave-2', 1, false],
      ['wave:wave-2', 'externals:external', 2, false],
    ]);
  });

  it('--wave: the workloads of one wave; the other waves they touch as one node each', async () => {
    const graphView = await view('--wave', 'wave-1');
    expect(graphView.nodes.map((node) => node.key)).toEqual(['wave:wave-2', 'wave:no-wave', 'workload:data-lake', 'workload:payroll']);
    expect(graphView.edges.map((edge) => `${edge.from}->${edge.to}`)).toEqual(['workload:payroll->wave:wave-2', 'wave:wave-2->workload:payroll', 'wave:no-wave->workload:data-lake']);
    await output('--wave', 'wave-1');
    expect((await graph('--wave', 'wave-9')).stderr).toBe('backlog: --wave wave-9: there is no wave `wave-9`\nhint: did you mean `wave-1`?\n');
    expect((await graph('--wave', 'nothing-like-it')).stderr).toBe('backlog: --wave nothing-like-it: there is no wave `nothing-like-it`\nhint: the waves are wave-1, wave-2, final\n');
    expect((await graph('--wave', 'wave-1', '--level', 'server')).code).toBe(2);
  });
});

describe('graph --focus', () => {
  it('--depth 1: the workload and its direct neighbours, either direction (golden in every format)', async () => {
    const focus = ['--focus', 'payroll', '--depth', '1'];
    const mermaid = await output(...focus);
    await expect(mermaid).toMatchFileSnapshot(golden('graph.focus.mermaid.txt'));
    const dot = await output(...focus, '-f', 'dot');
    await expect(dot).toMatchFileSnapshot(golden('graph.focus.dot.txt'));
    const json = await output(...focus, '-f', 'json');
    await expect(json).toMatchFileSnapshot(golden('graph.focus.json'));

    const graphView = JSON.parse(json) as View;
    expect(graphView.nodes.map((node) => node.id).sort()).toEqual(['erp', 'intranet', 'payroll']);
    expect(graphView.edges).toEqual([
      { from: 'workload:payroll', to: 'workload:erp', classification: 'app', crossWave: true, wrongWay: true, count: 1 },
      { from: 'workload:intranet', to: 'workload:payroll', classification: 'app', crossWave: true, wrongWay: false, count: 1 },
    ]);
    const read = readMermaid(mermaid);
    for (const id of read.labels.keys()) expect(id).toMatch(/^n\d+$/);
    expect(read.linkStyles.get(read.edges.findIndex((edge) => edge.arrow === '==>|wrong way|'))).toBe('stroke:#dc2626,stroke-width:3px');
    expect([...read.linkStyles.values()].sort()).toEqual(['stroke:#2563eb', 'stroke:#dc2626,stroke-width:3px']);
  });

  it('--depth 2 reaches further; --all-edges brings in shared-infra and noise neighbours', async () => {
    expect((await view('--focus', 'payroll', '--depth', '2')).nodes.map((node) => node.id).sort()).toEqual(['crm', 'erp', 'hr-portal', 'intranet', 'payroll']);
    expect((await view('--focus', 'payroll', '--depth', '1', '--all-edges')).nodes.map((node) => node.id).sort()).toEqual(['erp', 'intranet', 'mainframe', 'payroll']);
    expect((await view('--focus', 'external:stripe')).nodes.map((node) => node.key)).toEqual(['workload:billing', 'external:stripe']);
    // A server, at workload level, stands for its workload.
    expect((await view('--focus', 'SQL01')).nodes.map((node) => node.id).sort()).toEqual(['erp', 'hr-portal', 'payroll']);
  });

  it.skipIf(!hasDot)('dot: renders with Graphviz', async () => {
    expectRendersWithGraphviz(await output('--focus', 'payroll', '--depth', '1', '-f', 'dot'));
  });

  it('an unknown focus: exit 2', async () => {
    const result = await graph('--focus', 'nope');
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'backlog: no entity `nope` in the backlog\n' });
    const close = await graph('--focus', 'payrol');
    expect(close.code).toBe(2);
    expect(close.stderr).toContain('did you mean `workload:payroll`?');
  });

  it('a focus that is no workload or server: exit 2', async () => {
    const result = await graph('--focus', 'risk-vendor');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('focus on a workload or a server');
  });
});

describe('graph --level server', () => {
  it('servers clustered by workload, their edges, the outside (golden in every format)', async () => {
    const mermaid = await output('--level', 'server');
    await expect(mermaid).toMatchFileSnapshot(golden('graph.server.mermaid.txt'));
    const dot = await output('--level', 'server', '-f', 'dot');
    await expect(dot).toMatchFileSnapshot(golden('graph.server.dot.txt'));
    const json = await output('--level', 'server', '-f', 'json');
    await expect(json).toMatchFileSnapshot(golden('graph.server.json'));

    const read = readMermaid(mermaid);
    for (const [id, label] of read.labels) {
      expect(id).toMatch(/^n\d+$/);
      expectSafeLabel(label);
    }
    for (const label of read.subgraphs) expectSafeLabel(label);
    expect(read.subgraphs).toContain('billing: Billing, #34;Pay#34; #60;EU#62; #35;1 #124; B2B');

    const graphView = JSON.parse(json) as View;
    expect(graphView.level).toBe('server');
    expect(graphView.nodes).toHaveLength(14); // 13 servers and stripe
    expect(graphView.nodes.find((node) => node.id === 'HR01')?.cluster).toBe('hr-portal');
    expect(graphView.nodes.find((node) => node.id === 'SQL01')).toMatchObject({ cluster: 'erp', label: 'database', status: 'replicating' });
    expect(graphView.nodes.filter((node) => node.moveGroup !== null).map((node) => node.id)).toEqual(['BILL01', 'CRM01']);
    expect(graphView.edges).toEqual([
      { from: 'server:pay-app01', to: 'server:sql01', classification: 'app', crossWave: true, wrongWay: true, count: 1 },
      { from: 'server:bill01', to: 'external:stripe', classification: 'external', crossWave: false, wrongWay: false, count: 1 },
    ]);
    const all = await view('--level', 'server', '--all-edges');
    expect(all.edges.map((edge) => `${edge.from}->${edge.to}:${edge.classification}`)).toEqual([
      'server:pay-app01->server:sql01:app',
      'server:pay-app01->server:mf01:shared-infra',
      'server:intra01->server:pay-app01:noise',
      'server:bill01->external:stripe:external',
    ]);
  });

  it.skipIf(!hasDot)('dot: renders with Graphviz', async () => {
    expectRendersWithGraphviz(await output('--level', 'server', '-f', 'dot'));
    expectRendersWithGraphviz(await output('--level', 'server', '-f', 'dot', '--all-edges'));
  });

  // Was a bug (cosmetic), kept as a regression test: a server's label is already `ID (role)`, and the formatters print the id
  // and then the label when the two differ, so every server with a role shows its id twice:
  // Mermaid `SQL01<br/>SQL01 (database)`, DOT `SQL01\nSQL01 (database)`. (The server-level
  // goldens show the fixed labels.)
  it('a server with a role shows its id once', async () => {
    const mermaid = readMermaid(await output('--level', 'server'));
    const sql = [...mermaid.labels.values()].find((label) => label.includes('SQL01'));
    expect(sql?.match(/SQL01/g)).toHaveLength(1);
    const dot = await output('--level', 'server', '-f', 'dot');
    expect(dot).toMatch(/"server:sql01" \[label="[^"]*"/);
    expect(/"server:sql01" \[label="([^"]*)"/.exec(dot)![1]!.match(/SQL01/g)).toHaveLength(1);
  });

  // Was a bug, kept as a regression test: a server of no workload (as an import leaves it) was refused at workload level as
  // `server:win02 is not in the workload graph`: its id lower-cased, and no word of the level that shows it.
  it('a server of no workload has no node at workload level: --focus on it is exit 2, named as written, with the level that shows it', async () => {
    const root = copyOf(join(repo, ROOT));
    writeFileSync(join(root, 'servers.yaml'), `${read(root, 'servers.yaml')}  - { id: Win02, cores: 2, memory_gb: 4 }\n`);
    const refused = await runCli(['graph', '--root', root, '--focus', 'server:Win02'], { cwd: repo });
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr: 'backlog: --focus server:Win02: the server belongs to no workload, so the workload graph has no node for it\nhint: add --level server to see the server and its dependencies\n',
    });
    expect((await runCli(['graph', '--root', root, '--level', 'server', '--focus', 'server:Win02', '-f', 'json'], { cwd: repo })).code).toBe(0);
  });

  it('a workload has no node at server level: --focus on it is exit 2, on a server works', async () => {
    expect(await graph('--level', 'server', '--focus', 'payroll')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'backlog: --focus payroll: not in the server graph\nhint: a workload has no node at server level; focus on one of its servers\n',
    });
    expect((await view('--level', 'server', '--focus', 'PAY-APP01')).nodes.map((node) => node.id).sort()).toEqual(['PAY-APP01', 'SQL01']);
  });

  // Was a bug, kept as a regression test: at server level an edge is "wrong way" by a rule of its own, not WAVE_ORDER's (which the
  // workload level follows): an edge to a server whose workload has NO wave is never marked,
  // and one to a server whose workload has already MOVED (migrated) in a later wave is marked.
  // Here the workload graph marks app -> db (WAVE_ORDER warns about it) and not app -> old;
  // the server graph marks APP1 -> OLD1 and not APP1 -> DB1: exactly the other way round.
  it('wrong-way edges agree with the workload level (and WAVE_ORDER)', async () => {
    const root = tempDir({
      'backlog.yaml': `waves:
  - { id: w1, order: 1 }
  - { id: w2, order: 2 }
workloads:
  - { id: app, name: App, owner: O, strategy: rehost, wave: w1 }
  - { id: db, name: DB, owner: O, strategy: rehost }
  - { id: old, name: Old, owner: O, strategy: rehost, status: migrated, wave: w2 }
servers:
  - { id: APP1, workloads: [app] }
  - { id: DB1, workloads: [db] }
  - { id: OLD1, workloads: [old], status: migrated }
dependencies:
  - { from: server:APP1, to: server:DB1, port: 1433 }
  - { from: server:APP1, to: server:OLD1, port: 443 }
`,
    });
    const wrongWay = async (level: string) => {
      const result = await runCli(['graph', '--root', root, '--level', level, '-f', 'json']);
      expect(result.code).toBe(0);
      return (JSON.parse(result.stdout) as View).edges.map((edge) => [edge.to, edge.wrongWay]);
    };
    expect(await wrongWay('workload')).toEqual([
      ['workload:db', true],
      ['workload:old', false],
    ]);
    expect(await wrongWay('server')).toEqual([
      ['server:db1', true],
      ['server:old1', false],
    ]);
  });
});
