// What `fmt` does to the files of a backlog: which files formatting changes (with their new
// text when wanted), and which it cannot format (they have problems). A file whose bytes have a
// verdict already is not formatted again, unless its new text is wanted.
import type { FormatVerdicts } from './format-verdicts.js';

/** A file to format. */
export interface FormatCandidate {
  path: string;
  /** What the file is known by: its bytes, or its text in UTF-8; undefined for a file with problems. */
  bytes: Uint8Array | undefined;
  /** Its text, undefined when it has problems: asked only of a file formatted now. */
  text(): string | undefined | Promise<string | undefined>;
}

export interface Formatted {
  /** The files that formatting changes, in order. */
  changed: string[];
  /** Their new texts by path, when asked for. */
  texts: Map<string, string>;
  /** Files left as they are: with problems (YAML errors, bad text), or of something else (`foreign`: why). */
  skipped: Array<{ path: string; foreign?: string }>;
}

/** `texts`: the new texts of the files changed are wanted (to write them), not only their paths. */
export async function formatFiles(files: AsyncIterable<FormatCandidate> | Iterable<FormatCandidate>, options: { texts: boolean; verdicts?: FormatVerdicts | undefined }): Promise<Formatted> {
  const { verdicts } = options;
  const result: Formatted = { changed: [], texts: new Map(), skipped: [] };
  for await (const file of files) {
    const key = file.bytes && verdicts?.key(file.bytes);
    const known = key === undefined ? undefined : verdicts!.get(key);
    if (known === 'canonical') continue;
    if (known === 'changes' && !options.texts) {
      result.changed.push(file.path);
      continue;
    }
    const text = await file.text();
    if (text === undefined) {
      result.skipped.push({ path: file.path });
      continue;
    }
    // The check and the schemas are loaded only when a file is formatted, the yaml package only
    // for a file the check is not sure of.
    const { isSurelyCanonical } = await import('./surely-canonical.js');
    const { formatted, foreign } = isSurelyCanonical(text) ? { formatted: text, foreign: undefined } : (await import('./format-yaml.js')).formatForFmt(text);
    // A file of something else under the root (docker-compose.yml) is never rewritten in a backlog's layout.
    if (foreign !== undefined) {
      result.skipped.push({ path: file.path, foreign });
      continue;
    }
    if (key !== undefined && known === undefined) verdicts!.set(key, formatted === text ? 'canonical' : 'changes');
    if (formatted === text) continue;
    result.changed.push(file.path);
    if (options.texts) result.texts.set(file.path, formatted);
  }
  return result;
}
