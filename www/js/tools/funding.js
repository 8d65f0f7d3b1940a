// Funding: who pays which cost of the trip — school, college or student (LX-5). Amounts in any
// currency with the student's own rates; every number, split and message comes from the API.
import { h, replace, svg, nextId } from '../dom.js';
import { register } from '../i18n.js';
import { editableTable, rowField } from '../table.js';
import { renderFindings } from '../findings.js';

register({
  'zh-CN': {
    'tab.funding': '经费分担',
    'f.costsTitle': '项目费用',
    'f.costsNote': '每项费用一行；币种留空即为人民币（元）。外币的汇率在下方由你自己填写。',
    'f.caption': '费用：项目、金额、币种',
    'f.item': '费用项目', 'f.amount': '金额', 'f.currency': '币种',
    'f.currencyHint': 'CNY',
    'item.tuition': '学费（外方课程费）', 'item.management': '项目管理费', 'item.accommodation': '项目期间食宿费',
    'item.insurance': '保险费', 'item.airfare': '国际往返机票', 'item.visa': '签证费',
    'item.localTransport': '当地交通费', 'item.personal': '其他个人开支',
    'f.ratesTitle': '汇率',
    'f.ratesNone': '所有费用都是人民币，无需汇率。',
    'f.rateLabel': '1 {cur} 折合人民币（元）',
    'f.fareLabel': '经济舱往返票价（选填）',
    'f.fareHint': '学院按实际机票资助，原则上不超过经济舱标准（LX-5.1.2）；留空由学院审核。',
    'f.fareCurrency': '票价币种（留空为人民币）',
    'f.fundedTitle': '是否已获资助（LX-5.3.1）',
    'f.prior': '曾获本计划资助',
    'f.other': '已获国家留学基金（CSC）或其他同类资助',
    'f.resultTitle': '分担结果',
    'f.params': '本政策：每生资助上限 {cap}；学校分担比例 {ratio}。',
    'f.byNotice': '由当年通知确定（待审核）',
    'f.yuan': '{v} 元',
    'f.total': '合计', 'f.school': '学校专项资助', 'f.college': '学院配套资助', 'f.student': '个人承担',
    'f.noCosts': '填写费用金额后显示谁承担多少。',
    'f.notFundable': '不予资助：学校和学院不再资助，全部费用由个人承担。',
    'f.linesCaption': '按承担方列出的各项费用（人民币）',
    'f.payer': '承担方', 'f.why': '说明', 'f.clause': '条款', 'f.subtotal': '小计',
    'f.original': '{amount} {cur} × {rate}',
    'f.chart': '分担比例：学校 {school} 元（{sp}），学院 {college} 元（{cp}），个人 {student} 元（{stp}）',
    'f.findingsTitle': '审核要点',
    'f.checklistTitle': '报销流程（LX-5.3.2、LX-5.3.3）',
    'f.conditionsTitle': '有下列情形之一的，不予资助或追回已发放资助（LX-5.4）',
  },
  en: {
    'tab.funding': 'Funding',
    'f.costsTitle': 'Programme costs',
    'f.costsNote': 'One row per cost; leave the currency blank for CNY. Enter your own rate for each foreign currency below.',
    'f.caption': 'Costs: item, amount, currency',
    'f.item': 'Cost item', 'f.amount': 'Amount', 'f.currency': 'Currency',
    'f.currencyHint': 'CNY',
    'item.tuition': 'Tuition (partner course fees)', 'item.management': 'Programme management fee', 'item.accommodation': 'Room and board',
    'item.insurance': 'Insurance', 'item.airfare': 'Round-trip airfare', 'item.visa': 'Visa fee',
    'item.localTransport': 'Local transport', 'item.personal': 'Other personal spending',
    'f.ratesTitle': 'Exchange rates',
    'f.ratesNone': 'Every cost is in CNY; no rate is needed.',
    'f.rateLabel': 'CNY per 1 {cur}',
    'f.fareLabel': 'Economy round-trip fare (optional)',
    'f.fareHint': 'The college pays the actual ticket, in principle up to economy class (LX-5.1.2); left blank, the college reviews it.',
    'f.fareCurrency': 'Fare currency (blank for CNY)',
    'f.fundedTitle': 'Funded before? (LX-5.3.1)',
    'f.prior': 'Already funded once by this plan',
    'f.other': 'Already funded by the China Scholarship Council (CSC) or similar',
    'f.resultTitle': 'Who pays what',
    'f.params': 'This policy: per-student cap {cap}; school share ratio {ratio}.',
    'f.byNotice': "set by the year's notice (for review)",
    'f.yuan': '{v} CNY',
    'f.total': 'Total', 'f.school': 'School (special funding)', 'f.college': 'College', 'f.student': 'Student',
    'f.noCosts': 'Enter the amounts to see who pays how much.',
    'f.notFundable': 'Not fundable: no school or college funding; every cost is yours.',
    'f.linesCaption': 'Each cost by payer (CNY)',
    'f.payer': 'Payer', 'f.why': 'Note', 'f.clause': 'Clause', 'f.subtotal': 'Subtotal',
    'f.original': '{amount} {cur} × {rate}',
    'f.chart': 'Shares: school {school} CNY ({sp}), college {college} CNY ({cp}), student {student} CNY ({stp})',
    'f.findingsTitle': 'Points to check',
    'f.checklistTitle': 'Getting reimbursed (LX-5.3.2, LX-5.3.3)',
    'f.conditionsTitle': 'Funding is refused or recovered if (LX-5.4)',
  },
});

const ITEMS = ['tuition', 'management', 'accommodation', 'insurance', 'airfare', 'visa', 'localTransport', 'personal'];
const PAYERS = ['school', 'college', 'student'];

const initial = {
  costs: ITEMS.map((item) => ({ item, amount: '', currency: '' })),
  rates: {},
  economyFare: '',
  economyFareCurrency: '',
  priorLixingFunding: false,
  otherFunding: false,
};

/** The key a currency is entered under: "usd " and "USD" are one currency; blank is CNY. */
const curKey = (c) => String(c ?? '').trim().toUpperCase();
const isForeign = (k) => k !== '' && k !== 'CNY';

export default {
  id: 'funding',
  requires: 'funding', // the policy section this tool needs
  mount(panel, ctx) {
    const { t, api } = ctx;
    const data = ctx.data('funding', initial);
    data.rates ??= {};
    const locale = ctx.locale();
    const doc = ctx.policyInfo();
    const items = doc?.funding?.items?.map((x) => x.item) ?? ITEMS;

    // --- the form ---
    const table = editableTable({
      caption: t('f.caption'),
      columns: [
        { key: 'item', label: t('f.item'), type: 'select', options: items.map((x) => [x, t(`item.${x}`)]) },
        { key: 'amount', label: t('f.amount'), inputmode: 'decimal' },
        { key: 'currency', label: t('f.currency'), placeholder: t('f.currencyHint') },
      ],
      rows: data.costs,
      blank: () => ({ item: items[0], amount: '', currency: '' }),
      onChange: compute,
      t,
    });

    const ratesBox = h('div', { class: 'f-rates' });
    const rateInputs = new Map();
    let rateKeys = null;

    const fareId = nextId('fare');
    const fareHint = nextId('fare-hint');
    const fareCurId = nextId('fare-cur');
    const fare = h('input', { id: fareId, type: 'text', inputmode: 'decimal', autocomplete: 'off', value: data.economyFare, 'aria-describedby': fareHint, class: 'f-num',
      oninput: () => { data.economyFare = fare.value; compute(); } });
    const fareCur = h('input', { id: fareCurId, type: 'text', autocomplete: 'off', spellcheck: 'false', value: data.economyFareCurrency, placeholder: t('f.currencyHint'), class: 'f-cur',
      oninput: () => { data.economyFareCurrency = fareCur.value; compute(); } });
    const checkbox = (key, label) => h('label', { class: 'f-check' },
      h('input', { type: 'checkbox', checked: !!data[key], onchange: (ev) => { data[key] = ev.target.checked; compute(); } }), ' ', label);

    // --- the results ---
    const status = h('div', { class: 'f-status', 'aria-live': 'polite' });
    const chartBox = h('div', { class: 'f-chart' });
    const linesBox = h('div', { class: 'table-wrap' });
    const findingsTitle = h('h3', { hidden: true }, t('f.findingsTitle'));
    const findings = h('ul', { class: 'findings' });
    const checklist = h('ol', { class: 'f-list' });
    const conditions = h('ul', { class: 'f-list' });
    const rulesCard = h('div', { class: 'card', hidden: true },
      h('h2', {}, t('f.checklistTitle')), checklist,
      h('h2', {}, t('f.conditionsTitle')), conditions);

    function renderRates() {
      const keys = [];
      for (const c of [...data.costs.map((r) => r.currency), data.economyFareCurrency]) {
        const k = curKey(c);
        if (isForeign(k) && !keys.includes(k)) keys.push(k);
      }
      if (rateKeys && keys.join('\n') === rateKeys.join('\n')) return;
      rateKeys = keys;
      rateInputs.clear();
      if (!keys.length) { replace(ratesBox, h('p', { class: 'muted small' }, t('f.ratesNone'))); return; }
      replace(ratesBox, keys.map((k) => {
        const id = nextId('rate');
        const input = h('input', { id, type: 'text', inputmode: 'decimal', autocomplete: 'off', value: data.rates[k] ?? '', class: 'f-num', 'data-currency': k,
          oninput: () => { data.rates[k] = input.value; compute(); } });
        rateInputs.set(k, input);
        return h('div', { class: 'f-field' }, h('label', { for: id }, t('f.rateLabel', { cur: k })), input);
      }));
    }

    function clearMarks() {
      table.setErrors([]);
      for (const el of [fare, fareCur, ...rateInputs.values()]) { el.removeAttribute('aria-invalid'); el.title = ''; }
    }

    function mark(el, message) {
      if (!el) return;
      el.setAttribute('aria-invalid', 'true');
      el.title = message;
    }

    function compute() {
      ctx.save();
      renderRates();
      clearMarks();
      // Rows without an amount are still being filled in: left out rather than reported.
      const filled = data.costs.map((c, i) => ({ c, i })).filter(({ c }) => String(c.amount ?? '').trim());
      const rates = {};
      for (const k of rateKeys) if (String(data.rates[k] ?? '').trim()) rates[k] = data.rates[k];
      let r;
      try {
        r = api.estimateFunding({
          policy: ctx.policy(),
          locale,
          costs: filled.map(({ c }) => ({ item: c.item, amount: c.amount, currency: c.currency })),
          rates,
          economyFare: String(data.economyFare ?? '').trim() ? data.economyFare : null,
          economyFareCurrency: data.economyFareCurrency,
          priorLixingFunding: !!data.priorLixingFunding,
          otherFunding: !!data.otherFunding,
        });
      } catch (e) {
        showError(e, filled);
        return;
      }
      renderResult(r, filled.length > 0);
    }

    function showError(e, filled) {
      const at = rowField(e.field, 'costs');
      if (at) {
        const errors = [{ index: filled[at.index]?.i, key: at.key, message: e.message }];
        table.setErrors(errors);
        // A missing rate is fixed in the rate field of that currency.
        if (e.code === 'missing_rate') mark(rateInputs.get(curKey(filled[at.index]?.c.currency)), e.message);
      } else if (e.field?.startsWith('rates.')) {
        mark(rateInputs.get(curKey(e.field.slice(6))), e.message);
      } else if (e.field === 'economyFare') {
        mark(fare, e.message);
      } else if (e.field === 'economyFareCurrency') {
        mark(fareCur, e.message);
      }
      // "missing_rate" for the fare itself names the fare currency.
      if (e.code === 'missing_rate' && e.field === 'economyFareCurrency') mark(rateInputs.get(curKey(data.economyFareCurrency)), e.message);
      // Not a mistake in the input when the policy has no funding rule: no alert then.
      replace(status, h('p', { class: 'error', role: e.code === 'not_in_policy' ? null : 'alert', 'data-testid': 'f-error' }, e.message));
      replace(chartBox);
      replace(linesBox);
      replace(findings);
      findingsTitle.hidden = true;
      if (e.code === 'not_in_policy') rulesCard.hidden = true;
    }

    function renderResult(r, any) {
      const money = (v) => t('f.yuan', { v });
      if (!any) {
        replace(status, h('p', { class: 'muted' }, t('f.noCosts')));
        replace(chartBox);
        replace(linesBox);
      } else {
        replace(status,
          h('div', { class: 'summary' },
            stat(t('f.total'), money(r.total), 'f-total'),
            PAYERS.map((p) => stat(t(`f.${p}`), money(r[p]), `f-${p}`, p))),
          r.fundable ? null : h('p', { class: 'error', 'data-testid': 'f-not-fundable' }, t('f.notFundable')));
        replace(chartBox, shareChart(r, t));
        replace(linesBox, linesTable(r));
      }
      findingsTitle.hidden = !r.findings.length;
      renderFindings(findings, r.findings, ctx);
      replace(checklist, r.checklist.map((n) => h('li', { 'data-code': n.code }, n.text, ' ', ctx.clauseButton(n.clause))));
      replace(conditions, r.conditions.map((n) => h('li', { 'data-code': n.code }, n.text, ' ', ctx.clauseButton(n.clause))));
      rulesCard.hidden = !(r.checklist.length || r.conditions.length);
    }

    function linesTable(r) {
      return h('table', { class: 'grid f-lines', 'data-testid': 'f-lines' },
        h('caption', {}, t('f.linesCaption')),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('f.item')), h('th', { scope: 'col', class: 'num' }, t('f.amount')),
          h('th', { scope: 'col' }, t('f.why')), h('th', { scope: 'col' }, t('f.clause')))),
        PAYERS.map((p) => {
          const lines = r.lines.filter((l) => l.payer === p);
          return h('tbody', { 'data-payer': p },
            h('tr', { class: `f-group f-${p}` }, h('th', { scope: 'colgroup', colspan: '4' }, h('span', { class: `f-swatch f-${p}`, 'aria-hidden': 'true' }), t(`f.${p}`))),
            lines.map((l) => h('tr', { 'data-cost': String(l.cost), 'data-part': l.part },
              h('td', {}, `${l.cost + 1}. ${t(`item.${l.item}`)}`),
              h('td', { class: 'num' }, l.amount),
              h('td', { class: 'small' },
                l.original ? h('span', { class: 'muted' }, t('f.original', { amount: l.original.amount, cur: l.original.currency, rate: l.original.rate })) : null,
                l.original && l.note ? h('br') : null,
                l.note),
              h('td', {}, ctx.clauseButton(l.clause)))),
            h('tr', { class: 'f-subtotal' }, h('th', { scope: 'row' }, t('f.subtotal')), h('td', { class: 'num', 'data-testid': `f-sub-${p}` }, r[p]), h('td', { colspan: '2' })));
        }),
        h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, t('f.total')), h('td', { class: 'num' }, r.total), h('td', { colspan: '2' }))));
    }

    function stat(label, value, testid, payer) {
      return h('div', { class: 'stat' },
        h('span', { class: 'stat-label' }, payer ? h('span', { class: `f-swatch f-${payer}`, 'aria-hidden': 'true' }) : null, label),
        h('span', { class: 'stat-value', 'data-testid': testid }, value));
    }

    const param = (v) => (v == null ? t('f.byNotice') : v);
    const params = doc?.funding
      ? h('p', { class: 'muted small', 'data-testid': 'f-params' }, t('f.params', {
        cap: doc.schoolCapPerStudent == null ? t('f.byNotice') : t('f.yuan', { v: doc.schoolCapPerStudent }),
        ratio: param(doc.schoolShareRatio),
      }), ' ', ctx.clauseButton(doc.funding.shareClause ?? 'LX-5.2'))
      : null;

    replace(panel,
      h('div', { class: 'card' },
        h('h2', {}, t('f.costsTitle')),
        h('p', { class: 'muted small' }, t('f.costsNote')),
        h('div', { class: 'f-costs' }, table.el),
        h('fieldset', { class: 'f-set' }, h('legend', {}, t('f.ratesTitle')), ratesBox),
        h('div', { class: 'f-row' },
          h('div', { class: 'f-field' }, h('label', { for: fareId }, t('f.fareLabel')), fare),
          h('div', { class: 'f-field' }, h('label', { for: fareCurId }, t('f.fareCurrency')), fareCur)),
        h('p', { id: fareHint, class: 'muted small' }, t('f.fareHint')),
        h('fieldset', { class: 'f-set' }, h('legend', {}, t('f.fundedTitle')),
          checkbox('priorLixingFunding', t('f.prior')),
          checkbox('otherFunding', t('f.other')))),
      h('div', { class: 'card' },
        h('h2', {}, t('f.resultTitle')),
        params,
        status, chartBox, linesBox, findingsTitle, findings),
      rulesCard);
    compute();
  },
};

/** A stacked bar of the three shares, with the same numbers as its text equivalent. */
function shareChart(r, t) {
  const total = Number(r.total);
  const pct = (v) => (total > 0 ? `${((Number(v) / total) * 100).toFixed(1)}%` : '0%');
  const label = t('f.chart', { school: r.school, college: r.college, student: r.student, sp: pct(r.school), cp: pct(r.college), stp: pct(r.student) });
  const W = 360;
  let x = 0;
  const bars = [];
  for (const p of PAYERS) {
    const w = total > 0 ? (Number(r[p]) / total) * W : 0;
    if (w > 0) bars.push(svg('rect', { x: x.toFixed(2), y: 0, width: w.toFixed(2), height: 28, class: `f-bar f-${p}` }));
    x += w;
  }
  return h('figure', { class: 'f-figure' },
    svg('svg', { viewBox: `0 0 ${W} 28`, class: 'chart f-stack', role: 'img', 'aria-label': label, preserveAspectRatio: 'none' },
      svg('rect', { x: 0, y: 0, width: W, height: 28, class: 'f-track' }), bars),
    h('figcaption', { class: 'muted small', 'aria-hidden': 'true' }, label));
}
