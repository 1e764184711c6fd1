// Where backlog files come from: the file system here; a git commit later. The loader sees only this.

export interface BacklogSource {
  /** A name for messages: the folder, or `REF:folder`. */
  readonly description: string;
  /** Candidate backlog files, relative to the root with `/` separators. */
  listFiles(): Promise<string[]>;
  /** The bytes of a listed file, or undefined when it does not exist. */
  readFile(path: string): Promise<Uint8Array | undefined>;
  /**
   * A name for a file's content that two sources give alike only for the same bytes (a git blob
   * id); undefined when the source has none (the loader then hashes the bytes).
   */
  contentId?(path: string): string | undefined;
  /** Things worth telling the user that are not findings (a skipped symbolic link). */
  readonly notices: string[];
}
