// The app shell: loads the wasm once, wires language, policy, tabs, autosave and the clause
// dialog, and mounts one module per tool. Tools only call the API and render with dom.js.
import init, * as api from '../pkg/exchange_calc.js';
import { h, replace } from './dom.js';
import { t, setLocale, getLocale } from './i18n.js';
import * as store from './store.js';
import { tools } from './tools/index.js';

const defaults = { lang: 'zh-CN', policy: 'xinyu-2022', tab: tools[0].id, tools: {} };
const $ = (id) => document.getElementById(id);

let state;
let policyInfo = null; // describePolicy() of the current policy: clause texts, hash

/** What every tool gets. */
const ctx = {
  api,
  t,
  locale: () => getLocale(),
  policy: () => state.policy,
  policyInfo: () => policyInfo,
  /** The tool's own saved state (an object it may mutate, then call save()). */
  data(id, initial) {
    state.tools[id] ??= structuredClone(initial);
    return state.tools[id];
  },
  save: () => store.save(state),
  showClause,
  clauseButton,
};

function showClause(id) {
  const dlg = $('clause-dialog');
  // "XYU-12.7(2)" is quoted under "XYU-12.7"; "LX-5.4(3)" under "LX-5.4".
  const key = id.replace(/\(\d+\)$/, '');
  const text = policyInfo?.clauses?.[key];
  $('clause-title').textContent = t('clause', { id });
  $('clause-zh').textContent = text ? text.zh : t('clauseMissing');
  $('clause-en').textContent = text ? text.en : '';
  $('clause-en').hidden = !text;
  $('clause-close').textContent = t('close');
  dlg.showModal();
}

/** A button that names a clause and opens its quoted text. */
function clauseButton(id) {
  return h('button', { type: 'button', class: 'clause', onclick: () => showClause(id), 'aria-haspopup': 'dialog', title: t('clause', { id }) }, id);
}

function renderChrome() {
  const lang = getLocale();
  document.documentElement.lang = lang;
  document.title = `${t('title')} · exchange-calc`;
  $('app-title').textContent = t('title');
  $('policy-label').textContent = t('policy');
  const sw = $('lang-switch');
  sw.textContent = t('langSwitch');
  sw.lang = lang === 'en' ? 'zh-CN' : 'en';
  document.querySelector('.skip').textContent = t('skip');
  $('privacy').textContent = t('privacy');
  const sel = $('policy-select');
  replace(sel, api.policies().map((p) => h('option', { value: p.id, selected: p.id === state.policy }, `${lang === 'en' ? p.titleEn : p.title}`)));
  $('policy-ref').textContent = policyInfo
    ? t('policyRef', { title: lang === 'en' ? policyInfo.titleEn : policyInfo.title, id: policyInfo.id, hash: policyInfo.hash })
    : '';
}

function renderTabs() {
  const nav = $('tabs');
  replace(nav, tools.map((tool) => h('button', {
    type: 'button', role: 'tab', id: `tab-${tool.id}`, 'aria-controls': `panel-${tool.id}`,
    'aria-selected': String(tool.id === state.tab), tabindex: tool.id === state.tab ? '0' : '-1',
    onclick: () => selectTab(tool.id, true),
    onkeydown: onTabKey,
  }, t(`tab.${tool.id}`))));
}

function onTabKey(ev) {
  const i = tools.findIndex((x) => x.id === state.tab);
  const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tools.length - 1 }[ev.key];
  if (next === undefined) return;
  ev.preventDefault();
  selectTab(tools[(next + tools.length) % tools.length].id, true);
}

function selectTab(id, focus) {
  state.tab = id;
  store.save(state);
  for (const tool of tools) {
    const on = tool.id === id;
    const tab = $(`tab-${tool.id}`);
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(`panel-${tool.id}`).hidden = !on;
  }
  if (focus) $(`tab-${id}`).focus();
}

function mountAll() {
  policyInfo = safe(() => api.describePolicy({ policy: state.policy }), null);
  renderChrome();
  renderTabs();
  const main = $('main');
  replace(main, tools.map((tool) => {
    const panel = h('section', { id: `panel-${tool.id}`, role: 'tabpanel', 'aria-labelledby': `tab-${tool.id}`, class: 'panel', hidden: tool.id !== state.tab });
    try {
      tool.mount(panel, ctx);
    } catch (e) {
      // One broken tool must not take the others down.
      replace(panel, h('p', { class: 'error', role: 'alert' }, String(e.message || e)));
    }
    return panel;
  }));
}

function safe(fn, fallback) {
  try { return fn(); } catch { return fallback; }
}

async function start() {
  const saved = store.load(defaults);
  state = saved.state;
  if (!tools.some((x) => x.id === state.tab)) state.tab = tools[0].id;
  setLocale(state.lang);
  try {
    await init();
  } catch (e) {
    replace($('main'), h('p', { class: 'error', role: 'alert' }, t('loadFailed', { msg: String(e.message || e) })));
    return;
  }
  if (!api.policies().some((p) => p.id === state.policy)) state.policy = defaults.policy;
  if (saved.problem) {
    const n = $('notice');
    n.textContent = t('corrupt', { key: saved.problem.key });
    n.hidden = false;
  }
  $('lang-switch').addEventListener('click', () => {
    state.lang = getLocale() === 'en' ? 'zh-CN' : 'en';
    setLocale(state.lang);
    store.save(state);
    mountAll();
    $('lang-switch').focus();
  });
  $('policy-select').addEventListener('change', (ev) => {
    state.policy = ev.target.value;
    store.save(state);
    mountAll();
    $('policy-select').focus();
  });
  mountAll();
  document.body.dataset.ready = 'true';
}

start();
