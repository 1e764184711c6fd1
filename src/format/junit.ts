// JUnit XML for CI test reports: a test suite per file, a failing test case per finding at or
// above the fail threshold, a passing one for each file without such findings.
import { addTo } from '../model/group.js';
import { fails } from '../validate/severity.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ValidationFormatter } from './types.js';

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
  for (const file of files) {
    const found = failing.get(file) ?? [];
    const cases = found.length > 0 ? found.map((d) => failingCase(d)) : [`    <testcase name="${xml(file)}" classname="${xml(file)}"/>`];
    tests += cases.length;
    failures += found.length;
    suites.push(
      `  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${found.length}" errors="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="backlog validate" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};

function failingCase(d: Diagnostic): string {
  const where = d.line !== undefined ? `${d.file}:${d.line}:${d.column}` : d.file;
  const body = [`${where} ${d.severity} ${d.message}`, d.hint ? `hint: ${d.hint}` : ''].filter(Boolean).join('\n');
  const name = d.line !== undefined ? `${d.code} at ${d.line}:${d.column}` : d.code;
  return [
    `    <testcase name="${xml(name)}" classname="${xml(d.file)}">`,
    `      <failure message="${xml(d.message)}" type="${d.code}">${xml(body)}</failure>`,
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
