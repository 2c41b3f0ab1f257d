// Minimal RFC 4180 CSV: parse rows (quoted fields, doubled quotes, CRLF or LF) and write cells safely.

/** Parses CSV text into rows of cells; a leading BOM is dropped and a trailing newline ignored. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * One CSV cell: quoted when needed, and prefixed with ' when it starts with = + - @ (or tab/CR) so a
 * spreadsheet does not run it as a formula.
 */
export function csvCell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Rows to CSV text with CRLF line ends. `bom` starts the text with U+FEFF so spreadsheet programs read it as UTF-8
 * (names like Zoë stay intact in Excel); parseCsv drops it again on import.
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[], options: { bom?: boolean } = {}): string {
  return (options.bom ? '\ufeff' : '') + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
