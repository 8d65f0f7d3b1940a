// The app shell: builds the whole UI inside `host` (the page's <div id="app">, or a custom
// element's shadow root), wires language, policy, tabs, autosave, "your data" and the clause
// dialog, and mounts one module per tool. Ids are per instance, so several can share a page.
import { h, replace, nextId } from './dom.js';
import { t, setLocale, getLocale, register } from './i18n.js';
import * as store from './store.js';
import { tools as allTools } from './tools/index.js';
import { ready } from './wasm.js';

register({
  'zh-CN': {
    yourData: '我的数据', exportData: '导出数据（JSON）', importData: '导入数据', clearData: '清除我的数据', print: '打印结果',
    clearConfirm: '确定清除本设备上保存的全部输入吗？', cleared: '已清除本设备上保存的数据。',
    imported: '已导入数据。', importFailed: '导入失败：{msg}。现有数据未改动。',
    needsPolicy: '所选政策没有这部分规定。', switchTo: '切换到：{title}',
  },
  en: {
    yourData: 'Your data', exportData: 'Export data (JSON)', importData: 'Import data', clearData: 'Clear my data', print: 'Print results',
    clearConfirm: 'Clear everything this app saved on this device?', cleared: 'The data saved on this device was cleared.',
    imported: 'Data imported.', importFailed: 'Import failed: {msg}. Your data is unchanged.',
    needsPolicy: 'The chosen policy has no rules for this.', switchTo: 'Switch to: {title}',
  },
});

/**
 * @param {HTMLElement} host where to render
 * @param {object} [o]
 * @param {string} [o.policy] initial policy id
 * @param {object} [o.policyDocument] a university's own policy or overrides (from policy-src)
 * @param {string} [o.lang] 'zh-CN' | 'en'
 * @param {string[]} [o.tools] tool ids to show (default: all)
 * @param {string} [o.storageKey] where to autosave
 * @param {boolean} [o.page] true when the app owns the whole page (sets <html lang>, title)
 */
export async function createApp(host, o = {}) {
  const tools = o.tools?.length ? allTools.filter((x) => o.tools.includes(x.id)) : allTools;
  const key = o.storageKey ?? 'exchange-calc:v1';
  const defaults = { lang: o.lang ?? 'zh-CN', policy: o.policy ?? 'xinyu-2022', tab: tools[0]?.id, tools: {} };
  const saved = store.load(defaults, key);
  const state = saved.state;
  if (o.lang) state.lang = o.lang;
  if (!tools.some((x) => x.id === state.tab)) state.tab = tools[0]?.id;
  setLocale(state.lang);
  const id = nextId('xc');

  const title = h('h1', { id: `${id}-title` });
  const policySelect = h('select', { id: `${id}-policy`, 'aria-describedby': `${id}-ref` });
  const policyLabel = h('label', { class: 'inline', for: `${id}-policy` });
  const langButton = h('button', { type: 'button', class: 'lang' });
  const notice = h('p', { class: 'notice', role: 'status', hidden: true });
  const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-labelledby': `${id}-title` });
  const main = h('main', { id: `${id}-main`, tabindex: '-1' });
  const ref = h('p', { id: `${id}-ref`, class: 'policy-ref' });
  const privacy = h('p');
  const dataBar = h('div', { class: 'data-bar' });
  const clauseTitle = h('h2', { id: `${id}-clause` });
  const clauseZh = h('p', { lang: 'zh-CN' });
  const clauseEn = h('p', { lang: 'en' });
  const clauseClose = h('button', { type: 'submit' });
  const dialog = h('dialog', { 'aria-labelledby': `${id}-clause` }, clauseTitle, clauseZh, clauseEn, h('form', { method: 'dialog' }, clauseClose));
  const root = h('div', { class: 'xc-app' },
    h('header', { class: 'bar' }, title, h('div', { class: 'bar-controls' }, policyLabel, policySelect, langButton)),
    notice, tabs, main, h('footer', { class: 'foot' }, ref, privacy, dataBar), dialog);
  replace(host, ...(o.page ? [] : []), root);
  replace(main, h('div', { class: 'skeleton', 'aria-busy': 'true' }, h('div', { class: 'skeleton-line' }), h('div', { class: 'skeleton-line short' })));

  let api;
  try {
    api = await ready();
  } catch (e) {
    replace(main, h('p', { class: 'error', role: 'alert' }, t('loadFailed', { msg: String(e.message || e) })));
    return null;
  }

  let policyInfo = null;
  let mounting = false;
  let mounts = 0; // generation of mountAll, to drop stale deferred mounts
  const pending = new Map(); // tool id → its deferred mount
  const policyInput = () => (o.policyDocument ? o.policyDocument : state.policy);
  const say = (text) => { notice.textContent = text; notice.hidden = !text; };

  const ctx = {
    api,
    t,
    locale: () => getLocale(),
    policy: policyInput,
    policyInfo: () => policyInfo,
    data(toolId, initial) {
      state.tools[toolId] ??= structuredClone(initial);
      return state.tools[toolId];
    },
    // Tools save after every change; saves while (re)mounting would only write back what was
    // just loaded — or, after "clear my data", write the defaults back.
    save: () => !mounting && store.save(state, key),
    say,
    showClause,
    clauseButton: (clause) => h('button', { type: 'button', class: 'clause', 'aria-haspopup': 'dialog', title: t('clause', { id: clause }), onclick: () => showClause(clause) }, clause),
  };

  function showClause(clause) {
    // "XYU-12.7(2)" is quoted under "XYU-12.7"; "LX-5.4(3)" under "LX-5.4".
    const text = policyInfo?.clauses?.[clause] ?? policyInfo?.clauses?.[clause.replace(/\(\d+\)$/, '')];
    clauseTitle.textContent = t('clause', { id: clause });
    clauseZh.textContent = text ? text.zh : t('clauseMissing');
    clauseEn.textContent = text ? text.en : '';
    clauseEn.hidden = !text;
    clauseClose.textContent = t('close');
    dialog.showModal();
  }

  function chrome() {
    const lang = getLocale();
    host.lang = lang;
    if (o.page) {
      document.documentElement.lang = lang;
      document.title = `${t('title')} · exchange-calc`;
    }
    title.textContent = t('title');
    policyLabel.textContent = t('policy');
    langButton.textContent = t('langSwitch');
    langButton.lang = lang === 'en' ? 'zh-CN' : 'en';
    privacy.textContent = t('privacy');
    const options = api.policies().map((p) => h('option', { value: p.id, selected: !o.policyDocument && p.id === state.policy }, lang === 'en' ? p.titleEn : p.title));
    if (o.policyDocument && policyInfo) options.unshift(h('option', { value: '', selected: true }, `${lang === 'en' ? policyInfo.titleEn : policyInfo.title} *`));
    replace(policySelect, options);
    ref.textContent = policyInfo ? t('policyRef', { title: lang === 'en' ? policyInfo.titleEn : policyInfo.title, id: policyInfo.id, hash: policyInfo.hash }) : '';
    const file = h('input', { type: 'file', accept: 'application/json,.json', class: 'sr-only', tabindex: '-1', 'aria-hidden': 'true', onchange: importState });
    replace(dataBar, h('span', { class: 'muted' }, `${t('yourData')}: `),
      h('button', { type: 'button', onclick: exportState }, t('exportData')),
      h('button', { type: 'button', onclick: () => file.click() }, t('importData')), file,
      h('button', { type: 'button', onclick: clearState }, t('clearData')),
      h('button', { type: 'button', onclick: () => window.print() }, t('print')));
  }

  function renderTabs() {
    replace(tabs, tools.map((tool) => h('button', {
      type: 'button', role: 'tab', id: `${id}-tab-${tool.id}`, 'aria-controls': `${id}-panel-${tool.id}`,
      'aria-selected': String(tool.id === state.tab), tabindex: tool.id === state.tab ? '0' : '-1',
      'data-tool': tool.id, onclick: () => select(tool.id, true), onkeydown: onTabKey,
    }, t(`tab.${tool.id}`))));
    tabs.hidden = tools.length < 2;
  }

  function onTabKey(ev) {
    const i = tools.findIndex((x) => x.id === state.tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tools.length - 1 }[ev.key];
    if (next === undefined) return;
    ev.preventDefault();
    select(tools[(next + tools.length) % tools.length].id, true);
  }

  function select(toolId, focus) {
    ensureMounted(toolId);
    state.tab = toolId;
    store.save(state, key);
    for (const tool of tools) {
      const on = tool.id === toolId;
      const tab = tabs.querySelector(`[data-tool="${tool.id}"]`);
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      main.querySelector(`[data-panel="${tool.id}"]`).hidden = !on;
    }
    if (focus) tabs.querySelector(`[data-tool="${toolId}"]`).focus();
  }

  function mountAll() {
    try {
      policyInfo = api.describePolicy({ policy: policyInput(), locale: getLocale() });
    } catch (e) {
      policyInfo = null;
      say(e.message);
    }
    chrome();
    renderTabs();
    // The visible tool is mounted now; the others right after the first paint (or at once when
    // their tab is chosen), so the first result does not wait for six tools nobody looks at yet.
    const presets = api.policies();
    const generation = ++mounts;
    replace(main, tools.map((tool) => {
      const panel = h('section', { id: `${id}-panel-${tool.id}`, 'data-panel': tool.id, role: 'tabpanel', 'aria-labelledby': `${id}-tab-${tool.id}`, class: 'panel', hidden: tools.length > 1 && tool.id !== state.tab });
      pending.set(tool.id, () => mountOne(tool, panel, presets));
      return panel;
    }));
    ensureMounted(state.tab);
    const later = window.requestIdleCallback ?? ((fn) => setTimeout(fn, 50));
    later(() => {
      if (generation !== mounts) return; // remounted meanwhile (language or policy changed)
      for (const tool of tools) ensureMounted(tool.id);
      host.dataset.allMounted = 'true';
    }, { timeout: 1000 });
  }

  function mountOne(tool, panel, presets) {
    mounting = true;
    try {
      tool.mount(panel, ctx);
      if (tool.requires && policyInfo && !policyInfo[tool.requires]) panel.prepend(switchNotice(tool.requires, presets));
    } catch (e) {
      // One broken tool must not take the others down.
      replace(panel, h('p', { class: 'error', role: 'alert' }, String(e.message || e)));
    } finally {
      mounting = false;
    }
  }

  function ensureMounted(toolId) {
    const mount = pending.get(toolId);
    if (!mount) return;
    pending.delete(toolId);
    mount();
  }

  /** For a tool whose rules the chosen policy lacks: say so first, and offer the presets that have them. */
  function switchNotice(section, presets) {
    const lang = getLocale();
    const having = presets.filter((p) => p.id !== state.policy && safe(() => api.describePolicy({ policy: p.id })[section]));
    return h('div', { class: 'notice switch-notice', role: 'note' }, t('needsPolicy'), ' ',
      having.map((p) => h('button', { type: 'button', onclick: () => choosePolicy(p.id) }, t('switchTo', { title: lang === 'en' ? p.titleEn : p.title }))));
  }

  function choosePolicy(policyId) {
    o.policyDocument = null;
    state.policy = policyId;
    ctx.save();
    mountAll();
    tabs.querySelector(`[data-tool="${state.tab}"]`)?.focus();
  }

  function safe(fn) {
    try { return fn(); } catch { return null; }
  }

  function exportState() {
    const blob = new Blob([JSON.stringify({ app: 'exchange-calc', version: 1, exported: new Date().toISOString(), state }, null, 2)], { type: 'application/json' });
    const a = h('a', { href: URL.createObjectURL(blob), download: 'exchange-calc-data.json' });
    root.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  async function importState(ev) {
    const f = ev.target.files?.[0];
    if (!f) return;
    try {
      const doc = JSON.parse(await f.text());
      const next = doc?.state;
      if (doc?.app !== 'exchange-calc' || !next || typeof next !== 'object' || typeof next.tools !== 'object') throw new Error('not an exchange-calc export');
      Object.assign(state, defaults, next);
      setLocale(state.lang);
      ctx.save();
      mountAll();
      say(t('imported'));
    } catch (e) {
      say(t('importFailed', { msg: e.message }));
    }
  }

  function clearState() {
    if (!window.confirm(t('clearConfirm'))) return;
    store.clearAll(key);
    Object.assign(state, structuredClone(defaults));
    mountAll();
    say(t('cleared'));
  }

  langButton.addEventListener('click', () => {
    state.lang = getLocale() === 'en' ? 'zh-CN' : 'en';
    setLocale(state.lang);
    ctx.save();
    mountAll();
    langButton.focus();
  });
  policySelect.addEventListener('change', () => {
    if (!policySelect.value) return;
    choosePolicy(policySelect.value);
    policySelect.focus();
  });

  if (!api.policies().some((p) => p.id === state.policy)) state.policy = defaults.policy;
  mountAll();
  if (saved.problem) say(t('corrupt', { key: saved.problem.key }));
  host.dataset.ready = 'true';
  return { ctx, state, remount: mountAll };
}
