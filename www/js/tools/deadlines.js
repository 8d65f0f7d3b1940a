// Deadlines: what is due when, from the arrival and end of the exchange (XYU-12.9, XYU-13) or
// the year of the annual calendar (LX-4). Dates and their order come from the API, and so does
// the .ics file, downloaded from a Blob — nothing goes to a server.
import { h, replace, nextId } from '../dom.js';
import { register } from '../i18n.js';

register({
  'zh-CN': {
    'tab.deadlines': '时间节点',
    'd.inputTitle': '交换日期',
    'd.inputTitleYear': '年度',
    'd.arrival': '抵达国（境）外的日期',
    'd.end': '交换结束日期',
    'd.year': '年度（年度工作日程）',
    'd.yearHint': '例如 2027：列出该年度的遴选与通知节点。',
    'd.listTitle': '时间节点',
    'd.empty': '填写日期后显示各项截止时间。',
    'd.emptyYear': '填写年度后显示该年度的时间节点。',
    'd.due': '截止',
    'd.consequence': '后果：',
    'd.ics': '添加到日历（.ics）',
    'd.icsHint': '下载日历文件，可导入手机或电脑日历；文件在本机生成。',
    'd.none': '所选政策没有与这些日期相关的时间节点。',
  },
  en: {
    'tab.deadlines': 'Deadlines',
    'd.inputTitle': 'Exchange dates',
    'd.inputTitleYear': 'Year',
    'd.arrival': 'Arrival abroad',
    'd.end': 'End of the exchange',
    'd.year': 'Year (annual calendar)',
    'd.yearHint': 'E.g. 2027: the selection and notice dates of that year.',
    'd.listTitle': 'Deadlines',
    'd.empty': 'Enter the dates to see what is due when.',
    'd.emptyYear': 'Enter the year to see its dates.',
    'd.due': 'due',
    'd.consequence': 'Consequence: ',
    'd.ics': 'Add to calendar (.ics)',
    'd.icsHint': 'Downloads a calendar file for your phone or computer; it is made on this device.',
    'd.none': 'The chosen policy has no deadlines for these dates.',
  },
});

export default {
  id: 'deadlines',
  requires: 'deadlines', // the policy section this tool needs
  mount(panel, ctx) {
    const { t, api } = ctx;
    const locale = ctx.locale();
    const data = ctx.data('deadlines', { arrival: '', end: '', year: String(new Date().getFullYear()) });

    // Which inputs matter comes from the policy: dates counted from arrival or end, and/or an
    // annual calendar. Without a readable policy, offer all three.
    const sections = ctx.policyInfo()?.deadlines;
    const from = new Set((sections?.relative ?? []).map((d) => d.from));
    const wants = {
      arrival: !sections || from.has('arrival'),
      end: !sections || from.has('end'),
      year: !sections || (sections.annual ?? []).length > 0,
    };

    const fields = {};
    const errors = {};
    function field(key, input, hint) {
      const id = nextId(`dl-${key}`);
      const errId = nextId(`dl-${key}-err`);
      const hintId = hint ? nextId(`dl-${key}-hint`) : null;
      input.id = id;
      input.setAttribute('aria-describedby', [hintId, errId].filter(Boolean).join(' '));
      input.value = data[key] ?? '';
      input.addEventListener('input', () => { data[key] = input.value; compute(); });
      fields[key] = input;
      errors[key] = h('p', { id: errId, class: 'error small', hidden: true });
      return h('div', { class: 'field' }, h('label', { for: id }, t(`d.${key}`)), input,
        hint ? h('p', { id: hintId, class: 'muted small' }, hint) : null, errors[key]);
    }
    const inputs = [
      wants.arrival ? field('arrival', h('input', { type: 'date' })) : null,
      wants.end ? field('end', h('input', { type: 'date' })) : null,
      wants.year ? field('year', h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', class: 'narrow' }), t('d.yearHint')) : null,
    ];

    const status = h('div', { 'aria-live': 'polite' });
    const list = h('ol', { class: 'deadline-list' });
    const download = h('div', { class: 'ics', hidden: true });
    let icsUrl = null;

    function compute() {
      ctx.save();
      for (const key of Object.keys(fields)) mark(key, null);
      const given = Object.keys(fields).filter((k) => String(data[k] ?? '').trim() !== '');
      if (!given.length) { empty(t(wants.arrival || wants.end ? 'd.empty' : 'd.emptyYear')); return; }
      const input = { policy: ctx.policy(), locale };
      for (const key of Object.keys(fields)) input[key] = String(data[key] ?? '').trim() || null;
      try {
        const items = api.deadlines(input);
        if (!items.length) { empty(t('d.none')); return; }
        replace(status);
        replace(list, items.map((d) => item(d)));
        setIcs(api.deadlinesIcs(input));
      } catch (e) {
        if (fields[e.field]) mark(e.field, e.message);
        empty(null);
        replace(status, h('p', { class: 'error', role: 'alert' }, e.message));
      }
    }

    function item(d) {
      return h('li', { class: d.consequence ? 'deadline forfeit' : 'deadline', 'data-code': d.code },
        h('div', { class: 'deadline-date' },
          h('time', { datetime: d.due, class: 'big' }, d.due), ' ',
          h('span', { class: 'muted small' }, weekday(d.due))),
        h('div', { class: 'deadline-what' }, h('span', {}, d.title), ' ', ctx.clauseButton(d.clause)),
        d.consequence ? h('p', { class: 'consequence' }, h('strong', {}, t('d.consequence')), d.consequence) : null);
    }

    function weekday(iso) {
      const date = new Date(`${iso}T00:00:00Z`);
      if (Number.isNaN(date.getTime())) return '';
      return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(date);
    }

    function mark(key, message) {
      const input = fields[key];
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      errors[key].textContent = message ?? '';
      errors[key].hidden = !message;
    }

    function empty(message) {
      replace(status, message ? h('p', { class: 'muted' }, message) : null);
      replace(list);
      setIcs(null);
    }

    function setIcs(text) {
      if (icsUrl) URL.revokeObjectURL(icsUrl);
      icsUrl = text ? URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' })) : null;
      download.hidden = !icsUrl;
      replace(download, icsUrl ? [
        h('a', { href: icsUrl, download: 'exchange-deadlines.ics', class: 'button-link', 'data-testid': 'ics' }, t('d.ics')),
        h('p', { class: 'muted small' }, t('d.icsHint')),
      ] : null);
    }

    replace(panel,
      h('div', { class: 'card deadlines-tool' }, h('h2', {}, t(wants.arrival || wants.end ? 'd.inputTitle' : 'd.inputTitleYear')), h('div', { class: 'fields' }, inputs)),
      h('div', { class: 'card deadlines-tool' }, h('h2', {}, t('d.listTitle')), status, list, download));
    compute();
  },
};
