// Deterministic estates for the benchmark (SPEC §7): S, M and L, one file per workload with its
// servers and its dependency edges beside it, and the other collections in shared files.
// The same scale always gives the same bytes, so figures compare across runs and machines.
//
//   node bench/generate-estate.mjs --scale M [--out bench/estates/M]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SCALES = {
  // XS is for the tests: the S estate's shapes (waves, move groups, every kind of file) in a third of the time.
  XS: { workloads: 100, servers: 300, dependencies: 500 },
  S: { workloads: 200, servers: 1_000, dependencies: 2_000 },
  M: { workloads: 2_000, servers: 10_000, dependencies: 20_000 },
  L: { workloads: 10_000, servers: 50_000, dependencies: 100_000 },
};

/** mulberry32: a small seeded generator, so that estates are the same everywhere. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRATEGIES = ['rehost', 'rehost', 'rehost', 'replatform', 'refactor', 'replace', 'retire'];
const STATUSES = ['identified', 'assessing', 'ready', 'scheduled', 'migrating', 'migrated'];
const OSES = [
  ['Windows Server 2019 Standard', 'windows'],
  ['Windows Server 2016 Standard', 'windows'],
  ['Red Hat Enterprise Linux 8.6', 'linux'],
  ['Ubuntu 20.04', 'linux'],
];
const ROLES = ['web', 'app', 'db', 'batch', 'file'];
const CRITICALITY = ['mission-critical', 'unit-critical', 'high', 'medium', 'low'];
const LEVELS = ['high', 'medium', 'low'];

export function generateEstate(scale, out) {
  const size = SCALES[scale];
  if (!size) throw new Error(`unknown scale ${scale}: use XS, S, M or L`);
  const next = random(0x5eed + size.workloads);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const waveCount = Math.max(4, Math.round(size.workloads / 400));
  // Waves in blocks of workloads, so that dependencies on earlier workloads never point later.
  const waveOf = (workload) => Math.min(waveCount, 1 + Math.floor((workload / size.workloads) * waveCount));
  const serversPer = size.servers / size.workloads;
  const dependenciesPer = size.dependencies / size.workloads;

  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'workloads'), { recursive: true });
  writeFileSync(
    join(out, 'backlog.yaml'),
    [
      '# yaml-language-server: $schema=../../../schemas/backlog.schema.json',
      `# A generated estate (scale ${scale}) for the benchmark.`,
      'project:',
      `  name: Generated estate ${scale}`,
      'priorities:',
      '  - { id: dc-exit, title: Exit the datacenter, rank: 1, rationale: The lease ends. }',
      '  - { id: cost, title: Cut run cost, rank: 2, rationale: Hardware refresh is due. }',
      '  - { id: agility, title: Ship faster, rank: 3, rationale: Releases take weeks. }',
      'waves:',
      ...Array.from({ length: waveCount }, (_, i) => `  - { id: wave-${i + 1}, order: ${i + 1} }`),
      'assumptions:',
      '  - { id: bandwidth, statement: The link gives 10 Gbps, status: validated }',
      '  - { id: licences, statement: Licences move with us, review_by: 2099-12-31 }',
      'outcomes:',
      '  - id: exit',
      '    title: Datacenter closed',
      '    category: fiscal',
      '    metrics:',
      '      - { id: moved, name: Workloads migrated, kind: progress, measure: percent-workloads-migrated, target: 100 }',
      '      - { id: racks, name: Racks in use, kind: business, baseline: 120, current: 90, target: 0 }',
      '',
    ].join('\n'),
  );

  const serverIds = [];
  let dependencyCount = 0;
  for (let w = 0; w < size.workloads; w++) {
    const wave = waveOf(w);
    const servers = [];
    const count = Math.round(serversPer * (w + 1)) - Math.round(serversPer * w);
    for (let s = 0; s < count; s++) {
      const [os, family] = pick(OSES);
      const id = `SRV${String(serverIds.length).padStart(6, '0')}`;
      serverIds.push(id);
      servers.push({ id, os, family, role: pick(ROLES), cores: pick([2, 4, 4, 8, 16]), memory: pick([8, 16, 32, 64]), ip: `10.${(w >> 8) & 255}.${w & 255}.${s + 10}` });
    }
    const strategy = pick(STRATEGIES);
    const status = strategy === 'retire' ? 'retired' : pick(STATUSES);
    const dependsOn = [];
    const edges = [];
    const edgeCount = Math.round(dependenciesPer * (w + 1)) - Math.round(dependenciesPer * w);
    // A few move groups: pairs of neighbours in one wave that call each other. The first of a
    // pair (this one, when the next is a second) names the next; the second names this one.
    const cycle = w % 97 === 1 && w > 0;
    if (cycle) dependsOn.push(`wl-${w - 1}`);
    if ((w + 1) % 97 === 1 && w + 1 < size.workloads && waveOf(w + 1) === wave) dependsOn.push(`wl-${w + 1}`);
    for (let e = 0; e < edgeCount && w > 0; e++) {
      const target = Math.floor(next() * w);
      if (e === 0 && !dependsOn.includes(`wl-${target}`)) dependsOn.push(`wl-${target}`);
      const from = servers.length > 0 ? servers[e % servers.length].id : undefined;
      const toServer = serverIds[Math.min(serverIds.length - 1, Math.floor((target / size.workloads) * size.servers))];
      const port = pick([443, 1433, 1521, 5432, 8080]);
      // The same edge twice would be a DUPLICATE_ID: the estate is meant to validate clean.
      if (from && toServer && !edges.some((edge) => edge.from === from && edge.to === toServer && edge.port === port)) edges.push({ from, to: toServer, port });
    }
    const lines = [];
    if (w % 10 === 0) lines.push(`# Workload ${w}: reviewed with its owner.`);
    lines.push(
      'workloads:',
      `  - id: wl-${w}`,
      `    name: Workload ${w}`,
      `    owner: owner${w % 97}@example.com`,
      `    criticality: ${pick(CRITICALITY)}`,
      `    priority: ${pick(LEVELS)}`,
      ...(w % 3 === 0 ? [`    rank: ${1 + (w % 7)}`] : []),
      `    drivers: [${pick(['dc-exit', 'cost', 'agility'])}]`,
      `    strategy: ${strategy}`,
      `    status: ${status}`,
      `    wave: wave-${wave}`,
      ...(dependsOn.length > 0 ? [`    depends_on: [${dependsOn.join(', ')}]`] : []),
      `    environment: ${pick(['production', 'test', 'development'])}`,
      `    tags: [generated, ${pick(['finance', 'sales', 'hr', 'ops'])}]`,
    );
    if (cycle) {
      // The other half of the move group lives in the previous file; say it here too.
      lines.push(`    x-move-group: wl-${w - 1}`);
    }
    lines.push('servers:');
    for (const s of servers) {
      if (w % 5 === 0) {
        lines.push(`  - { id: ${s.id}, workloads: [wl-${w}], os: ${s.os}, os_family: ${s.family}, cores: ${s.cores}, memory_gb: ${s.memory}, ips: [${s.ip}], status: ${status === 'migrated' ? 'migrated' : 'not-started'} }`);
      } else {
        lines.push(
          `  - id: ${s.id}`,
          `    workloads: [wl-${w}]`,
          `    role: ${s.role}`,
          `    os: ${s.os}`,
          `    os_family: ${s.family}`,
          '    platform: vmware',
          `    cores: ${s.cores}`,
          `    memory_gb: ${s.memory}`,
          `    disk_gb: ${s.cores * 50}`,
          `    ips: [${s.ip}]`,
          `    status: ${status === 'migrated' ? 'migrated' : 'not-started'}`,
        );
      }
    }
    if (edges.length > 0) {
      lines.push('dependencies:');
      for (const edge of edges) lines.push(`  - { from: server:${edge.from}, to: server:${edge.to}, port: ${edge.port}, protocol: tcp, kind: observed }`);
      dependencyCount += edges.length;
    }
    writeFileSync(join(out, 'workloads', `wl-${w}.yaml`), `${lines.join('\n')}\n`);
  }
  return { ...size, dependencies: dependencyCount + 0, waves: waveCount, out };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const scale = args[args.indexOf('--scale') + 1] ?? 'S';
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : join('bench', 'estates', scale);
  const made = generateEstate(scale, out);
  console.log(`generated ${scale}: ${made.workloads} workloads, ${made.servers} servers, ${made.dependencies} server dependencies, ${made.waves} waves in ${out}`);
}
