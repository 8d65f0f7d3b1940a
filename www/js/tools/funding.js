// Funding: who pays which cost of the trip — school, college or student (LX-5). Amounts in any
// currency with the student's own rates; every number, split and message comes from the API.
import { h, replace, svg, nextId, scrollBox } from '../dom.js';
import { editableTable, settle, filled } from '../table.js';
import { renderFindings } from '../findings.js';
import { field, explain, bare } from '../errors.js';

export const dict = {
  'f.costsTitle': ['项目费用', 'Programme costs'],
  'f.costsNote': ['每项费用一行；币种留空即为人民币（元）。外币的汇率在下方由你自己填写。', 'One row per cost; leave the currency blank for CNY. Enter your own rate for each foreign currency below.'],
  'f.caption': ['费用：项目、金额、币种', 'Costs: item, amount, currency'],
  'f.item': ['费用项目', 'Cost item'],
  'f.amount': ['金额', 'Amount'],
  'f.currency': ['币种', 'Currency'],
  'f.currencyHint': ['CNY', 'CNY'],
  'item.tuition': ['学费（外方课程费）', 'Tuition (partner course fees)'],
  'item.management': ['项目管理费', 'Programme management fee'],
  'item.accommodation': ['项目期间食宿费', 'Room and board'],
  'item.insurance': ['保险费', 'Insurance'],
  'item.airfare': ['国际往返机票', 'Round-trip airfare'],
  'item.visa': ['签证费', 'Visa fee'],
  'item.localTransport': ['当地交通费', 'Local transport'],
  'item.personal': ['其他个人开支', 'Other personal spending'],
  'f.ratesTitle': ['汇率', 'Exchange rates'],
  'f.ratesNone': ['所有费用都是人民币，无需汇率。', 'Every cost is in CNY; no rate is needed.'],
  'f.rateLabel': ['1 {cur} 折合人民币（元）', 'CNY per 1 {cur}'],
  'f.fareLabel': ['经济舱往返票价（选填）', 'Economy round-trip fare (optional)'],
  'f.fareHint': ['学院按实际机票资助，原则上不超过经济舱标准（LX-5.1.2）；留空由学院审核。', 'The college pays the actual ticket, in principle up to economy class (LX-5.1.2); left blank, the college reviews it.'],
  'f.fareCurrency': ['票价币种（留空为人民币）', 'Fare currency (blank for CNY)'],
  'f.fundedTitle': ['是否已获资助（LX-5.3.1）', 'Funded before? (LX-5.3.1)'],
  'f.prior': ['曾获本计划资助', 'Already funded once by this plan'],
  'f.other': ['已获国家留学基金（CSC）或其他同类资助', 'Already funded by the China Scholarship Council (CSC) or similar'],
  'f.resultTitle': ['分担结果', 'Who pays what'],
  'f.params': ['本政策：每生资助上限 {cap}；学校分担比例 {ratio}。', 'This policy: per-student cap {cap}; school share ratio {ratio}.'],
  'f.byNotice': ['由当年通知确定（待审核）', 'set by the year\'s notice (for review)'],
  'f.yuan': ['{v} 元', '{v} CNY'],
  'f.total': ['合计', 'Total'],
  'f.school': ['学校专项资助', 'School (special funding)'],
  'f.college': ['学院配套资助', 'College'],
  'f.student': ['个人承担', 'Student'],
  'f.noCosts': ['填写费用金额后显示谁承担多少。', 'Enter the amounts to see who pays how much.'],
  'f.notFundable': ['不予资助：学校和学院不再资助，全部费用由个人承担。', 'Not fundable: no school or college funding; every cost is yours.'],
  'f.linesCaption': ['按承担方列出的各项费用（人民币）', 'Each cost by payer (CNY)'],
  'f.why': ['说明', 'Note'],
  'f.clause': ['条款', 'Clause'],
  'f.subtotal': ['小计', 'Subtotal'],
  'f.original': ['{amount} {cur} × {rate}', '{amount} {cur} × {rate}'],
  'f.chart': ['分担比例：学校 {school} 元（{sp}），学院 {college} 元（{cp}），个人 {student} 元（{stp}）', 'Shares: school {school} CNY ({sp}), college {college} CNY ({cp}), student {student} CNY ({stp})'],
  'f.findingsTitle': ['审核要点', 'Points to check'],
  'f.checklistTitle': ['报销流程（LX-5.3.2、LX-5.3.3）', 'Getting reimbursed (LX-5.3.2, LX-5.3.3)'],
  'f.conditionsTitle': ['有下列情形之一的，不予资助或追回已发放资助（LX-5.4）', 'Funding is refused or recovered if (LX-5.4)'],
  'f.summaryTitle': ['经费分担（LX-5）', 'Funding shares (LX-5)'],
  'f.summaryNone': ['尚未填写费用。', 'No costs entered yet.'],
  'f.rateMissing': ['请填写 1 {cur} 折合多少元', 'Enter the CNY per 1 {cur}'],
};

const ITEMS = ['tuition', 'management', 'accommodation', 'insurance', 'airfare', 'visa', 'localTransport', 'personal'];
const PAYERS = ['school', 'college', 'student'];

// --- state: what is saved, and the requests made from it -----------------------------

export const initial = () => ({
  costs: ITEMS.map((item) => ({ item, amount: '', currency: '' })),
  rates: {},
  economyFare: '',
  economyFareCurrency: '',
  priorLixingFunding: false,
  otherFunding: false,
});

/**
 * The key a currency's rate is entered under: "usd ", "USD" and the IME's "ＵＳＤ" are one
 * currency (the API folds them the same way); blank is CNY.
 */
const curKey = (c) => String(c ?? '').normalize('NFKC').trim().toUpperCase();
const isForeign = (k) => k !== '' && k !== 'CNY';

/** The foreign currencies in use, in order of first use: one rate field each. */
function currencies(data) {
  const keys = [];
  for (const c of [...data.costs.map((r) => r.currency), data.economyFareCurrency]) {
    const k = curKey(c);
    if (isForeign(k) && !keys.includes(k)) keys.push(k);
  }
  return keys;
}

/**
 * estimateFunding over the readable rows. A bad cost row is set aside (table.js settle); a
 * bad rate is left out (its costs then wait for it) and a bad fare is left to the college's
 * review, so the other results stay. `dropped` lists those errors.
 */
function estimate(ctx, data) {
  const rates = {};
  for (const k of currencies(data)) if (filled(data.rates[k])) rates[k] = data.rates[k];
  let fare = filled(data.economyFare) ? data.economyFare : null;
  const dropped = [];
  const rows = data.costs.map((c, i) => ({ c, i })).filter(({ c }) => filled(c.amount)); // no amount yet: still being filled in
  const s = settle(rows, 'costs', (used) => ctx.api.estimateFunding({
    policy: ctx.policy(),
    locale: ctx.locale(),
    costs: used.map(({ c }) => ({ item: c.item, amount: c.amount, currency: c.currency })),
    rates,
    economyFare: fare,
    economyFareCurrency: data.economyFareCurrency,
    priorLixingFunding: !!data.priorLixingFunding,
    otherFunding: !!data.otherFunding,
  }), (e) => {
    const k = e.field?.startsWith('rates.') ? e.field.slice(6) : null;
    if (k !== null && k in rates) { delete rates[k]; dropped.push(e); return true; }
    if ((e.field === 'economyFare' || e.field === 'economyFareCurrency') && fare !== null) { fare = null; dropped.push(e); return true; }
    return false;
  });
  return { ...s, dropped, any: rows.length > 0 };
}

// --- view: built once per mount; show* put results in place ---------------------------

function view(ctx, data, act) {
  const { t } = ctx;
  const doc = ctx.policyInfo();
  const items = doc?.funding?.items?.map((x) => x.item) ?? ITEMS;
  const money = (v) => t('f.yuan', { v: ctx.fmt(v) });

  const columns = [
    { key: 'item', label: t('f.item'), type: 'select', options: items.map((x) => [x, t(`item.${x}`)]) },
    { key: 'amount', label: t('f.amount'), inputmode: 'decimal', example: '3,000' },
    { key: 'currency', label: t('f.currency'), placeholder: t('f.currencyHint'), example: 'USD' },
  ];
  const table = editableTable({
    caption: t('f.caption'), columns, rows: data.costs, t, onChange: () => act.compute(),
    blank: () => ({ item: items[0], amount: '', currency: '' }),
  });

  const ratesBox = h('div', { class: 'f-rates' });
  const rateFields = new Map();
  let rateKeys = null;
  function renderRates() {
    const keys = currencies(data);
    if (rateKeys && keys.join('\n') === rateKeys.join('\n')) return;
    rateKeys = keys;
    rateFields.clear();
    if (!keys.length) { replace(ratesBox, h('p', { class: 'muted small' }, t('f.ratesNone'))); return; }
    replace(ratesBox, keys.map((k) => {
      const f = field({
        label: t('f.rateLabel', { cur: k }),
        input: h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', value: data.rates[k] ?? '', class: 'f-num', 'data-currency': k, oninput: (ev) => act.setRate(k, ev.target.value) }),
        className: 'f-field',
      });
      rateFields.set(k, f);
      return f.el;
    }));
  }

  const fareHint = h('p', { id: nextId('fare-hint'), class: 'muted small' }, t('f.fareHint'));
  const fare = field({
    label: t('f.fareLabel'),
    input: h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', value: data.economyFare, class: 'f-num', oninput: (ev) => act.set('economyFare', ev.target.value) }),
    className: 'f-field',
    describedBy: [fareHint.id],
  });
  const fareCur = field({
    label: t('f.fareCurrency'),
    input: h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', value: data.economyFareCurrency, placeholder: t('f.currencyHint'), class: 'f-cur', oninput: (ev) => act.set('economyFareCurrency', ev.target.value) }),
    className: 'f-field',
  });
  const checkbox = (key, label) => h('label', { class: 'f-check' },
    h('input', { type: 'checkbox', checked: !!data[key], onchange: (ev) => act.set(key, ev.target.checked) }), ' ', label);

  const status = h('div', { class: 'f-status', 'aria-live': 'polite' });
  const chartBox = h('div', { class: 'f-chart' });
  const linesBox = h('div', { class: 'f-lines-box' });
  const findingsTitle = h('h3', { hidden: true }, t('f.findingsTitle'));
  const findings = h('ul', { class: 'findings' });
  const checklist = h('ol', { class: 'f-list' });
  const conditions = h('ul', { class: 'f-list' });
  const rulesCard = h('div', { class: 'card', hidden: true },
    h('h2', {}, t('f.checklistTitle')), checklist,
    h('h2', {}, t('f.conditionsTitle')), conditions);

  const params = doc?.funding
    ? h('p', { class: 'muted small', 'data-testid': 'f-params' }, t('f.params', {
      cap: doc.schoolCapPerStudent == null ? t('f.byNotice') : money(doc.schoolCapPerStudent),
      ratio: doc.schoolShareRatio ?? t('f.byNotice'),
    }), ' ', ctx.clauseButton(doc.funding.shareClause ?? 'LX-5.2'))
    : null;

  const root = [
    h('div', { class: 'card' },
      h('h2', {}, t('f.costsTitle')),
      h('p', { class: 'muted small' }, t('f.costsNote')),
      h('div', { class: 'f-costs' }, table.el), table.note,
      h('fieldset', { class: 'f-set' }, h('legend', {}, t('f.ratesTitle')), ratesBox),
      h('div', { class: 'f-row' }, fare.el, fareCur.el),
      fareHint,
      h('fieldset', { class: 'f-set' }, h('legend', {}, t('f.fundedTitle')),
        checkbox('priorLixingFunding', t('f.prior')),
        checkbox('otherFunding', t('f.other')))),
    h('div', { class: 'card' },
      h('h2', {}, t('f.resultTitle')),
      params,
      status, chartBox, linesBox, findingsTitle, findings),
    rulesCard,
  ];

  function stat(label, value, testid, payer) {
    return h('div', { class: 'stat' },
      h('span', { class: 'stat-label' }, payer ? h('span', { class: `f-swatch f-${payer}`, 'aria-hidden': 'true' }) : null, label),
      h('span', { class: 'stat-value', 'data-testid': testid }, value));
  }

  /** The marks of a result: bad rows, rates and fare fields, each with its message. */
  function mark(s) {
    const rateError = new Map();
    table.showBad(s.bad, { extra: (row) => ({ currency: curKey(row.c.currency) }) });
    for (const b of s.bad) if (b.error.code === 'missing_rate') rateError.set(curKey(b.row.c.currency), t('f.rateMissing', { cur: curKey(b.row.c.currency) }));
    fare.setError(null);
    fareCur.setError(null);
    for (const e of [...s.dropped, ...(s.error ? [s.error] : [])]) {
      if (e.field?.startsWith('rates.')) rateError.set(e.field.slice(6), explain(e, t, { value: data.rates[e.field.slice(6)], example: '7.1' }));
      else if (e.field === 'economyFare') fare.setError(explain(e, t, { value: data.economyFare, example: '6,000' }));
      else if (e.field === 'economyFareCurrency') {
        const cur = curKey(data.economyFareCurrency);
        fareCur.setError(explain(e, t, { value: data.economyFareCurrency, currency: cur }));
        if (e.code === 'missing_rate') rateError.set(cur, t('f.rateMissing', { cur }));
      }
    }
    for (const [k, f] of rateFields) f.setError(rateError.get(k) ?? null);
  }

  return {
    root,
    show(s) {
      renderRates();
      mark(s);
      if (s.error) {
        // Not a mistake in the input when the policy has no funding rule: said calmly then.
        const calm = s.error.code === 'not_in_policy';
        replace(status, h('p', { class: calm ? 'muted' : 'error', role: calm ? 'status' : 'alert', 'data-testid': 'f-error' }, calm ? bare(s.error) : s.error.message));
        replace(chartBox);
        replace(linesBox);
        replace(findings);
        findingsTitle.hidden = true;
        if (calm) rulesCard.hidden = true;
        return;
      }
      const r = s.result;
      if (!s.used.length) {
        replace(status, h('p', { class: 'muted' }, t('f.noCosts')));
        replace(chartBox);
        replace(linesBox);
      } else {
        replace(status,
          h('div', { class: 'summary' },
            stat(t('f.total'), money(r.total), 'f-total'),
            PAYERS.map((p) => stat(t(`f.${p}`), money(r[p]), `f-${p}`, p))),
          r.fundable ? null : h('p', { class: 'error', 'data-testid': 'f-not-fundable' }, t('f.notFundable')));
        replace(chartBox, shareChart(r, t, ctx.fmt));
        replace(linesBox, scrollBox(t('f.linesCaption'), linesTable(r)));
      }
      findingsTitle.hidden = !r.findings.length;
      renderFindings(findings, r.findings, ctx);
      replace(checklist, r.checklist.map((n) => h('li', { 'data-code': n.code }, n.text, ' ', ctx.clauseButton(n.clause))));
      replace(conditions, r.conditions.map((n) => h('li', { 'data-code': n.code }, n.text, ' ', ctx.clauseButton(n.clause))));
      rulesCard.hidden = !(r.checklist.length || r.conditions.length);
    },
  };

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
            h('td', { class: 'num' }, ctx.fmt(l.amount)),
            h('td', { class: 'small' },
              l.original ? h('span', { class: 'muted' }, t('f.original', { amount: ctx.fmt(l.original.amount), cur: l.original.currency, rate: l.original.rate })) : null,
              l.original && l.note ? h('br') : null,
              l.note),
            h('td', {}, ctx.clauseButton(l.clause)))),
          h('tr', { class: 'f-subtotal' }, h('th', { scope: 'row' }, t('f.subtotal')), h('td', { class: 'num', 'data-testid': `f-sub-${p}` }, ctx.fmt(r[p])), h('td', { colspan: '2' })));
      }),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, t('f.total')), h('td', { class: 'num' }, ctx.fmt(r.total)), h('td', { colspan: '2' }))));
  }
}

/** A stacked bar of the three shares, with the same numbers as its text equivalent. */
function shareChart(r, t, fmt) {
  // Bar widths and the rounded percentages are drawing, not results: the amounts are the API's.
  const total = Number(r.total);
  const pct = (v) => (total > 0 ? `${((Number(v) / total) * 100).toFixed(1)}%` : '0%');
  const label = t('f.chart', { school: fmt(r.school), college: fmt(r.college), student: fmt(r.student), sp: pct(r.school), cp: pct(r.college), stp: pct(r.student) });
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

// --- actions: what the inputs do ------------------------------------------------------

function actions(ctx, data, v) {
  const act = {
    set(key, value) {
      data[key] = value;
      act.compute();
    },
    setRate(k, value) {
      data.rates[k] = value;
      act.compute();
    },
    compute() {
      ctx.save();
      v.show(estimate(ctx, data)); // show() brings the rate fields up to date first
    },
  };
  return act;
}

/** The application summary's part, or null when the policy has no funding rules. */
function summary(ctx, data) {
  const { t } = ctx;
  if (!ctx.policyInfo()?.funding) return null;
  const s = estimate(ctx, data);
  const money = (v) => t('f.yuan', { v: ctx.fmt(v) });
  if (s.error) return { title: t('f.summaryTitle'), body: [h('p', { class: 'error' }, s.error.message)] };
  if (!s.used.length) return { title: t('f.summaryTitle'), body: [h('p', { class: 'muted' }, t('f.summaryNone'))] };
  const r = s.result;
  return {
    title: t('f.summaryTitle'),
    body: [
      h('p', { 'data-testid': 'sum-funding' }, `${t('f.total')} `, h('strong', {}, money(r.total)),
        PAYERS.map((p) => [' · ', h('span', { class: `f-swatch f-${p}`, 'aria-hidden': 'true' }), `${t(`f.${p}`)} `, h('strong', {}, money(r[p]))])),
      r.fundable ? null : h('p', { class: 'error' }, t('f.notFundable')),
      s.bad.length || s.dropped.length ? h('p', { class: 'small error' }, t('err.badRowsElsewhere', { n: s.bad.length + s.dropped.length })) : null,
    ],
  };
}

export default {
  id: 'funding',
  requires: 'funding', // the policy section this tool needs
  dict,
  initial,
  summary,
  mount(panel, ctx) {
    const data = ctx.data('funding', initial);
    data.rates ??= {};
    const act = {};
    const v = view(ctx, data, act);
    Object.assign(act, actions(ctx, data, v));
    replace(panel, v.root);
    act.compute();
  },
};
