// Objects from one `git cat-file --batch` kept open while a command asks batch after batch —
// the ids of the names it was given, the trees of each side, the files of each commit `log`
// looks at: one git process for all of them, not one a batch.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { errorMessage, IoError } from '../errors.js';

/** An object as git gives it: its id, its type (blob, tree, commit, tag), its bytes. */
export interface GitObject {
  id: string;
  type: string;
  contents: Uint8Array;
}

interface Request {
  names: readonly string[];
  objects: Map<string, GitObject>;
  /** How many of the names are answered. */
  answered: number;
  resolve: (objects: Map<string, GitObject>) => void;
  reject: (error: Error) => void;
}

export class ObjectReader {
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly queue: Request[] = [];
  private chunks: Buffer[] = [];
  private length = 0;
  /** The bytes the next answer needs before it can be read. */
  private need = 1;
  private stderr = '';
  private failure: Error | undefined;
  private closed = false;

  /** `top`: the top of the work tree, where git runs. */
  constructor(private readonly top: string) {}

  /**
   * Object contents by name (a blob id, or `commit:path`); a name that does not exist (a file the
   * commit does not have) is left out of the map.
   */
  async read(names: readonly string[]): Promise<Map<string, Uint8Array>> {
    const objects = await this.objects(names);
    return new Map([...objects].map(([name, object]) => [name, object.contents]));
  }

  /** The objects of the names, each with its id and type; a name git does not know is left out. */
  objects(names: readonly string[]): Promise<Map<string, GitObject>> {
    if (names.length === 0) return Promise.resolve(new Map());
    if (this.failure) return Promise.reject(this.failure);
    // A git process started now would wait for input no one sends: the command would never end.
    if (this.closed) return Promise.reject(new IoError('git cat-file: asked after the command ended'));
    return new Promise((resolve, reject) => {
      this.queue.push({ names, objects: new Map(), answered: 0, resolve, reject });
      this.started().stdin.write(`${names.join('\n')}\n`);
    });
  }

  /** Ends git's process once every batch asked is answered; nothing may be asked after. */
  close(): void {
    this.closed = true;
    this.child?.stdin.end();
    this.child = undefined;
  }

  private started(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn('git', ['cat-file', '--batch'], { cwd: this.top, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => this.received(chunk));
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    child.on('error', (error) => this.fail(new IoError(`cannot run git: ${errorMessage(error)}`, { cause: error })));
    child.on('close', (code) => this.fail(new IoError(code === 0 ? 'git cat-file ended before it answered' : `git cat-file failed: ${this.stderr.trim()}`)));
    // A process that ends early is told by its exit status, not by a write to its input.
    child.stdin.on('error', () => {});
    this.child = child;
    return child;
  }

  private received(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
    if (this.length < this.need) return;
    const output = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    let at = 0;
    // Each answer is `<id> <type> <size>\n<contents>\n`, or `<name> missing\n`.
    for (let request = this.queue[0]; request; request = this.queue[0]) {
      const newline = output.indexOf(10, at);
      if (newline === -1) break;
      const header = output.subarray(at, newline).toString();
      const name = request.names[request.answered]!;
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) at = newline + 1;
      else {
        const [id, type, sizeText] = header.split(' ') as [string, string, string];
        const size = Number(sizeText);
        if (!Number.isInteger(size)) return this.fail(new IoError(`git cat-file: ${header}`));
        if (output.length < newline + 1 + size + 1) break;
        request.objects.set(name, { id, type, contents: output.subarray(newline + 1, newline + 1 + size) });
        at = newline + 1 + size + 1;
      }
      if (++request.answered === request.names.length) {
        this.queue.shift();
        request.resolve(request.objects);
      }
    }
    const rest = output.subarray(at);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.length = rest.length;
    this.need = this.neededFor(rest);
  }

  /** A header read whole, its contents not yet: wait for all of them; otherwise for any byte more. */
  private neededFor(rest: Buffer): number {
    const newline = rest.indexOf(10);
    if (newline === -1) return rest.length + 1;
    const size = Number(rest.subarray(0, newline).toString().split(' ')[2]);
    return Number.isInteger(size) ? newline + 1 + size + 1 : rest.length + 1;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const request of this.queue.splice(0)) request.reject(this.failure);
  }
}

/** A tree object's entries: `<mode> <name>\0<id as bytes>`, one after the other. */
export function* treeEntries(contents: Uint8Array, idBytes: number): Generator<{ mode: string; name: string; id: string }> {
  const bytes = Buffer.from(contents.buffer, contents.byteOffset, contents.byteLength);
  for (let at = 0; at < bytes.length; ) {
    const space = bytes.indexOf(32, at);
    const end = bytes.indexOf(0, space);
    if (space === -1 || end === -1) throw new IoError('git cat-file: a tree git could not have written');
    yield { mode: bytes.toString('latin1', at, space), name: bytes.toString('utf8', space + 1, end), id: bytes.toString('hex', end + 1, end + 1 + idBytes) };
    at = end + 1 + idBytes;
  }
}
