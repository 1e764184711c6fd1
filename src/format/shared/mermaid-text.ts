import { printable } from '../../text/printable.js';

/**
 * Mermaid entity codes for what could end a quoted label or be read as markup or an entity,
 * and for `%`: Mermaid reads `%%{init: ...}%%` as a directive anywhere in the text, even in quotes.
 */
export function mermaidText(text: string): string {
  return printable(text.replace(/[#"<>&`|%]/g, (ch) => `#${ch.charCodeAt(0)};`).replace(/\r?\n/g, '<br/>'));
}
