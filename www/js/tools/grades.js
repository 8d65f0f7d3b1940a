// Grades: one grade → grade point and percentage (XYU-12.7), a transcript's GPA, and the
// common Chinese algorithms for home percentage scores side by side (not from a regulation).
// Every number comes from the API; this module collects the input and lays the result out.
import { h, replace, svg, nextId, scrollBox, filePicker } from '../dom.js';
import { editableTable, settle, filled } from '../table.js';
import { renderFindings } from '../findings.js';
import { field, importInto, bare } from '../errors.js';
import * as csv from '../csv.js';

export const dict = {
  'g.convertTitle': ['单个成绩换算', 'Convert one grade'],
  'g.gradeLabel': ['外方成绩（字母等级或百分制分数）', 'Partner grade (letter or percentage score)'],
  'g.gradeHint': ['例如 B+、Ａ－、88；大小写、全角均可。', 'E.g. B+, Ａ－, 88; any case, full-width forms are fine.'],
  'g.point': ['绩点', 'Grade point'],
  'g.percentage': ['百分制', 'Percentage'],
  // The summary's narrow table (it fits a phone's width): the same columns, shorter words.
  'g.pointShort': ['绩点', 'Points'],
  'g.percentageShort': ['百分制', '%'],
  'g.result': ['{grade} → 绩点 {point}，百分制 {pct}', '{grade} → grade point {point}, percentage {pct}'],
  'g.resultPct': ['{grade} 分：成绩标准相同，直接认定（百分制 {pct}）', '{grade}: same grading standard, taken over directly (percentage {pct})'],
  'g.resultPf': ['{grade}：通过制成绩，只计学分，不计绩点', '{grade}: a pass/fail grade, counts for credits only'],
  'g.noTable': ['所选政策没有成绩换算表，这里无法换算；可切换到有换算表的政策。', 'The chosen policy has no grade table, so grades cannot be converted here; switch to a policy that has one.'],
  'g.transcriptTitle': ['成绩单 GPA', 'Transcript GPA'],
  'g.course': ['课程', 'Course'],
  'g.credits': ['学分', 'Credits'],
  'g.grade': ['成绩', 'Grade'],
  'g.gpa': ['GPA', 'GPA'],
  'g.average': ['加权平均分', 'Weighted average'],
  'g.creditsSummary': ['计入绩点 {gpa} 学分，共 {total} 学分，已获得 {earned} 学分', '{gpa} credits in the GPA, {total} in all, {earned} earned'],
  'g.exact': ['精确值 {v}', 'exact {v}'],
  'g.noGpa': ['填写学分和成绩后显示结果', 'Enter credits and grades to see the result'],
  'g.convertedBy': ['换算依据', 'Converted under'],
  'g.homeTitle': ['国内百分制成绩的常见绩点算法对比', 'Common Chinese GPA algorithms for home percentage scores'],
  'g.homeNote': ['以下算法并非两项规定的内容，仅供出国申请参考；各算法映射以其公开定义为准。', 'These algorithms are not from either regulation; they are shown for applications abroad, each as its source defines it.'],
  'g.score': ['百分制分数', 'Score'],
  'g.algorithm': ['算法', 'Algorithm'],
  'g.disagree': ['各 4.0 算法结果不一致的课程已标出', 'Courses where the 4.0 algorithms disagree are marked'],
  'g.sources': ['各算法的映射与来源', 'Each algorithm\'s mapping and source'],
  'g.caption': ['成绩单：课程、学分、成绩', 'Transcript: course, credits, grade'],
  'g.homeCaption': ['国内课程：课程、学分、百分制分数', 'Home courses: course, credits, percentage score'],
  'g.import': ['导入成绩单 CSV', 'Import transcript CSV'],
  'g.export': ['导出结果 CSV', 'Export results CSV'],
  'g.importHint': ['CSV 列：课程, 学分, 成绩（表头可用中文或英文，也可不带表头）', 'CSV columns: course, credits, grade (header in Chinese or English, or none)'],
  'g.clause': ['条款', 'Clause'],
  'g.summaryTitle': ['成绩与 GPA（XYU-12.7）', 'Grades and GPA (XYU-12.7)'],
  'g.summaryNone': ['尚未填写成绩单。', 'No transcript entered yet.'],
};

// --- state: what is saved, and the requests made from it -----------------------------

export const initial = () => ({
  single: '',
  courses: [{ name: '', credits: '', grade: '' }],
  home: [{ name: '', credits: '', score: '' }],
});

/** Rows still being filled in (no credits or no grade yet) are left out, not reported. */
const transcriptRows = (data) => data.courses.map((c, i) => ({ c, i })).filter(({ c }) => filled(c.credits) && filled(c.grade));
const homeRows = (data) => data.home.map((c, i) => ({ c, i })).filter(({ c }) => filled(c.credits) && filled(c.score));

/** computeGpa over the readable rows; bad rows are set aside (table.js settle). */
function transcript(ctx, data) {
  return settle(transcriptRows(data), 'courses', (rows) => (rows.length ? ctx.api.computeGpa({
    policy: ctx.policy(), locale: ctx.locale(), courses: rows.map(({ c }) => ({ name: c.name, credits: c.credits, grade: c.grade })),
  }) : null));
}

// --- view: built once per mount; show* put results in place ---------------------------

function view(ctx, data, act) {
  const { t } = ctx;
  const info = ctx.policyInfo();
  const listId = nextId('letters');
  const letters = h('datalist', { id: listId });
  // The table's letters as suggestions, once the full module has described the policy.
  ctx.whenFull(() => replace(letters, (ctx.policyInfo()?.grades?.letters ?? []).map((row) => h('option', { value: row.letter }))));

  const single = field({
    label: t('g.gradeLabel'),
    input: h('input', { type: 'text', value: data.single, autocomplete: 'off', spellcheck: 'false', class: 'grade-input', list: listId, oninput: (ev) => act.convert(ev.target.value) }),
    hint: t('g.gradeHint'),
  });
  const singleOut = h('output', { for: single.input.id, class: 'result', 'aria-live': 'polite' });

  const columns = [
    { key: 'name', label: t('g.course') },
    { key: 'credits', label: t('g.credits'), inputmode: 'decimal', example: '3' },
    { key: 'grade', label: t('g.grade'), list: listId, example: 'B+' },
  ];
  const table = editableTable({
    caption: t('g.caption'), columns, rows: data.courses, t, onChange: () => act.computeGpa(),
    outputs: [{ key: 'point', label: t('g.point') }, { key: 'pct', label: t('g.percentage') }],
    blank: () => ({ name: '', credits: '', grade: '' }),
  });
  const gpaBox = h('div', { class: 'summary', 'aria-live': 'polite' });
  const findings = h('ul', { class: 'findings' });
  const csvBar = h('div', { class: 'csv-bar' },
    filePicker({ label: t('g.import'), accept: '.csv,text/csv', onFile: (f) => act.importFile(f) }),
    h('button', { type: 'button', onclick: () => act.exportCsv() }, t('g.export')),
    h('span', { class: 'muted small' }, t('g.importHint')));

  const homeColumns = [
    { key: 'name', label: t('g.course') },
    { key: 'credits', label: t('g.credits'), inputmode: 'decimal', example: '3' },
    { key: 'score', label: t('g.score'), inputmode: 'decimal', example: '86' },
  ];
  const homeTable = editableTable({
    caption: t('g.homeCaption'), columns: homeColumns, rows: data.home, t, onChange: () => act.computeHome(),
    blank: () => ({ name: '', credits: '', score: '' }),
  });
  const homeOut = h('div', { 'aria-live': 'polite' });

  const root = [
    letters,
    h('div', { class: 'card' }, h('h2', {}, t('g.convertTitle')), single.el, singleOut),
    h('div', { class: 'card' }, h('h2', {}, t('g.transcriptTitle')), csvBar, table.el, table.note, gpaBox, findings),
    h('div', { class: 'card' }, h('h2', {}, t('g.homeTitle'), ' ', h('span', { class: 'badge' }, t('notFromRegulation'))),
      h('p', { class: 'muted small' }, t('g.homeNote')), homeTable.el, homeTable.note, homeOut),
  ];

  function stat(label, value, exact, testid) {
    return h('div', { class: 'stat' }, h('span', { class: 'stat-label' }, label), h('span', { class: 'stat-value', 'data-testid': testid }, value),
      exact && exact !== value ? h('span', { class: 'muted small' }, t('g.exact', { v: exact })) : null);
  }

  return {
    root,
    table,
    homeTable,
    showSingle(r, error) {
      single.setError(null);
      if (!r && !error) { replace(singleOut); return; }
      if (error?.code === 'not_in_policy') { replace(singleOut, h('span', { class: 'muted' }, t('g.noTable'))); return; }
      if (error) { single.setError(bare(error)); replace(singleOut); return; }
      const text = r.kind === 'letter' ? t('g.result', { grade: r.grade, point: r.gradePoint, pct: r.percentage })
        : r.kind === 'percentage' ? t('g.resultPct', { grade: r.grade, pct: r.percentage }) : t('g.resultPf', { grade: r.grade });
      replace(singleOut, h('span', { class: 'big', 'data-testid': 'single-result' }, text), ' ', ctx.clauseButton(r.clause));
    },
    showGpa(s) {
      table.showBad(s.bad);
      if (s.error) {
        // No grade table (not an input mistake): said calmly, as the single grade does.
        const calm = s.error.code === 'not_in_policy';
        replace(gpaBox, h('p', { class: calm ? 'muted' : 'error', role: calm ? 'status' : 'alert' }, calm ? t('g.noTable') : s.error.message));
        replace(findings);
        return;
      }
      const r = s.result;
      if (!r) { replace(gpaBox, h('p', { class: 'muted' }, t('g.noGpa'))); replace(findings); return; }
      r.courses.forEach((c, k) => {
        table.setOutput(s.used[k].i, 'point', c.gradePoint ?? '—');
        table.setOutput(s.used[k].i, 'pct', c.percentage ?? '—');
      });
      const clause = info?.grades?.clause ?? r.courses[0]?.clause;
      replace(gpaBox,
        stat(t('g.gpa'), r.gpa ?? '—', r.gpaExact, 'gpa'),
        stat(t('g.average'), r.averagePercentage ?? '—', r.averagePercentageExact, 'average'),
        h('p', { class: 'muted small' }, t('g.creditsSummary', { gpa: r.gpaCredits, total: r.totalCredits, earned: r.earnedCredits }),
          clause ? [' · ', t('g.convertedBy'), ' ', ctx.clauseButton(clause)] : null));
      renderFindings(findings, r.findings, ctx);
    },
    showHome(s) {
      homeTable.showBad(s.bad);
      if (s.error) { replace(homeOut, h('p', { class: 'error', role: 'alert' }, s.error.message)); return; }
      const r = s.result;
      if (!r) { replace(homeOut); return; }
      const name = (a) => (ctx.locale() === 'en' ? a.nameEn : a.name);
      replace(homeOut,
        scrollBox(t('g.homeTitle'), h('table', { class: 'grid compare' },
          h('caption', {}, t('g.disagree')),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('g.algorithm')), h('th', { scope: 'col', class: 'num' }, t('g.gpa')),
            r.courses.map((c, k) => h('th', { scope: 'col', class: c.disagree ? 'disagree' : null }, c.name || `#${s.used[k].i + 1}`, ` (${c.score})`)))),
          h('tbody', {}, r.algorithms.map((a, ai) => h('tr', {},
            h('th', { scope: 'row' }, name(a)),
            h('td', { class: 'num' }, h('span', { class: 'nowrap' }, a.gpa ?? '—', h('span', { class: 'muted small' }, ` / ${a.scale}`))),
            r.courses.map((c) => h('td', { class: c.disagree ? 'num disagree' : 'num' }, c.points[ai]))))))),
        gpaChart(r.algorithms, name),
        h('details', { class: 'sources' }, h('summary', {}, t('g.sources')),
          h('ul', { class: 'small' }, r.algorithms.map((a) => h('li', {}, h('strong', {}, name(a)), ' — ', h('span', { lang: 'en' }, a.source))))));
    },
  };
}

/** `text` cut to `width` half-width characters (a CJK character is two), with "…" if cut. */
function fit(text, width) {
  let used = 0;
  let out = '';
  for (const ch of text) {
    used += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
    if (used > width - 1) return `${out}…`;
    out += ch;
  }
  return out;
}

/** A bar chart of each algorithm's GPA as a share of its scale, with a text equivalent. */
function gpaChart(algorithms, name) {
  const rows = algorithms.filter((a) => a.gpa != null);
  const x0 = 150;
  return svg('svg', { viewBox: `0 0 380 ${rows.length * 22 + 4}`, class: 'chart', role: 'img', 'aria-label': rows.map((a) => `${name(a)} ${a.gpa}/${a.scale}`).join('; ') },
    rows.map((a, i) => {
      // A bar's length only (drawing, not a result): the share of the scale.
      const w = Math.max(0, Math.min(1, Number(a.gpa) / Number(a.scale))) * 180;
      const y = i * 22 + 2;
      return [
        svg('text', { x: 0, y: y + 14, class: 'chart-label' }, fit(name(a), 26)),
        svg('rect', { x: x0, y: y + 3, height: 14, width: w, class: 'chart-bar' }),
        svg('text', { x: x0 + 4 + w, y: y + 14, class: 'chart-value' }, a.gpa),
      ];
    }));
}

// --- actions: what the inputs do ------------------------------------------------------

function actions(ctx, data, v) {
  const { t } = ctx;
  let last = null; // the last GPA result, for the CSV export
  let homeJob = 0; // the latest home-score request, so a late answer to an older one is dropped
  return {
    convert(text) {
      data.single = text;
      ctx.save();
      if (!filled(text)) { v.showSingle(null); return; }
      try {
        v.showSingle(ctx.api.convertGrade({ policy: ctx.policy(), grade: text, locale: ctx.locale() }));
      } catch (e) {
        v.showSingle(null, e);
      }
    },
    computeGpa() {
      ctx.save();
      const s = transcript(ctx, data);
      last = s.result ?? null;
      v.showGpa(s);
    },
    computeHome() {
      ctx.save();
      const rows = homeRows(data);
      // homeGpa is the full module's: the first home score typed brings it in.
      const compute = (full) => v.showHome(settle(rows, 'courses', (used) => (used.length ? full.homeGpa({
        locale: ctx.locale(), courses: used.map(({ c }) => ({ name: c.name, credits: c.credits, score: c.score })),
      }) : null)));
      if (!rows.length) { compute(null); return; }
      const waiting = ++homeJob;
      ctx.full().then((full) => { if (waiting === homeJob) compute(full); }, (e) => v.showHome({ bad: [], error: e }));
    },
    // CSV in: replaces the table with the file's courses (course names stay text, never HTML).
    async importFile(f) {
      ctx.say(await importInto(v.table, f, { keys: ['course', 'credits', 'grade'], required: ['credits', 'grade'], positional: true }, (x) => {
        const c = { name: x.course ?? '', credits: x.credits ?? '', grade: x.grade ?? '' };
        return filled(c.name) || filled(c.credits) || filled(c.grade) ? c : null;
      }, t));
    },
    exportCsv() {
      const head = [t('g.course'), t('g.credits'), t('g.grade'), t('g.point'), t('g.percentage'), t('g.clause')];
      const rows = (last?.courses ?? []).map((c) => [c.name, c.credits, c.grade, c.gradePoint ?? '', c.percentage ?? '', c.clause]);
      const foot = last ? [[t('g.gpa'), last.gpaCredits, '', last.gpa ?? '', last.averagePercentage ?? '', `${last.policy.id} ${last.policy.hash}`]] : [];
      csv.download('transcript-gpa.csv', csv.stringify([head, ...rows, ...foot]));
    },
  };
}

/** The application summary's part: the GPA and the courses, or null when nothing is entered. */
function summary(ctx, data) {
  const { t } = ctx;
  if (!ctx.policyInfo()?.grades) return null;
  const s = transcript(ctx, data);
  const r = s.result;
  return {
    title: t('g.summaryTitle'),
    body: r ? [
      h('p', { class: 'sum-stats' }, `${t('g.gpa')} `, h('strong', { 'data-testid': 'sum-gpa' }, r.gpa ?? '—'), ` · ${t('g.average')} `, h('strong', {}, r.averagePercentage ?? '—'),
        ` · ${t('g.creditsSummary', { gpa: r.gpaCredits, total: r.totalCredits, earned: r.earnedCredits })}`),
      scrollBox(t('g.summaryTitle'), h('table', { class: 'grid sum-table' },
        h('thead', {}, h('tr', {}, [t('g.course'), t('g.credits'), t('g.grade'), t('g.pointShort'), t('g.percentageShort')].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, r.courses.map((c) => h('tr', {}, h('td', {}, c.name), h('td', { class: 'num' }, c.credits), h('td', {}, c.grade),
          h('td', { class: 'num' }, c.gradePoint ?? '—'), h('td', { class: 'num' }, c.percentage ?? '—')))))),
      s.bad.length ? h('p', { class: 'small error' }, t('err.badRowsElsewhere', { n: s.bad.length })) : null,
    ] : [h('p', { class: 'muted' }, t('g.summaryNone'))],
  };
}

export default {
  id: 'grades',
  requires: 'grades', // the policy section this tool needs
  dict,
  initial,
  summary,
  mount(panel, ctx) {
    const data = ctx.data('grades', initial);
    const act = {};
    const v = view(ctx, data, act);
    Object.assign(act, actions(ctx, data, v));
    replace(panel, v.root);
    act.convert(data.single);
    act.computeGpa();
    act.computeHome();
  },
};
