// The yaml package's errors in the words of someone editing a backlog by hand: what is wrong,
// on the character where it shows, and how to fix it. One finding per line: the errors that
// follow on the same line are consequences of the first.
import type { YAMLError } from 'yaml';
import type { FileProblem } from '../types.js';

export function syntaxProblems(errors: readonly YAMLError[], text: string): FileProblem[] {
  const problems: FileProblem[] = [];
  const lines = new Set<number>();
  for (const error of errors) {
    const line = lineOf(text, error.pos[0]);
    if (lines.has(line)) continue;
    lines.add(line);
    problems.push(explain(error, text));
  }
  return problems;
}

function explain(error: YAMLError, text: string): FileProblem {
  // The tab itself is the mistake; elsewhere, the first character of what is wrong.
  const start = error.code === 'TAB_AS_INDENT' ? error.pos[0] : firstVisible(text, error.pos[0]);
  const lineText = text.slice(lineStart(text, start), lineEndOf(text, start));
  const problem = (message: string, hint?: string): FileProblem => ({
    code: 'YAML_SYNTAX',
    message,
    range: [start, Math.max(start + 1, Math.min(error.pos[1], lineEndOf(text, start)))],
    ...(hint ? { hint } : {}),
  });
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (!error.message.startsWith('Nested mappings')) return problem('this line does not fit the structure around it', 'check the indentation of the lines above');
      if (/: /.test(text.slice(start, lineEndOf(text, start)))) {
        return problem('this value has `: ` in it, which YAML reads as the start of a mapping', 'quote the value: "..."');
      }
      return problem('the line after this one is indented further, as if this value had fields of its own', 'indent the next line like the fields beside this one');
    case 'MULTILINE_IMPLICIT_KEY':
      return problem('this key runs over more than one line', 'check the indentation of the lines around it');
    case 'BAD_INDENT':
      if (/^\s*-[^\s-]/.test(lineText)) return problem('a list item needs a space after `-`', 'write `- ` then the value');
      if (error.message.startsWith('Flow map')) return unclosed(text, start, '{', '}');
      if (error.message.startsWith('Flow sequence')) return unclosed(text, start, '[', ']');
      return problem('this line is indented differently from the fields above it', 'line it up with the fields of the same entity');
    case 'NON_STRING_KEY':
    case 'BLOCK_IN_FLOW':
      return problem('this line does not fit the structure around it', 'check its indentation against the lines above');
    case 'MISSING_CHAR':
      if (error.message.startsWith('Implicit map keys')) return problem(`\`${lineText.trim()}\` has no \`:\` after it`, 'write `field: value`');
      break;
    case 'UNEXPECTED_TOKEN':
      if (error.message.includes('scalar at node end')) return problem('text after a quoted value', 'put it inside the quotes');
      break;
    case 'TAB_AS_INDENT':
      return problem('a tab used for indentation; YAML allows only spaces', 'replace the tab with spaces');
    default:
      break;
  }
  const first = error.message.split('\n')[0] ?? error.message;
  return problem(first.replace(/ at line \d+, column \d+:?$/, ''));
}

/** An unclosed `{` or `[`: placed on the bracket, which the parser only misses lines later. */
function unclosed(text: string, at: number, open: string, close: string): FileProblem {
  let depth = 0;
  let bracket = at;
  for (let i = at - 1; i >= 0; i--) {
    if (text[i] === close) depth += 1;
    else if (text[i] === open && depth-- === 0) {
      bracket = i;
      break;
    }
  }
  return {
    code: 'YAML_SYNTAX',
    message: `this \`${open}\` is not closed with \`${close}\``,
    range: [bracket, bracket + 1],
    hint: `close it before the next line that is not part of it, and check the commas in it`,
  };
}

/** A position on a line's indentation moves to the line's first character. */
function firstVisible(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && (text[at] === ' ' || text[at] === '\t') && at < lineEndOf(text, offset)) at += 1;
  return at < lineEndOf(text, offset) ? at : offset;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndOf(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}
