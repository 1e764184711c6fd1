// JUnit XML for CI test reports: a test suite per file, a failing test case per finding at or
// above the fail threshold, a passing one for each file without such findings. GitLab keys a
// case by suite, class name and name: every name within a suite is made unique.
import { addTo } from '../../model/group.js';
import { fieldPath } from '../../text/field-path.js';
import { plural } from '../../text/list.js';
import { fails } from '../../validate/severity.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { ValidationFormatter } from './types.js';

const RUN_SUITE = 'backlog validate';

export const junit: ValidationFormatter = (report, context) => {
  const failing = new Map<string, Diagnostic[]>();
  for (const d of report.diagnostics) {
    if (!fails(d.severity, context.failOn)) continue;
    addTo(failing, d.file, d);
  }
  // Findings may name files that were not listed (none today); every file gets a suite.
  const files = [...new Set([...report.files, ...failing.keys()])].sort();
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  const addSuite = (name: string, cases: string[], failed: number) => {
    tests += cases.length;
    failures += failed;
    suites.push(`  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${failed}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
  };
  for (const file of files) {
    const found = failing.get(file) ?? [];
    const names = caseNames(found);
    // `file` is where a CI report places the case: from the top of the repository.
    const path = context.pathPrefix + file;
    const cases = found.length > 0 ? found.map((d, i) => failingCase(names[i]!, d.file, d.code, d.message, findingText(d), path)) : [`    <testcase name="${xml(file)}" classname="${xml(file)}" file="${xml(path)}"/>`];
    addSuite(file, cases, found.length);
  }
  const warnings = report.diagnostics.filter((d) => d.severity === 'warning');
  if (context.maxWarnings !== undefined && warnings.length > context.maxWarnings) {
    // The run fails for the count, not for one finding: a case of its own says so, with the warnings.
    const message = `${plural(warnings.length, 'warning')}, more than --max-warnings ${context.maxWarnings}`;
    const body = [`${message}:`, ...warnings.map((d) => `${findingText(d).split('\n')[0]} ${d.code}`)].join('\n');
    addSuite(RUN_SUITE, [failingCase(`--max-warnings ${context.maxWarnings}`, RUN_SUITE, 'MAX_WARNINGS', message, body)], 1);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${RUN_SUITE}" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};

/**
 * A name per finding, unique within its file: code, entity, field and place; where two findings
 * share all four (two fields missing from one entity), their messages tell them apart.
 */
function caseNames(found: readonly Diagnostic[]): string[] {
  const base = found.map((d) => {
    const field = d.entity !== undefined && d.path ? fieldPath(d.path.slice(2)) : '';
    const subject = [d.entity, field].filter(Boolean).join(' ');
    return `${d.code}${subject ? ` ${subject}` : ''}${d.line !== undefined ? ` at ${d.line}:${d.column}` : ''}`;
  });
  const named = base.map((name, i) => (base.indexOf(name) !== base.lastIndexOf(name) ? `${name}: ${found[i]!.message}` : name));
  const seen = new Map<string, number>();
  return named.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

function findingText(d: Diagnostic): string {
  const where = d.line !== undefined ? `${d.file}:${d.line}:${d.column}` : d.file;
  return [`${where} ${d.severity} ${d.message}`, d.hint ? `hint: ${d.hint}` : ''].filter(Boolean).join('\n');
}

function failingCase(name: string, classname: string, type: string, message: string, body: string, file?: string): string {
  return [
    `    <testcase name="${xml(name)}" classname="${xml(classname)}"${file !== undefined ? ` file="${xml(file)}"` : ''}>`,
    `      <failure message="${xml(message)}" type="${xml(type)}">${xml(body)}</failure>`,
    '    </testcase>',
  ].join('\n');
}

/** Text safe in XML content and attributes; characters XML 1.0 forbids are dropped. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
