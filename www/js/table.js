// An editable table of rows (courses, costs, colleges) shared by the tools. Inputs are
// rendered once per structural change, so typing never loses focus; result cells and
// per-field errors are updated in place.
import { h, replace } from './dom.js';

/**
 * @param {object} o
 * @param {{key:string,label:string,type?:string,inputmode?:string,list?:string,placeholder?:string,options?:[string,string][]}[]} o.columns
 * @param {{key:string,label:string}[]} [o.outputs] result columns
 * @param {object[]} o.rows the model (mutated in place)
 * @param {() => object} o.blank a new empty row
 * @param {() => void} o.onChange after any edit
 * @param {(key:string)=>string} o.t strings: addRow, remove, rowLabel
 * @param {string} o.caption
 */
export function editableTable(o) {
  const wrap = h('div', { class: 'table-wrap' });
  const api = { el: wrap, cells: [], inputs: [], render, setOutput, setErrors, focusRow };

  function render() {
    api.cells = [];
    api.inputs = [];
    const head = h('tr', {}, h('th', { scope: 'col', class: 'num' }, '#'), o.columns.map((c) => h('th', { scope: 'col' }, c.label)),
      (o.outputs || []).map((c) => h('th', { scope: 'col' }, c.label)), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, o.t('remove'))));
    const body = o.rows.map((row, i) => {
      const inputs = {};
      const cells = {};
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
          return h('td', { 'data-label': c.label, class: `col-${c.key}` }, input);
        }),
        (o.outputs || []).map((c) => { cells[c.key] = h('output', {}); return h('td', { class: 'out', 'data-label': c.label }, cells[c.key]); }),
        h('td', { class: 'del' }, h('button', { type: 'button', class: 'icon', 'aria-label': `${o.t('remove')} ${i + 1}`, onclick: () => remove(i) }, '×')),
      );
      api.inputs.push(inputs);
      api.cells.push(cells);
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

  function focusRow(i) {
    const first = api.inputs[i] && Object.values(api.inputs[i])[0];
    if (first) first.focus();
    else wrap.querySelector('button.add')?.focus();
  }

  function setOutput(i, key, text) {
    const cell = api.cells[i]?.[key];
    if (cell) cell.textContent = text ?? '';
  }

  /** errors: [{ index, key, message }] — marks those inputs invalid, clears the rest. */
  function setErrors(errors) {
    api.inputs.forEach((inputs) => Object.values(inputs).forEach((inp) => { inp.removeAttribute('aria-invalid'); inp.title = ''; }));
    for (const e of errors) {
      const inp = api.inputs[e.index]?.[e.key];
      if (inp) { inp.setAttribute('aria-invalid', 'true'); inp.title = e.message; }
    }
  }

  render();
  return api;
}

/** Splits an error field path like "courses[2].grade" into { index: 2, key: "grade" }. */
export function rowField(field, list) {
  const m = new RegExp(`^${list}\\[(\\d+)\\]\\.?(\\w*)`).exec(field || '');
  return m ? { index: Number(m[1]), key: m[2] } : null;
}
