// The backlog command in a line of a CI file or a README snippet, as arguments for runCli: the
// variables put in, the words split as a POSIX shell does for the quoting these lines use, and
// the way the tool is started (`npx --yes migration-backlog@X`, `npx backlog`) taken off.
export function backlogArgs(line: string, variables: Record<string, string> = {}): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === '\\') {
      word = (word ?? '') + line[i + 1];
      i += 1;
    } else if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      if (end === -1) throw new Error(`an unclosed quote: ${line}`);
      const quoted = line.slice(i + 1, end);
      word = (word ?? '') + (c === '"' ? expand(quoted, variables) : quoted);
      i = end;
    } else {
      const end = /[ '"\\]/.exec(line.slice(i))?.index ?? line.length - i;
      word = (word ?? '') + expand(line.slice(i, i + end), variables);
      i += end - 1;
    }
  }
  if (word !== undefined) words.push(word);
  const start = words[0] === 'npx' && words[1] === '--yes' && words[2]?.startsWith('migration-backlog@') ? 3 : words[0] === 'npx' && words[1] === 'backlog' ? 2 : -1;
  if (start === -1) throw new Error(`not a backlog command: ${line}`);
  return words.slice(start);
}

function expand(text: string, variables: Record<string, string>): string {
  return text.replace(/\$(\w+)/g, (_, name: string) => {
    if (!(name in variables)) throw new Error(`no value for $${name}`);
    return variables[name]!;
  });
}
