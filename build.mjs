// The builds, with esbuild.
//   node build.mjs                   the CLI into dist/: split into chunks so that each command
//                                    loads only what it needs (start-up is a bar of the
//                                    specification). What npm installs.
//   node build.mjs --action [DIR]    the GitHub Action into action/ (or DIR): its entry and the
//                                    parse worker, each one file with every library inside, as
//                                    the runner has no node_modules for an action. Committed.
// Each writes the licences of the libraries bundled in beside the code.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';

// The repository: this file's folder.
const repo = import.meta.dirname;
// CommonJS dependencies bundled into ESM still call require() for Node's own modules.
const REQUIRE_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";
// A module imports a file as its text with `?raw` (the HTML report's stylesheet and script), as vitest reads it too.
const rawText = {
  name: 'raw-text',
  setup(builder) {
    // Named by its path in the repository: esbuild writes the name into the bundle, which must be the same in every clone.
    builder.onResolve({ filter: /\?raw$/ }, (args) => ({ path: relative(repo, join(args.resolveDir, args.path.slice(0, -'?raw'.length))), namespace: 'raw-text' }));
    builder.onLoad({ filter: /.*/, namespace: 'raw-text' }, (args) => ({ contents: readFileSync(join(repo, args.path), 'utf8'), loader: 'text' }));
  },
};
const COMMON = { bundle: true, format: 'esm', platform: 'node', target: 'node20', sourcemap: false, logLevel: 'warning', banner: { js: REQUIRE_BANNER }, metafile: true, plugins: [rawText] };

async function buildCli() {
  // Chunks are named by content hash: without a clean start, old ones pile up.
  rmSync('dist', { recursive: true, force: true });
  const result = await build({
    ...COMMON,
    entryPoints: { 'cli/main': 'src/cli/main.ts', 'load/parse-worker': 'src/load/parallel/parse-worker.ts' },
    outdir: 'dist',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  });
  writeLicences(join('dist', 'licenses.txt'), result.metafile);
  writeInputs(result.metafile);

  // The caches are keyed by this as well as the version: another build never reads their entries.
  const hash = createHash('sha1');
  for (const file of readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js')).sort()) {
    hash.update(file).update(readFileSync(join('dist', file)));
  }
  writeFileSync(join('dist', 'build-id'), `${hash.digest('hex').slice(0, 16)}\n`);
  // `backlog --help` into a pipe prints this without loading the program (src/cli/main.ts).
  writeFileSync(join('dist', 'help.txt'), execFileSync(process.execPath, [join('dist', 'cli', 'main.js'), '--help'], { stdio: ['ignore', 'pipe', 'inherit'] }));
}

/** The files this build read, outside node_modules: the tests' setup builds again when one is newer than the build (tests/e2e/build-once.ts). */
const BUILD_INPUTS = join('node_modules', '.cache', 'migration-backlog', 'build-inputs.json');

function writeInputs(metafile) {
  const inputs = Object.keys(metafile.inputs).map((input) => input.replace(/^raw-text:/, '')).filter((input) => !input.startsWith('node_modules/'));
  mkdirSync(dirname(BUILD_INPUTS), { recursive: true });
  writeFileSync(BUILD_INPUTS, JSON.stringify(inputs));
}

async function buildAction(outdir) {
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    ...COMMON,
    // The worker is found beside the entry, where parallel-read.ts looks for it.
    entryPoints: { index: 'src/action/main.ts', 'load/parse-worker': 'src/load/parallel/parse-worker.ts' },
    outdir,
    plugins: [rawText, bundledYamlLibraries],
    // The action validates and reviews; it never reads or writes a workbook (import, export).
    external: ['@cj-tech-master/excelts'],
  });
  writeLicences(join(outdir, 'licenses.txt'), result.metafile);
}

/**
 * The CLI requires the yaml package from node_modules when first needed (src/load/parse/
 * libraries.ts), which esbuild cannot see; the action has no node_modules, so its build takes
 * it from a module that imports it.
 */
const bundledYamlLibraries = {
  name: 'bundled-yaml-libraries',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /\/libraries\.js$/ }, (args) =>
      args.resolveDir.endsWith(join('load', 'parse')) ? { path: join(process.cwd(), 'src', 'action', 'bundled-libraries.ts') } : undefined,
    );
  },
};

/** The licence of every package bundled in, each once, in name order. */
function writeLicences(file, metafile) {
  // By folder: a package nested in another's node_modules is one too.
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
    if (match) packages.set(match[1], match[2]);
  }
  const sections = [...packages].sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([dir, name]) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licenceFile = readdirSync(dir).find((entry) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(entry));
    const text = licenceFile ? readFileSync(join(dir, licenceFile), 'utf8').trim() : `${manifest.license} (no licence file in the package)`;
    return `${name}@${manifest.version} (${manifest.license})\n\n${text}\n`;
  });
  if (!existsSync(dirname(file))) mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `The libraries bundled into this code, and their licences.\n\n${sections.join(`\n${'-'.repeat(72)}\n\n`)}`);
}

const actionAt = process.argv.indexOf('--action');
if (actionAt === -1) await buildCli();
else await buildAction(process.argv[actionAt + 1] ?? 'action');
