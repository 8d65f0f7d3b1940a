// Quota (for program offices): the plan's places shared among colleges in proportion to their
// joint-program students (LX-4.2.1). The numbers come from the API; pasted rows and CSV are text.
import { h, replace, nextId } from '../dom.js';
import { register } from '../i18n.js';
import { editableTable, rowField } from '../table.js';
import * as csv from '../csv.js';

register({
  'zh-CN': {
    'tab.quota': '名额分配（项目办）',
    'q.title': '按学生人数分配申报名额',
    'q.note': '中心根据各学院国际联合培养项目学生人数，将申报指标按比例分配至各学院（LX-4.2.1）。',
    'q.noClause': '该条款出自“立行计划”政策；切换政策后可查看原文。',
    'q.total': '总名额',
    'q.method': '分配方法',
    'q.largestRemainder': '最大余额法（默认）', 'q.dhondt': '最高平均数法（D’Hondt）', 'q.sainteLague': '圣拉古法（Sainte-Laguë）',
    'q.minimum': '每个学院至少（选填）',
    'q.minimumHint': '先给每个学院这么多名额，余下的再按方法分配。',
    'q.caption': '学院：名称、学生人数',
    'q.college': '学院', 'q.students': '学生人数', 'q.quota': '名额', 'q.share': '精确份额', 'q.remainder': '余数',
    'q.pasteLabel': '粘贴多行：学院, 人数（每行一个；逗号、中文逗号或制表符分隔）',
    'q.pasteButton': '添加粘贴的行',
    'q.pasted': '已添加 {n} 行：{names}',
    'q.pastedNone': '没有可添加的行。',
    'q.empty': '填写总名额和各学院人数后显示分配结果。',
    'q.check': '名额合计 {sum}，总名额 {total}',
    'q.checkOk': '一致',
    'q.checkBad': '不一致',
    'q.resultTitle': '分配结果',
    'q.export': '导出 CSV',
    'q.csvTotal': '合计',
    'q.csvMethod': '方法',
    'q.csvFraction': '份额（分数）',
  },
  en: {
    'tab.quota': 'Quota (offices)',
    'q.title': 'Share the places by students',
    'q.note': 'The centre allocates the application places to colleges in proportion to their joint-training students (LX-4.2.1).',
    'q.noClause': 'This clause is from the Lixing plan policy; switch the policy to read it.',
    'q.total': 'Total places',
    'q.method': 'Method',
    'q.largestRemainder': 'Largest remainder (default)', 'q.dhondt': "D'Hondt", 'q.sainteLague': 'Sainte-Laguë',
    'q.minimum': 'Minimum per college (optional)',
    'q.minimumHint': 'Each college gets this many first; the rest is shared by the method.',
    'q.caption': 'Colleges: name, students',
    'q.college': 'College', 'q.students': 'Students', 'q.quota': 'Places', 'q.share': 'Exact share', 'q.remainder': 'Remainder',
    'q.pasteLabel': 'Paste rows: college, students (one per line; comma, Chinese comma or tab)',
    'q.pasteButton': 'Add pasted rows',
    'q.pasted': 'Added {n} rows: {names}',
    'q.pastedNone': 'Nothing to add.',
    'q.empty': 'Enter the total and each college’s students to see the places.',
    'q.check': 'Places given {sum}, total {total}',
    'q.checkOk': 'match',
    'q.checkBad': 'do not match',
    'q.resultTitle': 'Places per college',
    'q.export': 'Export CSV',
    'q.csvTotal': 'Total',
    'q.csvMethod': 'Method',
    'q.csvFraction': 'Share (fraction)',
  },
});

const METHODS = ['largestRemainder', 'dhondt', 'sainteLague'];

const initial = { total: '', method: 'largestRemainder', minimum: '', colleges: [{ name: '', students: '' }] };

/** "机械学院, 41" / "机械学院\t41" / "机械学院，41" → { name, students }; the last separator splits. */
export function parseRows(text) {
  return String(text).split(/\r?\n/).map((line) => line.trim()).filter(Boolean).map((line) => {
    const m = /^(.*)[,，\t]\s*([^,，\t]*)$/.exec(line);
    return m ? { name: m[1].trim(), students: m[2].trim() } : { name: line, students: '' };
  });
}


export default {
  id: 'quota',
  mount(panel, ctx) {
    const { t, api } = ctx;
    const data = ctx.data('quota', initial);
    if (!METHODS.includes(data.method)) data.method = 'largestRemainder';
    const locale = ctx.locale();

    const totalId = nextId('q-total');
    const methodId = nextId('q-method');
    const minId = nextId('q-min');
    const minHint = nextId('q-min-hint');
    const pasteId = nextId('q-paste');
    const total = h('input', { id: totalId, type: 'text', inputmode: 'numeric', autocomplete: 'off', value: data.total, class: 'f-num',
      oninput: () => { data.total = total.value; compute(); } });
    const method = h('select', { id: methodId, onchange: () => { data.method = method.value; buildTable(); compute(); } },
      METHODS.map((m) => h('option', { value: m, selected: m === data.method }, t(`q.${m}`))));
    const minimum = h('input', { id: minId, type: 'text', inputmode: 'numeric', autocomplete: 'off', value: data.minimum, class: 'f-num', 'aria-describedby': minHint,
      oninput: () => { data.minimum = minimum.value; compute(); } });
    const paste = h('textarea', { id: pasteId, rows: '4', class: 'q-paste', spellcheck: 'false' });
    const pasteStatus = h('p', { class: 'muted small', role: 'status', 'data-testid': 'q-pasted' });
    const tableBox = h('div', { class: 'q-table' });
    const summary = h('div', { class: 'q-status', 'aria-live': 'polite' });
    const actions = h('div', { class: 'q-actions' });
    let table;
    let last = null;

    function buildTable() {
      const outputs = [{ key: 'quota', label: t('q.quota') }, { key: 'share', label: t('q.share') }];
      if (data.method === 'largestRemainder') outputs.push({ key: 'remainder', label: t('q.remainder') });
      table = editableTable({
        caption: t('q.caption'),
        columns: [{ key: 'name', label: t('q.college') }, { key: 'students', label: t('q.students'), inputmode: 'numeric' }],
        outputs,
        rows: data.colleges,
        blank: () => ({ name: '', students: '' }),
        onChange: compute,
        t,
      });
      replace(tableBox, table.el);
    }

    function addPasted() {
      const rows = parseRows(paste.value);
      if (!rows.length) { pasteStatus.textContent = t('q.pastedNone'); return; }
      // Blank rows at the end (the starting row) give way to the pasted ones.
      while (data.colleges.length && !String(data.colleges.at(-1).name).trim() && !String(data.colleges.at(-1).students).trim()) data.colleges.pop();
      data.colleges.push(...rows);
      paste.value = '';
      buildTable();
      pasteStatus.textContent = t('q.pasted', { n: rows.length, names: rows.map((r) => r.name).join(locale === 'en' ? ', ' : '、') });
      compute();
    }

    function clearMarks() {
      table.setErrors([]);
      for (const el of [total, minimum]) { el.removeAttribute('aria-invalid'); el.title = ''; }
    }

    function compute() {
      ctx.save();
      clearMarks();
      data.colleges.forEach((_, i) => ['quota', 'share', 'remainder'].forEach((k) => table.setOutput(i, k, '')));
      last = null;
      // Rows with no student count yet are still being filled in.
      const filled = data.colleges.map((c, i) => ({ c, i })).filter(({ c }) => String(c.students ?? '').trim());
      if (!String(data.total ?? '').trim() || !filled.length) {
        replace(summary, h('p', { class: 'muted' }, t('q.empty')));
        replace(actions);
        return;
      }
      let r;
      try {
        r = api.allocateQuota({
          total: data.total,
          method: data.method,
          minimum: String(data.minimum ?? '').trim() ? data.minimum : null,
          colleges: filled.map(({ c }) => ({ name: c.name, students: c.students })),
          locale,
        });
      } catch (e) {
        const at = rowField(e.field, 'colleges');
        if (at) table.setErrors([{ index: filled[at.index]?.i, key: at.key || 'students', message: e.message }]);
        else if (e.field === 'total') { total.setAttribute('aria-invalid', 'true'); total.title = e.message; }
        else if (e.field === 'minimum') { minimum.setAttribute('aria-invalid', 'true'); minimum.title = e.message; }
        replace(summary, h('p', { class: 'error', role: 'alert', 'data-testid': 'q-error' }, e.message));
        replace(actions);
        return;
      }
      r.forEach((q, k) => {
        const i = filled[k].i;
        table.setOutput(i, 'quota', String(q.quota));
        table.setOutput(i, 'share', `${q.share} (${q.shareFraction})`);
        if (q.remainder != null) table.setOutput(i, 'remainder', Number(q.remainder).toFixed(4));
      });
      last = r;
      const sum = r.reduce((a, q) => a + q.quota, 0);
      // The total as typed, full-width digits read as digits (the API accepts them too).
      const want = Number(String(data.total).trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xFEE0)));
      const ok = sum === want;
      const clause = r[0]?.clause ?? 'LX-4.2.1';
      const quoted = ctx.policyInfo()?.clauses?.[clause];
      replace(summary,
        h('p', { 'data-testid': 'q-check', class: ok ? null : 'error' }, t('q.check', { sum, total: want }), ' — ', ok ? t('q.checkOk') : t('q.checkBad'), ' ', ctx.clauseButton(clause)),
        quoted ? null : h('p', { class: 'muted small' }, t('q.noClause')));
      replace(actions, h('button', { type: 'button', onclick: exportCsv }, t('q.export')));
    }

    function exportCsv() {
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
    }

    buildTable();
    replace(panel,
      h('div', { class: 'card' },
        h('h2', {}, t('q.title')),
        h('p', { class: 'muted small' }, t('q.note')),
        h('div', { class: 'f-row' },
          h('div', { class: 'f-field' }, h('label', { for: totalId }, t('q.total')), total),
          h('div', { class: 'f-field' }, h('label', { for: methodId }, t('q.method')), method),
          h('div', { class: 'f-field' }, h('label', { for: minId }, t('q.minimum')), minimum)),
        h('p', { id: minHint, class: 'muted small' }, t('q.minimumHint')),
        tableBox,
        h('label', { for: pasteId }, t('q.pasteLabel')),
        paste,
        h('button', { type: 'button', onclick: addPasted }, t('q.pasteButton')),
        pasteStatus),
      h('div', { class: 'card' }, h('h2', {}, t('q.resultTitle')), summary, actions));
    compute();
  },
};
