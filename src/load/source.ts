// Where backlog files come from: the file system here; a git commit later. The loader sees only this.

/** Memory offered for the bytes of a file of `size` bytes; undefined when there is none that large. */
export type RoomFor = (size: number) => Uint8Array | undefined;

export interface BacklogSource {
  /** A name for messages: the folder, or `REF:folder`. */
  readonly description: string;
  /** Candidate backlog files, relative to the root with `/` separators. */
  listFiles(): Promise<string[]>;
  /**
   * The bytes of a listed file, or undefined when it does not exist. `room`, when given, offers
   * memory for a file of a size (undefined: none that large): a source that can read into it
   * does, and gives back the part filled (a cold load reads straight into memory it shares).
   */
  readFile(path: string, room?: RoomFor): Promise<Uint8Array | undefined>;
  /**
   * A name for a file's content that two sources give alike only for the same bytes (a git blob
   * id); undefined when the source has none (the loader then hashes the bytes).
   */
  contentId?(path: string): string | undefined;
  /** Things worth telling the user that are not findings (a skipped symbolic link). */
  readonly notices: string[];
}
