// The benchmark of SPEC §7: whole processes on a generated estate, medians of several runs,
// peak memory, against in-run baselines (reading the same data as JSON, an empty node).
//
//   npm run bench -- [--scale S|M|L] [--runs 5] [--only validate-cold,list-priority-warm] [--compare DIR]
//
// --compare DIR runs each case with the build in DIR too (another clone, built), its runs taken
// in turn with this one's, and says how much faster or slower this build is.
//
// Prints a table and writes bench/results/<scale>.json.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateEstate, SCALES } from './generate-estate.mjs';
import { importInputs } from './import-input.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const scale = option('--scale', 'S');
const runs = Number(option('--runs', '5'));
const only = option('--only', '')?.split(',').filter(Boolean);
const compareWith = option('--compare', undefined);
if (!SCALES[scale]) throw new Error(`unknown scale ${scale}: use S, M or L`);

const estate = join(here, 'estates', scale);
const cacheDir = join(tmpdir(), `backlog-bench-cache-${scale}`);
// The other build's cache (--compare): both write their entries at the same places, so that
// with one folder each warm run would find the other's entry and read the files again.
const comparedCacheDir = `${cacheDir}-compared`;
prepareEstate();
const gitEstate = prepareGitEstate();
const historyEstate = prepareHistoryEstate();
const editEstate = prepareEditEstate('edit');
const comparedEditEstate = compareWith ? prepareEditEstate('edit-compared') : undefined;
const jsonEstate = prepareJsonEstate();
const oneFile = prepareOneFileEstates();
const importFiles = await importInputs(join(here, 'estates', 'import'));
const importRoot = join(here, 'estates', `${scale}-import`);
const freshImportRoot = () => (rmSync(importRoot, { recursive: true, force: true }), cpSync(estate, importRoot, { recursive: true }));
const measure = join(here, 'measure.mjs');
const bin = join(repo, 'bin', 'backlog.js');

const env = { ...process.env, NO_COLOR: '1', BACKLOG_AS_OF: '2026-06-01', XDG_CACHE_HOME: cacheDir };
const cli = (...cliArgs) => ['node', [measure, bin, ...cliArgs]];
const htmlReport = join(tmpdir(), `backlog-bench-report-${scale}.html`);
const FLOOR = 'read + JSON.parse (same data as JSON)';
// Each build edits a copy of its own (--compare): an edit of the other's copy would be a file
// changed since its snapshot, and its warm run would not be warm. Each run changes the file.
const flipped = new Map();
const nextPriority = (root) => {
  flipped.set(root, !flipped.get(root));
  return flipped.get(root) ? 'high' : 'low';
};
const editRoot = (build) => (build ? comparedEditEstate : editEstate);
const cases = [
  { name: 'node -e ""', baseline: true, command: () => ['node', [measure, '--empty']] },
  { name: 'read + JSON.parse (same data as JSON)', baseline: true, command: () => ['node', [measure, join(here, 'read-json.mjs'), jsonEstate]] },
  { name: 'backlog --version', key: 'version', command: () => cli('--version'), target: { plus: 0.01, of: 'node -e ""' } },
  { name: 'validate (cold)', key: 'validate-cold', before: clearCache, command: () => cli('validate', '--root', estate), target: { seconds: 2.5, megabytes: 1024 } },
  { name: 'validate (warm cache)', key: 'validate-warm', command: () => cli('validate', '--root', estate) },
  { name: 'list --priority (warm)', key: 'list-priority-warm', command: () => cli('list', '--priority', '--root', estate), target: { seconds: 0.8 } },
  { name: 'backlog --help', key: 'help', command: () => cli('--help'), target: { plus: 0.01, of: 'node -e ""' } },
  // The daily commands, warm: each within a small multiple of reading the data (issue 24).
  { name: 'show', key: 'show', command: () => cli('show', 'wl-42', '--root', estate), target: { ratio: 1.5, of: FLOOR } },
  { name: 'graph -f mermaid --focus', key: 'graph', command: () => cli('graph', '-f', 'mermaid', '--focus', 'wl-42', '--root', estate), target: { ratio: 1.5, of: FLOOR } },
  { name: 'waves', key: 'waves', command: () => cli('waves', '--root', estate), target: { ratio: 1.5, of: FLOOR } },
  { name: 'waves --suggest', key: 'waves-suggest', command: () => cli('waves', '--suggest', '--root', estate), target: { ratio: 1.5, of: FLOOR } },
  { name: 'report', key: 'report', command: () => cli('report', '--root', estate), target: { ratio: 1.5, of: FLOOR } },
  // One field of one workload, set back and forth: each run changes the file.
  { name: 'set one field (warm)', key: 'set', command: (build) => cli('set', 'wl-42', `priority=${nextPriority(editRoot(build))}`, '--root', editRoot(build)), target: { ratio: 1.5, of: FLOOR } },
  { name: 'fmt --check (cold)', key: 'fmt-check-cold', before: clearCache, command: () => cli('fmt', '--check', '--root', estate), target: { seconds: 10 } },
  { name: 'fmt --check (warm)', key: 'fmt-check', command: () => cli('fmt', '--check', '--root', estate), target: { ratio: 1.5, of: FLOOR } },
  { name: 'diff HEAD~1 (head: the working tree)', key: 'diff-worktree', command: () => cli('diff', 'HEAD~1', '--root', gitEstate, '-f', 'json'), target: { ratio: 2, of: FLOOR } },
  { name: 'validate --changed', key: 'validate-changed', command: () => cli('validate', '--changed', '--base', 'HEAD~1', '--root', gitEstate), target: { ratio: 2, of: FLOOR } },
  { name: 'log of one workload', key: 'log', command: () => cli('log', 'wl-42', '--root', historyEstate.dir), target: { ratio: 2, of: FLOOR } },
  { name: 'report --history (weekly points)', key: 'report-history', command: () => cli('report', '--history', '--every', 'week', '--as-of', historyEstate.asOf, '--root', historyEstate.dir), target: { ratio: 5, of: FLOOR, megabytes: 400 } },
  { name: 'diff (1% of files changed)', key: 'diff', command: () => cli('diff', 'HEAD~1', 'HEAD', '--root', gitEstate, '-f', 'json'), target: { seconds: 3 } },
  // Commits never reviewed before (the first diff of a change): files from the parse cache.
  { name: 'diff, commits not reviewed before', key: 'diff-new', before: forgetReviews, command: () => cli('diff', 'HEAD~1', 'HEAD', '--root', gitEstate, '-f', 'json') },
  // One large file (an import's state): placing a finding for every entity costs about what validating them does.
  { name: `validate, one file of ${oneFile.count} servers (--no-cache)`, key: 'one-file', command: () => cli('validate', '--no-cache', '-f', 'json', '--root', oneFile.clean) },
  { name: `validate, the same with a finding each (--no-cache)`, key: 'one-file-findings', command: () => cli('validate', '--no-cache', '-f', 'json', '--root', oneFile.findings) },
  { name: 'import 20,000 servers (CSV)', key: 'import-csv', before: freshImportRoot, command: () => cli('import', 'azure-migrate-servers', importFiles.csv, '--into', join(importRoot, 'imported.yaml'), '--root', importRoot), target: { seconds: 10 } },
  { name: 'import 20,000 servers (xlsx)', key: 'import-xlsx', before: freshImportRoot, command: () => cli('import', 'azure-migrate-servers', importFiles.xlsx, '--into', join(importRoot, 'imported.yaml'), '--root', importRoot), target: { seconds: 10 } },
  { name: 'report -f html (the page)', key: 'report-html', command: () => cli('report', '-f', 'html', '-o', htmlReport, '--root', estate), target: { ratio: 2, of: 'list --priority (warm)', pageMegabytes: 15 }, page: htmlReport },
  // Seconds counted in the browser, from navigation to a filter answered (not Chromium's start-up).
  { name: 'report -f html: interactive in Chromium', key: 'report-html-interactive', before: () => existsSync(htmlReport) || execFileSync('node', [bin, 'report', '-f', 'html', '-o', htmlReport, '--root', estate], { env }), command: () => ['node', [measure, join(here, 'html-interactive.mjs'), htmlReport]], ownSeconds: true, target: { seconds: 3 } },
  { name: 'list on the example', key: 'list-example', command: () => cli('list', '--root', join(repo, 'examples', 'contoso')), target: { plus: 0.06, of: 'node -e ""' } },
  // The floor once more: how far this machine's speed moved while the cases ran (a shared VM's does).
  { name: 'read + JSON.parse, again at the end', baseline: true, command: () => ['node', [measure, join(here, 'read-json.mjs'), jsonEstate]] },
];

const results = [];
for (const entry of cases) {
  if (only && only.length > 0 && !entry.baseline && !only.includes(entry.key)) continue;
  // A ratio target is measured against its own baseline, run just before each of its runs: a
  // machine whose speed drifts (a shared VM) then moves both alike.
  const pairedBaseline = entry.target?.of ? cases.find((other) => other.name === entry.target.of) : undefined;
  const seconds = [];
  const megabytes = [];
  const baselineSeconds = [];
  const other = { seconds: [], megabytes: [] };
  // One run first to warm what the case needs warm (the parse cache, the OS file cache).
  for (let run = -1; run < runs; run++) {
    if (pairedBaseline) {
      const { elapsed } = measureOnce(pairedBaseline);
      if (run >= 0) baselineSeconds.push(elapsed);
    }
    if (compareWith && !entry.baseline) {
      // The other build's run first, its own warm-up included (its caches are its own: comparedCacheDir).
      if (run < 0) measureOnce(entry, compareWith);
      const { elapsed, rss } = measureOnce(entry, compareWith);
      if (run >= 0) {
        other.seconds.push(elapsed);
        other.megabytes.push(rss);
      }
    }
    const { elapsed, rss } = measureOnce(entry);
    if (run < 0) continue;
    seconds.push(elapsed);
    megabytes.push(rss);
  }
  results.push({
    name: entry.name,
    key: entry.key ?? null,
    baseline: entry.baseline === true,
    seconds: median(seconds),
    megabytes: median(megabytes),
    runs: seconds.length,
    /** Each run's seconds, in the order run. */
    samples: seconds,
    ...(entry.page ? { pageMegabytes: statSync(entry.page).size / 1e6 } : {}),
    target: entry.target ?? null,
    ...(pairedBaseline ? { baselineSeconds: median(baselineSeconds) } : {}),
    ...(other.seconds.length > 0 ? { compared: { build: compareWith, seconds: median(other.seconds), megabytes: median(other.megabytes), samples: other.seconds } } : {}),
  });
}

const byName = new Map(results.map((r) => [r.name, r]));
for (const result of results) {
  const { target } = result;
  if (!target) continue;
  const limit = target.seconds ?? (target.plus !== undefined ? result.baselineSeconds + target.plus : result.baselineSeconds * target.ratio);
  result.limit = limit;
  result.ratio = target.of ? result.seconds / result.baselineSeconds : null;
  result.pass = result.seconds <= limit && (target.megabytes === undefined || result.megabytes <= target.megabytes) && (target.pageMegabytes === undefined || result.pageMegabytes <= target.pageMegabytes);
}

const floor = byName.get('read + JSON.parse (same data as JSON)').seconds;
const rows = results.map((r) => [
  r.name,
  `${r.seconds.toFixed(3)} s`,
  `${Math.round(r.megabytes)} MB`,
  r.baseline ? 'baseline' : `${(r.seconds / floor).toFixed(1)}× JSON`,
  ...(compareWith ? [r.compared ? `other build ${r.compared.seconds.toFixed(3)} s, ${Math.round(r.compared.megabytes)} MB: this one ${((r.seconds / r.compared.seconds - 1) * 100).toFixed(1)}%` : ''] : []),
  r.target ? `${r.pass ? 'ok' : 'MISSED'}: ≤ ${r.target.seconds !== undefined ? `${r.target.seconds} s` : `${r.target.plus !== undefined ? `${r.target.plus * 1000} ms over` : `${r.target.ratio}×`} ${r.target.of} (${r.limit.toFixed(3)} s, its own runs of it took ${r.baselineSeconds.toFixed(3)} s; is ${r.ratio.toFixed(2)}×)`}${r.target.megabytes ? `, ≤ ${r.target.megabytes} MB` : ''}${r.target.pageMegabytes ? `; page ${r.pageMegabytes.toFixed(1)} MB, ≤ ${r.target.pageMegabytes} MB` : ''}` : '',
]);
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
const size = SCALES[scale];
console.log(`backlog benchmark, scale ${scale}: ${size.workloads} workloads, ${size.servers} servers, ${size.dependencies} dependencies; median of ${runs} runs`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`);
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', `${scale}.json`), `${JSON.stringify({ scale, runs, node: process.version, cpus: cpus().length, date: new Date().toISOString(), results }, null, 2)}\n`);
if (results.some((r) => r.pass === false)) process.exitCode = 1;

/** One run of a case as a whole process: its wall time and peak memory (MB). */
function measureOnce(entry, build) {
  entry.before?.(build);
  const [program, given] = entry.command(build);
  // Another build: the same command with its binary in place of ours.
  const programArgs = build ? given.map((arg) => (arg === bin ? join(build, 'bin', 'backlog.js') : arg)) : given;
  const rssFile = join(tmpdir(), `backlog-bench-rss-${process.pid}`);
  const secondsFile = join(tmpdir(), `backlog-bench-seconds-${process.pid}`);
  const started = process.hrtime.bigint();
  const cache = build ? { XDG_CACHE_HOME: comparedCacheDir } : {};
  const child = spawnSync(program, programArgs, { env: { ...env, ...cache, BENCH_RSS_FILE: rssFile, BENCH_SECONDS_FILE: secondsFile }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0 && child.status !== 1) throw new Error(`${entry.name} failed (${child.status}): ${child.stderr}`);
  // A case that times itself (ownSeconds) writes its seconds; the process's own are the rest.
  return { elapsed: entry.ownSeconds ? Number(readFileSync(secondsFile, 'utf8')) : elapsed, rss: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function clearCache() {
  for (const dir of [cacheDir, comparedCacheDir]) rmSync(dir, { recursive: true, force: true });
}

/** Removes the review cache only (what `diff` keeps per commit, and its marks of commits seen), not the parse cache. */
function forgetReviews() {
  for (const dir of [cacheDir, comparedCacheDir].map((folder) => join(folder, 'migration-backlog'))) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) if (/\.review(\.seen)?$/.test(name)) rmSync(join(dir, name), { force: true });
  }
}

/**
 * The estate, generated unless it is there from the scripts as they are now: a stamp beside it
 * holds a hash of the generator and of the JSON converter, and an estate made by others goes,
 * with its git and JSON copies (made again from it).
 */
function prepareEstate() {
  const stampFile = join(here, 'estates', `${scale}.generator`);
  const stamp = createHash('sha1').update(readFileSync(join(here, 'generate-estate.mjs'))).update(readFileSync(join(here, 'yaml-to-json.mjs'))).digest('hex');
  if (existsSync(join(estate, 'backlog.yaml')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  for (const dir of [estate, `${estate}-git`, `${estate}-json`]) rmSync(dir, { recursive: true, force: true });
  generateEstate(scale, estate);
  writeFileSync(stampFile, stamp);
}

/** The estate in a git repository, with a second commit that changes 1% of the workload files. */
function prepareGitEstate() {
  const dir = join(here, 'estates', `${scale}-git`);
  if (existsSync(join(dir, '.git'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  cpSync(estate, dir, { recursive: true });
  const git = (...gitArgs) => execFileSync('git', gitArgs, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' } });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'estate');
  const files = readdirSync(join(dir, 'workloads')).sort();
  const step = 100;
  for (let i = 0; i < files.length; i += step) {
    const path = join(dir, 'workloads', files[i]);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/priority: (high|medium|low)/, (_, level) => `priority: ${level === 'high' ? 'medium' : 'high'}`));
  }
  git('commit', '-q', '-am', 'reprioritise 1% of the workloads');
  return dir;
}

/** A history of the estate, a commit a week each changing 1 % of its files (bench/history-estate.mjs), and the date of its last commit. */
function prepareHistoryEstate() {
  const dir = join(here, 'estates', `${scale}-history`);
  if (!existsSync(join(dir, '.git'))) {
    rmSync(dir, { recursive: true, force: true });
    execFileSync('node', [join(here, 'history-estate.mjs'), estate, dir, '20', '1'], { stdio: 'ignore' });
  }
  const asOf = execFileSync('git', ['log', '-1', '--format=%cs'], { cwd: dir, encoding: 'utf8' }).trim();
  return { dir, asOf };
}

/** A copy of the estate that `set` edits. */
function prepareEditEstate(name) {
  const dir = join(here, 'estates', `${scale}-${name}`);
  if (!existsSync(dir)) cpSync(estate, dir, { recursive: true });
  return dir;
}

/** One file of twice the scale's servers, each in a workload, and the same with none in any: a finding each (ORPHAN_SERVER). */
function prepareOneFileEstates() {
  const count = SCALES[scale].servers * 2;
  const dir = join(here, 'estates', `${scale}-one-file`);
  const clean = join(dir, 'clean');
  const findings = join(dir, 'findings');
  if (!existsSync(join(dir, 'done'))) {
    rmSync(dir, { recursive: true, force: true });
    const servers = (withWorkload) => Array.from({ length: count }, (_, n) => `  - id: srv-${n}\n    os: Ubuntu 22.04\n    cores: 4\n${withWorkload ? '    workloads: [app]\n' : ''}`).join('');
    mkdirSync(clean, { recursive: true });
    mkdirSync(findings, { recursive: true });
    writeFileSync(join(clean, 'backlog.yaml'), `workloads:\n  - { id: app, name: App, owner: Ana }\nservers:\n${servers(true)}`);
    writeFileSync(join(findings, 'backlog.yaml'), `servers:\n${servers(false)}`);
    writeFileSync(join(dir, 'done'), '');
  }
  return { count, clean, findings };
}

/** The same estate as JSON files, for the floor: what reading and parsing the data costs at best. */
function prepareJsonEstate() {
  const dir = join(here, 'estates', `${scale}-json`);
  if (existsSync(join(dir, 'done'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('node', [join(here, 'yaml-to-json.mjs'), estate, dir], { stdio: 'inherit' });
  writeFileSync(join(dir, 'done'), '');
  return dir;
}
