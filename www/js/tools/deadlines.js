// Deadlines: what is due when, from the arrival and end of the exchange (XYU-12.9, XYU-13) or
// the year of the annual calendar (LX-4). Dates and their order come from the API, and so does
// the .ics file, downloaded from a Blob — nothing goes to a server.
import { h, replace } from '../dom.js';
import { settle, filled } from '../table.js';
import { field, explain } from '../errors.js';

export const dict = {
  'd.inputTitle': ['交换日期', 'Exchange dates'],
  'd.inputTitleYear': ['年度', 'Year'],
  'd.arrival': ['抵达国（境）外的日期', 'Arrival abroad'],
  'd.end': ['交换结束日期', 'End of the exchange'],
  'd.year': ['年度（年度工作日程）', 'Year (annual calendar)'],
  'd.yearHint': ['例如 2027：列出该年度的遴选与通知节点。', 'E.g. 2027: the selection and notice dates of that year.'],
  'd.listTitle': ['时间节点', 'Deadlines'],
  'd.empty': ['填写日期后显示各项截止时间。', 'Enter the dates to see what is due when.'],
  'd.emptyYear': ['填写年度后显示该年度的时间节点。', 'Enter the year to see its dates.'],
  'd.consequence': ['后果：', 'Consequence: '],
  'd.ics': ['添加到日历（.ics）', 'Add to calendar (.ics)'],
  'd.icsHint': ['下载日历文件，可导入手机或电脑日历；文件在本机生成。', 'Downloads a calendar file for your phone or computer; it is made on this device.'],
  'd.none': ['所选政策没有与这些日期相关的时间节点。', 'The chosen policy has no deadlines for these dates.'],
  'd.summaryTitle': ['时间节点', 'Deadlines'],
  'd.summaryNone': ['尚未填写交换日期。', 'No dates entered yet.'],
};

const KEYS = ['arrival', 'end', 'year'];

// --- state: what is saved, and the requests made from it -----------------------------

export const initial = () => ({ arrival: '', end: '', year: String(new Date().getFullYear()) });

/**
 * Which inputs matter comes from the policy: dates counted from arrival or end, and/or an
 * annual calendar. Without a readable policy, all three.
 */
function wanted(ctx) {
  const sections = ctx.policyInfo()?.deadlines;
  const from = new Set((sections?.relative ?? []).map((d) => d.from));
  return {
    arrival: !sections || from.has('arrival'),
    end: !sections || from.has('end'),
    year: !sections || (sections.annual ?? []).length > 0,
  };
}

/**
 * deadlines() and the .ics with the dates given. A date the API refuses is left out and
 * reported in `dropped`, so a typo in one date never hides the deadlines of the other.
 */
function dates(ctx, data) {
  const wants = wanted(ctx);
  const input = { policy: ctx.policy(), locale: ctx.locale() };
  for (const k of KEYS) if (wants[k]) input[k] = filled(data[k]) ? String(data[k]).trim() : null;
  const dropped = [];
  const s = settle([], 'none', () => {
    if (!KEYS.some((k) => input[k])) return null;
    return { items: ctx.api.deadlines(input), ics: ctx.api.deadlinesIcs(input) };
  }, (e) => {
    if (!KEYS.includes(e.field) || !input[e.field]) return false;
    input[e.field] = null;
    dropped.push(e);
    return true;
  });
  return { ...s, dropped, wants };
}

// --- view: built once per mount; show* put results in place ---------------------------

function view(ctx, data, act) {
  const { t } = ctx;
  const wants = wanted(ctx);
  const fields = {};
  const input = (key) => (key === 'year'
    ? h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', class: 'narrow', value: data.year ?? '', oninput: (ev) => act.set(key, ev.target.value) })
    : h('input', { type: 'date', value: data[key] ?? '', oninput: (ev) => act.set(key, ev.target.value) }));
  for (const key of KEYS) if (wants[key]) fields[key] = field({ label: t(`d.${key}`), input: input(key), hint: key === 'year' ? t('d.yearHint') : null });

  const status = h('div', { 'aria-live': 'polite' });
  const list = h('ol', { class: 'deadline-list' });
  const download = h('div', { class: 'ics', hidden: true });
  let icsUrl = null;
  const relative = wants.arrival || wants.end;

  const root = [
    h('div', { class: 'card deadlines-tool' }, h('h2', {}, t(relative ? 'd.inputTitle' : 'd.inputTitleYear')), h('div', { class: 'fields' }, Object.values(fields).map((f) => f.el))),
    h('div', { class: 'card deadlines-tool' }, h('h2', {}, t('d.listTitle')), status, list, download),
  ];

  function setIcs(text) {
    if (icsUrl) URL.revokeObjectURL(icsUrl);
    icsUrl = text ? URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' })) : null;
    download.hidden = !icsUrl;
    replace(download, icsUrl ? [
      h('a', { href: icsUrl, download: 'exchange-deadlines.ics', class: 'button-link', 'data-testid': 'ics' }, t('d.ics')),
      h('p', { class: 'muted small' }, t('d.icsHint')),
    ] : null);
  }

  return {
    root,
    show(s) {
      for (const [key, f] of Object.entries(fields)) f.setError(null);
      for (const e of [...s.dropped, ...(s.error ? [s.error] : [])]) fields[e.field]?.setError(explain(e, t, { value: data[e.field], example: e.field === 'year' ? '2027' : '2026-09-01' }));
      const empty = (message, cls = 'muted') => { replace(status, message ? h('p', { class: cls }, message) : null); replace(list); setIcs(null); };
      if (s.error) { empty(fields[s.error.field] ? null : s.error.message, 'error'); return; }
      if (!s.result) { empty(s.dropped.length ? null : t(relative ? 'd.empty' : 'd.emptyYear')); return; }
      if (!s.result.items.length) { empty(t('d.none')); return; }
      replace(status);
      replace(list, s.result.items.map((d) => deadline(ctx, d, true)));
      setIcs(s.result.ics);
    },
  };
}

function weekday(iso, locale) {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(date);
}

/** One deadline: the date (a red frame and the consequence when missing it forfeits something). */
function deadline(ctx, d, withClauseButton) {
  const { t } = ctx;
  return h('li', { class: d.consequence ? 'deadline forfeit' : 'deadline', 'data-code': d.code },
    h('div', { class: 'deadline-date' },
      h('time', { datetime: d.due, class: 'big' }, d.due), ' ',
      h('span', { class: 'muted small' }, weekday(d.due, ctx.locale()))),
    h('div', { class: 'deadline-what' }, h('span', {}, d.title), ' ', withClauseButton ? ctx.clauseButton(d.clause) : h('span', { class: 'muted small nowrap' }, `(${d.clause})`)),
    d.consequence ? h('p', { class: 'consequence' }, h('strong', {}, t('d.consequence')), d.consequence) : null);
}

// --- actions: what the inputs do ------------------------------------------------------

function actions(ctx, data, v) {
  const act = {
    set(key, value) {
      data[key] = value;
      act.compute();
    },
    compute() {
      ctx.save();
      v.show(dates(ctx, data));
    },
  };
  return act;
}

/** The application summary's part: the dates, or null when the policy has none. */
function summary(ctx, data) {
  const { t } = ctx;
  if (!ctx.policyInfo()?.deadlines) return null;
  const s = dates(ctx, data);
  const items = s.result?.items ?? [];
  return {
    title: t('d.summaryTitle'),
    body: items.length ? [h('ol', { class: 'deadline-list sum-deadlines' }, items.map((d) => deadline(ctx, d, false)))] : [h('p', { class: 'muted' }, t('d.summaryNone'))],
  };
}

export default {
  id: 'deadlines',
  requires: 'deadlines', // the policy section this tool needs
  dict,
  initial,
  summary,
  mount(panel, ctx) {
    const data = ctx.data('deadlines', initial);
    const act = {};
    const v = view(ctx, data, act);
    Object.assign(act, actions(ctx, data, v));
    replace(panel, v.root);
    act.compute();
  },
};
