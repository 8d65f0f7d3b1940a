// An editable table of rows (courses, costs, colleges) shared by the tools. Inputs are
// rendered once per structural change, so typing never loses focus; result cells and
// per-field errors are updated in place. An error shows under its input, in plain words,
// tied to it with aria-describedby.
import { h, replace, nextId } from './dom.js';
import { rowErrors } from './errors.js';

/**
 * @param {object} o
 * @param {{key:string,label:string,type?:string,inputmode?:string,list?:string,placeholder?:string,options?:[string,string][]}[]} o.columns
 * @param {{key:string,label:string}[]} [o.outputs] result columns
 * @param {object[]} o.rows the model (mutated in place)
 * @param {() => object} o.blank a new empty row
 * @param {() => void} o.onChange after any edit
 * @param {(key:string)=>string} o.t strings: addRow, remove and errors.js's err.*
 * @param {string} o.caption
 */
export function editableTable(o) {
  const wrap = h('div', { class: 'table-wrap rows-wrap' });
  // "N rows have a mistake…": the tool places it (under the table), showBad fills it.
  const note = h('p', { class: 'bad-note', role: 'status', hidden: true });
  const api = { el: wrap, note, cells: [], inputs: [], errors: [], render, setOutput, setErrors, showBad, replaceRows, focusRow };

  function render() {
    api.cells = [];
    api.inputs = [];
    api.errors = [];
    const head = h('tr', {}, h('th', { scope: 'col', class: 'num' }, '#'), o.columns.map((c) => h('th', { scope: 'col' }, c.label)),
      (o.outputs || []).map((c) => h('th', { scope: 'col' }, c.label)), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, o.t('remove'))));
    const body = o.rows.map((row, i) => {
      const inputs = {};
      const cells = {};
      const errors = {};
      const tr = h('tr', {},
        h('td', { class: 'num idx' }, String(i + 1)),
        o.columns.map((c) => {
          const label = `${c.label} ${i + 1}`;
          let input;
          if (c.type === 'select') {
            input = h('select', { 'aria-label': label, 'data-field': c.key, onchange: (ev) => edit(row, c, ev.target) },
              c.options.map(([v, text]) => h('option', { value: v, selected: String(row[c.key] ?? '') === v }, text)));
          } else if (c.type === 'checkbox') {
            input = h('input', { type: 'checkbox', 'aria-label': label, 'data-field': c.key, checked: !!row[c.key], onchange: (ev) => edit(row, c, ev.target) });
          } else {
            input = h('input', {
              type: 'text', 'aria-label': label, 'data-field': c.key, value: row[c.key] ?? '', list: c.list,
              inputmode: c.inputmode, placeholder: c.placeholder, autocomplete: 'off', spellcheck: 'false',
              class: c.inputmode === 'decimal' ? 'narrow' : null,
              oninput: (ev) => edit(row, c, ev.target),
            });
          }
          inputs[c.key] = input;
          errors[c.key] = h('span', { id: nextId('cell-err'), class: 'field-error', hidden: true });
          return h('td', { 'data-label': c.label, class: `col-${c.key}` }, input, errors[c.key]);
        }),
        (o.outputs || []).map((c) => { cells[c.key] = h('output', {}); return h('td', { class: `out col-${c.key}`, 'data-label': c.label }, cells[c.key]); }),
        h('td', { class: 'del' }, h('button', { type: 'button', class: 'icon', 'aria-label': `${o.t('remove')} ${i + 1}`, onclick: () => remove(i) }, '×')),
      );
      api.inputs.push(inputs);
      api.cells.push(cells);
      api.errors.push(errors);
      return tr;
    });
    replace(wrap,
      h('table', { class: 'grid rows' }, h('caption', { class: 'sr-only' }, o.caption), h('thead', {}, head), h('tbody', {}, body)),
      h('button', { type: 'button', class: 'add', onclick: add }, `+ ${o.t('addRow')}`));
  }

  function edit(row, c, target) {
    row[c.key] = c.type === 'checkbox' ? target.checked : target.value;
    o.onChange();
  }

  function add() {
    o.rows.push(o.blank());
    render();
    o.onChange();
    focusRow(o.rows.length - 1);
  }

  function remove(i) {
    o.rows.splice(i, 1);
    render();
    o.onChange();
    focusRow(Math.min(i, o.rows.length - 1));
  }

  /** New rows for all the old ones (an imported file), then computed as after an edit. */
  function replaceRows(rows) {
    o.rows.splice(0, o.rows.length, ...rows);
    render();
    o.onChange();
  }

  function focusRow(i) {
    const first = api.inputs[i] && Object.values(api.inputs[i])[0];
    if (first) first.focus();
    else wrap.querySelector('button.add')?.focus();
  }

  function setOutput(i, key, text) {
    const cell = api.cells[i]?.[key];
    if (cell) cell.textContent = text ?? '';
  }

  /**
   * errors: [{ index, key, message }] — each message goes under its input (aria-invalid,
   * aria-describedby) and its row is marked; every other input is cleared.
   */
  function setErrors(errors) {
    api.inputs.forEach((inputs, i) => Object.entries(inputs).forEach(([key, inp]) => {
      inp.removeAttribute('aria-invalid');
      inp.removeAttribute('aria-describedby');
      const el = api.errors[i][key];
      el.textContent = '';
      el.hidden = true;
      inp.closest('tr')?.classList.remove('bad-row');
    }));
    for (const e of errors) {
      const inp = api.inputs[e.index]?.[e.key] ?? Object.values(api.inputs[e.index] ?? {})[0];
      if (!inp) continue;
      const el = api.errors[e.index][inp.dataset.field];
      inp.setAttribute('aria-invalid', 'true');
      inp.setAttribute('aria-describedby', el.id);
      el.textContent = e.message;
      el.hidden = false;
      inp.closest('tr')?.classList.add('bad-row');
    }
  }

  /**
   * settle()'s set-aside rows, shown the one way every tool shows them: all result cells
   * cleared, each bad row's error under its input and "left out" in its first result column,
   * and the count in `note`. `key`: the column for an error that names none (default the
   * first); `extra(row, error)`: more for explain() (see rowErrors).
   */
  function showBad(bad, { key, extra } = {}) {
    const outs = (o.outputs || []).map((c) => c.key);
    api.cells.forEach((_, i) => outs.forEach((k) => setOutput(i, k, '')));
    setErrors(rowErrors(key ? bad.map((b) => ({ ...b, key: b.key || key })) : bad, o.t, o.columns, extra));
    if (outs.length) for (const b of bad) setOutput(b.row.i, outs[0], o.t('err.left'));
    note.textContent = bad.length ? o.t('err.badRows', { n: bad.length }) : '';
    note.hidden = !bad.length;
  }

  render();
  return api;
}

/** Whether an input holds more than white space: a blank one is still to be filled in, not a mistake. */
export const filled = (v) => String(v ?? '').trim() !== '';

/** Splits an error field path like "courses[2].grade" into { index: 2, key: "grade" }. */
function rowField(field, list) {
  const m = new RegExp(`^${list}\\[(\\d+)\\]\\.?(\\w*)`).exec(field || '');
  return m ? { index: Number(m[1]), key: m[2] } : null;
}

/**
 * Calls `call(rows)`; when the API rejects one row (its error's field is `list[k]…`), that
 * row is set aside with its error and the call is made again without it, so one bad cell
 * never blanks the other rows' results. `retry(e)` may fix another error in the request
 * (e.g. drop a bad rate) and return true to try again. Rows are `{ c, i }`: the row and its
 * index in the table.
 * @returns {{ result?: any, used: object[], bad: { row: object, key: string, error: Error }[], error?: Error }}
 */
export function settle(rows, list, call, retry = () => false) {
  let used = rows.slice();
  const bad = [];
  // Each pass removes a row or lets `retry` change the request; the bound only guards
  // against a retry that changes nothing.
  for (let pass = 0; pass <= rows.length + 16; pass++) {
    try {
      return { result: call(used), used, bad };
    } catch (e) {
      const at = rowField(e.field, list);
      if (at && used[at.index]) {
        bad.push({ row: used[at.index], key: at.key, error: e });
        used = used.filter((_, k) => k !== at.index);
      } else if (!retry(e)) {
        return { used, bad, error: e };
      }
    }
  }
  return { used, bad, error: new Error('settle: no progress') };
}
