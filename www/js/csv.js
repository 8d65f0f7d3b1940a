// CSV in and out for transcripts and result tables. Parsing handles quotes ("" escapes, commas
// and newlines inside quotes), CRLF, a UTF-8 BOM, and the full-width comma a Chinese IME types.
// Export quotes what needs it and defuses spreadsheet formulas (=, +, -, @ at a cell's start).

/** Parses CSV text into rows of trimmed strings; blank lines are skipped. */
export function parse(text) {
  const rows = [];
  let row = []; let cell = ''; let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"' && cell.trim() === '') { quoted = true; cell = ''; } else if (c === ',' || c === '，' || c === '\t') { row.push(cell.trim()); cell = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell.trim()); cell = '';
      if (row.some((x) => x !== '')) rows.push(row);
      row = [];
    } else cell += c;
  }
  row.push(cell.trim());
  if (row.some((x) => x !== '')) rows.push(row);
  return rows;
}

/** Finds columns by header names (any of the aliases, case-insensitive). Returns { index: {key: col}, body }. */
export function columns(rows, aliases) {
  const head = (rows[0] || []).map((x) => x.toLowerCase());
  const index = {};
  for (const [key, names] of Object.entries(aliases)) {
    const col = head.findIndex((h) => names.includes(h));
    if (col >= 0) index[key] = col;
  }
  const hasHeader = Object.keys(index).length > 0;
  if (!hasHeader) Object.keys(aliases).forEach((key, i) => { index[key] = i; });
  return { index, body: hasHeader ? rows.slice(1) : rows };
}

function cell(v) {
  let s = v == null ? '' : String(v);
  // Any cell a spreadsheet could start evaluating (OWASP CSV injection); no export writes
  // signed numbers, so even "+1" is text here.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text from rows (first row = header), CRLF line ends, with a BOM so spreadsheets read UTF-8. */
export function stringify(rows) {
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Offers text as a file download (no server involved). */
export function download(filename, text, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
