// Every value from the backlog enters the page through these: as text, never as markup.
import { printable } from '../../../text/printable.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content or a quoted attribute value; control and bidirectional characters shown as escapes. */
export function escapeHtml(value: string | number): string {
  return printable(String(value)).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/**
 * JSON for a `<script type="application/json">` element, read back with textContent and
 * JSON.parse: with every `<` written as `\u003c`, no text in it can close the element.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
