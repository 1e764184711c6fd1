// Spreadsheet-safe text (OWASP "CSV injection"): a cell that starts with `=`, `+`, `-`, `@`, a
// tab or a carriage return is a formula to Excel and LibreOffice, so `export` writes it after a
// `'`, and `import` takes exactly that `'` off again. Text that already starts with `'` before
// such a character gets one more, so that every text comes back as it was.
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unguardFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text) ? text.slice(1) : text;
}
