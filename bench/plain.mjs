// A straightforward plain-JS batch GPA, written for comparison the way a JS developer would:
// split lines, a quote-aware field split, a Map per student, the XYU-12.7(2) table as an
// object, and JS numbers (binary floating point, NOT exact decimals: results are compared
// with the wasm's to two places only). Same input rules as batchGpa for the benchmark file.

const TABLE = {
  'A+': [4.0, 98], A: [3.7, 95], 'A-': [3.5, 91], 'B+': [3.3, 88], B: [3.0, 85], 'B-': [2.7, 81],
  'C+': [2.3, 78], C: [2.0, 75], 'C-': [1.7, 71], 'D+': [1.3, 68], D: [1.0, 65], 'D-': [0.8, 60], F: [0, 55],
};
const PASS = new Set(['P', 'PASS', 'S', 'CR']);
const FAIL = new Set(['NP', 'FAIL', 'U', 'NC']);

function normalize(grade) {
  return grade
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u2212\u2010-\u2015\uFE58\uFE63]/g, '-')
    .replace(/\s+/g, '')
    .toUpperCase();
}

function splitLine(line) {
  if (line.indexOf('"') < 0) return line.split(',');
  const out = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(field); field = ''; } else field += ch;
  }
  out.push(field);
  return out;
}

/** Half-up to two places, for display (with a nudge for binary representation error). */
const fixed2 = (x) => (Math.round((x + 1e-9) * 100) / 100).toFixed(2);

/** { students: [{ studentId, gpa, averagePercentage, credits }], errors: [{ line, message }] } */
export function plainBatchGpa(csv) {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitLine(lines[0]).map((h) => h.trim().toLowerCase());
  const col = { id: header.indexOf('studentid'), credits: header.indexOf('credits'), grade: header.indexOf('grade') };
  const byId = new Map();
  const students = [];
  const errors = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const f = splitLine(line);
    if (f.length !== header.length) { errors.push({ line: i + 1, message: 'field count' }); continue; }
    const id = f[col.id].trim();
    const creditsText = f[col.credits].trim();
    const credits = Number(creditsText);
    if (!id || creditsText === '' || !Number.isFinite(credits) || credits < 0) { errors.push({ line: i + 1, message: 'bad row' }); continue; }
    const g = normalize(f[col.grade]);
    let point = null; let pct = null;
    if (TABLE[g]) [point, pct] = TABLE[g];
    else if (PASS.has(g) || FAIL.has(g)) { /* credits only */ } else if (/^\d+(\.\d+)?$/.test(g) && Number(g) <= 100) pct = Number(g);
    else { errors.push({ line: i + 1, message: 'bad grade' }); continue; }
    let s = byId.get(id);
    if (!s) { s = { studentId: id, gp: 0, gpW: 0, pct: 0, pctW: 0, credits: 0 }; byId.set(id, s); students.push(s); }
    s.credits += credits;
    if (point !== null) { s.gp += credits * point; s.gpW += credits; }
    if (pct !== null) { s.pct += credits * pct; s.pctW += credits; }
  }
  return {
    students: students.map((s) => ({
      studentId: s.studentId,
      gpa: s.gpW > 0 ? fixed2(s.gp / s.gpW) : null,
      averagePercentage: s.pctW > 0 ? fixed2(s.pct / s.pctW) : null,
      credits: s.credits,
    })),
    errors,
  };
}
