// `backlog set REF FIELD=VALUE ...`: values typed by the field's schema, written in place in the
// file the entity lives in (comments, layout and every other line kept), validated first.
import { chmodSync, cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/run-cli.js';
import { read, snapshot, tempDir } from '../helpers/temp-dir.js';

const CONTOSO = join(import.meta.dirname, '..', '..', 'examples', 'contoso');

function contoso(): string {
  const root = tempDir();
  cpSync(CONTOSO, root, { recursive: true });
  return root;
}

/** The lines of `after` that differ from `before`, position by position (same line count). */
function changedLines(before: string, after: string): Array<[number, string, string]> {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [[i + 1, line, b[i]!] as [number, string, string]]));
}

describe('backlog set on a copy of examples/contoso', () => {
  it('`set payroll priority=...` changes exactly one line and keeps every comment', async () => {
    const root = contoso();
    const before = snapshot(root);
    // Payroll is already high: nothing to write.
    expect(await runCli(['set', 'payroll', 'priority=high'], { cwd: root })).toEqual({ code: 0, stdout: 'Nothing to change.\n', stderr: '' });
    expect(snapshot(root)).toEqual(before);

    expect(await runCli(['set', 'payroll', 'priority=medium'], { cwd: root })).toEqual({ code: 0, stdout: 'Wrote workloads/payroll.yaml.\n', stderr: '' });
    const after = snapshot(root);
    for (const path of Object.keys(before)) if (path !== 'workloads/payroll.yaml') expect(after[path]).toBe(before[path]);
    expect(changedLines(before['workloads/payroll.yaml']!, after['workloads/payroll.yaml']!)).toEqual([[18, '    priority: high', '    priority: medium']]);
  });

  it('types values by the field: numbers, booleans, lists, nested fields and x- fields', async () => {
    const root = contoso();
    const before = read(root, 'workloads/payroll.yaml');
    const result = await runCli(['set', 'payroll', 'users=45', 'sla=0.99', 'revenue_impacting=true', 'tags=hr,sox,gdpr', 'target.region=centralus', 'x-cmdb-id=CI9', 'x-reviewed=true', 'x-seats=12', 'x-team=HR systems'], { cwd: root });
    expect(result).toEqual({ code: 0, stdout: 'Wrote workloads/payroll.yaml.\n', stderr: '' });
    const after = read(root, 'workloads/payroll.yaml');
    expect(after).toBe(
      before
        .replace('    users: 40\n    revenue_impacting: false\n    sla: 0.995\n', '    users: 45\n    revenue_impacting: true\n    sla: 0.99\n')
        .replace('      region: southcentralus\n      landing_zone: corp\n      subscription: sub-corp-prod-01', '      region: centralus\n      landing_zone: corp\n      subscription: sub-corp-prod-01')
        .replace('    tags: [hr, sox]\n    x-cmdb-id: CI0000457\n    x-vendor-support-id: PAY-CONTOSO-88231\n', '    tags: [hr, sox, gdpr]\n    x-cmdb-id: CI9\n    x-vendor-support-id: PAY-CONTOSO-88231\n    x-reviewed: true\n    x-seats: 12\n    x-team: HR systems\n'),
    );
    const payroll = (parse(after) as { workloads: Array<Record<string, unknown>> }).workloads[0]!;
    expect(payroll).toMatchObject({ users: 45, sla: 0.99, revenue_impacting: true, tags: ['hr', 'sox', 'gdpr'], 'x-reviewed': true, 'x-seats': 12, 'x-team': 'HR systems' });
    expect(payroll.target).toEqual({ region: 'centralus', landing_zone: 'corp', subscription: 'sub-corp-prod-01', service: 'Azure VMs' });
  });

  it('creates a missing nested mapping for `target.region`, where fmt puts it', async () => {
    const root = contoso();
    const before = read(root, 'workloads/legacy.yaml');
    expect((await runCli(['set', 'order-history', 'target.region=centralus'], { cwd: root })).code).toBe(0);
    expect(read(root, 'workloads/legacy.yaml')).toBe(before.replace('    users: 8\n    costs:', '    users: 8\n    target:\n      region: centralus\n    costs:'));
  });

  it('edits a nested field inside a flow mapping (`costs.currency`)', async () => {
    const root = contoso();
    const before = read(root, 'workloads/payroll.yaml');
    expect((await runCli(['set', 'payroll', 'costs.currency=EUR'], { cwd: root })).code).toBe(0);
    expect(changedLines(before, read(root, 'workloads/payroll.yaml'))).toEqual([
      [41, '    costs: { on_prem_monthly: 3800, cloud_monthly: 2900, migration_one_off: 22000, currency: USD }', '    costs: { on_prem_monthly: 3800, cloud_monthly: 2900, migration_one_off: 22000, currency: EUR }'],
    ]);
  });

  it('`null` (or nothing) removes a field with its line; the comment on another line stays', async () => {
    const root = contoso();
    const before = read(root, 'workloads/legacy.yaml');
    const result = await runCli(['set', 'mainframe-gateway', 'owner=null', 'x-exit-date='], { cwd: root });
    expect(result).toEqual({ code: 0, stdout: 'Wrote workloads/legacy.yaml.\n', stderr: '' });
    expect(read(root, 'workloads/legacy.yaml')).toBe(before.replace('    owner: Dana Whitfield (CFO)\n', '').replace('    x-exit-date: 2028-12-31\n', ''));
    // A removed owner is a warning, not an error: the change is written.
    const findings = JSON.parse((await runCli(['validate', '-f', 'json'], { cwd: root })).stdout) as { diagnostics: Array<{ code: string; entity?: string }> };
    expect(findings.diagnostics.filter((d) => d.entity === 'workload:mainframe-gateway').map((d) => d.code)).toEqual(['MISSING_OWNER']);
  });

  // Was a bug (issue 19, item 8): the block list became `[...]`, and the comments of the items it kept were lost.
  it('sets a block list item by item: the items kept keep their lines and comments', async () => {
    const root = contoso();
    const before = read(root, 'workloads/payroll.yaml');
    expect((await runCli(['set', 'payroll', 'depends_on=timesheets,file-services,hr-portal'], { cwd: root })).code).toBe(0);
    expect(read(root, 'workloads/payroll.yaml')).toBe(
      before.replace(
        '      - file-services # bank files are dropped on \\\\contoso\\finance\\bank-out\n',
        '      - file-services # bank files are dropped on \\\\contoso\\finance\\bank-out\n      - hr-portal\n',
      ),
    );
    expect((await runCli(['set', 'payroll', 'depends_on=file-services'], { cwd: root })).code).toBe(0);
    expect(read(root, 'workloads/payroll.yaml')).toBe(before.replace('      - timesheets # imports approved hours before every run\n', ''));
  });

  it('keeps a flow-mapping entity on its one line', async () => {
    const root = contoso();
    const before = read(root, 'workloads/legacy.yaml');
    expect((await runCli(['set', 'server:HISGW01', 'cores=12', 'tags=legacy,mainframe', 'x-rack=R7'], { cwd: root })).code).toBe(0);
    const changed = changedLines(before, read(root, 'workloads/legacy.yaml'));
    expect(changed).toHaveLength(1);
    expect(changed[0]![2]).toBe(
      '  - { id: HISGW01, workloads: [mainframe-gateway], role: Host Integration Server, os: Windows Server 2016 Standard, os_family: windows, platform: physical, environment: production, cores: 12, memory_gb: 16, disk_gb: 300, ips: [10.20.90.11], tags: [legacy, mainframe], x-rack: R7 }',
    );
  });

  it('finds a dependency without an id by its identity', async () => {
    const root = contoso();
    const before = read(root, 'dependencies.yaml');
    const result = await runCli(['set', 'dependency:server:ERPAPP01->server:PAYAPP01:22/sftp', 'description=Payroll GL journal (daily)'], { cwd: root });
    expect(result).toEqual({ code: 0, stdout: 'Wrote dependencies.yaml.\n', stderr: '' });
    expect(read(root, 'dependencies.yaml')).toBe(before.replace('description: Payroll GL journal pick-up }', 'description: Payroll GL journal (daily) }'));
  });

  it('refuses an invalid value: exit 1, the finding on stderr, nothing written', async () => {
    const root = contoso();
    const before = snapshot(root);
    expect(await runCli(['set', 'payroll', 'priority=urgent'], { cwd: root })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'backlog: the change would add errors; nothing was written\n  workloads/payroll.yaml:18:15  error  `priority` cannot be `urgent`: expected high, medium or low  INVALID_VALUE\n',
    });
    expect(await runCli(['set', 'payroll', 'users=lots'], { cwd: root })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'backlog: the change would add errors; nothing was written\n  workloads/payroll.yaml:32:12  error  `users` must be a number, not `lots`  INVALID_VALUE\n',
    });
    // A reference to nothing, which also splits the payroll move group.
    const wave = await runCli(['set', 'payroll', 'wave=wave-99'], { cwd: root });
    expect(wave.code).toBe(1);
    expect(wave.stderr).toContain('error  `wave` names wave `wave-99`, which does not exist  UNKNOWN_REFERENCE\n');
    expect(wave.stderr).toContain('SPLIT_MOVE_GROUP');
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses an unknown field with "did you mean" (exit 2)', async () => {
    const root = contoso();
    const result = await runCli(['set', 'payroll', 'prority=high'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'backlog: a workload has no field `prority` (did you mean `priority`?)\nhint: its fields are id, name, description, business_unit, datacenter, owner, technical_owner, criticality, priority, rank, drivers, outcomes, assumptions, strategy, status, wave, depends_on, environment, app_type, data_classification, users, revenue_impacting, sla, milestone, target, costs, tags, notes; custom fields start with x-\n',
    );
    expect(await runCli(['set', 'payroll', 'target.regin=x'], { cwd: root })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'backlog: a workload has no field `target.regin` (did you mean `region`?)\nhint: its fields are region, landing_zone, subscription, service; custom fields start with x-\n',
    });
  });

  it('refuses an unknown or ambiguous reference (exit 2)', async () => {
    const root = contoso();
    expect(await runCli(['set', 'payrol', 'priority=high'], { cwd: root })).toEqual({ code: 2, stdout: '', stderr: 'backlog: no entity `payrol` in the backlog\nhint: did you mean `workload:payroll`?\n' });
    expect(await runCli(['set', 'wav:wave-1', 'order=1'], { cwd: root })).toEqual({ code: 2, stdout: '', stderr: 'backlog: `wav` is not a kind of entity\nhint: did you mean `wave`?\n' });
    const twice = tempDir({ 'backlog.yaml': 'workloads:\n  - { id: a, name: A, owner: O }\nservers:\n  - { id: a, workloads: [a] }\n' });
    expect(await runCli(['set', 'a', 'owner=P'], { cwd: twice })).toEqual({ code: 2, stdout: '', stderr: 'backlog: `a` names a workload and a server\nhint: say which: `workload:a` or `server:a`\n' });
    expect((await runCli(['set', 'workload:a', 'owner=P'], { cwd: twice })).code).toBe(0);
  });

  // Was a bug, kept as a regression test: an entity in a file with YAML errors was "no entity" alone.
  it('names the files that could not be read when the entity is not found, for set and show, from the files and from the snapshot', async () => {
    const root = contoso();
    writeFileSync(join(root, 'workloads', 'new.yaml'), 'workloads:\n  - { id: badges, name: Badges, owner: Ana }\n  - { id: broken, name: [oops\n');
    const banner = "backlog: the backlog has 1 error (see `backlog validate`); this answer leaves out what could not be read\n";
    // An edit says what it leaves, not what an answer leaves out.
    const editBanner = 'backlog: the backlog has 1 error (see `backlog validate`); what could not be read is left as it is\n';
    const notRead = 'workloads/new.yaml could not be read (YAML errors) and may hold it: fix it first (`backlog validate` shows where)';
    const env = { XDG_CACHE_HOME: tempDir() };
    for (const run of ['from the files', 'from the snapshot']) {
      expect(await runCli(['show', 'badges'], { cwd: root, env }), run).toEqual({ code: 2, stdout: '', stderr: `${banner}backlog: no entity \`badges\` in the backlog as read\nhint: ${notRead}\n` });
    }
    expect(await runCli(['set', 'badges', 'priority=low'], { cwd: root, env })).toEqual({ code: 2, stdout: '', stderr: `${editBanner}backlog: no entity \`badges\` in the backlog as read\nhint: ${notRead}\n` });
    expect((await runCli(['set', 'payrol', 'priority=low'], { cwd: root, env })).stderr).toBe(`${editBanner}backlog: no entity \`payrol\` in the backlog as read\nhint: did you mean \`workload:payroll\`? ${notRead}\n`);
  });

  it('refuses an assignment without `=` (exit 2)', async () => {
    const root = contoso();
    expect(await runCli(['set', 'payroll', 'priority'], { cwd: root })).toEqual({ code: 2, stdout: '', stderr: 'backlog: `priority`: write FIELD=VALUE, e.g. priority=high, tags=a,b, tags+=c, owner=null\n' });
  });

  // Was a bug, kept as a regression test: each change of one field started from the file, so the
  // last one was written alone: `tags-=sox tags+=gdpr` added gdpr and kept sox, and said nothing.
  it('makes changes of one field in the order given, each from what the one before left', async () => {
    const root = contoso();
    const before = read(root, 'workloads/payroll.yaml');
    expect(await runCli(['set', 'payroll', 'tags-=sox', 'tags+=gdpr'], { cwd: root })).toEqual({ code: 0, stdout: 'Wrote workloads/payroll.yaml.\n', stderr: '' });
    expect(read(root, 'workloads/payroll.yaml')).toBe(before.replace('    tags: [hr, sox]\n', '    tags: [hr, gdpr]\n'));
    expect((await runCli(['set', 'payroll', 'tags=a,b', 'tags+=c', 'tags-=a'], { cwd: root })).code).toBe(0);
    expect(read(root, 'workloads/payroll.yaml')).toBe(before.replace('    tags: [hr, sox]\n', '    tags: [b, c]\n'));
    // With --where, each change is a line of its own.
    expect(await runCli(['set', '--where', 'id=payroll', 'tags+=d', 'tags-=b'], { cwd: root })).toEqual({
      code: 0,
      stdout: 'workload:payroll  tags: b, c → b, c, d\nworkload:payroll  tags: b, c, d → c, d\nChanged 1 workload; wrote workloads/payroll.yaml.\n',
      stderr: '',
    });
  });

  it('writes two fields of one missing mapping together (`x-cmdb.ci=42 x-cmdb.env=prod`)', async () => {
    const root = contoso();
    const before = read(root, 'workloads/payroll.yaml');
    expect((await runCli(['set', 'payroll', 'x-cmdb.ci=42', 'x-cmdb.env=prod', 'x-cmdb.owner.team=HR'], { cwd: root })).code).toBe(0);
    const payroll = (parse(read(root, 'workloads/payroll.yaml')) as { workloads: Array<Record<string, unknown>> }).workloads[0]!;
    expect(payroll['x-cmdb']).toEqual({ ci: 42, env: 'prod', owner: { team: 'HR' } });
    expect(read(root, 'workloads/payroll.yaml').startsWith(before.slice(0, before.indexOf('    x-cmdb-id')))).toBe(true);
  });

  it('refuses a value given after another change of its field, or a field and one inside it (exit 2), writing nothing', async () => {
    const root = contoso();
    const before = snapshot(root);
    expect(await runCli(['set', 'payroll', 'priority=high', 'priority=low'], { cwd: root })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'backlog: `priority=high` and `priority=low` both change one field: give its value once (+= and -= may follow an =)\n',
    });
    expect((await runCli(['set', 'payroll', 'tags+=x', 'tags=y'], { cwd: root })).stderr).toBe('backlog: `tags+=x` and `tags=y` both change one field: give its value once (+= and -= may follow an =)\n');
    expect(await runCli(['set', 'payroll', 'target.region=centralus', 'target='], { cwd: root })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'backlog: `target.region=centralus` and `target=`: one is inside the other; set them one at a time\n',
    });
    expect(snapshot(root)).toEqual(before);
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const root = contoso();
    const before = snapshot(root);
    const result = await runCli(['set', 'payroll', 'strategy=replatform', '--dry-run'], { cwd: root });
    expect(result).toEqual({
      code: 0,
      stdout: `--- a/workloads/payroll.yaml
+++ b/workloads/payroll.yaml
@@ -20,7 +20,7 @@
     drivers: [dc-exit, end-of-support]
     outcomes: [dc-closed]
     assumptions: [payroll-licence, expressroute-live]
-    strategy: rehost # licence allows BYOL on Azure VMs (see assumption payroll-licence)
+    strategy: replatform # licence allows BYOL on Azure VMs (see assumption payroll-licence)
     status: remediating
     wave: wave-3
     depends_on:
`,
      stderr: 'backlog: dry run: 1 file would change, nothing was written\n',
    });
    expect(snapshot(root)).toEqual(before);
  });
});

describe('backlog set on small backlogs', () => {
  it('edits an entity in the second document of a file', async () => {
    const text = '# two documents\nworkloads:\n  - { id: a, name: A, owner: O }\n---\n# planning\nwaves:\n  - id: w1   # the pilot\n    order: 1\n';
    const root = tempDir({ 'backlog.yaml': text });
    expect(await runCli(['set', 'w1', 'name=Pilot', 'max_servers=10'], { cwd: root })).toEqual({ code: 0, stdout: 'Wrote backlog.yaml.\n', stderr: '' });
    expect(read(root, 'backlog.yaml')).toBe(text.replace('  - id: w1   # the pilot\n', '  - id: w1   # the pilot\n    name: Pilot\n').concat('    max_servers: 10\n'));
  });

  it('quotes a value YAML would read as something else', async () => {
    const root = tempDir({ 'backlog.yaml': 'workloads:\n  - id: a\n    name: A\n    owner: O\n' });
    expect((await runCli(['set', 'a', 'name=007', 'description=yes: no', 'notes=null-ish # not a comment'], { cwd: root })).code).toBe(0);
    expect((parse(read(root, 'backlog.yaml')) as { workloads: Array<Record<string, unknown>> }).workloads[0]).toEqual({ id: 'a', name: '007', owner: 'O', description: 'yes: no', notes: 'null-ish # not a comment' });
  });

  it('refuses to write into a file with YAML errors', async () => {
    const text = 'workloads:\n  - id: a\n    name: A\n    owner: O\n    owner: P\n';
    const root = tempDir({ 'backlog.yaml': text });
    const result = await runCli(['set', 'a', 'name=B'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('backlog: backlog.yaml has YAML errors: fix them first (see `backlog validate`), nothing was written\n');
    expect(read(root, 'backlog.yaml')).toBe(text);
  });

  it('edits a file while another file of the backlog has YAML errors', async () => {
    const broken = 'risks:\n  - id: r1\n    title: Cut-over: payroll\n';
    const root = tempDir({ 'backlog.yaml': 'workloads:\n  - id: a\n    name: A\n    owner: O\n', 'risks.yaml': broken });
    const result = await runCli(['set', 'a', 'owner=P'], { cwd: root });
    expect(result.code).toBe(0);
    expect(read(root, 'backlog.yaml')).toBe('workloads:\n  - id: a\n    name: A\n    owner: P\n');
    expect(read(root, 'risks.yaml')).toBe(broken);
  });

  // Was a bug, kept as a regression test: for a while merge keys were YAML errors of the file, and
  // set, fmt and import refused to touch it.
  it('edits a file that holds a merge key: a finding, not a YAML error', async () => {
    const text = 'workloads:\n  - &a { id: crm, name: CRM, owner: Ana }\n  - { <<: *a, id: erp, name: ERP, owner: Bo }\n';
    const root = tempDir({ 'backlog.yaml': text });
    expect((await runCli(['set', 'crm', 'owner=You'], { cwd: root })).code).toBe(0);
    expect(read(root, 'backlog.yaml')).toBe(text.replace('owner: Ana', 'owner: You'));
  });

  it('keeps the file mode', async () => {
    const root = tempDir({ 'backlog.yaml': 'workloads:\n  - id: a\n    name: A\n    owner: O\n' });
    chmodSync(join(root, 'backlog.yaml'), 0o600);
    expect((await runCli(['set', 'a', 'owner=P'], { cwd: root })).code).toBe(0);
    expect(statSync(join(root, 'backlog.yaml')).mode & 0o777).toBe(0o600);
  });

  // Was a bug, kept as a regression test: the byte-order mark a Windows editor wrote was dropped,
  // so the review of the change showed its first line as changed.
  it('keeps a byte-order mark and CRLF line ends, on the lines it adds too', async () => {
    const text = 'workloads:\r\n  - id: a\r\n    name: A\r\n    owner: O\r\n';
    const root = tempDir({ 'backlog.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) });
    expect(await runCli(['set', 'a', 'owner=P'], { cwd: root })).toEqual({ code: 0, stdout: 'Wrote backlog.yaml.\n', stderr: '' });
    expect(readFileSync(join(root, 'backlog.yaml')).toString('latin1')).toBe(`\xef\xbb\xbf${text.replace('owner: O', 'owner: P')}`);
    // Lines the edit adds end as the file's lines do.
    expect((await runCli(['set', 'a', 'notes=x', 'description=a\nb'], { cwd: root })).code).toBe(0);
    expect(read(root, 'backlog.yaml')).toBe(`\uFEFF${text.replace('owner: O', 'owner: P').replace('    name: A\r\n', '    name: A\r\n    description: |-\r\n      a\r\n      b\r\n')}    notes: x\r\n`);
    const plain = tempDir({ 'backlog.yaml': text });
    expect((await runCli(['set', 'a', 'owner=P'], { cwd: plain })).code).toBe(0);
    expect(read(plain, 'backlog.yaml')).toBe(text.replace('owner: O', 'owner: P'));
  });

  // Was a bug, kept as a regression test: removing the field written on the list item's own line (`- tags: [a]`) removes the whole
  // line, dash included; the rest of the item no longer parses, and the change is refused with a
  // YAML_SYNTAX finding ("this line does not fit the structure around it").
  it('removes the first field of a list item, keeping the item', async () => {
    const root = tempDir({ 'backlog.yaml': 'workloads:\n  - tags: [a]   # tags written first\n    id: x\n    name: X\n    owner: A\n  - id: y\n    name: Y\n    owner: B\n' });
    const result = await runCli(['set', 'x', 'tags=null'], { cwd: root });
    expect(result).toEqual({ code: 0, stdout: 'Wrote backlog.yaml.\n', stderr: '' });
    expect((parse(read(root, 'backlog.yaml')) as { workloads: unknown[] }).workloads).toEqual([
      { id: 'x', name: 'X', owner: 'A' },
      { id: 'y', name: 'Y', owner: 'B' },
    ]);
  });
});

describe('set writes nothing else', () => {
  it('a refused change leaves no temporary file behind', async () => {
    const root = tempDir({ 'backlog.yaml': 'workloads:\n  - id: a\n    name: A\n    owner: O\n' });
    await runCli(['set', 'a', 'priority=urgent'], { cwd: root });
    await runCli(['set', 'a', 'priority=high'], { cwd: root });
    expect(readdirSync(root)).toEqual(['backlog.yaml']);
  });
});
