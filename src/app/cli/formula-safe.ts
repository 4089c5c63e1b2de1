/**
 * The first characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP,
 * "CSV injection"): "=", "+", "-", "@", and a tab or carriage return that some of them skip first.
 */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * A cell's text as it can be opened in a spreadsheet without running anything: text that would start
 * a formula gets a leading "'", which Excel reads as "this is text" (OWASP's recommendation).
 */
export function formulaSafe(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}
