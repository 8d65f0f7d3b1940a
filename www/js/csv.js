// CSV in and out. Reading follows the one format the README documents ("CSV files"), the
// same as the cohort's Rust reader (crates/batch, batchGpa); tests/csv/ holds the files both
// are tested on. Export quotes what needs it and defuses spreadsheet formulas.

/**
 * Every name a header may give each column (English in any case, or Chinese), as
 * crates/batch's `HEADERS` for the cohort's four; the credits tool reads the others too.
 */
export const HEADERS = {
  studentId: ['studentId', '学号'],
  course: ['course', '课程', '课程名称'],
  credits: ['credits', 'credit', '学分'],
  grade: ['grade', '成绩'],
  hours: ['hours', '学时'],
  system: ['system', '学分制'],
  core: ['core', '核心课'],
  shortProgram: ['shortProgram', '短期项目'],
  category: ['category', '课程属性'],
};

// Unicode White_Space, as Rust's str::trim (String#trim would also take U+FEFF).
const trim = (s) => s.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '');
// ASCII case only, as Rust's eq_ignore_ascii_case.
const fold = (s) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const names = (key, name) => HEADERS[key].some((n) => fold(n) === fold(name));

/**
 * The records of a CSV text: `{ line, fields }` (the 1-based line it starts on, fields with
 * surrounding white space removed), or `{ line, error: 'unclosed_quote' }` for a quote that
 * never closes (it takes the rest of the text). Commas separate fields; CRLF, LF or CR end a
 * record; a field that starts with `"` is quoted (`""` is a quote; commas and line breaks
 * inside), and text after its closing quote, up to the next comma, is kept. A UTF-8 BOM is
 * dropped and lines of nothing but white space are skipped.
 */
export function records(text) {
  const s = String(text).replace(/^\uFEFF/, '');
  const out = [];
  let pos = 0;
  let line = 1;
  while (pos < s.length) {
    const start = line;
    const fields = [];
    let open = false;
    for (;;) {
      let field = '';
      if (s[pos] === '"') {
        let i = pos + 1;
        for (;;) {
          if (i >= s.length) { open = true; break; }
          const c = s[i];
          if (c === '"' && s[i + 1] === '"') { field += '"'; i += 2; } else if (c === '"') { i++; break; } else {
            if (c === '\n' || (c === '\r' && s[i + 1] !== '\n')) line++;
            field += c;
            i++;
          }
        }
        pos = i;
        if (open) break;
      }
      const end = fieldEnd(s, pos);
      field += s.slice(pos, end);
      pos = end;
      fields.push(field);
      if (s[pos] === ',') { pos++; continue; }
      if (s[pos] === '\r' || s[pos] === '\n') {
        pos += s[pos] === '\r' && s[pos + 1] === '\n' ? 2 : 1;
        line++;
      }
      break;
    }
    if (open) { out.push({ line: start, error: 'unclosed_quote' }); break; }
    if (fields.length === 1 && trim(fields[0]) === '') continue;
    out.push({ line: start, fields: fields.map(trim) });
  }
  return out;
}

function fieldEnd(s, from) {
  let i = from;
  while (i < s.length && s[i] !== ',' && s[i] !== '\n' && s[i] !== '\r') i++;
  return i;
}

/** An error about the file as a whole, with a stable code and the column path (as batchGpa's). */
class CsvError extends Error {
  constructor(code, field, name) {
    super(`${field}: ${code}`);
    this.code = code;
    this.field = field;
    this.column = name;
  }
}

/**
 * Where each of `keys` is in a header record. Names are matched without surrounding white
 * space and, for the English ones, in any case. A name not among `keys`' is `unknown_field`,
 * a column named twice `invalid_type` (at `csv.<name as written>`), a missing `required` one
 * `missing_field` (at `csv.<key>`): the cohort's rules, so a typo never drops a column.
 */
export function columns(header, keys, required = keys) {
  const index = {};
  header.forEach((name, i) => {
    const key = keys.find((k) => names(k, name));
    if (!key) throw new CsvError('unknown_field', `csv.${name}`, name);
    if (key in index) throw new CsvError('invalid_type', `csv.${name}`, name);
    index[key] = i;
  });
  for (const k of required) if (!(k in index)) throw new CsvError('missing_field', `csv.${k}`, k);
  return index;
}

/**
 * A file's rows by column: `{ rows: [{ line, values: { key: text } }], errors: [{ line,
 * code, found?, expected? }] }`. The first record is the header; with `positional`, a first
 * record in which no name is a column's is a row, and the columns are `keys` in order (the
 * transcript import's "no header" case; the cohort always needs one). A row with another
 * number of fields than the header is `field_count`; an unclosed quote is `unclosed_quote`.
 * Throws a CsvError for a header it cannot use.
 */
export function readTable(text, { keys, required = keys, positional = false }) {
  const recs = records(text);
  const first = recs[0];
  if (!first) return { rows: [], errors: [] };
  if (first.error) throw new CsvError('unclosed_quote', 'csv', '');
  const named = first.fields.some((name) => keys.some((k) => names(k, name)));
  let index;
  let body = recs.slice(1);
  if (!named && positional) {
    index = Object.fromEntries(keys.map((k, i) => [k, i]));
    body = recs;
  } else {
    index = columns(first.fields, keys, required);
  }
  const count = named || !positional ? first.fields.length : null;
  const rows = [];
  const errors = [];
  for (const r of body) {
    if (r.error) { errors.push({ line: r.line, code: 'unclosed_quote' }); continue; }
    if (count !== null && r.fields.length !== count) { errors.push({ line: r.line, code: 'field_count', found: r.fields.length, expected: count }); continue; }
    rows.push({ line: r.line, values: Object.fromEntries(Object.entries(index).map(([k, i]) => [k, r.fields[i] ?? ''])) });
  }
  return { rows, errors };
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

/** Offers text as a file download (no server involved): every export (CSV, the data file, the builder's policy file). */
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
