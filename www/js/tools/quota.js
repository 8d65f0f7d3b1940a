// Quota (for program offices): the plan's places shared among colleges in proportion to their
// joint-program students (LX-4.2.1). The numbers come from the API; pasted rows and CSV are text.
import { h, replace } from '../dom.js';
import { editableTable, settle, filled } from '../table.js';
import { field, explain } from '../errors.js';
import * as csv from '../csv.js';

export const dict = {
  'q.title': ['按学生人数分配申报名额', 'Share the places by students'],
  'q.note': ['中心根据各学院国际联合培养项目学生人数，将申报指标按比例分配至各学院（LX-4.2.1）。', 'The centre allocates the application places to colleges in proportion to their joint-training students (LX-4.2.1).'],
  'q.noClause': ['该条款出自广东工业大学“励行领航者计划”实施方案；切换到该政策后可查看原文。', 'This clause is from the GDUT Lixing Navigator plan; switch to that policy to read it.'],
  'q.total': ['总名额', 'Total places'],
  'q.method': ['分配方法', 'Method'],
  'q.largestRemainder': ['最大余额法（默认）', 'Largest remainder (default)'],
  'q.dhondt': ['最高平均数法（D’Hondt）', 'D\'Hondt'],
  'q.sainteLague': ['圣拉古法（Sainte-Laguë）', 'Sainte-Laguë'],
  'q.minimum': ['每个学院至少（选填）', 'Minimum per college (optional)'],
  'q.minimumHint': ['先给每个学院这么多名额，余下的再按方法分配。', 'Each college gets this many first; the rest is shared by the method.'],
  'q.caption': ['学院：名称、学生人数', 'Colleges: name, students'],
  'q.college': ['学院', 'College'],
  'q.students': ['学生人数', 'Students'],
  'q.quota': ['名额', 'Places'],
  'q.share': ['精确份额', 'Exact share'],
  'q.remainder': ['余数', 'Remainder'],
  'q.pasteLabel': ['粘贴多行：学院, 人数（每行一个；逗号、中文逗号或制表符分隔）', 'Paste rows: college, students (one per line; comma, Chinese comma or tab)'],
  'q.pasteButton': ['添加粘贴的行', 'Add pasted rows'],
  'q.pasted': ['已添加 {n} 行：{names}', 'Added {n} {n|row|rows}: {names}'],
  'q.pastedNone': ['没有可添加的行。', 'Nothing to add.'],
  'q.empty': ['填写总名额和各学院人数后显示分配结果。', 'Enter the total and each college’s students to see the places.'],
  'q.fixAbove': ['请先改正上面标出的输入。', 'Correct the marked input above first.'],
  'q.check': ['名额合计 {sum}，总名额 {total}', 'Places given {sum}, total {total}'],
  'q.checkOk': ['一致', 'match'],
  'q.checkBad': ['不一致', 'do not match'],
  'q.resultTitle': ['分配结果', 'Places per college'],
  'q.export': ['导出 CSV', 'Export CSV'],
  'q.csvTotal': ['合计', 'Total'],
  'q.csvMethod': ['方法', 'Method'],
  'q.csvFraction': ['份额（分数）', 'Share (fraction)'],
};

const METHODS = ['largestRemainder', 'dhondt', 'sainteLague'];

// --- state: what is saved, and the requests made from it -----------------------------

export const initial = () => ({ total: '', method: 'largestRemainder', minimum: '', colleges: [{ name: '', students: '' }] });

/** "机械学院, 41" / "机械学院\t41" / "机械学院，41" → { name, students }; the last separator splits. */
function parseRows(text) {
  return String(text).split(/\r?\n/).map((line) => line.trim()).filter(Boolean).map((line) => {
    const m = /^(.*)[,，\t]\s*([^,，\t]*)$/.exec(line);
    return m ? { name: m[1].trim(), students: m[2].trim() } : { name: line, students: '' };
  });
}

/** allocateQuota over the readable rows (no student count yet: still being filled in). */
function allocate(ctx, data) {
  const rows = data.colleges.map((c, i) => ({ c, i })).filter(({ c }) => filled(c.students));
  if (!filled(data.total) || !rows.length) return { used: [], bad: [], result: null };
  return settle(rows, 'colleges', (used) => (used.length ? ctx.api.allocateQuota({
    total: data.total,
    method: data.method,
    minimum: filled(data.minimum) ? data.minimum : null,
    colleges: used.map(({ c }) => ({ name: c.name, students: c.students })),
    locale: ctx.locale(),
  }) : null));
}

// --- view: built once per mount; show* put results in place ---------------------------

function view(ctx, data, act) {
  const { t } = ctx;
  const total = field({ label: t('q.total'), input: h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', value: data.total, class: 'f-num', oninput: (ev) => act.set('total', ev.target.value) }), className: 'f-field' });
  const method = field({ label: t('q.method'), input: h('select', { onchange: (ev) => act.setMethod(ev.target.value) }, METHODS.map((m) => h('option', { value: m, selected: m === data.method }, t(`q.${m}`)))), className: 'f-field' });
  const minimumHint = h('p', { id: `${total.input.id}-min-hint`, class: 'muted small' }, t('q.minimumHint'));
  const minimum = field({ label: t('q.minimum'), input: h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', value: data.minimum, class: 'f-num', oninput: (ev) => act.set('minimum', ev.target.value) }), className: 'f-field', describedBy: [minimumHint.id] });
  const paste = h('textarea', { id: `${total.input.id}-paste`, rows: '4', class: 'q-paste', spellcheck: 'false' });
  const pasteStatus = h('p', { class: 'muted small', role: 'status', 'data-testid': 'q-pasted' });
  const tableBox = h('div', { class: 'q-table' });
  const summary = h('div', { class: 'q-status', 'aria-live': 'polite' });
  const actionsBox = h('div', { class: 'q-actions' });
  const columns = [{ key: 'name', label: t('q.college') }, { key: 'students', label: t('q.students'), inputmode: 'numeric', example: '40' }];
  let table;

  function buildTable() {
    const outputs = [{ key: 'quota', label: t('q.quota') }, { key: 'share', label: t('q.share') }];
    if (data.method === 'largestRemainder') outputs.push({ key: 'remainder', label: t('q.remainder') });
    table = editableTable({
      caption: t('q.caption'), columns, outputs, rows: data.colleges, t, onChange: () => act.compute(),
      blank: () => ({ name: '', students: '' }),
    });
    replace(tableBox, table.el, table.note);
  }
  buildTable();

  const root = [
    h('div', { class: 'card' },
      h('h2', {}, t('q.title')),
      h('p', { class: 'muted small' }, t('q.note')),
      h('div', { class: 'f-row' }, total.el, method.el, minimum.el),
      minimumHint,
      tableBox,
      h('label', { for: paste.id }, t('q.pasteLabel')),
      paste,
      h('button', { type: 'button', onclick: () => act.addPasted(paste) }, t('q.pasteButton')),
      pasteStatus),
    h('div', { class: 'card' }, h('h2', {}, t('q.resultTitle')), summary, actionsBox),
  ];

  return {
    root,
    buildTable,
    pasted(text) { pasteStatus.textContent = text; },
    show(s) {
      table.showBad(s.bad, { key: 'students' }); // an error without a column is the count's
      total.setError(null);
      minimum.setError(null);
      method.setError(null);
      if (s.error) {
        const f = { total, minimum, method }[s.error.field];
        f?.setError(explain(s.error, t, { value: data[s.error.field], example: '9' }));
        replace(summary, h('p', { class: 'error', role: 'alert', 'data-testid': 'q-error' }, f ? t('q.fixAbove') : s.error.message));
        replace(actionsBox);
        return;
      }
      const r = s.result;
      if (!r) { replace(summary, h('p', { class: 'muted' }, t('q.empty'))); replace(actionsBox); return; }
      r.forEach((q, k) => {
        const i = s.used[k].i;
        table.setOutput(i, 'quota', String(q.quota));
        table.setOutput(i, 'share', `${q.share} (${q.shareFraction})`);
        if (q.remainder != null) table.setOutput(i, 'remainder', Number(q.remainder).toFixed(4));
      });
      const sum = r.reduce((a, q) => a + q.quota, 0);
      // The places to share out, as the API read them (full-width digits and all).
      const want = r[0]?.total;
      const ok = sum === want;
      const clause = r[0]?.clause ?? 'LX-4.2.1';
      const quoted = ctx.policyInfo()?.clauses?.[clause];
      replace(summary,
        h('p', { 'data-testid': 'q-check', class: ok ? null : 'error' }, t('q.check', { sum, total: want }), ' — ', ok ? t('q.checkOk') : t('q.checkBad'), ' ', ctx.clauseButton(clause)),
        quoted ? null : h('p', { class: 'muted small' }, t('q.noClause')));
      replace(actionsBox, h('button', { type: 'button', onclick: () => act.exportCsv() }, t('q.export')));
    },
  };
}

// --- actions: what the inputs do ------------------------------------------------------

function actions(ctx, data, v) {
  const { t } = ctx;
  let last = null;
  const act = {
    set(key, value) {
      data[key] = value;
      act.compute();
    },
    setMethod(m) {
      data.method = m;
      v.buildTable();
      act.compute();
    },
    addPasted(paste) {
      const rows = parseRows(paste.value);
      if (!rows.length) { v.pasted(t('q.pastedNone')); return; }
      // Blank rows at the end (the starting row) give way to the pasted ones.
      while (data.colleges.length && !filled(data.colleges.at(-1).name) && !filled(data.colleges.at(-1).students)) data.colleges.pop();
      data.colleges.push(...rows);
      paste.value = '';
      v.buildTable();
      v.pasted(t('q.pasted', { n: rows.length, names: rows.map((r) => r.name).join(ctx.locale() === 'en' ? ', ' : '、') }));
      act.compute();
    },
    compute() {
      ctx.save();
      const s = allocate(ctx, data);
      last = s.result ?? null;
      v.show(s);
    },
    exportCsv() {
      if (!last) return;
      const lr = data.method === 'largestRemainder';
      const head = [t('q.college'), t('q.students'), t('q.quota'), t('q.share'), t('q.csvFraction')];
      if (lr) head.push(t('q.remainder'));
      const rows = [head, ...last.map((q) => {
        const row = [q.name, q.students, q.quota, q.shareExact, q.shareFraction];
        if (lr) row.push(q.remainder ?? '');
        return row;
      })];
      rows.push([t('q.csvTotal'), last.reduce((a, q) => a + q.students, 0), last.reduce((a, q) => a + q.quota, 0)]);
      rows.push([t('q.csvMethod'), t(`q.${data.method}`)]);
      csv.download('quota.csv', csv.stringify(rows)); // with a BOM, quoted, formula-safe
    },
  };
  return act;
}

export default {
  id: 'quota',
  dict,
  initial,
  mount(panel, ctx) {
    const data = ctx.data('quota', initial);
    if (!METHODS.includes(data.method)) data.method = 'largestRemainder';
    const act = {};
    const v = view(ctx, data, act);
    Object.assign(act, actions(ctx, data, v));
    replace(panel, v.root);
    act.compute();
  },
};
