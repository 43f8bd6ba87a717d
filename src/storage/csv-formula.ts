/**
 * Spreadsheets (Excel, LibreOffice, Google Sheets) trim leading blanks and fold full-width forms
 * (＝ U+FF1D, ＋, －, ＠) before deciding that a cell is a formula, so the test must do the same:
 * OWASP "CSV injection". NFKC folds the full-width signs and the odd spaces (NBSP, ideographic,
 * figure, narrow NBSP) to their ASCII forms; the trim takes the rest of Unicode's white space
 * and the byte-order mark.
 */
const FORMULA_START = /^[=+\-@]/;
const LEADING_BLANKS = /^[\s\uFEFF\u200B-\u200D\u2060]+/u;

/** True when a spreadsheet would read the cell as a formula (or as a command after a blank). */
export function readsAsFormula(text: string): boolean {
  if (/^[\t\r\n]/.test(text)) return true;
  return FORMULA_START.test(text.normalize('NFKC').replace(LEADING_BLANKS, ''));
}
