// An API error in plain words, next to the field it is about. The API's `field` path
// ("courses[1].credits") is for programs; the page names the row and the column instead
// ("第 2 行 学分：请填数字，例如 3") and shows the message under the input, tied to it with
// aria-describedby.
import { h, nextId } from './dom.js';
import { HEADERS, readTable } from './csv.js';

export const dict = {
  'err.at': ['{where}：{msg}', '{where}: {msg}'],
  'err.cell': ['第 {n} 行 {label}', 'Row {n}, {label}'],
  'err.row': ['第 {n} 行', 'Row {n}'],
  'err.number': ['“{input}”不是数字，请填数字，例如 {example}', '"{input}" is not a number; enter a number, e.g. {example}'],
  'err.numberBare': ['请填数字，例如 {example}', 'Enter a number, e.g. {example}'],
  'err.required': ['请填写这一项', 'Please fill this in'],
  'err.rate': ['没有 {cur} 的汇率：请在“汇率”中填写 1 {cur} 折合多少元', 'No rate for {cur}: enter the CNY per 1 {cur} under "Exchange rates"'],
  'err.overflow': ['数值太大，无法精确计算', 'The number is too large to compute exactly'],
  'err.badRows': ['{n} 行有误，未计入结果（已在表中标出）；其余各行照常计算。', '{n} {n|row has|rows have} a mistake and {n|is|are} left out (marked in the table); the other rows still count.'],
  'err.left': ['未计入', 'left out'],
  'err.badRowsElsewhere': ['另有 {n} 行有误，未计入；请在该工具中改正。', '{n} more {n|row has|rows have} a mistake and {n|is|are} left out; correct {n|it|them} in that tool.'],
  'csv.unknown': ['不认识的列名“{name}”；可用的列名：{names}', 'Unknown column "{name}"; the columns are: {names}'],
  'csv.duplicate': ['列“{name}”出现了两次', 'The column "{name}" appears twice'],
  'csv.missing': ['缺少“{name}”列', 'The "{name}" column is missing'],
  'csv.unclosed': ['引号没有闭合', 'a quote is never closed'],
  'csv.empty': ['文件是空的（没有表头）', 'the file is empty (no header)'],
  'csv.fieldCount': ['这一行有 {found} 列，表头有 {expected} 列', 'this line has {found} fields; the header has {expected}'],
  'csv.separator': ['这个文件用中文逗号或制表符分隔；请用英文逗号“,”分隔（电子表格“另存为 CSV”即可）', 'This file is separated by Chinese commas or tabs; use commas "," (a spreadsheet\'s "Save as CSV" does)'],
  'csv.failed': ['未能导入：{msg}。现有数据未改动。', 'Not imported: {msg}. Your data is unchanged.'],
  'csv.skipped': ['第 {line} 行未导入：{msg}', 'Line {line} not imported: {msg}'],
  'csv.imported': ['已导入 {n} 门课程。', '{n} {n|course|courses} imported.'],
  'csv.importEmpty': ['文件中没有找到课程。', 'No courses found in the file.'],
};

/** The API's message without its leading field path ("courses[1].credits：…" / "…: …"). */
export function bare(e) {
  const m = String(e?.message ?? e);
  for (const sep of ['：', ': ']) {
    const p = `${e?.field}${sep}`;
    if (e?.field && m.startsWith(p)) return m.slice(p.length);
  }
  return m;
}

/**
 * What is wrong, in plain words, for a person looking at the field: `value` is what they
 * typed, `example` a value that would do, `currency` the code a missing rate is for.
 */
export function explain(e, t, { value, example = '3', currency } = {}) {
  const input = String(value ?? '').trim();
  switch (e?.code) {
    case 'invalid_number': return input ? t('err.number', { input, example }) : t('err.numberBare', { example });
    case 'missing_field': return t('err.required');
    case 'missing_rate': return t('err.rate', { cur: currency ?? '' });
    case 'overflow': return t('err.overflow');
    default: return bare(e);
  }
}

/**
 * A labelled input with its hint and an error line under it. `setError(text)` shows or
 * clears the error, marks the input aria-invalid and ties the message to it. `describedBy`:
 * ids of other text that describes the input (a hint placed elsewhere).
 */
export function field({ label, input, hint, className = 'field', describedBy = [] }) {
  input.id ||= nextId('f');
  const hintEl = hint ? h('p', { id: nextId('hint'), class: 'muted small hint' }, hint) : null;
  const error = h('p', { id: nextId('err'), class: 'field-error', hidden: true });
  const describe = (withError) => {
    const ids = [hintEl?.id, ...describedBy, withError ? error.id : null].filter(Boolean).join(' ');
    if (ids) input.setAttribute('aria-describedby', ids); else input.removeAttribute('aria-describedby');
  };
  describe(false);
  const el = h('div', { class: className }, h('label', { for: input.id }, label), input, hintEl, error);
  return {
    el, input, error,
    setError(text) {
      if (text) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
      error.textContent = text ?? '';
      error.hidden = !text;
      describe(!!text);
    },
  };
}

/** A column's names as the format accepts them, the reader's language first ("学分 / credits / credit"). */
function columnName(key, t) {
  const names = HEADERS[key] ?? [key];
  const zh = names.filter((n) => /[\u4e00-\u9fff]/.test(n));
  const en = names.filter((n) => !zh.includes(n));
  return (t.locale === 'en' ? [...en, ...zh] : [...zh, ...en]).join(' / ');
}

/**
 * Why a CSV file as a whole cannot be read, in words: `code` as csv.js and batchGpa give it,
 * `name` the column (as written, or the missing key), `keys` the columns the reader knows.
 */
export function csvFileProblem(t, code, name, keys) {
  if (/[，\t]/.test(name)) return t('csv.separator');
  if (code === 'unknown_field') return t('csv.unknown', { name, names: keys.map((k) => columnName(k, t)).join(t.locale === 'en' ? ', ' : '、') });
  if (code === 'invalid_type') return t('csv.duplicate', { name });
  if (code === 'missing_field') return t('csv.missing', { name: columnName(name, t) });
  if (code === 'empty') return t('csv.empty');
  return t('csv.unclosed');
}

/**
 * Reads an imported CSV file for a tool (the one format, www/js/csv.js): `{ rows, notes }`,
 * the rows by column and, in plain words, the lines left out; or `{ failed }`, why the file
 * as a whole could not be used.
 */
export function importCsv(text, spec, t) {
  let table;
  try {
    table = readTable(text, spec);
  } catch (e) {
    return { failed: t('csv.failed', { msg: csvFileProblem(t, e.code, e.column ?? '', spec.keys) }) };
  }
  // No header and one field a line that holds a Chinese comma or a tab: the wrong separator.
  if (table.rows.length && table.rows.every((r) => Object.values(r.values).filter(Boolean).length <= 1) && /[，\t]/.test(text)) {
    return { failed: t('csv.failed', { msg: t('csv.separator') }) };
  }
  const notes = table.errors.map((e) => t('csv.skipped', { line: e.line, msg: e.code === 'field_count' ? t('csv.fieldCount', e) : t('csv.unclosed') }));
  return { rows: table.rows, notes };
}

/**
 * A transcript file chosen for an editable table (grades, credits): its rows, each made by
 * `toRow(values)` (null for a line with nothing the table keeps), replace the table's, which
 * then computes. A file that cannot be used changes nothing. Returns what to tell the student:
 * how many courses came in, or why none did, and any lines left out.
 */
export async function importInto(table, file, spec, toRow, t) {
  const r = importCsv(await file.text(), spec, t);
  if (r.failed) return r.failed;
  const rows = r.rows.map(({ values }) => toRow(values)).filter(Boolean);
  if (!rows.length) return [t('csv.importEmpty'), ...r.notes].join(' ');
  table.replaceRows(rows);
  return [t('csv.imported', { n: rows.length }), ...r.notes].join(' ');
}

/**
 * settle()'s bad rows as editableTable errors, each "第 2 行 学分：请填数字，例如 3".
 * `columns` are the table's ({ key, label, example? }); `extra(row, error)` adds to explain()'s options.
 */
export function rowErrors(bad, t, columns, extra = () => ({})) {
  return bad.map(({ row, key, error }) => {
    const col = columns.find((c) => c.key === key) ?? columns[0];
    const msg = explain(error, t, { value: row.c[col.key], example: col.example, ...extra(row, error) });
    return { index: row.i, key: col.key, message: t('err.at', { where: t('err.cell', { n: row.i + 1, label: col.label }), msg }) };
  });
}
