// A git history of an estate for `report --history`: the estate as the first commit, then
// commits a week apart, each moving about 1 % of the workload files on (servers migrated, the
// workload's status advanced). Deterministic: the same arguments give the same history.
//
//   node bench/history-estate.mjs <estate folder> <new repository folder> [commits=20] [percent=1]
//   node bin/backlog.js report --history --every week --as-of <printed date> --root <repository>
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';

const [estate, repo, commitsArg = '20', percentArg = '1'] = process.argv.slice(2);
if (!estate || !repo || existsSync(repo)) {
  console.error('usage: node bench/history-estate.mjs <estate folder> <new repository folder> [commits=20] [percent=1]');
  process.exit(2);
}
cpSync(estate, repo, { recursive: true });
const git = (args, date) => execFileSync('git', args, { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com', ...(date ? { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : {}) } });

const files = [];
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== '.git') walk(full);
    else if (entry.isFile() && /\.ya?ml$/.test(entry.name) && entry.name !== 'backlog.yaml') files.push(relative(repo, full));
  }
})(repo);
files.sort();

const NEXT = { identified: 'assessed', assessed: 'planned', planned: 'migrating', 'in-progress': 'migrating', migrating: 'migrated', migrated: 'optimized' };
let state = 42;
const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const day = (start, weeks) => new Date(Date.parse(`${start}T00:00:00Z`) + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
const start = '2026-01-05';

git(['init', '-q', '-b', 'main']);
git(['add', '-A']);
git(['commit', '-q', '-m', 'the estate'], start);
const commits = Number(commitsArg);
const perCommit = Math.max(1, Math.round((files.length * Number(percentArg)) / 100));
for (let week = 1; week <= commits; week++) {
  const chosen = new Set();
  while (chosen.size < Math.min(perCommit, files.length)) chosen.add(files[Math.floor(random() * files.length)]);
  for (const file of chosen) {
    const path = join(repo, file);
    const before = readFileSync(path, 'utf8');
    const moved = before
      .replace(/^( {4}status: )([a-z-]+)$/m, (line, key, status) => (NEXT[status] ? key + NEXT[status] : line))
      .replace(/status: not-started \}/, 'status: migrated }');
    // A file with nothing left to move on is reviewed: it changes all the same.
    writeFileSync(path, moved === before ? `${before}# reviewed in week ${week}\n` : moved);
  }
  git(['commit', '-q', '-a', '-m', `week ${week}: about ${percentArg} % of the files moved on`], day(start, week));
}
console.log(`${repo}: ${commits + 1} commits from ${start} to ${day(start, commits)}`);
