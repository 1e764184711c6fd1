// The npm package as a user gets it: `npm pack` holds only what runs, publint finds nothing,
// `npm publish --dry-run` passes, and the tarball installed into a team's repository by the
// README's Install line (no dev dependencies of its own, no build step) runs `backlog validate`
// and `npx backlog init`. The tarball is packed from the dist/
// that the e2e setup built (--ignore-scripts: a rebuild here would pull dist/ from under the
// tests that run it meanwhile).
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gitRepo } from '../helpers/git-repo.js';
import { runProcess, userEnv, type ProcessResult } from '../helpers/process.js';
import { tempDir } from '../helpers/temp-dir.js';

const repo = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string> };
const npm = (args: string[], cwd: string) => runProcess('npm', args, { cwd, env: userEnv({ npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' }) });

let tarball: string;
let packedFiles: string[];
let published: Promise<ProcessResult>;
/** A team's repository where the README's Install lines run: the one project the tarball is installed in. */
let team: string;
const readmeInstall = /\n## Install\n[\s\S]*?```sh\n([\s\S]*?)```/.exec(readFileSync(join(repo, 'README.md'), 'utf8'))![1]!.trim().split('\n');

beforeAll(async () => {
  // Reads the package folder as pack does: run alongside it.
  published = npm(['publish', '--dry-run', '--ignore-scripts'], repo);
  const destination = tempDir();
  const packed = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', destination], repo);
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = join(destination, info!.filename);
  packedFiles = info!.files.map((file) => file.path).sort();

  team = gitRepo([{ message: 'start', files: { 'package.json': '{ "name": "our-migration", "private": true }\n' } }]);
  // The cache holds what `npm ci` fetched: the tarball's dependencies install without the network.
  // The README's line installs the package as the registry would give it: this tarball.
  const installed = await npm([...readmeInstall[0]!.split(' ').slice(1, -1), '--prefer-offline', tarball], team);
  expect(installed.code, installed.stderr).toBe(0);
}, 60_000);

describe('the npm package', () => {
  it('holds only what runs: the bin shim, the built bundle, the JSON Schemas (of a backlog file and of each JSON output), README, LICENSE and CHANGELOG', () => {
    const outside = packedFiles.filter((path) => !/^dist\/chunks\/[\w-]+\.js$/.test(path) && !/^schemas\/output\/[\w-]+\.schema\.json$/.test(path));
    expect(outside).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'bin/backlog.js', 'dist/build-id', 'dist/cli/main.js', 'dist/help.txt', 'dist/licenses.txt', 'dist/load/parse-worker.js', 'package.json', 'schemas/backlog.schema.json']);
    expect(packedFiles.filter((path) => path.startsWith('schemas/output/'))).toHaveLength(11);
    expect(packedFiles.length - outside.length).toBeGreaterThan(0);
  });

  it('passes publint, strict: no error, warning or suggestion', async () => {
    const { publint } = await import('publint');
    const { formatMessage } = await import('publint/utils');
    const bytes = readFileSync(tarball);
    const result = await publint({ pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) }, level: 'suggestion', strict: true });
    expect(result.messages.map((message) => formatMessage(message, result.pkg))).toEqual([]);
  });

  it('passes npm publish --dry-run', async () => {
    const result = await published;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`+ ${manifest.name}@${manifest.version}\n`);
  });

  it('installs with only its runtime dependencies, which are not in the bundle', () => {
    // Everything else is bundled into dist/; yaml is required when first needed. Its own dev
    // dependencies are never installed, whether it is a dependency or a dev dependency.
    expect(Object.keys(manifest.dependencies)).toEqual(['yaml']);
    expect(readdirSync(join(team, 'node_modules')).filter((name) => !name.startsWith('.')).sort()).toEqual(['migration-backlog', 'yaml']);
  });

  it('runs `backlog validate` in the project: findings with exit 1, a clean backlog with exit 0', async () => {
    const project = join(team, 'examples');
    cpSync(join(repo, 'examples', 'broken'), join(project, 'broken'), { recursive: true });
    cpSync(join(repo, 'examples', 'contoso'), join(project, 'contoso'), { recursive: true });
    const env = userEnv({ NO_COLOR: '1', BACKLOG_AS_OF: '2026-06-01', XDG_CACHE_HOME: tempDir() });
    const installedBin = join(team, 'node_modules', 'migration-backlog', 'bin', 'backlog.js');
    const [broken, fromRepo] = await Promise.all([
      runProcess(process.execPath, [installedBin, 'validate', '--root', 'broken', '-f', 'json'], { cwd: project, env }),
      runProcess(process.execPath, [join(repo, 'bin', 'backlog.js'), 'validate', '--root', join(repo, 'examples', 'broken'), '-f', 'json'], { cwd: repo, env }),
    ]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe(fromRepo.stdout);

    writeFileSync(join(project, 'contoso', 'notes.yaml'), '# a file outside the fast parser\'s subset: the YAML library loads\nrisks: &r []\n');
    // Through the link npm made in node_modules/.bin (npx itself runs `init` below).
    const clean = await runProcess(join(team, 'node_modules', '.bin', 'backlog'), ['validate', '--root', 'contoso'], { cwd: project, env });
    expect(clean).toMatchObject({ code: 0, stderr: '' });
    expect(clean.stdout).toMatch(/^✔ no problems \(23 files, \d+ entities\)\n$/);
  });

  it("runs the README's Install commands in a team's repository: npm install --save-dev, then npx backlog init", async () => {
    const lines = readmeInstall;
    expect(lines).toEqual(['npm install --save-dev migration-backlog', 'npx backlog init migration']);
    expect(JSON.parse(readFileSync(join(team, 'package.json'), 'utf8')).devDependencies).toHaveProperty('migration-backlog');
    const env = userEnv({ NO_COLOR: '1', BACKLOG_AS_OF: '2026-06-01', XDG_CACHE_HOME: tempDir() });
    const init = await runProcess('npx', lines[1]!.split(' ').slice(1), { cwd: team, env });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('and its CI at the top of the git repository: .github/workflows/backlog.yml\n');
    // The package is in the team's package.json: CI installs what its lock file pins.
    expect(readFileSync(join(team, '.github', 'workflows', 'backlog.yml'), 'utf8')).toContain('      - run: npm ci\n      - name: Validate the backlog\n        run: npx backlog validate --root migration ');
    const validated = await runProcess(process.execPath, [join(team, 'node_modules', 'migration-backlog', 'bin', 'backlog.js'), 'validate', '--root', 'migration'], { cwd: team, env });
    expect(validated).toEqual({ code: 0, stdout: '✔ no problems (10 files, 9 entities)\n', stderr: '' });
  });
});
