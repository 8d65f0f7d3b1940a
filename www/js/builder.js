// The embed builder (issue 18), for the university web editor: choose the regulation, the
// tools and the language, fill in this year's notice values, and take away an override file
// and a snippet. Every value is checked by the API itself (describePolicy: the same codes and
// words as invalid_policy, at its field); each shows its clause and a sample answer it
// changes; the preview is the real <exchange-calc> with the file in effect.
//
// state: what the editor chose (saved on this device); view: the DOM, rebuilt on a language
// switch; actions: update() recomputes the checks, the samples, the outputs and the preview.
import { h, replace, nextId } from './dom.js';
import { translator, toLocale, dict as shellDict } from './i18n.js';
import { loadAll } from './tools/index.js';

// Every tool module (their names, the sections they need, their words for the samples).
const allTools = await loadAll();
import { grouped } from './format.js';
import { download } from './csv.js';
import * as store from './store.js';
import { parameterKeys, parameterWords, parameterClause, clauseQuote, readParameters, policyDialog, dict as policyDict } from './policy-view.js';

export const dict = {
  'b.title': ['嵌入代码生成器', 'Embed builder'],
  'b.pageTitle': ['嵌入代码生成器 · 交换生计算器', 'Embed builder · Exchange calculator'],
  'b.intro': ['把交换生计算器放到学校网站上：选择依据的办法、要显示的工具和语言，填入今年项目通知中的数值。下面会生成一个参数文件和一段嵌入代码；把文件上传到网站，把代码粘贴到网页（源代码模式）即可。所有检查都在本机完成。',
    'Put the exchange calculator on your university\'s site: choose the regulation, the tools and the language, and fill in the values of this year\'s programme notice. You get a policy file and a snippet: upload the file to the site and paste the snippet into the page (in its HTML source view). Everything is checked on this device.'],
  'b.step.preset': ['1. 依据的办法', '1. The regulation'],
  'b.step.tools': ['2. 工具与语言', '2. Tools and language'],
  'b.step.values': ['3. 今年项目通知中的数值', '3. This year\'s notice'],
  'b.step.where': ['4. 文件放在哪里', '4. Where the file will be'],
  'b.step.out': ['5. 参数文件与嵌入代码', '5. The file and the snippet'],
  'b.step.preview': ['6. 预览：放到网页上的样子', '6. Preview: the calculator as it will look'],
  'b.presetLegend': ['办法（预设政策）', 'Regulation (preset)'],
  'b.toolsLegend': ['显示哪些工具（按此顺序成为标签页）', 'Which tools (tabs, in this order)'],
  'b.noRules': ['本办法没有这部分规定', 'this regulation has no rules for it'],
  'b.langLegend': ['计算器的语言', 'The calculator\'s language'],
  'b.lang.zh': ['中文', 'Chinese'],
  'b.lang.en': ['英文', 'English'],
  'b.lang.page': ['跟随网页的语言', 'The page\'s language'],
  'b.valuesIntro': ['办法把这些数值留给每年的通知。留空表示“未设定”：需要它的检查显示“待审核”，由学校决定。', 'The regulation leaves these to each year\'s notice. Leave one empty for "not set": a check that needs it then says "for review" and the school decides.'],
  'b.notOffered': ['本办法中没有规则读取这些参数，所以这里不提供：{list}。写进文件也不会生效，计算器会拒绝这样的文件。', 'No rule of this regulation reads these, so they are not offered here: {list}. Written into the file they would have no effect, and the calculator would refuse the file.'],
  'b.presetValue': ['预设值：{value}', 'Preset value: {value}'],
  'b.try': ['试一试：{what}', 'Try it: {what}'],
  'b.s.gpa': ['学生的绩点', 'a student\'s GPA'],
  'b.s.ielts': ['学生的雅思成绩', 'a student\'s IELTS score'],
  'b.s.toefl': ['学生的托福成绩', 'a student\'s TOEFL iBT score'],
  'b.s.hours': ['外方课程的学时数', 'a partner course\'s class hours'],
  'b.s.cost': ['学费（元）', 'tuition (CNY)'],
  'b.s.id': ['学号', 'a student id'],
  'b.s.verdict': ['申请资格：{verdict}', 'Eligibility: {verdict}'],
  'b.s.priority': ['优先考虑', 'Priority'],
  'b.s.noPriority': ['不标为优先', 'Not marked priority'],
  'b.s.credits': ['认定 {credits} 学分', 'Recognized as {credits} credits'],
  'b.s.funding': ['学校承担 {school} 元，个人承担 {student} 元', 'The school pays {school} CNY, the student {student} CNY'],
  'b.s.idOk': ['学号格式正确', 'The student id is in the right format'],
  'b.s.fixFirst': ['先改正上面的数值，才能试算。', 'Correct the value above to try it.'],
  'b.whereLabel': ['参数文件在网站上的地址', 'The file\'s address on your site'],
  'b.whereHint': ['把下载的文件上传到这个地址；嵌入代码会从这里读取它。默认放在计算器文件夹里。', 'Upload the downloaded file to this address; the snippet reads it from there. By default it sits in the calculator\'s folder.'],
  'b.whereEmpty': ['请填写文件地址', 'Enter the file\'s address'],
  'b.noTools': ['请至少选择一个工具', 'Choose at least one tool'],
  'b.problems': ['有 {n} 处问题：改正后才会生成参数文件和嵌入代码。', '{n} {n|problem|problems}: correct {n|it|them} to get the file and the snippet.'],
  'b.ready': ['数值都已检查通过。', 'Every value checks out.'],
  'b.hash': ['规则指纹（印在每份结果上）', 'Fingerprint (printed with every result)'],
  'b.printsAs': ['打印结果上会写：{line}', 'Printouts will say: {line}'],
  'b.fileHeading': ['参数文件 {name}', 'The policy file {name}'],
  'b.fileHint': ['只写与预设不同的数值；"$schema" 一行让编辑器（如 VS Code）检查并补全这个文件。', 'Only the values that differ from the preset; the "$schema" line lets editors such as VS Code check and complete the file.'],
  'b.nothingSet': ['这个文件没有改动任何数值：计算器按预设计算。', 'This file changes no value: the calculator uses the preset as it is.'],
  'b.download': ['下载参数文件', 'Download the file'],
  'b.snippetHeading': ['嵌入代码', 'The snippet'],
  'b.snippetHint': ['粘贴到网页中要显示计算器的位置（源代码模式）。', 'Paste it where the calculator should appear, in the page\'s HTML source view.'],
  'b.copy': ['复制嵌入代码', 'Copy the snippet'],
  'b.copied': ['已复制。', 'Copied.'],
  'b.copyFailed': ['无法自动复制：代码已选中，请按 Ctrl+C（Mac 上 ⌘C）。', 'Could not copy automatically: the snippet is selected, press Ctrl+C (⌘C on a Mac).'],
  'b.words': ['查看这些规则的全文', 'Read these rules in words'],
  'b.previewHint': ['这是真正的计算器，使用上面的数值；在这里输入的内容只保存在本机。', 'This is the real calculator with the values above; what you type here stays on this device.'],
  'b.foot': ['这个页面不会把任何内容发送到服务器。', 'Nothing on this page is sent to any server.'],
  'b.toApp': ['打开计算器', 'Open the calculator'],
  'b.loadFailed': ['计算模块加载失败：{msg}。请刷新页面重试。', 'The calculator module could not load: {msg}. Reload the page to try again.'],
};

const STORE = 'exchange-calc:builder';
/** What each parameter is tried on (sample() asks the API): the try-it label and its first value. */
const SAMPLES = {
  minGpa: { label: (t) => t('b.s.gpa'), value: '3.0' },
  priorityIelts: { label: (t) => t('b.s.ielts'), value: '6.5' },
  priorityToefl: { label: (t) => t('b.s.toefl'), value: '90' },
  hoursPerCredit: { label: (t) => t('b.s.hours'), value: '48' },
  schoolCapPerStudent: { label: (t) => t('b.s.cost'), value: '30000' },
  schoolShareRatio: { label: (t) => t('b.s.cost'), value: '30000' },
  studentIdPattern: { label: (t) => t('b.s.id'), value: '2026123456' },
};
// The other answers of the eligibility sample are "yes", so the value under test decides.
const APPLICANT = { enrolled: true, conductGood: true, healthy: true, canFund: true, yearOfStudy: 2, programYears: 4, semesters: 1 };

/** "16.0" and "16" are the same value (a file only says what differs from the preset). */
const sameValue = (a, b) => {
  const norm = (v) => (v === null || v === undefined ? null : String(v).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''));
  return norm(a) === norm(b);
};
const escapeAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Builds the builder into `host`.
 * @param {HTMLElement} host
 * @param {object} api the full module (describePolicy, checkEligibility, checkCredits, estimateFunding, validateField, policies)
 */
export function mountBuilder(host, api) {
  // --- state ------------------------------------------------------------------------------
  const presets = api.policies();
  const here = new URL(location.href);
  const defaults = {
    lang: toLocale(document.documentElement.lang),
    preset: presets[0].id,
    tools: null, // null: every tool the regulation has rules for
    embedLang: 'zh-CN',
    values: {}, // preset id → { parameter: text as typed }
    samples: Object.fromEntries(Object.entries(SAMPLES).map(([k, s]) => [k, s.value])),
    src: new URL('exchange-calc-policy.json', here).pathname,
  };
  // The app's store: a damaged save is set aside under `…:corrupt:<time>`, never thrown away.
  const saved = store.load(defaults, STORE);
  const state = saved.state;
  state.samples = { ...defaults.samples, ...state.samples };
  if (!presets.some((p) => p.id === state.preset)) state.preset = defaults.preset;
  const infoOf = new Map(); // preset id → { info, read }
  const preset = (id) => {
    if (!infoOf.has(id)) {
      const info = api.describePolicy({ policy: id });
      infoOf.set(id, { info, read: readParameters(api, id, info) });
    }
    return infoOf.get(id);
  };
  const values = () => {
    const { info } = preset(state.preset);
    state.values[state.preset] ??= Object.fromEntries(parameterKeys.map((k) => [k, info[k] === null ? '' : String(info[k])]));
    return state.values[state.preset];
  };
  const chosenTools = () => state.tools ?? allTools.filter((x) => !x.requires || preset(state.preset).info[x.requires]).map((x) => x.id);
  const schemaUrl = new URL('policy.schema.json', here).href;
  const elementUrl = new URL('js/element.js', here).pathname;

  const save = () => store.save(state, STORE);

  // --- view -------------------------------------------------------------------------------
  let t = translator(state.lang, [dict, policyDict, shellDict, ...allTools.map((x) => x.dict)]);
  const rules = policyDialog();
  let fields = {}; // parameter → { input, error, sample, sampleOut }
  let refs = {};
  let result = null; // the last update(): { file, info, snippet, problems }
  let previewKey = '';
  let previewTimer = 0;

  function render() {
    t = translator(state.lang, [dict, policyDict, shellDict, ...allTools.map((x) => x.dict)]);
    document.documentElement.lang = state.lang;
    document.title = t('b.pageTitle');
    const id = nextId('b');
    const card = (key, title, ...body) => h('section', { class: 'card', 'aria-labelledby': `${id}-${key}` }, h('h2', { id: `${id}-${key}` }, title), ...body);
    const radio = (name, value, checked, text, onchange) => h('label', { class: 'choice' }, h('input', { type: 'radio', name, value, checked, onchange }), h('span', {}, text));

    const langButton = h('button', { type: 'button', class: 'lang', lang: state.lang === 'en' ? 'zh-CN' : 'en', onclick: switchLanguage }, t('langSwitch'));
    const presetBox = h('fieldset', { class: 'b-set' }, h('legend', {}, t('b.presetLegend')),
      presets.map((p) => radio(`${id}-preset`, p.id, p.id === state.preset, [state.lang === 'en' ? p.titleEn : p.title, ' ', h('code', { class: 'nowrap' }, p.id)], () => choosePreset(p.id))));
    const toolsBox = h('fieldset', { class: 'b-set', 'aria-describedby': `${id}-tools-error` }, h('legend', {}, t('b.toolsLegend')),
      h('div', { class: 'b-tools' }, allTools.map((tool) => {
        const has = !tool.requires || preset(state.preset).info[tool.requires];
        return h('label', { class: 'choice' }, h('input', { type: 'checkbox', value: tool.id, checked: chosenTools().includes(tool.id), onchange: toggleTool }),
          h('span', {}, t(`tab.${tool.id}`), has ? null : h('span', { class: 'muted small' }, ` (${t('b.noRules')})`)));
      })),
      h('p', { class: 'field-error', id: `${id}-tools-error`, hidden: true }));
    const langBox = h('fieldset', { class: 'b-set' }, h('legend', {}, t('b.langLegend')), h('div', { class: 'choices' },
      [['zh-CN', t('b.lang.zh')], ['en', t('b.lang.en')], ['', t('b.lang.page')]].map(([v, text]) => radio(`${id}-lang`, v, state.embedLang === v, text, () => { state.embedLang = v; changed(); }))));

    const { info, read } = preset(state.preset);
    const offered = parameterKeys.filter((k) => read.has(k));
    const unread = parameterKeys.filter((k) => !read.has(k));
    fields = {};
    const params = offered.map((key) => {
      const [label, what] = parameterWords(t, key, info);
      const clause = parameterClause(info, key);
      const quote = clauseQuote(info, clause, state.lang);
      const f = {
        input: h('input', { type: 'text', id: `${id}-${key}`, name: key, value: values()[key], autocomplete: 'off', spellcheck: 'false',
          inputmode: key === 'studentIdPattern' ? null : 'decimal', 'aria-describedby': `${id}-${key}-error ${id}-${key}-hint`, oninput: onValue }),
        error: h('p', { class: 'field-error', id: `${id}-${key}-error`, hidden: true }),
        sample: h('input', { type: 'text', id: `${id}-${key}-try`, value: state.samples[key], autocomplete: 'off', class: 'b-try-input', oninput: onSample, 'data-param': key }),
        sampleOut: h('p', { class: 'b-try-out' }),
      };
      fields[key] = f;
      return h('div', { class: 'b-param', 'data-param': key },
        h('label', { for: f.input.id }, label, ' ', h('code', { class: 'b-key' }, key)),
        f.input, f.error,
        h('p', { class: 'small muted', id: `${id}-${key}-hint` }, what, info[key] === null ? null : ` ${t('b.presetValue', { value: info[key] })}`),
        clause ? h('div', { class: 'b-clause' }, h('span', { class: 'clause-id' }, clause),
          h('blockquote', { class: 'pw-quote', lang: state.lang }, quote ?? t('pv.clauseMissing')))
          : h('p', { class: 'small muted' }, t('pv.noClause')),
        h('div', { class: 'b-try' }, h('label', { for: f.sample.id }, t('b.try', { what: SAMPLES[key].label(t) })), f.sample, f.sampleOut));
    });
    const src = h('input', { type: 'text', id: `${id}-src`, class: 'b-src', value: state.src, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${id}-src-error ${id}-src-hint`,
      oninput: (ev) => { state.src = ev.target.value; changed(); } });
    refs = {
      toolsError: toolsBox.querySelector('.field-error'),
      src, srcError: h('p', { class: 'field-error', id: `${id}-src-error`, hidden: true }),
      status: h('p', { class: 'b-status', role: 'status' }),
      problems: h('ul', { class: 'b-problems' }),
      out: h('div', { class: 'b-out-body' }),
      preview: h('div', { class: 'b-preview-box' }),
    };
    const main = h('main', { id: 'main', class: 'b-main', tabindex: '-1' },
      saved.problem ? h('p', { class: 'notice', role: 'status', 'data-testid': 'b-corrupt' }, t('corrupt')) : null,
      h('p', { class: 'b-intro' }, t('b.intro')),
      h('div', { class: 'b-layout' },
        h('div', { class: 'b-form' },
          card('preset', t('b.step.preset'), presetBox),
          card('tools', t('b.step.tools'), toolsBox, langBox),
          card('values', t('b.step.values'), h('p', { class: 'small muted' }, t('b.valuesIntro')), params,
            unread.length ? h('p', { class: 'notice b-unread', role: 'note' }, t('b.notOffered', { list: unread.map((k) => `${parameterWords(t, k, info)[0]} (${k})`).join(state.lang === 'en' ? '; ' : '、') })) : null),
          card('where', t('b.step.where'), h('div', { class: 'field' }, h('label', { for: src.id }, t('b.whereLabel')), src, refs.srcError,
            h('p', { class: 'small muted', id: `${id}-src-hint` }, t('b.whereHint'))))),
        h('div', { class: 'b-out' }, card('out', t('b.step.out'), refs.status, refs.problems, refs.out))),
      card('preview', t('b.step.preview'), h('p', { class: 'small muted' }, t('b.previewHint')), refs.preview));
    replace(host, h('div', { class: 'xc-app builder' },
      h('header', { class: 'bar' }, h('div', { class: 'bar-top' }, h('h1', {}, t('b.title')), langButton)),
      main,
      h('footer', { class: 'foot' }, h('p', {}, t('b.foot'), ' ', h('a', { href: './' }, t('b.toApp')))),
      rules.dialog));
    previewKey = '';
    update();
    return langButton;
  }

  // --- actions ----------------------------------------------------------------------------
  function switchLanguage() {
    state.lang = state.lang === 'en' ? 'zh-CN' : 'en';
    save();
    render().focus();
  }

  function choosePreset(id) {
    state.preset = id;
    save();
    render();
    host.querySelector(`input[type=radio][value="${id}"]`)?.focus();
  }

  function toggleTool() {
    state.tools = [...host.querySelectorAll('.b-tools input:checked')].map((x) => x.value);
    changed();
  }

  function onValue(ev) {
    values()[ev.target.name] = ev.target.value;
    changed();
  }

  function onSample(ev) {
    state.samples[ev.target.dataset.param] = ev.target.value;
    save();
    trySamples();
  }

  function changed() {
    save();
    update();
  }

  /** The override as typed: every offered parameter, empty as null (unset). */
  function typed() {
    const { read } = preset(state.preset);
    const doc = { extends: state.preset };
    for (const key of parameterKeys.filter((k) => read.has(k))) {
      const text = values()[key] ?? '';
      doc[key] = text.trim() === '' ? null : text;
    }
    return doc;
  }

  /** Checks everything, fills the outputs, and queues the preview. */
  function update() {
    const locale = state.lang;
    const { info: base, read } = preset(state.preset);
    const doc = typed();
    let problems = [];
    let resolved = null;
    try {
      resolved = api.describePolicy({ policy: doc, locale });
    } catch (e) {
      problems = e.code === 'invalid_policy' ? e.problems.map((p) => ({ ...p, code: e.code })) : [{ path: e.field.replace(/^policy\.?/, ''), reason: e.message, code: e.code }];
    }
    // At its field, in the API's words; one field may have more than one.
    for (const [key, f] of Object.entries(fields)) {
      const mine = problems.filter((p) => p.path === key);
      f.error.textContent = mine.map((p) => p.reason).join(' ');
      f.error.hidden = !mine.length;
      f.input.setAttribute('aria-invalid', String(!!mine.length));
    }
    const own = [];
    const tools = chosenTools();
    refs.toolsError.textContent = tools.length ? '' : t('b.noTools');
    refs.toolsError.hidden = !!tools.length;
    if (!tools.length) own.push({ target: refs.toolsError.closest('fieldset').querySelector('input'), reason: t('b.noTools') });
    const src = state.src.trim();
    refs.srcError.textContent = src ? '' : t('b.whereEmpty');
    refs.srcError.hidden = !!src;
    refs.src.setAttribute('aria-invalid', String(!src));
    if (!src) own.push({ target: refs.src, reason: t('b.whereEmpty') });

    // In the order of the fields, as a reader goes down the page.
    const order = (p) => (parameterKeys.includes(p.path) ? parameterKeys.indexOf(p.path) : -1);
    const all = [...problems.sort((a, b) => order(a) - order(b)).map((p) => ({ ...p, target: fields[p.path]?.input })), ...own];
    replace(refs.problems, all.map((p) => h('li', {},
      p.target ? h('a', { href: `#${p.target.id}`, onclick: (ev) => { ev.preventDefault(); p.target.focus(); } }, p.path ? parameterWords(t, p.path, base)?.[0] ?? p.path : labelOf(p.target)) : p.path,
      p.path ? [' ', h('code', {}, p.path)] : null, `${state.lang === 'en' ? ': ' : '：'}${p.reason}`,
      p.code ? [' ', h('span', { class: 'muted small' }, `(${p.code})`)] : null)));
    refs.problems.hidden = !all.length;

    result = null;
    if (all.length) {
      refs.status.textContent = t('b.problems', { n: all.length });
      refs.status.className = 'b-status error';
      replace(refs.out);
    } else {
      // The file says only what differs from the preset, in the reader's own spelling of each
      // value ("３．２" → "3.2"); its hash is the one every printout of it carries.
      const file = { $schema: schemaUrl, extends: state.preset };
      for (const key of parameterKeys.filter((k) => read.has(k))) if (!sameValue(resolved[key], base[key])) file[key] = resolved[key];
      const info = api.describePolicy({ policy: file, locale });
      const text = `${JSON.stringify(file, null, 2)}\n`;
      const attrs = [['policy', state.preset], ['lang', state.embedLang], ['tools', tools.length === allTools.length ? '' : tools.join(',')], ['policy-src', src]]
        .filter(([, v]) => v).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
      const snippet = `<script type="module" src="${escapeAttr(elementUrl)}"></script>\n<exchange-calc${attrs}></exchange-calc>\n`;
      result = { file, info, text, snippet, name: fileName(src) };
      refs.status.textContent = t('b.ready');
      refs.status.className = 'b-status';
      showOutputs();
    }
    trySamples(problems);
    queuePreview(result ? result.file : doc, tools);
  }

  function labelOf(input) {
    return input.labels?.[0]?.textContent ?? input.closest('fieldset')?.querySelector('legend')?.textContent ?? '';
  }

  function fileName(src) {
    const last = src.split(/[?#]/)[0].split('/').pop();
    return /^[\w.-]+$/.test(last) ? last : 'exchange-calc-policy.json';
  }

  function showOutputs() {
    const { info, text, snippet, name, file } = result;
    const copyStatus = h('span', { class: 'b-copied', role: 'status' });
    const snippetCode = h('code', {}, snippet);
    const nothing = Object.keys(file).length === 2;
    replace(refs.out,
      h('div', { class: 'b-hash' }, h('span', { class: 'stat-label' }, t('b.hash')), h('span', { class: 'stat-value', 'data-testid': 'b-hash' }, info.hash)),
      h('p', { class: 'small' }, t.nodes('b.printsAs', { line: h('span', {}, t.nodes('policyRef', {
        title: state.lang === 'en' ? info.titleEn : info.title, id: h('span', { class: 'nowrap' }, info.id), hash: h('span', { class: 'nowrap' }, info.hash) })) })),
      h('h3', {}, t.nodes('b.fileHeading', { name: h('span', { class: 'nowrap' }, name) })),
      h('p', { class: 'small muted' }, nothing ? t('b.nothingSet') : t('b.fileHint')),
      h('pre', { class: 'b-code', 'data-testid': 'b-file' }, h('code', {}, text)),
      h('button', { type: 'button', class: 'primary', onclick: () => download(result.name, result.text, 'application/json') }, t('b.download')),
      h('h3', {}, t('b.snippetHeading')),
      h('p', { class: 'small muted' }, t('b.snippetHint')),
      h('pre', { class: 'b-code', 'data-testid': 'b-snippet' }, snippetCode),
      h('div', { class: 'b-actions' }, h('button', { type: 'button', onclick: () => copy(snippetCode, copyStatus) }, t('b.copy')), copyStatus),
      h('p', {}, h('button', { type: 'button', class: 'link', 'aria-haspopup': 'dialog', onclick: () => rules.open({ info, read: readParameters(api, file, info), overrides: file, t }) }, t('b.words'))));
  }

  async function copy(code, status) {
    try {
      await navigator.clipboard.writeText(result.snippet);
      status.textContent = t('b.copied');
    } catch {
      // No clipboard (an insecure page, a refused permission): select it for Ctrl+C.
      getSelection().selectAllChildren(code);
      status.textContent = t('b.copyFailed');
    }
  }

  /**
   * Each parameter's sample, under every value that checks out (so the cap and the share work
   * together, and one field's mistake does not stop the others' samples).
   */
  function trySamples(problems = null) {
    const locale = state.lang;
    const { info } = preset(state.preset);
    const track = Object.entries(info.tracks ?? {}).find(([, x]) => x.kind === 'exchange')?.[0];
    const bad = (key) => (problems ? problems.some((p) => p.path === key) : !fields[key].error.hidden);
    const policy = Object.fromEntries(Object.entries(typed()).filter(([key]) => key === 'extends' || !bad(key)));
    for (const [key, f] of Object.entries(fields)) {
      if (bad(key)) { replace(f.sampleOut, h('span', { class: 'muted' }, t('b.s.fixFirst'))); continue; }
      const v = state.samples[key];
      try {
        replace(f.sampleOut, sample(key, policy, v, track, locale));
      } catch (e) {
        replace(f.sampleOut, h('span', { class: 'error' }, e.message));
      }
    }
  }

  function sample(key, policy, v, track, locale) {
    const outcome = (o) => h('span', { class: `b-outcome ${o}` }, t(o));
    switch (key) {
      case 'minGpa': {
        const r = api.checkEligibility({ policy, track, applicant: { ...APPLICANT, gpa: v }, locale });
        const f = r.findings.find((x) => x.code === 'gpa');
        return [outcome(f.outcome), ' ', f.message, h('br'), h('span', { class: 'small' }, t('b.s.verdict', { verdict: t(`e.verdict.${r.status}`) }))];
      }
      case 'priorityIelts': case 'priorityToefl': {
        const score = key === 'priorityIelts' ? { ielts: v } : { toefl: v };
        const r = api.checkEligibility({ policy, track, applicant: { ...APPLICANT, ...score }, locale });
        const f = r.findings.find((x) => x.code === 'language');
        return [h('strong', {}, r.priority ? t('b.s.priority') : t('b.s.noPriority')), ' ', f.message];
      }
      case 'hoursPerCredit': {
        const r = api.checkCredits({ policy, semesters: 1, homePlanCredits: 3, courses: [{ name: 'sample', hours: v, grade: 'B', category: 'majorElective' }], locale });
        return h('strong', {}, t('b.s.credits', { credits: r.courses[0].recognized }));
      }
      case 'schoolCapPerStudent': case 'schoolShareRatio': {
        const r = api.estimateFunding({ policy, costs: [{ item: 'tuition', amount: v }], locale });
        const f = r.findings.find((x) => x.code === (key === 'schoolCapPerStudent' ? 'school_cap' : 'school_share_ratio'));
        return [h('strong', {}, t('b.s.funding', { school: grouped(r.school, locale), student: grouped(r.student, locale) })), h('br'), h('span', { class: 'small' }, outcome(f.outcome), ' ', f.message)];
      }
      default: {
        const r = api.validateField({ policy, form: { studentId: v }, field: 'studentId', locale });
        return r.valid ? [outcome('pass'), ' ', t('b.s.idOk')] : [outcome('fail'), ' ', r.errors[0].message];
      }
    }
  }

  /** The real element with the file in effect (a refused file shows as the element shows it). */
  function queuePreview(file, tools) {
    const key = JSON.stringify([state.preset, state.embedLang, tools, file]);
    if (key === previewKey) return;
    previewKey = key;
    clearTimeout(previewTimer);
    previewTimer = setTimeout(() => {
      const el = h('exchange-calc', { id: 'preview', policy: state.preset, lang: state.embedLang || null, tools: tools.length ? tools.join(',') : null });
      el.policyDocument = file;
      replace(refs.preview, el);
    }, refs.preview.firstChild ? 400 : 0);
  }

  render();
}
