// Credits: courses abroad → home credits (XYU-12.2), course attributes and short programmes
// (XYU-12.3), core courses (XYU-12.4), retakes (XYU-12.8). Every number and message comes from
// checkCredits; this page only collects the input and lays the result out.
import { h, replace, svg, nextId } from '../dom.js';
import { register } from '../i18n.js';
import { editableTable, rowField } from '../table.js';
import { renderFindings } from '../findings.js';
import * as csv from '../csv.js';

register({
  'zh-CN': {
    'tab.credits': '学分认定',
    'c.periodTitle': '交换期与本校培养计划',
    'c.semesters': '交换学期数',
    'c.semesterOption': '{n} 个学期',
    'c.plan': '本期培养计划学分',
    'c.planHint': '本校培养方案中与交换期相同时段的学分总数。',
    'c.coursesTitle': '在对方学校修读的课程',
    'c.coursesHint': '每门课填写学时，或外方学分并选择学分制；两者都填时按学时折算。核心课指所在一级学科的核心课程。',
    'c.import': '导入成绩单 CSV', 'c.importHint': 'CSV 列：课程, 学时 或 学分, 成绩（可带表头；可选列：学分制、核心课、短期项目）',
    'c.imported': '已导入 {n} 门课程。', 'c.importEmpty': '文件中没有找到课程。',
    'c.caption': '课程：名称、学时或外方学分、学分制、成绩、核心课、短期项目、本校课程属性',
    'c.course': '课程', 'c.hours': '学时', 'c.credits': '外方学分', 'c.system': '学分制', 'c.grade': '外方成绩',
    'c.core': '核心课', 'c.short': '短期项目', 'c.category': '本校课程属性',
    'c.range': '折合学分', 'c.recognized': '认定学分', 'c.as': '认定为',
    'c.cat.none': '无对应课程',
    'c.cat.publicRequired': '公共必修课', 'c.cat.majorRequired': '专业必修课',
    'c.cat.majorElective': '专业选修课', 'c.cat.generalElective': '通识选修课',
    'c.as.electiveOrGeneral': '选修或通识课', 'c.as.elective': '选修课（短期项目）',
    'c.sys.home': '本校学分', 'c.sys.us-semester': '美国学期制', 'c.sys.us-quarter': '美国学季制',
    'c.sys.ects': '欧洲 ECTS', 'c.sys.uk-cats': '英国 CATS',
    'c.convention': '惯例', 'c.systemsTitle': '外方学分的折算',
    'c.systemsNote': '以下折算是通行惯例，不是本办法的规定，以学校认定为准。',
    'c.notRecognized': '不予认定', 'c.schoolDecides': '由学校认定',
    'c.resultTitle': '认定结果',
    'c.needPlan': '填写本期培养计划学分后显示结果。',
    'c.equivalent': '折合学分（全部课程）', 'c.recognizedTotal': '认定学分', 'c.coreCount': '已通过核心课程 / 要求',
    'c.all': '本期计划学分全部认定', 'c.yes': '是', 'c.no': '否',
    'c.equivalence': '等效比（认定 ÷ 计划）', 'c.shortfall': '尚差学分',
    'c.byCourse': '逐门认定 {v} 学分，本期培养计划 {plan} 学分。',
    'c.chartTitle': '认定学分与本期计划',
    'c.chartRecognized': '已认定', 'c.chartPlan': '本期计划',
    'c.chartLabel': '已认定 {rec} 学分，本期培养计划 {plan} 学分，尚差 {short} 学分。',
    'c.chartLabelMet': '已认定 {rec} 学分，不少于本期培养计划的 {plan} 学分。',
    'c.retakeTitle': '需补修的课程',
    'c.retakeRoutes': '可选的补修办法：',
    'c.findingsTitle': '逐条核对',
    'c.notInPolicy': '所选政策没有学分认定规则',
  },
  en: {
    'tab.credits': 'Credits',
    'c.periodTitle': 'Exchange period and home plan',
    'c.semesters': 'Semesters abroad',
    'c.semesterOption': '{n} semester(s)',
    'c.plan': 'Home-plan credits for the period',
    'c.planHint': 'The credits of your home programme for the same period as the exchange.',
    'c.coursesTitle': 'Courses taken abroad',
    'c.coursesHint': 'For each course enter class hours, or foreign credits with their credit system; given both, hours are used. A core course is one of your first-level discipline\'s core courses.',
    'c.import': 'Import transcript CSV', 'c.importHint': 'CSV columns: course, hours or credits, grade (header optional; optional columns: system, core, shortProgram)',
    'c.imported': '{n} courses imported.', 'c.importEmpty': 'No courses found in the file.',
    'c.caption': 'Courses: name, class hours or foreign credits, credit system, grade, core, short programme, home category',
    'c.course': 'Course', 'c.hours': 'Class hours', 'c.credits': 'Foreign credits', 'c.system': 'Credit system', 'c.grade': 'Grade',
    'c.core': 'Core', 'c.short': 'Short programme', 'c.category': 'Home category',
    'c.range': 'Home credits', 'c.recognized': 'Recognized', 'c.as': 'Recognized as',
    'c.cat.none': 'No counterpart',
    'c.cat.publicRequired': 'Public required', 'c.cat.majorRequired': 'Major required',
    'c.cat.majorElective': 'Major elective', 'c.cat.generalElective': 'General elective',
    'c.as.electiveOrGeneral': 'Elective or general', 'c.as.elective': 'Elective (short programme)',
    'c.sys.home': 'Home credits', 'c.sys.us-semester': 'US semester', 'c.sys.us-quarter': 'US quarter',
    'c.sys.ects': 'ECTS', 'c.sys.uk-cats': 'UK CATS',
    'c.convention': 'convention', 'c.systemsTitle': 'How foreign credits convert',
    'c.systemsNote': 'These conversions are common convention, not rules of the regulation; the school decides.',
    'c.notRecognized': 'Not recognized', 'c.schoolDecides': 'School decides',
    'c.resultTitle': 'Result',
    'c.needPlan': 'Enter the home-plan credits for the period to see the result.',
    'c.equivalent': 'Home credits (all courses)', 'c.recognizedTotal': 'Credits recognized', 'c.coreCount': 'Passed core courses / required',
    'c.all': 'All credits of the period\'s plan recognized', 'c.yes': 'Yes', 'c.no': 'No',
    'c.equivalence': 'Equivalence (recognized ÷ plan)', 'c.shortfall': 'Shortfall',
    'c.byCourse': '{v} credits recognized course by course; the period\'s plan has {plan}.',
    'c.chartTitle': 'Credits recognized vs the plan',
    'c.chartRecognized': 'Recognized', 'c.chartPlan': 'Home plan',
    'c.chartLabel': '{rec} credits recognized, the home plan for the period has {plan}, {short} short.',
    'c.chartLabelMet': '{rec} credits recognized, at least the {plan} of the home plan for the period.',
    'c.retakeTitle': 'Courses to retake',
    'c.retakeRoutes': 'Ways to retake:',
    'c.findingsTitle': 'Each rule checked',
    'c.notInPolicy': 'The chosen policy has no credit-recognition rules',
  },
});

const CATEGORIES = ['publicRequired', 'majorRequired', 'majorElective', 'generalElective'];
const filledText = (v) => String(v ?? '').trim() !== '';

export default {
  id: 'credits',
  requires: 'credits', // the policy section this tool needs
  mount(panel, ctx) {
    const { t, api } = ctx;
    const locale = ctx.locale();
    const info = ctx.policyInfo();

    // A policy without credit rules (gdut: LX-6.2 leaves them to the academic affairs office):
    // the API's own message replaces the whole tool.
    try {
      api.checkCredits({ policy: ctx.policy(), locale, semesters: 1, homePlanCredits: 1, courses: [] });
    } catch (e) {
      if (e.code === 'not_in_policy') {
        const clauses = [...new Set(String(e.message).match(/\b[A-Z]+-\d+(?:\.\d+)*/g) ?? [])].filter((c) => info?.clauses?.[c]);
        replace(panel, h('div', { class: 'card credits-tool' },
          h('h2', {}, t('c.notInPolicy')),
          h('p', { class: 'notice', role: 'status', 'data-testid': 'not-in-policy' }, e.message, ' ', clauses.map((c) => ctx.clauseButton(c)))));
        return;
      }
    }

    const systems = info?.credits?.systems ?? [];
    const defaultSystem = systems[0]?.id ?? '';
    const blank = () => ({ name: '', hours: '', credits: '', system: defaultSystem, grade: '', core: false, shortProgram: false, category: '' });
    const data = ctx.data('credits', { semesters: '1', homePlanCredits: '', courses: [blank()] });
    // A saved system the current policy does not have falls back to its first one.
    for (const c of data.courses) if (systems.length && !systems.some((s) => s.id === c.system)) c.system = defaultSystem;

    const paren = (s) => (locale === 'en' ? ` (${s})` : `（${s}）`);
    const colon = locale === 'en' ? ': ' : '：';
    const systemName = (s) => {
      const key = `c.sys.${s.id}`;
      const name = t(key) === key ? s.id : t(key);
      return s.basis === 'convention' ? `${name}${paren(t('c.convention'))}` : name;
    };
    const categoryName = (c) => t(`c.cat.${c}`);
    const recognizedAsName = (a) => (CATEGORIES.includes(a) ? categoryName(a) : t(`c.as.${a}`));

    // --- the period ---
    const semId = nextId('sem');
    const planId = nextId('plan');
    const planHint = nextId('plan-hint');
    const planErr = nextId('plan-err');
    const semesters = h('select', { id: semId, onchange: () => { data.semesters = semesters.value; compute(); } },
      ['1', '2'].map((n) => h('option', { value: n, selected: String(data.semesters) === n }, t('c.semesterOption', { n }))));
    const plan = h('input', { id: planId, type: 'text', inputmode: 'decimal', autocomplete: 'off', value: data.homePlanCredits, class: 'narrow', 'aria-describedby': `${planHint} ${planErr}`,
      oninput: () => { data.homePlanCredits = plan.value; compute(); } });
    const planError = h('p', { id: planErr, class: 'error small', hidden: true });

    // --- the courses ---
    const listId = nextId('c-letters');
    const letters = h('datalist', { id: listId });
    for (const row of info?.grades?.letters ?? []) letters.append(h('option', { value: row.letter }));
    const table = editableTable({
      caption: t('c.caption'),
      columns: [
        { key: 'name', label: t('c.course') },
        { key: 'hours', label: t('c.hours'), inputmode: 'decimal' },
        { key: 'credits', label: t('c.credits'), inputmode: 'decimal' },
        { key: 'system', label: t('c.system'), type: 'select', options: systems.map((s) => [s.id, systemName(s)]) },
        { key: 'grade', label: t('c.grade'), list: listId },
        { key: 'core', label: t('c.core'), type: 'checkbox' },
        { key: 'shortProgram', label: t('c.short'), type: 'checkbox' },
        { key: 'category', label: t('c.category'), type: 'select', options: [['', t('c.cat.none')], ...CATEGORIES.map((c) => [c, categoryName(c)])] },
      ],
      outputs: [{ key: 'range', label: t('c.range') }, { key: 'recognized', label: t('c.recognized') }, { key: 'as', label: t('c.as') }],
      rows: data.courses,
      blank,
      onChange: compute,
      t,
    });
    const conventions = systems.filter((s) => s.basis === 'convention');
    const systemsNote = conventions.length ? h('details', { class: 'credit-systems' },
      h('summary', {}, t('c.systemsTitle'), ' ', h('span', { class: 'badge' }, t('notFromRegulation'))),
      h('p', { class: 'muted small' }, t('c.systemsNote')),
      h('ul', { class: 'small' }, conventions.map((s) => h('li', {}, h('strong', {}, systemName(s)), colon, locale === 'en' ? s.note?.en : s.note?.zh)))) : null;

    // --- the result ---
    const summary = h('div', { class: 'summary', 'aria-live': 'polite' });
    const chart = h('div', { class: 'credits-chart' });
    const retake = h('div', { class: 'retake' });
    const findingsTitle = h('h3', { hidden: true }, t('c.findingsTitle'));
    const findings = h('ul', { class: 'findings' });

    function compute() {
      ctx.save();
      // Rows still being filled in are left out rather than reported as errors.
      const filled = data.courses.map((c, i) => ({ c, i }))
        .filter(({ c }) => (filledText(c.hours) || filledText(c.credits)) && filledText(c.grade));
      data.courses.forEach((_, i) => ['range', 'recognized', 'as'].forEach((k) => table.setOutput(i, k, '')));
      table.setErrors([]);
      markPlan(null);
      semesters.removeAttribute('aria-invalid');
      if (!filledText(data.homePlanCredits)) { clearResult(h('p', { class: 'muted' }, t('c.needPlan'))); return; }
      try {
        const r = api.checkCredits({
          policy: ctx.policy(),
          locale,
          semesters: data.semesters,
          homePlanCredits: data.homePlanCredits,
          courses: filled.map(({ c, i }) => ({
            name: c.name.trim() || `#${i + 1}`,
            hours: filledText(c.hours) ? c.hours : null,
            credits: filledText(c.credits) ? c.credits : null,
            system: c.system || null,
            grade: c.grade,
            core: !!c.core,
            shortProgram: !!c.shortProgram,
            category: c.category || null,
          })),
        });
        show(r, filled);
      } catch (e) {
        const at = rowField(e.field, 'courses');
        if (at) table.setErrors([{ index: filled[at.index]?.i, key: at.key, message: e.message }]);
        else if (e.field === 'homePlanCredits') markPlan(e.message);
        else if (e.field === 'semesters') semesters.setAttribute('aria-invalid', 'true');
        clearResult(h('p', { class: 'error', role: 'alert' }, e.message));
      }
    }

    function markPlan(message) {
      if (message) plan.setAttribute('aria-invalid', 'true');
      else plan.removeAttribute('aria-invalid');
      planError.textContent = message ?? '';
      planError.hidden = !message;
    }

    function clearResult(message) {
      replace(summary, message);
      replace(chart);
      replace(retake);
      replace(findings);
      findingsTitle.hidden = true;
    }

    function show(r, filled) {
      r.courses.forEach((c, k) => {
        const i = filled[k].i;
        const { min, max } = c.equivalent;
        table.setOutput(i, 'range', min === max ? min : `${min}–${max}`);
        table.setOutput(i, 'recognized', c.recognized ?? (c.passed === false ? t('c.notRecognized') : t('c.schoolDecides')));
        table.setOutput(i, 'as', c.recognizedAs ? recognizedAsName(c.recognizedAs) : '—');
      });
      const eq = r.equivalentCredits;
      const short = shortfall(r.homePlanCredits, r.recognizedCreditsExact);
      replace(summary,
        stat(t('c.equivalent'), eq.min === eq.max ? eq.min : `${eq.min}–${eq.max}`, 'range'),
        stat(t('c.recognizedTotal'), r.recognizedCredits, 'recognized'),
        stat(t('c.coreCount'), `${r.corePassed} / ${r.coreRequired}`, 'core', r.corePassed >= r.coreRequired ? 'ok' : 'not'),
        stat(t('c.all'), r.allCreditsRecognized ? t('c.yes') : t('c.no'), 'all', r.allCreditsRecognized ? 'ok' : 'not'),
        stat(t('c.equivalence'), r.equivalence, 'equivalence'),
        stat(t('c.shortfall'), short, 'shortfall', short === '0.00' ? null : 'not'),
        r.allCreditsRecognized ? h('p', { class: 'muted small' }, t('c.byCourse', { v: r.courseCredits, plan: r.homePlanCredits })) : null);
      replace(chart, creditsChart(r.recognizedCredits, r.homePlanCredits, short, t));
      replace(retake, r.retake.length ? [
        h('h3', {}, t('c.retakeTitle')),
        h('ul', { class: 'retake-list', 'data-testid': 'retake' }, r.retake.map((x) => h('li', {},
          h('strong', {}, x.name), ` (${x.grade}) `, ctx.clauseButton(x.clause),
          h('p', { class: 'small muted' }, t('c.retakeRoutes')),
          h('ol', { class: 'routes small' }, x.routes.map((route) => h('li', { 'data-route': route.code }, route.message)))))),
      ] : []);
      findingsTitle.hidden = false;
      renderFindings(findings, r.findings, ctx);
    }

    function stat(label, value, testid, tone) {
      return h('div', { class: 'stat' }, h('span', { class: 'stat-label' }, label),
        h('span', { class: tone ? `stat-value ${tone}` : 'stat-value', 'data-testid': testid }, value));
    }

    // CSV in: course, hours or credits, grade (+ optional system, core, short programme). Without a
    // header the columns are course, hours, grade. Names stay text; the API does the converting.
    const yes = (v) => /^(1|y|yes|true|是|√|✓)$/i.test(String(v ?? '').trim());
    const fileInput = h('input', { type: 'file', accept: '.csv,text/csv', class: 'sr-only', tabindex: '-1', 'aria-hidden': 'true', onchange: importCsv });
    async function importCsv() {
      const f = fileInput.files?.[0];
      if (!f) return;
      const { index, body } = csv.columns(csv.parse(await f.text()), {
        name: ['course', 'name', '课程', '课程名称'], hours: ['hours', 'class hours', '学时'], grade: ['grade', '成绩'],
        credits: ['credits', 'credit', '学分'], system: ['system', '学分制'], core: ['core', '核心课'], shortProgram: ['shortprogram', 'short program', '短期项目'],
      });
      fileInput.value = '';
      const rows = body.map((r) => ({
        ...blank(),
        name: r[index.name] ?? '', hours: r[index.hours] ?? '', credits: index.credits === undefined ? '' : r[index.credits] ?? '',
        grade: r[index.grade] ?? '', system: (index.system !== undefined && r[index.system]) || defaultSystem,
        core: index.core !== undefined && yes(r[index.core]), shortProgram: index.shortProgram !== undefined && yes(r[index.shortProgram]),
      }));
      if (!rows.length) { ctx.say(t('c.importEmpty')); return; }
      data.courses.splice(0, data.courses.length, ...rows);
      table.render();
      compute();
      ctx.say(t('c.imported', { n: rows.length }));
    }

    replace(panel,
      letters,
      h('div', { class: 'card credits-tool' },
        h('h2', {}, t('c.periodTitle')),
        h('div', { class: 'fields' },
          h('div', { class: 'field' }, h('label', { for: semId }, t('c.semesters')), semesters),
          h('div', { class: 'field' }, h('label', { for: planId }, t('c.plan')), plan,
            h('p', { id: planHint, class: 'muted small' }, t('c.planHint')), planError))),
      h('div', { class: 'card credits-tool' },
        h('h2', {}, t('c.coursesTitle')),
        h('p', { class: 'muted small' }, t('c.coursesHint')),
        h('div', { class: 'csv-bar' }, h('button', { type: 'button', onclick: () => fileInput.click() }, t('c.import')), fileInput,
          h('span', { class: 'muted small' }, t('c.importHint'))),
        table.el,
        systemsNote),
      // print-keep: the results go on the one-page printout with the grades (css/app.css @media print).
      h('div', { class: 'card credits-tool print-keep' },
        h('h2', {}, t('c.resultTitle')),
        summary, chart, retake, findingsTitle, findings));
    compute();
  },
};

/**
 * plan − recognized, half-up to two places, "0.00" when nothing is missing. Exact on the API's
 * decimal strings (the same subtraction as the API's equivalence message), never in floats.
 */
function shortfall(plan, recognized) {
  const parse = (s) => {
    const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(s));
    return m ? { n: BigInt(`${m[1]}${m[2]}${m[3] ?? ''}`), scale: (m[3] ?? '').length } : null;
  };
  const a = parse(plan);
  const b = parse(recognized);
  if (!a || !b) return '—';
  const scale = Math.max(a.scale, b.scale, 2);
  const diff = a.n * 10n ** BigInt(scale - a.scale) - b.n * 10n ** BigInt(scale - b.scale);
  if (diff <= 0n) return '0.00';
  const unit = 10n ** BigInt(scale - 2);
  const cents = unit === 1n ? diff : (diff + unit / 2n) / unit;
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

/** Two bars: credits recognized and the home plan, with the shortfall outlined; aria-label says it in words. */
function creditsChart(recognized, plan, short, t) {
  const rec = Number(recognized);
  const req = Number(plan);
  const top = Math.max(rec, req) || 1;
  const x0 = 80;
  const width = 180;
  const w = (v) => Math.max(0, (v / top) * width);
  const row = (y, label, value, text, cls) => [
    svg('text', { x: 0, y: y + 14, class: 'chart-label' }, label),
    svg('rect', { x: x0, y: y + 3, height: 14, width: w(value), class: cls }),
    svg('text', { x: x0 + width + 6, y: y + 14, class: 'chart-value' }, text),
  ];
  const el = svg('svg', { viewBox: '0 0 310 48', class: 'chart', role: 'img', 'aria-label': t(rec < req ? 'c.chartLabel' : 'c.chartLabelMet', { rec: recognized, plan, short }) },
    row(2, t('c.chartRecognized'), rec, recognized, 'chart-bar'),
    rec < req ? svg('rect', { x: x0 + w(rec), y: 5, height: 14, width: w(req) - w(rec), class: 'chart-gap' }) : null,
    row(26, t('c.chartPlan'), req, plan, 'chart-bar plan'));
  return [h('h3', {}, t('c.chartTitle')), el];
}
