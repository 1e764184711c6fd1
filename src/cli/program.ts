// The command line as a function: `run(argv, io)` returns the exit code, so tests run commands
// in-process with captured output. Command modules load only when their command runs.
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DamagedCacheError, errorMessage, IoError, UsageError } from '../errors.js';
import { printable } from '../text/printable.js';
import type { CliIO } from './io.js';
import { toolVersion } from './version.js';
import { IMPORT_SOURCES } from '../../schemas/vocabulary.js';
import { DIFF_FORMATS } from '../format/diff/formats.js';
import { GRAPH_FORMATS } from '../format/graph/formats.js';
import { LOG_FORMATS } from '../format/log/formats.js';
import { REPORT_COMMAND_FORMATS } from '../format/report/formats.js';
import { ROWS_FORMATS } from '../format/rows/formats.js';
import { RULES_FORMATS } from '../format/rules/formats.js';
import { SHOW_FORMATS } from '../format/show/formats.js';
import { WAVES_FORMATS } from '../format/waves/formats.js';

const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

const ROOT_HELP = 'the backlog root (the folder with backlog.yaml); default: found from here upwards';

function createProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command('backlog')
    .description('Validate, query and review a cloud-migration backlog kept as YAML files in git.')
    .version(toolVersion(), '-V, --version', 'print the version')
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output')
    .option('--debug', 'print stack traces of internal errors')
    .option('--no-cache', 'do not read or write the caches (also BACKLOG_NO_CACHE=1)')
    .addOption(new Option('--threads <n>', 'threads that parse files (also BACKLOG_THREADS; default: 2 for a large backlog read cold)').choices(['1', '2']))
    .option('--root <dir>', ROOT_HELP)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => {
        write(text);
        // `backlog validate examples/contoso`: the folder is an option here.
        if (text.includes('too many arguments')) write('hint: to work on another folder, use --root DIR\n');
      },
    })
    .showHelpAfterError('(run with --help for usage)')
    // `backlog --root X validate`: the root given before the command, unless the command has its own.
    .hook('preAction', (_program, command) => {
      const root = program.opts().root as string | undefined;
      if (root !== undefined && command.opts().root === undefined) command.setOptionValue('root', root);
    });

  program
    .command('validate')
    .description('check the whole backlog and report every finding')
    .option('--root <dir>', ROOT_HELP)
    .option('-f, --format <format[=file]>', 'stylish (default), json, github, sarif, junit, markdown or gitlab; FORMAT=FILE writes to a file; repeatable', collect)
    .addOption(new Option('--fail-on <severity>', 'exit 1 on findings at or above this severity').choices(['error', 'warning', 'info', 'never']).default('error'))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', nonNegativeInteger)
    .option('--as-of <date>', '"today" for date rules, YYYY-MM-DD (or BACKLOG_AS_OF)')
    .option('--changed', 'only findings in files changed since the base, and findings the change introduced anywhere')
    .option('--base <ref>', 'with --changed: the commit to compare with (default: as for diff)')
    .action(async (options, command: Command) => {
      const { runValidate } = await import('./commands/validate.js');
      setExit(await runValidate({ ...options, color: command.optsWithGlobals().color }, io));
    });

  program
    .command('list')
    .description('list the entities of a collection (default: workloads), filtered and ordered')
    .argument('[collection]', 'workloads, servers, dependencies, priorities, assumptions, outcomes, waves, remediations or risks')
    .option('--root <dir>', ROOT_HELP)
    .option('-w, --where <condition>', 'FIELD OP VALUE with = != < <= > >= or ~ (contains); a,b means any of; repeatable', collect, [])
    .option('--status <values>', 'shorthand for --where status=VALUES')
    .option('--wave <values>', 'shorthand for --where wave=VALUES')
    .option('--strategy <values>', 'shorthand for --where strategy=VALUES')
    .option('--owner <text>', 'shorthand for --where owner~TEXT')
    .option('--criticality <values>', 'shorthand for --where criticality=VALUES')
    .option('--tag <values>', 'shorthand for --where tags=VALUES')
    .option('--environment <values>', 'shorthand for --where environment=VALUES')
    .option('--priority [levels]', 'workloads in priority order (high, medium, low, unset; then rank, drivers, id); with levels, only those')
    .option('--sort <fields>', 'order by fields, e.g. wave,-cores (- for descending)')
    .option('--columns <fields>', 'the columns to show, e.g. id,name,servers,blocked_by (json and yaml: whole records without it)')
    .option('--wide', 'a table as wide as its text: nothing cut or left out to fit the terminal')
    .addOption(new Option('-f, --format <format>', 'output format').choices(ROWS_FORMATS).default('table'))
    .action(async (collection: string | undefined, options, command: Command) => {
      const { runList } = await import('./commands/list.js');
      setExit(await runList(collection, { ...options, color: command.optsWithGlobals().color }, io));
    });

  program
    .command('show')
    .description('one entity in full: its fields, servers, dependencies both ways, drivers, assumptions, remediations, risks')
    .argument('<ref>', 'an id (crm), or kind:id when ids repeat across collections (server:SQL01)')
    .option('--root <dir>', ROOT_HELP)
    .addOption(new Option('-f, --format <format>', 'output format').choices(SHOW_FORMATS).default('text'))
    .action(async (ref: string, options, command: Command) => {
      const { runShow } = await import('./commands/show.js');
      setExit(await runShow(ref, { ...options, color: command.optsWithGlobals().color }, io));
    });

  program
    .command('graph')
    .description('the dependency graph, clustered by wave; move groups, cross-wave and wrong-way edges marked; parallel edges merged')
    .option('--root <dir>', ROOT_HELP)
    .option('--focus <ref>', 'only the neighbourhood of this workload or server')
    .option('--depth <n>', 'with --focus: how many edges away from it to go (default: 1)', nonNegativeInteger)
    .option('--wave <id>', 'only the workloads of this wave; those of other waves they touch as one node per wave')
    .addOption(new Option('--level <level>', 'nodes are workloads, servers, or waves').choices(['workload', 'server', 'wave']).default('workload'))
    .addOption(new Option('--externals <mode>', 'systems outside the estate: each its own node, one node per classification, or none').choices(['all', 'collapse', 'none']).default('collapse'))
    .option('--all-edges', 'also shared-infra and noise edges')
    .addOption(new Option('-f, --format <format>', 'output format (mermaid: within what Mermaid draws, else the graph of waves)').choices(GRAPH_FORMATS).default('mermaid'))
    .action(async (options) => {
      const { runGraph } = await import('./commands/graph.js');
      setExit(await runGraph(options, io));
    });

  program
    .command('waves')
    .description('each wave with its workloads (ids, in priority order; `show WAVE` for details), dates, servers, capacity use and findings; --suggest proposes an assignment')
    .option('--root <dir>', ROOT_HELP)
    .addOption(new Option('-f, --format <format>', 'output format').choices(WAVES_FORMATS).default('table'))
    .option('--wide', 'a table as wide as its text: nothing cut or left out to fit the terminal')
    .option('--suggest', 'propose a wave for every workload still to move')
    .option('--max-servers <n>', "with --suggest: the capacity of waves without their own max_servers, and of new waves", positiveInteger)
    .option('--reassign', 'with --suggest: place every workload afresh, not only those without a wave')
    .option('--write', 'with --suggest: write the plan into the backlog files')
    .option('--dry-run', 'with --write: print the diff, write nothing')
    .option('--as-of <date>', '"today" for date rules, YYYY-MM-DD (or BACKLOG_AS_OF)')
    .action(async (options, command: Command) => {
      const { runWaves } = await import('./commands/waves.js');
      setExit(await runWaves({ ...options, color: command.optsWithGlobals().color }, io));
    });

  program
    .command('report')
    .description('progress and KPIs: by status, strategy, wave and criticality; outcome metrics; what is open or blocked')
    .option('--root <dir>', ROOT_HELP)
    .addOption(new Option('-f, --format <format>', 'output format (markdown without --history, csv with it; html: a dashboard page)').choices(REPORT_COMMAND_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .option('--as-of <date>', '"today" for overdue reviews, YYYY-MM-DD (or BACKLOG_AS_OF)')
    .option('--history', 'the KPIs over time, from the git history (a burn-up)')
    .option('--since <date>', 'with --history: from this date (default: the first commit of the backlog)')
    .addOption(new Option('--every <interval>', 'with --history: one point per day, week or month').choices(['day', 'week', 'month']).default('week'))
    .action(async (options, command: Command) => {
      const { runReport } = await import('./commands/report.js');
      setExit(await runReport({ ...options, color: command.optsWithGlobals().color }, io));
    });

  program
    .command('set')
    .description('change fields in place, of one entity or (--where) of every entity that matches: comments and layout kept, the result validated first')
    .argument('[ref]', 'an id (payroll), or kind:id (server:SQL01); none with --where')
    .argument('[assignments...]', 'FIELD=VALUE: priority=high, tags=a,b (a list), tags+=c, tags-=a, target.region=westeurope, metrics[0].current=10, metrics[cost].current=10, owner=null (removes it)')
    .option('--root <dir>', ROOT_HELP)
    .option('-w, --where <condition>', 'every entity where FIELD OP VALUE holds, as for list; repeatable', collect, [])
    .option('--collection <name>', 'with --where: the collection (default: workloads)')
    .option('--dry-run', 'print the diff, write nothing')
    .option('--as-of <date>', '"today" for date rules, YYYY-MM-DD (or BACKLOG_AS_OF)')
    .action(async (ref: string | undefined, assignments: string[], options, command: Command) => {
      const { runSet } = await import('./commands/set.js');
      setExit(await runSet([...(ref === undefined ? [] : [ref]), ...assignments], { ...options, color: command.optsWithGlobals().color }, io));
    });

  program
    .command('fmt')
    .description('rewrite backlog files in the canonical layout (spec order, two-space indent), comments kept')
    .argument('[paths...]', 'files or folders to format; default: the whole backlog')
    .option('--root <dir>', ROOT_HELP)
    .option('--check', 'list the files that would change, and exit 1 if any')
    .option('--dry-run', 'print the diff, write nothing')
    .option('--as-of <date>', '"today" for date rules, YYYY-MM-DD (or BACKLOG_AS_OF)')
    .action(async (paths: string[], options, command: Command) => {
      const { runFmt } = await import('./commands/fmt.js');
      setExit(await runFmt(paths, { ...options, color: command.optsWithGlobals().color }, io));
    });

  program
    .command('init')
    .description('start a backlog: one example per collection, editor settings, and CI at the top of the git repository')
    .argument('[dir]', 'the folder to create it in (default: here)')
    .option('--root <dir>', `${ROOT_HELP} (accepted by every command; init takes DIR)`)
    .addOption(new Option('--ci <service>', 'the CI to write: a GitHub workflow, a GitLab job, or none').choices(['github', 'gitlab', 'none']).default('github'))
    .action(async (dir: string | undefined, options: { ci: 'github' | 'gitlab' | 'none' }) => {
      const { runInit } = await import('./commands/init.js');
      setExit(await runInit(dir, options, io));
    });

  program
    .command('import')
    .description('merge exports into the backlog: azure-migrate-servers, azure-migrate-dependencies, rvtools, aws-cmf, meg, csv (CSV files or .xlsx workbooks)')
    .addArgument(new Argument('<source>', 'the kind of export').choices(IMPORT_SOURCES))
    .argument('<files...>', 'CSV files or Excel workbooks (.xlsx); several are merged at once')
    .option('--root <dir>', ROOT_HELP)
    .option('--into <file>', 'the backlog file new entities go to (default: <collection>.yaml at the root)')
    .option('--collection <name>', 'with csv: the collection (or metrics) a sheet holds, when its name or header does not say')
    .option('--sheet <name>', "the workbook's sheet to read (default: found by the source's sheet names)")
    .option('--map <column=field>', "read a column into a field ('Server Name=id', 'CMDB=x-cmdb'), or leave it out ('Notes='); repeatable", collect)
    .option('--map-file <file>', 'a YAML mapping of column names to fields')
    .option('--ignore-unknown-columns', 'leave out (and list) columns that are no field, rather than refuse the sheet')
    .option('--date-format <order>', 'how the export writes dates like 3/1/2027: DMY or MDY')
    .option('--add-servers', 'with azure-migrate-dependencies: add the servers it names that the backlog does not have')
    .option('--dry-run', 'print the diff, write nothing')
    .option('--as-of <date>', '"today" for date rules, YYYY-MM-DD (or BACKLOG_AS_OF)')
    .action(async (source, files: string[], options, command: Command) => {
      const { runImport } = await import('./commands/import.js');
      setExit(await runImport(source, files, { ...options, color: command.optsWithGlobals().color }, io));
    });

  program
    .command('export')
    .description('flat sheets of the backlog (MEG-style columns) for spreadsheets: a CSV sheet of a collection, or an xlsx workbook; import csv reads them back')
    .argument('[collection]', 'a collection, or metrics (the outcomes\' metrics); default: workloads for csv, the whole backlog for xlsx')
    .option('--root <dir>', ROOT_HELP)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['csv', 'xlsx']).default('csv', 'csv, or xlsx for an --output named .xlsx'))
    .option('-o, --output <file>', 'write to this file (needed for xlsx)')
    .option('--no-bom', 'csv: no UTF-8 byte-order mark (by default there is one, so that Excel reads UTF-8)')
    .action(async (collection: string | undefined, options, command: Command) => {
      const { runExport } = await import('./commands/export.js');
      setExit(await runExport(collection, { ...options, formatGiven: command.getOptionValueSource('format') !== 'default' }, io));
    });

  program
    .command('diff')
    .description('what a change means for the backlog: entities added, removed and changed, the plan, findings introduced and fixed')
    .argument('[base]', 'the commit to compare with, or a range A..B or A...B as git diff reads it (default: the merge-base with $GITHUB_BASE_REF, GitLab\'s $CI_MERGE_REQUEST_DIFF_BASE_SHA, origin/HEAD, main or master)')
    .argument('[head]', 'the commit to compare (default: the working tree)')
    .option('--root <dir>', ROOT_HELP)
    .addOption(new Option('-f, --format <format>', 'output format').choices(DIFF_FORMATS).default('text'))
    .option('--exit-code', 'exit 1 when there are changes')
    .option('--as-of <date>', '"today" for date rules, YYYY-MM-DD (or BACKLOG_AS_OF)')
    .action(async (base: string | undefined, head: string | undefined, options, command: Command) => {
      const { runDiff } = await import('./commands/diff.js');
      setExit(await runDiff(base, head, { ...options, color: command.optsWithGlobals().color }, io));
    });

  program
    .command('log')
    .description('the history of one entity: each commit that changed it, with the fields it changed, across file moves')
    .argument('<ref>', 'an id (payroll), or kind:id (server:SQL01)')
    .option('--root <dir>', ROOT_HELP)
    .option('-n, --max-count <n>', 'at most this many commits', positiveInteger, 50)
    .addOption(new Option('-f, --format <format>', 'output format').choices(LOG_FORMATS).default('text'))
    .action(async (ref: string, options, command: Command) => {
      const { runLog } = await import('./commands/log.js');
      setExit(await runLog(ref, { ...options, color: command.optsWithGlobals().color }, io));
    });

  program
    .command('rules')
    .description('list the finding codes with their default severity (and the severity set in this backlog)')
    .option('--root <dir>', ROOT_HELP)
    .addOption(new Option('-f, --format <format>', 'output format').choices(RULES_FORMATS).default('table'))
    .option('--wide', 'a table as wide as its text: nothing cut or left out to fit the terminal')
    .action(async (options, command: Command) => {
      const { runRules } = await import('./commands/rules.js');
      const project = await projectSettings(io, options.root);
      setExit(runRules({ ...options, color: command.optsWithGlobals().color }, project, io));
    });

  program
    .command('explain')
    .description('explain a finding code, with an example and the fix')
    .argument('<code>', 'a code such as WAVE_ORDER')
    .option('--root <dir>', `${ROOT_HELP} (accepted by every command; not used here)`)
    .action(async (code: string, _options, command: Command) => {
      const { runExplain } = await import('./commands/explain.js');
      setExit(runExplain(code, { color: command.optsWithGlobals().color }, io));
    });

  program
    .command('schema')
    .description('print the JSON Schema of a backlog file (for editors)')
    .option('--root <dir>', `${ROOT_HELP} (accepted by every command; not used here)`)
    .action(async () => {
      const { runSchema } = await import('./commands/schema.js');
      setExit(runSchema(io));
    });

  return program;
}

/** The project settings of the backlog given by --root, or found upwards; none outside a backlog. */
async function projectSettings(io: CliIO, root: string | undefined) {
  const { resolveRoot } = await import('../load/find-root.js');
  const { readProjectSettings } = await import('../load/read-project.js');
  let dir: string;
  try {
    dir = resolveRoot(io.cwd, root);
  } catch (error) {
    if (root !== undefined) throw error;
    return undefined;
  }
  return readProjectSettings(dir);
}

/** Runs the command line and returns the exit code; never throws. */
export async function run(argv: readonly string[], givenIO: CliIO): Promise<number> {
  // --no-cache and --threads are global flags; the commands read them where they read the environment.
  const threads = argv.indexOf('--threads');
  const io: CliIO = {
    ...givenIO,
    env: { ...givenIO.env, ...(argv.includes('--no-cache') ? { BACKLOG_NO_CACHE: '1' } : {}), ...(threads !== -1 && argv[threads + 1] ? { BACKLOG_THREADS: argv[threads + 1] } : {}) },
  };
  try {
    return await runOnce(argv, io, false);
  } catch (error) {
    // A damaged cache is never the user's problem: the damaged file is gone, and the answer
    // comes from the files (a command prints only once it has its answer).
    if (!(error instanceof DamagedCacheError)) throw error;
    return runOnce(argv, { ...io, env: { ...io.env, BACKLOG_NO_CACHE: '1' } }, true);
  }
}

/** One run; throws only a damaged cache found while answering, unless `retrying` already. */
async function runOnce(argv: readonly string[], io: CliIO, retrying: boolean): Promise<number> {
  let exitCode: number = EXIT.ok;
  const debug = argv.includes('--debug') || io.env.BACKLOG_DEBUG === '1';
  try {
    const program = createProgram(io, (code) => {
      exitCode = code;
    });
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      return EXIT.usage;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof DamagedCacheError && !retrying) throw error;
    return exitCodeOf(error, io, debug);
  }
}

function exitCodeOf(error: unknown, io: CliIO, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Help and --version end with exit code 0; every other commander error is a usage error.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof UsageError) {
    io.stderr(printable(`backlog: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ''}`));
    return EXIT.usage;
  }
  if (error instanceof IoError) {
    io.stderr(`backlog: ${printable(error.message)}\n`);
    if (debug && error.cause instanceof Error) io.stderr(`${error.cause.stack}\n`);
    return EXIT.internal;
  }
  io.stderr(`backlog: internal error: ${printable(errorMessage(error))}\nThis is a bug in backlog: please report it, with the command you ran.\n`);
  if (debug && error instanceof Error) io.stderr(`${error.stack}\n`);
  else io.stderr('(run with --debug or BACKLOG_DEBUG=1 for the stack trace)\n');
  return EXIT.internal;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number, 1 or more');
  return Number(value);
}

function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return Number(value);
}
