// How many terminal columns a text takes: wide characters count two, styles none.
import stringWidth from 'string-width';

export function displayWidth(text: string): number {
  // Nearly every cell is plain ASCII, and string-width builds a regular expression per call.
  return /^[\x20-\x7e]*$/.test(text) ? text.length : stringWidth(text);
}
