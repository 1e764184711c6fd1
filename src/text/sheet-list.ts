// A list in one cell, as `export` writes it and `import csv` reads it (items separated by `;`)
// and as `set` reads `tags=a,b` (by `,`). An item that holds the separator, or starts with a
// double quote, is written in double quotes (a quote inside doubled), so that every list reads
// back as written.

const QUOTE = '"';

export function joinSheetList(items: readonly string[], separator = ';'): string {
  return items.map((item) => (item.includes(separator) || item.startsWith(QUOTE) ? `${QUOTE}${item.replaceAll(QUOTE, QUOTE + QUOTE)}${QUOTE}` : item)).join(separator);
}

/** The items of a cell, trimmed, empty ones dropped; a quoted item as written inside its quotes. */
export function splitSheetList(cell: string, separator = ';'): string[] {
  const items: string[] = [];
  let at = 0;
  while (at <= cell.length) {
    while (cell[at] === ' ' || cell[at] === '\t') at += 1;
    if (cell[at] === QUOTE) {
      const quoted = quotedItem(cell, at);
      if (quoted) {
        const next = cell.indexOf(separator, quoted.end);
        const end = next === -1 ? cell.length : next;
        // Text after the closing quote (`"a;b"x`): the quotes were part of the item, as written.
        items.push(cell.slice(quoted.end, end).trim() === '' ? quoted.text : cell.slice(at, end).trim());
        at = end + separator.length;
        continue;
      }
    }
    // Not quoted (or a quote that does not close the item): up to the next separator.
    const next = cell.indexOf(separator, at);
    const item = cell.slice(at, next === -1 ? cell.length : next).trim();
    if (item !== '') items.push(item);
    at = next === -1 ? cell.length + 1 : next + separator.length;
  }
  return items;
}

/** A double-quoted item starting at `start`: its text and the offset after its closing quote. */
function quotedItem(cell: string, start: number): { text: string; end: number } | undefined {
  let text = '';
  for (let i = start + 1; i < cell.length; i++) {
    if (cell[i] !== QUOTE) {
      text += cell[i];
    } else if (cell[i + 1] === QUOTE) {
      text += QUOTE;
      i += 1;
    } else {
      return { text, end: i + 1 };
    }
  }
  return undefined;
}
