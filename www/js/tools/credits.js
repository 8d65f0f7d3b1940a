// Credits: courses abroad → home credits (XYU-12.2), course attributes and short programmes
// (XYU-12.3), core courses (XYU-12.4), retakes (XYU-12.8). Every number and message comes from
// checkCredits; this page only collects the input and lays the result out.
import { h, replace, svg, nextId, filePicker } from '../dom.js';
import { editableTable, settle, filled } from '../table.js';
import { renderFindings } from '../findings.js';
import { field, explain, importInto } from '../errors.js';

export const dict = {
  'c.periodTitle': ['交换期与本校培养计划', 'Exchange period and home plan'],
  'c.semesters': ['交换学期数', 'Semesters abroad'],
  'c.semesterOption': ['{n} 个学期', '{n} {n|semester|semesters}'],
  'c.plan': ['本期培养计划学分', 'Home-plan credits for the period'],
  'c.planHint': ['本校培养方案中与交换期相同时段的学分总数。', 'The credits of your home programme for the same period as the exchange.'],
  'c.coursesTitle': ['在对方学校修读的课程', 'Courses taken abroad'],
  'c.coursesHint': ['每门课填写学时，或外方学分并选择学分制；两者都填时按学时折算。核心课指所在一级学科的核心课程。', 'For each course enter class hours, or foreign credits with their credit system; given both, hours are used. A core course is one of your first-level discipline\'s core courses.'],
  'c.import': ['导入成绩单 CSV', 'Import transcript CSV'],
  'c.importHint': ['CSV 列：课程, 学时 或 学分, 成绩（表头可用中文或英文，也可不带表头；可选列：学分制、核心课、短期项目、课程属性）', 'CSV columns: course, hours or credits, grade (header in Chinese or English, or none; optional columns: system, core, shortProgram, category)'],
  'c.caption': ['课程：名称、学时或外方学分、学分制、成绩、核心课、短期项目、本校课程属性', 'Courses: name, class hours or foreign credits, credit system, grade, core, short programme, home category'],
  'c.course': ['课程', 'Course'],
  'c.hours': ['学时', 'Class hours'],
  'c.credits': ['外方学分', 'Foreign credits'],
  'c.system': ['学分制', 'Credit system'],
  'c.grade': ['外方成绩', 'Grade'],
  'c.core': ['核心课', 'Core'],
  'c.short': ['短期项目', 'Short programme'],
  'c.category': ['本校课程属性', 'Home category'],
  'c.range': ['折合学分', 'Home credits'],
  'c.recognized': ['认定学分', 'Recognized'],
  'c.as': ['认定为', 'Recognized as'],
  'c.cat.none': ['无对应课程', 'No counterpart'],
  'c.cat.publicRequired': ['公共必修课', 'Public required'],
  'c.cat.majorRequired': ['专业必修课', 'Major required'],
  'c.cat.majorElective': ['专业选修课', 'Major elective'],
  'c.cat.generalElective': ['通识选修课', 'General elective'],
  'c.as.electiveOrGeneral': ['选修或通识课', 'Elective or general'],
  'c.as.elective': ['选修课（短期项目）', 'Elective (short programme)'],
  'c.sys.home': ['本校学分', 'Home credits'],
  'c.sys.us-semester': ['美国学期制', 'US semester'],
  'c.sys.us-quarter': ['美国学季制', 'US quarter'],
  'c.sys.ects': ['欧洲 ECTS', 'ECTS'],
  'c.sys.uk-cats': ['英国 CATS', 'UK CATS'],
  'c.convention': ['惯例', 'convention'],
  'c.systemsTitle': ['外方学分的折算', 'How foreign credits convert'],
  'c.systemsNote': ['以下折算是通行惯例，不是本办法的规定，以学校认定为准。', 'These conversions are common convention, not rules of the regulation; the school decides.'],
  'c.notRecognized': ['不予认定', 'Not recognized'],
  'c.schoolDecides': ['由学校认定', 'School decides'],
  'c.resultTitle': ['认定结果', 'Result'],
  'c.needPlan': ['填写本期培养计划学分后显示结果。', 'Enter the home-plan credits for the period to see the result.'],
  'c.fixAbove': ['请先改正上面标出的输入。', 'Correct the marked input above first.'],
  'c.equivalent': ['折合学分（全部课程）', 'Home credits (all courses)'],
  'c.recognizedTotal': ['认定学分', 'Credits recognized'],
  'c.coreCount': ['已通过核心课程 / 要求', 'Passed core courses / required'],
  'c.all': ['本期计划学分全部认定', 'All credits of the period\'s plan recognized'],
  'c.yes': ['是', 'Yes'],
  'c.no': ['否', 'No'],
  'c.equivalence': ['等效比（认定 ÷ 计划）', 'Equivalence (recognized ÷ plan)'],
  'c.shortfall': ['尚差学分', 'Shortfall'],
  'c.byCourse': ['逐门认定 {v} 学分，本期培养计划 {plan} 学分。', '{v} credits recognized course by course; the period\'s plan has {plan}.'],
  'c.chartTitle': ['认定学分与本期计划', 'Credits recognized vs the plan'],
  'c.chartRecognized': ['已认定', 'Recognized'],
  'c.chartPlan': ['本期计划', 'Home plan'],
  'c.chartLabel': ['已认定 {rec} 学分，本期培养计划 {plan} 学分，尚差 {short} 学分。', '{rec} credits recognized, the home plan for the period has {plan}, {short} short.'],
  'c.chartLabelMet': ['已认定 {rec} 学分，不少于本期培养计划的 {plan} 学分。', '{rec} credits recognized, at least the {plan} of the home plan for the period.'],
  'c.retakeTitle': ['需补修的课程', 'Courses to retake'],
  'c.retakeRoutes': ['可选的补修办法：', 'Ways to retake:'],
  'c.findingsTitle': ['逐条核对', 'Each rule checked'],
  'c.notInPolicy': ['所选政策没有学分认定规则', 'The chosen policy has no credit-recognition rules'],
  'c.summaryTitle': ['学分认定（XYU-12.2–12.9）', 'Credit recognition (XYU-12.2–12.9)'],
  'c.summaryNone': ['尚未填写本期培养计划学分或课程。', 'No home-plan credits or courses entered yet.'],
  'c.summaryStats': ['认定 {rec} / 计划 {plan} 学分（等效比 {eq}）；核心课 {core} / {required}；计划学分全部认定：{all}', 'Recognized {rec} of {plan} planned credits (equivalence {eq}); core courses {core} / {required}; all plan credits recognized: {all}'],
  'c.summaryRetake': ['需补修：{list}', 'To retake: {list}'],
};

const CATEGORIES = ['publicRequired', 'majorRequired', 'majorElective', 'generalElective'];

// --- state: what is saved, and the requests made from it -----------------------------

const systemsOf = (ctx) => ctx.policyInfo()?.credits?.systems ?? [];
const blankRow = (ctx) => () => ({ name: '', hours: '', credits: '', system: systemsOf(ctx)[0]?.id ?? '', grade: '', core: false, shortProgram: false, category: '' });
export const initial = () => ({ semesters: '1', homePlanCredits: '', courses: [{ name: '', hours: '', credits: '', system: '', grade: '', core: false, shortProgram: false, category: '' }] });

/** Rows still being filled in (no hours or credits, or no grade yet) are left out, not reported. */
const courseRows = (data) => data.courses.map((c, i) => ({ c, i })).filter(({ c }) => (filled(c.hours) || filled(c.credits)) && filled(c.grade));

/** checkCredits over the readable rows; bad rows are set aside (table.js settle). */
function check(ctx, data) {
  return settle(courseRows(data), 'courses', (rows) => ctx.api.checkCredits({
    policy: ctx.policy(),
    locale: ctx.locale(),
    semesters: data.semesters,
    homePlanCredits: data.homePlanCredits,
    courses: rows.map(({ c, i }) => ({
      name: c.name.trim() || `#${i + 1}`,
      hours: filled(c.hours) ? c.hours : null,
      credits: filled(c.credits) ? c.credits : null,
      system: c.system || null,
      grade: c.grade,
      core: !!c.core,
      shortProgram: !!c.shortProgram,
      category: c.category || null,
    })),
  }));
}

/**
 * A policy without credit rules (gdut: LX-6.2 leaves them to the academic affairs office):
 * the API's own message, with the clauses it names that the policy quotes.
 */
function notInPolicy(ctx) {
  try {
    ctx.api.checkCredits({ policy: ctx.policy(), locale: ctx.locale(), semesters: 1, homePlanCredits: 1, courses: [] });
  } catch (e) {
    if (e.code === 'not_in_policy') {
      const info = ctx.policyInfo();
      return { message: e.message, clauses: (e.clauses ?? []).filter((c) => info?.clauses?.[c]) };
    }
  }
  return null;
}

// --- view: built once per mount; show* put results in place ---------------------------

function view(ctx, data, act) {
  const { t } = ctx;
  const info = ctx.policyInfo();
  const locale = ctx.locale();
  const systems = systemsOf(ctx);
  const paren = (s) => (locale === 'en' ? ` (${s})` : `（${s}）`);
  const colon = locale === 'en' ? ': ' : '：';
  const systemName = (s) => {
    const name = t.has(`c.sys.${s.id}`) ? t(`c.sys.${s.id}`) : s.id;
    return s.basis === 'convention' ? `${name}${paren(t('c.convention'))}` : name;
  };
  const categoryName = (c) => t(`c.cat.${c}`);
  const recognizedAsName = (a) => (CATEGORIES.includes(a) ? categoryName(a) : t(`c.as.${a}`));

  const semesters = field({
    label: t('c.semesters'),
    input: h('select', { onchange: (ev) => act.set('semesters', ev.target.value) },
      ['1', '2'].map((n) => h('option', { value: n, selected: String(data.semesters) === n }, t('c.semesterOption', { n })))),
  });
  const plan = field({
    label: t('c.plan'),
    input: h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', value: data.homePlanCredits, class: 'narrow', oninput: (ev) => act.set('homePlanCredits', ev.target.value) }),
    hint: t('c.planHint'),
  });

  const listId = nextId('c-letters');
  const letters = h('datalist', { id: listId }, (info?.grades?.letters ?? []).map((row) => h('option', { value: row.letter })));
  const columns = [
    { key: 'name', label: t('c.course') },
    { key: 'hours', label: t('c.hours'), inputmode: 'decimal', example: '48' },
    { key: 'credits', label: t('c.credits'), inputmode: 'decimal', example: '3' },
    { key: 'system', label: t('c.system'), type: 'select', options: systems.map((s) => [s.id, systemName(s)]) },
    { key: 'grade', label: t('c.grade'), list: listId, example: 'B+' },
    { key: 'core', label: t('c.core'), type: 'checkbox' },
    { key: 'shortProgram', label: t('c.short'), type: 'checkbox' },
    { key: 'category', label: t('c.category'), type: 'select', options: [['', t('c.cat.none')], ...CATEGORIES.map((c) => [c, categoryName(c)])] },
  ];
  const table = editableTable({
    caption: t('c.caption'), columns, rows: data.courses, blank: blankRow(ctx), onChange: () => act.compute(), t,
    outputs: [{ key: 'range', label: t('c.range') }, { key: 'recognized', label: t('c.recognized') }, { key: 'as', label: t('c.as') }],
  });
  const conventions = systems.filter((s) => s.basis === 'convention');
  const systemsNote = conventions.length ? h('details', { class: 'credit-systems' },
    h('summary', {}, t('c.systemsTitle'), ' ', h('span', { class: 'badge' }, t('notFromRegulation'))),
    h('p', { class: 'muted small' }, t('c.systemsNote')),
    h('ul', { class: 'small' }, conventions.map((s) => h('li', {}, h('strong', {}, systemName(s)), colon, locale === 'en' ? s.note?.en : s.note?.zh)))) : null;

  const summary = h('div', { class: 'summary', 'aria-live': 'polite' });
  const chart = h('div', { class: 'credits-chart' });
  const retake = h('div', { class: 'retake' });
  const findingsTitle = h('h3', { hidden: true }, t('c.findingsTitle'));
  const findings = h('ul', { class: 'findings' });

  const root = [
    letters,
    h('div', { class: 'card credits-tool' },
      h('h2', {}, t('c.periodTitle')),
      h('div', { class: 'fields' }, semesters.el, plan.el)),
    h('div', { class: 'card credits-tool' },
      h('h2', {}, t('c.coursesTitle')),
      h('p', { class: 'muted small' }, t('c.coursesHint')),
      h('div', { class: 'csv-bar' }, filePicker({ label: t('c.import'), accept: '.csv,text/csv', onFile: (f) => act.importFile(f) }),
        h('span', { class: 'muted small' }, t('c.importHint'))),
      table.el, table.note, systemsNote),
    h('div', { class: 'card credits-tool' },
      h('h2', {}, t('c.resultTitle')),
      summary, chart, retake, findingsTitle, findings),
  ];

  function stat(label, value, testid, tone) {
    return h('div', { class: 'stat' }, h('span', { class: 'stat-label' }, label),
      h('span', { class: tone ? `stat-value ${tone}` : 'stat-value', 'data-testid': testid }, value));
  }

  function clearResult(message) {
    replace(summary, message);
    replace(chart);
    replace(retake);
    replace(findings);
    findingsTitle.hidden = true;
  }

  return {
    root,
    table,
    defaultSystem: systems[0]?.id ?? '',
    hasSystem: (id) => systems.some((s) => s.id === id),
    show(s) {
      table.showBad(s.bad);
      plan.setError(null);
      semesters.setError(null);
      if (!filled(data.homePlanCredits)) { clearResult(h('p', { class: 'muted' }, t('c.needPlan'))); return; }
      if (s.error) {
        if (s.error.field === 'homePlanCredits') plan.setError(explain(s.error, t, { value: data.homePlanCredits, example: '20' }));
        else if (s.error.field === 'semesters') semesters.setError(explain(s.error, t, { value: data.semesters }));
        clearResult(h('p', { class: 'error', role: 'alert' }, s.error.field === 'homePlanCredits' || s.error.field === 'semesters' ? t('c.fixAbove') : s.error.message));
        return;
      }
      const r = s.result;
      r.courses.forEach((c, k) => {
        const i = s.used[k].i;
        const { min, max } = c.equivalent;
        table.setOutput(i, 'range', min === max ? min : `${min}–${max}`);
        table.setOutput(i, 'recognized', c.recognized ?? (c.passed === false ? t('c.notRecognized') : t('c.schoolDecides')));
        table.setOutput(i, 'as', c.recognizedAs ? recognizedAsName(c.recognizedAs) : '—');
      });
      const eq = r.equivalentCredits;
      const short = r.shortfall;
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
    },
  };
}

/** Two bars: credits recognized and the home plan, with the shortfall outlined; aria-label says it in words. */
function creditsChart(recognized, plan, short, t) {
  // Bar lengths only (drawing, not a result).
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

// --- actions: what the inputs do ------------------------------------------------------

function actions(ctx, data, v) {
  const { t } = ctx;
  // CSV: yes/no cells of the core and short-programme columns.
  const yes = (s) => /^(1|y|yes|true|是|√|✓)$/i.test(String(s ?? '').trim());
  const act = {
    set(key, value) {
      data[key] = value;
      act.compute();
    },
    compute() {
      ctx.save();
      v.show(check(ctx, data));
    },
    // CSV in: course, hours or credits, grade (+ optional system, core, short programme,
    // category). Without a header the columns are course, hours, grade. Names stay text.
    async importFile(f) {
      ctx.say(await importInto(v.table, f, {
        keys: ['course', 'hours', 'grade', 'credits', 'system', 'core', 'shortProgram', 'category'], required: ['grade'], positional: true,
      }, (x) => {
        const c = {
          ...blankRow(ctx)(),
          name: x.course ?? '', hours: x.hours ?? '', credits: x.credits ?? '', grade: x.grade ?? '',
          system: v.hasSystem(x.system) ? x.system : v.defaultSystem,
          core: yes(x.core), shortProgram: yes(x.shortProgram), category: CATEGORIES.includes(x.category) ? x.category : '',
        };
        return filled(c.name) || filled(c.hours) || filled(c.credits) || filled(c.grade) ? c : null;
      }, t));
    },
  };
  return act;
}

/** The application summary's part, or null when nothing is entered. */
function summary(ctx, data) {
  const { t } = ctx;
  if (!ctx.policyInfo()?.credits) return null;
  if (!filled(data.homePlanCredits)) return { title: t('c.summaryTitle'), body: [h('p', { class: 'muted' }, t('c.summaryNone'))] };
  const s = check(ctx, data);
  if (s.error) return { title: t('c.summaryTitle'), body: [h('p', { class: 'error' }, s.error.message)] };
  const r = s.result;
  return {
    title: t('c.summaryTitle'),
    body: [
      h('p', { 'data-testid': 'sum-credits' }, t('c.summaryStats', {
        rec: r.recognizedCredits, plan: r.homePlanCredits, eq: r.equivalence, core: r.corePassed, required: r.coreRequired, all: r.allCreditsRecognized ? t('c.yes') : t('c.no'),
      })),
      r.retake.length ? h('p', {}, t('c.summaryRetake', { list: r.retake.map((x) => `${x.name} (${x.grade})`).join(ctx.locale() === 'en' ? ', ' : '、') })) : null,
      s.bad.length ? h('p', { class: 'small error' }, t('err.badRowsElsewhere', { n: s.bad.length })) : null,
    ],
  };
}

export default {
  id: 'credits',
  requires: 'credits', // the policy section this tool needs
  dict,
  initial,
  summary,
  mount(panel, ctx) {
    const { t } = ctx;
    const missing = notInPolicy(ctx);
    if (missing) {
      replace(panel, h('div', { class: 'card credits-tool' },
        h('h2', {}, t('c.notInPolicy')),
        h('p', { class: 'notice', role: 'status', 'data-testid': 'not-in-policy' }, missing.message, ' ', missing.clauses.map((c) => ctx.clauseButton(c)))));
      return;
    }
    const data = ctx.data('credits', initial);
    const act = {};
    const v = view(ctx, data, act);
    // A saved system the current policy does not have falls back to its first one.
    for (const c of data.courses) if (!v.hasSystem(c.system)) c.system = v.defaultSystem;
    Object.assign(act, actions(ctx, data, v));
    replace(panel, v.root);
    act.compute();
  },
};
