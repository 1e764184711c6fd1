// The graph of an estate the size imports make (the bench's S: 200 workloads, 1,984 server
// dependencies) renders where it is read (issue 21, item 6): Graphviz lays the DOT out within
// 30 seconds, and the Mermaid output stays within what Mermaid draws, saying so on stderr when
// the graph asked for does not fit. Processes are started here: Graphviz's `dot`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MERMAID_MAX_EDGES, MERMAID_MAX_TEXT } from '../../src/format/graph/mermaid.js';
import { parseMermaid } from '../helpers/mermaid-parser.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const repo = join(import.meta.dirname, '..', '..');
const hasDot = spawnSync('dot', ['-V']).status === 0;
if (!hasDot) process.stderr.write('graphviz (dot) is not installed: the test that renders the S estate with dot is skipped\n');

describe('graph of the S estate', () => {
  const estate = join(tempDir(), 'S');
  const generated = spawnSync(process.execPath, [join(repo, 'bench', 'generate-estate.mjs'), '--scale', 'S', '--out', estate], { encoding: 'utf8' });

  it.skipIf(!hasDot)('-f dot renders with `dot -Tsvg` within 30 seconds', async () => {
    expect(generated.status).toBe(0);
    const { stdout, code } = await runCli(['graph', '--root', estate, '-f', 'dot']);
    expect(code).toBe(0);
    // The timeout guards the bar: past 30 s dot is stopped and the test fails.
    const rendered = spawnSync('dot', ['-Tsvg'], { input: stdout, encoding: 'utf8', timeout: 30_000, maxBuffer: 256 * 1024 * 1024 });
    expect(rendered.error).toBeUndefined();
    expect(rendered.stderr).toBe('');
    expect(rendered.status).toBe(0);
    expect(rendered.stdout).toContain('</svg>');
  });

  it('mermaid: too large for Mermaid, it prints the graph of waves and says how to narrow it', async () => {
    const { stdout, stderr, code } = await runCli(['graph', '--root', estate]);
    expect(code).toBe(0);
    expect(stderr).toBe('backlog: the workload graph has 1809 edges (Mermaid draws 500): printed the graph of its waves instead; narrow it with --focus REF, --wave ID or --level, or take all of it with -f dot\n');
    await parseMermaid(stdout);
    expect(stdout).toContain('[["wave-1<br/>50 workloads"]]');
  });

  it('mermaid --wave: one wave of it fits, and parses', async () => {
    const { stdout, stderr } = await runCli(['graph', '--root', estate, '--wave', 'wave-2']);
    expect(stderr).toBe('');
    expect(stdout.length).toBeLessThanOrEqual(MERMAID_MAX_TEXT);
    expect(stdout.match(/ (?:-->|==>|-\.->)/g)!.length).toBeLessThanOrEqual(MERMAID_MAX_EDGES);
    await parseMermaid(stdout);
  });
});
