// `import aws-cmf`: the AWS Cloud Migration Factory intake form (its real header, values of the
// kind its samples hold) gives waves, workloads (applications) and servers, found by name where
// the backlog has them; the form's AWS target settings are left out, and listed.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { backlogWith, server } from '../helpers/import-estate.js';
import { runCli } from '../helpers/run-cli.js';
import { read, snapshot } from '../helpers/temp-dir.js';

describe('import aws-cmf', () => {
  it('adds waves, applications as workloads and servers; an application the backlog names is found by its name', async () => {
    const root = backlogWith(['aws-cmf-intake.csv']);
    const result = await runCli(['import', 'aws-cmf', 'aws-cmf-intake.csv'], { cwd: root });
    expect(result).toEqual({
      code: 0,
      stdout:
        'Wrote workloads.yaml, servers.yaml, waves.yaml.\n' +
        'aws-cmf: 3 rows read; workloads: 1 added, 1 updated, 0 unchanged; servers: 2 added, 1 updated, 0 unchanged; waves: 2 added, 0 updated, 0 unchanged\n' +
        "columns left out (no field of the backlog; --map 'NAME=field' keeps one): subnet_IDs, securitygroup_IDs, subnet_IDs_test, securitygroup_IDs_test, tenancy\n",
      stderr: '',
    });
    expect(parse(read(root, 'waves.yaml'))).toEqual({ waves: [{ id: 'wave-1', order: 1 }, { id: 'wave-2', order: 2 }] });
    const workloads = parse(read(root, 'workloads.yaml')).workloads;
    expect(workloads.find((w: { id: string }) => w.id === 'shop')).toEqual({ id: 'shop', name: 'Web shop', owner: 'Ana Lopez', strategy: 'rehost', wave: 'wave-2', target: { region: 'eu-west-1', subscription: '444455556666' } });
    expect(workloads.find((w: { id: string }) => w.id === 'payroll')).toEqual({ id: 'payroll', name: 'payroll', wave: 'wave-1', target: { region: 'eu-west-1', subscription: '444455556666' } });
    expect(server(root, 'PAYDB01')).toEqual({ id: 'PAYDB01', workloads: ['payroll'], hostname: 'paydb01.fabrikam.local', role: 'db', os: 'windows server 2019', os_family: 'windows', environment: 'production', target_size: 'r5.xlarge' });
    // WEB01 keeps what a person wrote about it (its comments, notes, x-rack) and gains what the form says.
    expect(server(root, 'WEB01')).toMatchObject({ workloads: ['shop'], environment: 'development', role: 'web', notes: 'Behind the F5 pair.', 'x-rack': 'R12' });
    expect(read(root, 'servers.yaml')).toContain('  - id: WEB01                # the front end\n');
    // The same form again changes nothing.
    expect((await runCli(['import', 'aws-cmf', 'aws-cmf-intake.csv'], { cwd: root })).stdout).toMatch(/^Nothing to change\.\n/);
  });

  it('takes waves by name, and a migration strategy for a new application', async () => {
    const root = backlogWith([], {
      files: { 'form.csv': '\uFEFFserver_name,server_os_family,server_os_version,server_fqdn,r_type,app_name,aws_accountid,aws_region,wave_name,tags\r\nunit1,linux,redhat,unit1.test.local,Repurchase,Unit App 1,123456789012,us-east-1,Pilot wave,team=a;\r\n' },
    });
    expect((await runCli(['import', 'aws-cmf', 'form.csv'], { cwd: root })).code).toBe(0);
    expect(parse(read(root, 'waves.yaml'))).toEqual({ waves: [{ id: 'Pilot-wave', name: 'Pilot wave', order: 1 }] });
    expect(parse(read(root, 'workloads.yaml')).workloads.at(-1)).toEqual({ id: 'Unit-App-1', name: 'Unit App 1', strategy: 'replace', wave: 'Pilot-wave', target: { region: 'us-east-1', subscription: '123456789012' } });
    expect(server(root, 'unit1')).toMatchObject({ os_family: 'linux', tags: ['team=a'] });
  });

  it('refuses a value the backlog cannot take at its cell, and writes nothing', async () => {
    const root = backlogWith([], { files: { 'form.csv': 'wave_id,app_name,server_name,server_os_family,server_environment\r\n1,crm,CRM01,solaris,lab\r\n' } });
    const before = snapshot(root);
    const result = await runCli(['import', 'aws-cmf', 'form.csv'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').slice(0, 2)).toEqual([
      'form.csv:2, column "server_os_family": `os_family` cannot be `solaris`: expected windows, linux, unix or other',
      'form.csv:2, column "server_environment": `environment` cannot be `lab`: expected production, staging, test, development, dr or mixed',
    ]);
    expect(snapshot(root)).toEqual(before);
  });
});
