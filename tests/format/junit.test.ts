// JUnit as GitLab reads it: a test case is keyed by suite, class name and name, so two findings
// with one name would show as one; each case names its file; a run that fails says why in the
// report (issue 21, item 9).
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

interface TestCase {
  suite: string;
  classname: string;
  name: string;
  file: string | undefined;
  failure: string | undefined;
}

const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attribute = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? unescape(match[1]!) : undefined;
};

/** The test cases of a JUnit report, each with its suite, and the totals of the root element. */
function readJunit(xml: string): { tests: number; failures: number; cases: TestCase[] } {
  const root = /<testsuites [^>]*>/.exec(xml)![0];
  const cases: TestCase[] = [];
  for (const suite of xml.matchAll(/<testsuite ([^>]*)>([\s\S]*?)<\/testsuite>/g)) {
    for (const found of suite[2]!.matchAll(/<testcase ([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
      const tag = ` ${found[1]}`;
      const failure = found[2] ? /<failure [^>]*>([\s\S]*?)<\/failure>/.exec(found[2])?.[1] : undefined;
      cases.push({ suite: attribute(` ${suite[1]}`, 'name')!, classname: attribute(tag, 'classname')!, name: attribute(tag, 'name')!, file: attribute(tag, 'file'), failure: failure && unescape(failure) });
    }
  }
  return { tests: Number(attribute(root, 'tests')), failures: Number(attribute(root, 'failures')), cases };
}

describe('junit', () => {
  it('gives every test case its own name within its suite and class, and names its file', async () => {
    // A priority without rank and title: two MISSING_FIELD findings at one place.
    const root = tempDir({ 'backlog.yaml': 'priorities:\n  - id: p1\n    rationale: why\nworkloads:\n  - { id: a, name: A, owner: O, drivers: [nope, nix] }\n' });
    const { stdout, code } = await runCli(['validate', '--root', root, '-f', 'junit']);
    expect(code).toBe(1);
    const report = readJunit(stdout);
    const keys = report.cases.map((c) => `${c.suite}\u0000${c.classname}\u0000${c.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(report.cases.map((c) => c.name)).toEqual([
      'MISSING_FIELD priority:p1 at 2:5: a priority needs `rank`',
      'MISSING_FIELD priority:p1 at 2:5: a priority needs `title`',
      'UNKNOWN_REFERENCE workload:a drivers[0] at 5:43',
      'UNKNOWN_REFERENCE workload:a drivers[1] at 5:49',
    ]);
    expect(report.cases.map((c) => c.file)).toEqual(['backlog.yaml', 'backlog.yaml', 'backlog.yaml', 'backlog.yaml']);
    expect(report.failures).toBe(4);
  });

  it('--max-warnings: the run fails, and the report has a failing case that says why', async () => {
    const root = tempDir({ 'backlog.yaml': 'workloads:\n  - { id: a, name: A }\n  - { id: b, name: B }\n' });
    const { stdout, code } = await runCli(['validate', '--root', root, '-f', 'junit', '--max-warnings', '1']);
    expect(code).toBe(1);
    const report = readJunit(stdout);
    expect(report.failures).toBe(1);
    const failing = report.cases.filter((c) => c.failure !== undefined);
    expect(failing.map((c) => [c.suite, c.name])).toEqual([['backlog validate', '--max-warnings 1']]);
    expect(failing[0]!.failure).toBe(
      '2 warnings, more than --max-warnings 1:\nbacklog.yaml:2:11 warning workload `a` has no business owner MISSING_OWNER\nbacklog.yaml:3:11 warning workload `b` has no business owner MISSING_OWNER',
    );
    // Within the limit, nothing fails.
    const within = readJunit((await runCli(['validate', '--root', root, '-f', 'junit', '--max-warnings', '2'])).stdout);
    expect(within.failures).toBe(0);
  });
});
