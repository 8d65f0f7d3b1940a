// The app shell: builds the whole UI inside `host` (the page's <div id="app">, or a custom
// element's shadow root), wires language, policy, tabs, autosave, "your data" and the clause
// dialog, and mounts one module per tool. Ids, language and strings are per instance, so
// several can share a page.
//
// Staged loading (js/wasm.js): the shell and the grades tool render from the small grades
// module; the full module and the other tools' code come when another tool is opened or the
// browser is idle, whichever is first (never, on their own, for an embed that shows only the
// grades tool). A tool opened before they arrive shows its skeleton and fills in.
import { h, replace, nextId, filePicker } from './dom.js';
import { translator, toLocale, dict as shellDict } from './i18n.js';
import { dict as errorsDict } from './errors.js';
import { grouped, today } from './format.js';
import * as store from './store.js';
import { download } from './csv.js';
import { clauseText } from './clauses.js';
import { tools as allTools } from './tools/index.js';
import { grades as gradesModule, full as fullModule, fullIfLoaded } from './wasm.js';

/** The shell's dictionaries; each tool brings its own as it loads (tests/pages/i18n.test.mjs). */
export const baseDictionaries = [shellDict, errorsDict];

/**
 * @param {HTMLElement} host where to render
 * @param {object} [o]
 * @param {string} [o.policy] initial policy id
 * @param {object} [o.policyDocument] a university's own policy or overrides (from policy-src)
 * @param {{ key: string, vars: object }[]} [o.warnings] notices to show from the start (a policy-src that could not be read)
 * @param {string} [o.lang] 'zh-CN' | 'en'
 * @param {string[]} [o.tools] tool ids to show (default: all)
 * @param {string} [o.storageKey] where to autosave
 * @param {boolean} [o.page] true when the app owns the whole page (landmarks, <html lang>, title)
 * @returns {Promise<null | { ctx: object, state: object, remount: () => void, warnings: object[] }>} null when the wasm could not load
 */
export async function createApp(host, o = {}) {
  const tools = o.tools?.length ? allTools.filter((x) => o.tools.includes(x.id)) : allTools;
  const key = o.storageKey ?? 'exchange-calc:v1';
  const defaults = { lang: toLocale(o.lang), policy: o.policy ?? 'xinyu-2022', tab: tools[0]?.id, tools: {} };
  const saved = store.load(defaults, key);
  const state = saved.state;
  if (o.lang) state.lang = o.lang;
  state.lang = toLocale(state.lang);
  if (!tools.some((x) => x.id === state.tab)) state.tab = tools[0]?.id;
  const dictionaries = [...baseDictionaries];
  let t = translator(state.lang, dictionaries);
  const id = nextId('xc');
  const page = !!o.page;
  const warnings = [...(o.warnings ?? [])];

  const title = h('h1', { id: `${id}-title` });
  // The policies as radio buttons, not a select: a policy's title is long (33 characters for
  // the GDUT plan) and a select cannot wrap it, so on a phone it was cut off.
  const policyLegend = h('legend');
  const policyChoices = h('div', { class: 'policy-choices' });
  const policyBox = h('fieldset', { class: 'bar-policy', 'aria-describedby': `${id}-ref` }, policyLegend, policyChoices);
  const langButton = h('button', { type: 'button', class: 'lang' });
  const notice = h('p', { class: 'notice', role: 'status', hidden: true });
  const warningBox = h('div', { class: 'warnings' });
  const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-labelledby': `${id}-title` });
  const tabsNav = page ? h('nav', { class: 'tabs-nav' }, tabs) : h('div', { class: 'tabs-nav' }, tabs);
  const panels = h('div', { class: 'panels' });
  // The page's skip link goes to #main: past the title, the controls and the tabs.
  const main = h(page ? 'main' : 'div', { id: page ? 'main' : `${id}-main`, class: 'xc-main', tabindex: '-1' }, warningBox, notice, panels);
  const ref = h('p', { id: `${id}-ref`, class: 'policy-ref' });
  const privacy = h('p', { class: 'privacy' });
  const dataBar = h('div', { class: 'data-bar' });
  const clauseTitle = h('h2', { id: `${id}-clause` });
  const clauseZh = h('p', { lang: 'zh-CN' });
  const clauseEn = h('p', { lang: 'en' });
  const clauseClose = h('button', { type: 'submit' });
  const dialog = h('dialog', { 'aria-labelledby': `${id}-clause` }, clauseTitle, clauseZh, clauseEn, h('form', { method: 'dialog' }, clauseClose));
  // The resolved policy in words (policy-view.js), from the footer.
  // Loaded when first opened: it reads the full module's describePolicy, and it is not part of
  // the first result.
  let rules = null;
  const rulesButton = h('button', { type: 'button', class: 'link rules-open', 'aria-haspopup': 'dialog', onclick: () => openRules() });
  // On its own page the app is header, nav, main and footer; embedded, one labelled region
  // (the host page has its own landmarks).
  const root = h(page ? 'div' : 'section', { class: 'xc-app', 'aria-labelledby': page ? null : `${id}-title` },
    h(page ? 'header' : 'div', { class: 'bar' }, h('div', { class: 'bar-top' }, title, langButton), policyBox),
    tabsNav, main, h(page ? 'footer' : 'div', { class: 'foot' }, ref, h('p', {}, rulesButton), privacy, dataBar), dialog);
  replace(host, root);
  replace(panels, h('div', { class: 'skeleton', 'aria-busy': 'true' }, h('div', { class: 'skeleton-line' }), h('div', { class: 'skeleton-line short' })));

  const modules = new Map(); // tool id → its loaded module
  let fullApi = fullIfLoaded(); // the full module's exports, once here
  let fullLoading = null;
  const whenFull = []; // what waits for the full module (the grades tool's datalist, …)
  const byId = (toolId) => tools.find((x) => x.id === toolId) ?? allTools.find((x) => x.id === toolId);

  // The first answers come from the grades module, unless what is on screen first needs the
  // full one anyway (a university's own policy, or a saved tab of another tool).
  let api;
  try {
    api = await (o.policyDocument || byId(state.tab)?.wasm === 'full' ? bringFull() : gradesModule());
  } catch (e) {
    host.lang = state.lang;
    replace(panels, h('p', { class: 'error', role: 'alert' }, t('loadFailed', { msg: String(e.message || e) })));
    return null;
  }

  let policyInfo = null;
  let badDocument = null; // a policyDocument the API refused: the preset is used, and a notice says why
  let mounting = false;
  let mounts = 0; // generation of mountAll, to drop stale deferred mounts
  const pending = new Map(); // tool id → its deferred mount
  const policyInput = () => (o.policyDocument ? o.policyDocument : state.policy);
  const say = (text) => { notice.textContent = text; notice.hidden = !text; };

  // The tools' t: always the current language (a language switch remounts them with it).
  const tr = (k, vars) => t(k, vars);
  tr.has = (k) => t.has(k);
  tr.nodes = (k, vars) => t.nodes(k, vars);
  Object.defineProperty(tr, 'locale', { get: () => t.locale });
  const ctx = {
    /** The API: the full module once it is here, else the grades module (same answers). */
    get api() { return fullApi ?? api; },
    /** The full module, loading it if need be (a tool's part that only it answers). */
    full: () => bringFull(),
    /** Runs `fn` once the full module is here (at once if it is). */
    whenFull(fn) { if (fullApi) fn(fullApi); else whenFull.push(fn); },
    t: tr,
    locale: () => state.lang,
    policy: policyInput,
    policyInfo: () => policyInfo,
    /** An exact decimal string with the locale's digit grouping, for display only. */
    fmt: (text) => grouped(text, state.lang),
    today,
    /** The tool modules loaded so far, in tab order (the summary reads the others' parts). */
    get tools() { return tools.map((x) => modules.get(x.id)).filter(Boolean); },
    data(toolId, initial) {
      state.tools[toolId] ??= structuredClone(typeof initial === 'function' ? initial() : initial);
      return state.tools[toolId];
    },
    // Tools save after every change; saves while (re)mounting would only write back what was
    // just loaded — or, after "clear my data", write the defaults back.
    save: () => !mounting && store.save(state, key),
    say,
    showClause,
    clauseButton: (clause) => h('button', { type: 'button', class: 'clause', 'aria-haspopup': 'dialog', title: t('clause', { id: clause }), onclick: () => showClause(clause) }, clause),
    select: (toolId) => select(toolId, true),
  };

  function showClause(clause) {
    // The quoted texts are the full module's describePolicy: fetched first if need be.
    if (!policyInfo && !fullApi) { bringFull().then(() => showClause(clause), () => {}); return; }
    const text = clauseText(policyInfo, clause);
    clauseTitle.textContent = t('clause', { id: clause });
    clauseZh.textContent = text ? text.zh : t('clauseMissing');
    clauseEn.textContent = text ? text.en : '';
    clauseEn.hidden = !text;
    clauseClose.textContent = t('close');
    dialog.showModal();
  }

  function chrome() {
    const lang = state.lang;
    host.lang = lang;
    if (page) {
      document.documentElement.lang = lang;
      document.title = `${t('title')} · exchange-calc`;
    }
    if (page) tabsNav.setAttribute('aria-label', t('tools'));
    title.textContent = t('title');
    policyLegend.textContent = t('policy');
    langButton.textContent = t('langSwitch');
    langButton.lang = lang === 'en' ? 'zh-CN' : 'en';
    privacy.textContent = t('privacy');
    rulesButton.textContent = t('pv.open');
    const titleOf = (p) => (lang === 'en' ? p.titleEn : p.title);
    const choice = (value, text, checked) => h('label', { class: 'choice policy-choice' },
      h('input', { type: 'radio', name: `${id}-policy`, value, checked, onchange: () => { if (value) { choosePolicy(value); focusPolicy(value); } } }), h('span', {}, text));
    const presets = api.policies();
    const choices = presets.map((p) => choice(p.id, titleOf(p), !o.policyDocument && p.id === state.policy));
    // A university's own policy (policy-src) comes first, marked with *.
    if (o.policyDocument && policyInfo) choices.unshift(choice('', `${titleOf(policyInfo)} *`, true));
    replace(policyChoices, choices);
    const named = policyNamed();
    ref.textContent = named ? t('policyRef', { title: titleOf(named), id: named.id, hash: named.hash }) : '';
    replace(warningBox, warnings.map((w) => h('p', { class: 'notice', role: 'note', 'data-warning': w.code },
      t(w.key, { ...w.vars, title: named ? titleOf(named) : state.policy, msg: w.code === 'policy_invalid' ? invalidMessage() : w.vars?.msg }))));
    replace(dataBar, h('span', { class: 'muted' }, `${t('yourData')}: `),
      h('button', { type: 'button', onclick: exportState }, t('exportData')),
      filePicker({ label: t('importData'), accept: 'application/json,.json', onFile: importState }),
      h('button', { type: 'button', onclick: clearState }, t('clearData')),
      h('button', { type: 'button', class: 'print', onclick: () => window.print() }, t('print')));
  }

  async function openRules() {
    const [view] = await Promise.all([import('./policy-view.js'), bringFull()]);
    if (!rules) {
      dictionaries.push(view.dict);
      t = translator(state.lang, dictionaries);
      rules = view.policyDialog();
      root.append(rules.dialog);
    }
    if (policyInfo) rules.open({ info: policyInfo, read: view.readParameters(fullApi, policyInput(), policyInfo), overrides: o.policyDocument, t });
  }

  /** The policy in use as `{ id, title, titleEn, hash }`: described by the full module, or,
   * before it is here, the preset's entry in `policies()` (same id and hash). */
  function policyNamed() {
    return policyInfo ?? (o.policyDocument ? null : api.policies().find((p) => p.id === state.policy)) ?? null;
  }

  /** The API's reasons for refusing the university's policy, in the current language. */
  function invalidMessage() {
    try { fullApi?.describePolicy({ policy: badDocument, locale: state.lang }); } catch (e) { return e.message; }
    return '';
  }

  function renderTabs() {
    replace(tabs, tools.map((tool) => h('button', {
      type: 'button', role: 'tab', id: `${id}-tab-${tool.id}`, 'aria-controls': `${id}-panel-${tool.id}`,
      'aria-selected': String(tool.id === state.tab), tabindex: tool.id === state.tab ? '0' : '-1',
      'data-tool': tool.id, onclick: () => select(tool.id, true), onkeydown: onTabKey,
    }, t(`tab.${tool.id}`))));
    tabsNav.hidden = tools.length < 2;
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
      panels.querySelector(`[data-panel="${tool.id}"]`).hidden = !on;
    }
    // The summary reads the other tools' saved answers: fresh each time it is shown.
    if (toolId === 'summary') remountOne('summary');
    if (focus) tabs.querySelector(`[data-tool="${toolId}"]`).focus();
  }

  function describe() {
    if (!fullApi) { policyInfo = null; return null; }
    try {
      policyInfo = fullApi.describePolicy({ policy: policyInput(), locale: state.lang });
    } catch (e) {
      policyInfo = null;
      if (o.policyDocument) {
        // The university's policy is refused: the calculator still works, on the preset.
        badDocument = o.policyDocument;
        o.policyDocument = null;
        if (!warnings.some((w) => w.code === 'policy_invalid')) warnings.push({ code: 'policy_invalid', key: 'policyInvalid', vars: {}, reason: e.message });
        return describe();
      }
      say(e.message);
    }
    return policyInfo;
  }

  function mountAll() {
    t = translator(state.lang, dictionaries);
    describe();
    chrome();
    renderTabs();
    // The visible tool is mounted now (or as soon as its code and module are here); the others
    // when the browser is idle (or at once when their tab is chosen), so the first result does
    // not wait for tools nobody looks at yet.
    const generation = ++mounts;
    replace(panels, tools.map((tool) => {
      const panel = h('section', { id: `${id}-panel-${tool.id}`, 'data-panel': tool.id, role: 'tabpanel', 'aria-labelledby': `${id}-tab-${tool.id}`, class: 'panel', hidden: tools.length > 1 && tool.id !== state.tab },
        h('div', { class: 'skeleton', 'aria-busy': 'true' }, h('div', { class: 'skeleton-line' }), h('div', { class: 'skeleton-line' }), h('div', { class: 'skeleton-line short' })));
      pending.set(tool.id, () => mountWhenHere(tool, panel, generation));
      return panel;
    }));
    ensureMounted(state.tab);
    // An embed of the grades tool alone never fetches the rest on its own.
    if (tools.every((x) => x.wasm === 'grades')) return;
    const later = window.requestIdleCallback ?? ((fn) => setTimeout(fn, 50));
    later(() => {
      if (generation !== mounts) return; // remounted meanwhile (language or policy changed)
      const ahead = tools.filter((tool) => !tool.office);
      for (const tool of ahead) ensureMounted(tool.id);
      Promise.all(ahead.map((tool) => bringIn(tool))).then(() => { if (generation === mounts) host.dataset.allMounted = 'true'; }, () => {});
    }, { timeout: 1000 });
  }

  /** The full module, once per app: then the policy is described and what waited is done. */
  function bringFull() {
    fullLoading ??= fullModule().then((m) => {
      const first = !fullApi;
      fullApi = m;
      if (first && api) fullArrived();
      return m;
    });
    return fullLoading;
  }

  function fullArrived() {
    describe();
    chrome();
    for (const fn of whenFull.splice(0)) fn(fullApi);
    // A tool mounted before the policy was described (the grades tool under a policy with no
    // grade table) gets its switch notice now.
    for (const tool of tools) {
      const panel = panels.querySelector(`[data-panel="${tool.id}"][data-ready="true"]`);
      const mod = modules.get(tool.id);
      if (panel && mod?.requires && policyInfo && !policyInfo[mod.requires] && !panel.querySelector('.switch-notice')) {
        panel.prepend(switchNotice(mod.requires, api.policies()));
      }
    }
  }

  /** A tool's code, the modules it reads from, and the full wasm if it needs it. */
  function bringIn(tool) {
    const uses = (tool.uses ?? []).map(byId).filter(Boolean);
    return Promise.all([loadTool(tool), ...uses.map(loadTool), tool.wasm === 'full' ? bringFull() : null]);
  }

  async function loadTool(tool) {
    if (!modules.has(tool.id)) {
      const mod = await tool.load();
      if (!modules.has(tool.id)) {
        modules.set(tool.id, mod);
        dictionaries.push(mod.dict);
        t = translator(state.lang, dictionaries);
      }
    }
    return modules.get(tool.id);
  }

  function mountWhenHere(tool, panel, generation) {
    const here = modules.has(tool.id) && (tool.uses ?? []).every((u) => modules.has(u)) && (tool.wasm !== 'full' || fullApi);
    if (here) { mountOne(tool, panel); return; }
    bringIn(tool).then(() => {
      if (generation === mounts && !panel.dataset.ready) mountOne(tool, panel);
    }, (e) => {
      if (generation === mounts) replace(panel, h('p', { class: 'error', role: 'alert' }, t('loadFailed', { msg: String(e.message || e) })));
    });
  }

  function mountOne(tool, panel) {
    const mod = modules.get(tool.id);
    mounting = true;
    try {
      mod.mount(panel, ctx);
      panel.dataset.ready = 'true';
      if (mod.requires && policyInfo && !policyInfo[mod.requires]) panel.prepend(switchNotice(mod.requires, api.policies()));
    } catch (e) {
      // One broken tool must not take the others down.
      replace(panel, h('p', { class: 'error', role: 'alert' }, String(e.message || e)));
    } finally {
      mounting = false;
    }
  }

  function remountOne(toolId) {
    const tool = tools.find((x) => x.id === toolId);
    const panel = panels.querySelector(`[data-panel="${toolId}"]`);
    if (tool && panel?.dataset.ready) { pending.delete(toolId); mountOne(tool, panel); }
  }

  function ensureMounted(toolId) {
    const mount = pending.get(toolId);
    if (!mount) return;
    pending.delete(toolId);
    mount();
  }

  /** For a tool whose rules the chosen policy lacks: say so first, and offer the presets that have them. */
  function switchNotice(section, presets) {
    const lang = state.lang;
    const having = presets.filter((p) => p.id !== state.policy && safe(() => fullApi.describePolicy({ policy: p.id })[section]));
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
    download('exchange-calc-data.json', JSON.stringify({ app: 'exchange-calc', version: 1, exported: new Date().toISOString(), state }, null, 2), 'application/json');
  }

  async function importState(f) {
    let doc;
    try {
      doc = JSON.parse(await f.text());
    } catch {
      say(t('importFailed', { msg: t('notJson') }));
      return;
    }
    const next = doc?.state;
    if (doc?.app !== 'exchange-calc' || !next || typeof next !== 'object' || typeof next.tools !== 'object') {
      say(t('importFailed', { msg: t('notExport') }));
      return;
    }
    Object.assign(state, structuredClone(defaults), next);
    state.lang = toLocale(state.lang);
    ctx.save();
    mountAll();
    say(t('imported'));
  }

  function clearState() {
    if (!window.confirm(t('clearConfirm'))) return;
    store.clearAll(key);
    Object.assign(state, structuredClone(defaults));
    mountAll();
    say(t('cleared'));
  }

  langButton.addEventListener('click', () => {
    state.lang = state.lang === 'en' ? 'zh-CN' : 'en';
    ctx.save();
    mountAll();
    langButton.focus();
  });
  function focusPolicy(value) {
    policyChoices.querySelector(`input[value="${value}"]`)?.focus();
  }

  if (!api.policies().some((p) => p.id === state.policy)) state.policy = defaults.policy;
  await loadTool(byId(state.tab));
  mountAll();
  if (saved.problem) say(t('corrupt'));
  host.dataset.ready = 'true';
  const named = policyNamed();
  return { ctx, state, remount: mountAll, warnings, policy: named && { id: named.id, hash: named.hash } };
}
