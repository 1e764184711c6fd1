// Runs a script (or nothing, with --empty) and, on exit, writes the process's peak memory (KiB)
// to $BENCH_RSS_FILE: whole-process figures without a platform `time` command.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
const [script, ...rest] = process.argv.slice(2);
if (script !== '--empty') {
  process.argv = [process.argv[0], script, ...rest];
  await import(pathToFileURL(script).href);
}
