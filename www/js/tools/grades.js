// Grades: one grade → grade point and percentage (XYU-12.7), a transcript's GPA, and the
// common Chinese algorithms for home percentage scores side by side (not from a regulation).
import { h, replace, nextId } from '../dom.js';
import { register } from '../i18n.js';
import { editableTable, rowField } from '../table.js';
import { renderFindings } from '../findings.js';
import * as csv from '../csv.js';

register({
  'zh-CN': {
    'tab.grades': '成绩与绩点',
    'g.convertTitle': '单个成绩换算',
    'g.gradeLabel': '外方成绩（字母等级或百分制分数）',
    'g.gradeHint': '例如 B+、Ａ－、88；大小写、全角均可。',
    'g.point': '绩点', 'g.percentage': '百分制',
    'g.result': '{grade} → 绩点 {point}，百分制 {pct}',
    'g.resultPct': '{grade} 分：成绩标准相同，直接认定（百分制 {pct}）',
    'g.resultPf': '{grade}：通过制成绩，只计学分，不计绩点',
    'g.transcriptTitle': '成绩单 GPA',
    'g.course': '课程', 'g.credits': '学分', 'g.grade': '成绩',
    'g.gpa': 'GPA', 'g.average': '加权平均分', 'g.creditsSummary': '计入绩点 {gpa} 学分，共 {total} 学分，已获得 {earned} 学分',
    'g.exact': '精确值 {v}',
    'g.noGpa': '填写学分和成绩后显示结果',
    'g.homeTitle': '国内百分制成绩的常见绩点算法对比',
    'g.homeNote': '以下算法并非两项规定的内容，仅供出国申请参考；各算法映射以其公开定义为准。',
    'g.score': '百分制分数', 'g.algorithm': '算法', 'g.disagree': '各 4.0 算法结果不一致的课程已标出',
    'g.caption': '成绩单：课程、学分、成绩', 'g.homeCaption': '国内课程：课程、学分、百分制分数',
    'g.import': '导入成绩单 CSV', 'g.export': '导出结果 CSV', 'g.importHint': 'CSV 列：课程, 学分, 成绩（可带表头）',
    'g.imported': '已导入 {n} 门课程。', 'g.importEmpty': '文件中没有找到课程。',
  },
  en: {
    'tab.grades': 'Grades & GPA',
    'g.convertTitle': 'Convert one grade',
    'g.gradeLabel': 'Partner grade (letter or percentage score)',
    'g.gradeHint': 'E.g. B+, Ａ－, 88; any case, full-width forms are fine.',
    'g.point': 'Grade point', 'g.percentage': 'Percentage',
    'g.result': '{grade} → grade point {point}, percentage {pct}',
    'g.resultPct': '{grade}: same grading standard, taken over directly (percentage {pct})',
    'g.resultPf': '{grade}: a pass/fail grade, counts for credits only',
    'g.transcriptTitle': 'Transcript GPA',
    'g.course': 'Course', 'g.credits': 'Credits', 'g.grade': 'Grade',
    'g.gpa': 'GPA', 'g.average': 'Weighted average', 'g.creditsSummary': '{gpa} credits in the GPA, {total} in all, {earned} earned',
    'g.exact': 'exact {v}',
    'g.noGpa': 'Enter credits and grades to see the result',
    'g.homeTitle': 'Common Chinese GPA algorithms for home percentage scores',
    'g.homeNote': 'These algorithms are not from either regulation; they are shown for applications abroad, each as its source defines it.',
    'g.score': 'Score', 'g.algorithm': 'Algorithm', 'g.disagree': 'Courses where the 4.0 algorithms disagree are marked',
    'g.caption': 'Transcript: course, credits, grade', 'g.homeCaption': 'Home courses: course, credits, percentage score',
    'g.import': 'Import transcript CSV', 'g.export': 'Export results CSV', 'g.importHint': 'CSV columns: course, credits, grade (header optional)',
    'g.imported': '{n} courses imported.', 'g.importEmpty': 'No courses found in the file.',
  },
});

const initial = {
  single: '',
  courses: [{ name: '', credits: '', grade: '' }],
  home: [{ name: '', credits: '', score: '' }],
};

export default {
  id: 'grades',
  requires: 'grades', // the policy section this tool needs
  mount(panel, ctx) {
    const { t, api } = ctx;
    const data = ctx.data('grades', initial);
    const locale = ctx.locale();
    let lastResult = null; // the last GPA result, for the CSV export

    // --- one grade ---
    const listId = nextId('letters');
    const gid = nextId('grade');
    const hint = nextId('hint');
    const single = h('input', { id: gid, type: 'text', value: data.single, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': hint, class: 'grade-input', list: listId });
    const singleOut = h('output', { for: gid, class: 'result', 'aria-live': 'polite' });
    const letters = h('datalist', { id: listId });
    try {
      const doc = ctx.policyInfo();
      for (const row of doc?.grades?.letters ?? []) letters.append(h('option', { value: row.letter }));
    } catch { /* no grade table in this policy */ }

    function convertOne() {
      data.single = single.value;
      ctx.save();
      if (!single.value.trim()) { replace(singleOut); single.removeAttribute('aria-invalid'); return; }
      try {
        const r = api.convertGrade({ policy: ctx.policy(), grade: single.value, locale });
        single.setAttribute('aria-invalid', 'false');
        const text = r.kind === 'letter' ? t('g.result', { grade: r.grade, point: r.gradePoint, pct: r.percentage })
          : r.kind === 'percentage' ? t('g.resultPct', { grade: r.grade, pct: r.percentage })
            : t('g.resultPf', { grade: r.grade });
        replace(singleOut, h('span', { class: 'big', 'data-testid': 'single-result' }, text), ' ', ctx.clauseButton(r.clause));
      } catch (e) {
        single.setAttribute('aria-invalid', 'true');
        replace(singleOut, h('span', { class: 'error' }, e.message));
      }
    }
    single.addEventListener('input', convertOne);

    // --- transcript ---
    const summary = h('div', { class: 'summary', 'aria-live': 'polite' });
    const findings = h('ul', { class: 'findings' });
    const table = editableTable({
      caption: t('g.caption'),
      columns: [
        { key: 'name', label: t('g.course') },
        { key: 'credits', label: t('g.credits'), inputmode: 'decimal' },
        { key: 'grade', label: t('g.grade'), list: listId },
      ],
      outputs: [{ key: 'point', label: t('g.point') }, { key: 'pct', label: t('g.percentage') }],
      rows: data.courses,
      blank: () => ({ name: '', credits: '', grade: '' }),
      onChange: computeGpa,
      t,
    });

    function computeGpa() {
      ctx.save();
      // Rows still being filled in are left out rather than reported as errors.
      const filled = data.courses.map((c, i) => ({ c, i })).filter(({ c }) => String(c.credits).trim() && String(c.grade).trim());
      data.courses.forEach((_, i) => { table.setOutput(i, 'point', ''); table.setOutput(i, 'pct', ''); });
      table.setErrors([]);
      if (!filled.length) { replace(summary, h('p', { class: 'muted' }, t('g.noGpa'))); replace(findings); return; }
      try {
        const r = api.computeGpa({ policy: ctx.policy(), locale, courses: filled.map(({ c }) => ({ name: c.name, credits: c.credits, grade: c.grade })) });
        lastResult = r;
        r.courses.forEach((c, k) => {
          table.setOutput(filled[k].i, 'point', c.gradePoint ?? '—');
          table.setOutput(filled[k].i, 'pct', c.percentage ?? '—');
        });
        replace(summary,
          stat(t('g.gpa'), r.gpa ?? '—', r.gpaExact, 'gpa'),
          stat(t('g.average'), r.averagePercentage ?? '—', r.averagePercentageExact, 'average'),
          h('p', { class: 'muted' }, t('g.creditsSummary', { gpa: r.gpaCredits, total: r.totalCredits, earned: r.earnedCredits })));
        renderFindings(findings, r.findings, ctx);
      } catch (e) {
        const at = rowField(e.field, 'courses');
        if (at) table.setErrors([{ index: filled[at.index]?.i, key: at.key, message: e.message }]);
        lastResult = null;
        replace(summary, h('p', { class: 'error', role: 'alert' }, e.message));
        replace(findings);
      }
    }

    // CSV in: replaces the table with the file's courses (course names stay text, never HTML).
    const fileInput = h('input', { type: 'file', accept: '.csv,text/csv', class: 'sr-only', tabindex: '-1', 'aria-hidden': 'true', onchange: importCsv });
    async function importCsv() {
      const f = fileInput.files?.[0];
      if (!f) return;
      const { index, body } = csv.columns(csv.parse(await f.text()), {
        name: ['course', 'name', '课程', '课程名称'], credits: ['credits', 'credit', '学分'], grade: ['grade', '成绩'],
      });
      const rows = body.map((r) => ({ name: r[index.name] ?? '', credits: r[index.credits] ?? '', grade: r[index.grade] ?? '' }));
      fileInput.value = '';
      if (!rows.length) { ctx.say(t('g.importEmpty')); return; }
      data.courses.splice(0, data.courses.length, ...rows);
      table.render();
      computeGpa();
      ctx.say(t('g.imported', { n: rows.length }));
    }
    function exportCsv() {
      const head = [t('g.course'), t('g.credits'), t('g.grade'), t('g.point'), t('g.percentage'), 'clause'];
      const rows = (lastResult?.courses ?? []).map((c) => [c.name, c.credits, c.grade, c.gradePoint ?? '', c.percentage ?? '', c.clause]);
      const foot = lastResult ? [[t('g.gpa'), lastResult.gpaCredits, '', lastResult.gpa ?? '', lastResult.averagePercentage ?? '', `${lastResult.policy.id} ${lastResult.policy.hash}`]] : [];
      csv.download('transcript-gpa.csv', csv.stringify([head, ...rows, ...foot]));
    }
    const csvBar = h('div', { class: 'csv-bar' },
      h('button', { type: 'button', onclick: () => fileInput.click() }, t('g.import')), fileInput,
      h('button', { type: 'button', onclick: exportCsv }, t('g.export')),
      h('span', { class: 'muted small' }, t('g.importHint')));

    function stat(label, value, exact, testid) {
      return h('div', { class: 'stat' }, h('span', { class: 'stat-label' }, label), h('span', { class: 'stat-value', 'data-testid': testid }, value),
        exact && exact !== value ? h('span', { class: 'muted small' }, t('g.exact', { v: exact })) : null);
    }

    // --- home algorithms ---
    const homeOut = h('div', { 'aria-live': 'polite' });
    const homeTable = editableTable({
      caption: t('g.homeCaption'),
      columns: [
        { key: 'name', label: t('g.course') },
        { key: 'credits', label: t('g.credits'), inputmode: 'decimal' },
        { key: 'score', label: t('g.score'), inputmode: 'decimal' },
      ],
      rows: data.home,
      blank: () => ({ name: '', credits: '', score: '' }),
      onChange: computeHome,
      t,
    });

    function computeHome() {
      ctx.save();
      const filled = data.home.map((c, i) => ({ c, i })).filter(({ c }) => String(c.credits).trim() && String(c.score).trim());
      homeTable.setErrors([]);
      if (!filled.length) { replace(homeOut); return; }
      try {
        const r = api.homeGpa({ locale, courses: filled.map(({ c }) => ({ name: c.name, credits: c.credits, score: c.score })) });
        const name = (a) => (locale === 'en' ? a.nameEn : a.name);
        replace(homeOut,
          h('table', { class: 'grid compare' },
            h('caption', {}, t('g.disagree')),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('g.algorithm')), h('th', { scope: 'col' }, t('g.gpa')),
              r.courses.map((c, k) => h('th', { scope: 'col', class: c.disagree ? 'disagree' : null }, c.name || `#${filled[k].i + 1}`, ` (${c.score})`)))),
            h('tbody', {}, r.algorithms.map((a, ai) => h('tr', {},
              h('th', { scope: 'row', title: a.source }, name(a)),
              h('td', { class: 'num' }, a.gpa ?? '—', h('span', { class: 'muted small' }, ` / ${a.scale}`)),
              r.courses.map((c) => h('td', { class: c.disagree ? 'num disagree' : 'num' }, c.points[ai])))))),
          gpaChart(r.algorithms, name));
      } catch (e) {
        const at = rowField(e.field, 'courses');
        if (at) homeTable.setErrors([{ index: filled[at.index]?.i, key: at.key, message: e.message }]);
        replace(homeOut, h('p', { class: 'error', role: 'alert' }, e.message));
      }
    }

    replace(panel,
      letters,
      h('div', { class: 'card' },
        h('h2', {}, t('g.convertTitle')),
        h('label', { for: gid }, t('g.gradeLabel')),
        single,
        h('p', { id: hint, class: 'muted small' }, t('g.gradeHint')),
        singleOut),
      h('div', { class: 'card print-keep' }, h('h2', {}, t('g.transcriptTitle')), csvBar, table.el, summary, findings),
      h('div', { class: 'card' }, h('h2', {}, t('g.homeTitle'), ' ', h('span', { class: 'badge' }, t('notFromRegulation'))),
        h('p', { class: 'muted small' }, t('g.homeNote')), homeTable.el, homeOut));
    convertOne();
    computeGpa();
    computeHome();
  },
};

/** A bar chart of each algorithm's GPA as a share of its scale, with a text equivalent. */
function gpaChart(algorithms, name) {
  const NS = 'http://www.w3.org/2000/svg';
  const rows = algorithms.filter((a) => a.gpa != null);
  const height = rows.length * 22 + 4;
  const el = document.createElementNS(NS, 'svg');
  el.setAttribute('viewBox', `0 0 380 ${height}`);
  el.setAttribute('class', 'chart');
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', rows.map((a) => `${name(a)} ${a.gpa}/${a.scale}`).join('; '));
  rows.forEach((a, i) => {
    const w = Math.max(0, Math.min(1, Number(a.gpa) / Number(a.scale))) * 180;
    const x0 = 150;
    const y = i * 22 + 2;
    const label = document.createElementNS(NS, 'text');
    label.setAttribute('x', '0'); label.setAttribute('y', String(y + 14)); label.setAttribute('class', 'chart-label');
    const full = name(a);
    label.textContent = full.length > 21 ? `${full.slice(0, 20)}…` : full;
    const bar = document.createElementNS(NS, 'rect');
    bar.setAttribute('x', String(x0)); bar.setAttribute('y', String(y + 3)); bar.setAttribute('height', '14'); bar.setAttribute('width', String(w));
    bar.setAttribute('class', 'chart-bar');
    const v = document.createElementNS(NS, 'text');
    v.setAttribute('x', String(x0 + 4 + w)); v.setAttribute('y', String(y + 14)); v.setAttribute('class', 'chart-value');
    v.textContent = a.gpa;
    el.append(label, bar, v);
  });
  return el;
}
