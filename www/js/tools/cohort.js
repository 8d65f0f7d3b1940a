// Cohort conversion for program offices: one CSV (studentId, course, credits, grade) → every
// student's GPA and average (XYU-12.7), bad rows reported by line. The work runs in a Web Worker.
import { h, replace, nextId } from '../dom.js';
import { register } from '../i18n.js';
import * as csv from '../csv.js';
import { startBatchWorker } from '../wasm.js';

register({
  'zh-CN': {
    'tab.cohort': '批量换算（项目办）',
    'co.title': '整批学生成绩换算',
    'co.hint': 'CSV 表头：studentId,course,credits,grade（列顺序不限）。文件只在本机浏览器中处理。',
    'co.file': '选择 CSV 文件',
    'co.reading': '正在读取 {done} / {total} 字节…', 'co.computing': '正在计算…',
    'co.summary': '{students} 名学生，{rows} 行；{errors} 行有误未计入。',
    'co.student': '学号', 'co.gpa': 'GPA', 'co.average': '加权平均分', 'co.credits': '学分', 'co.failed': '不及格门数',
    'co.errors': '有误的行（其余行照常计算）', 'co.line': '第 {line} 行',
    'co.export': '导出全部结果 CSV', 'co.more': '仅显示前 {n} 名学生；导出 CSV 可得全部结果。',
    'co.progress': '处理进度',
    'co.inPage': '后台线程未能启动（{reason}），改在本页计算，期间页面可能短暂无响应。', 'co.noWorker': '线程脚本加载失败',
  },
  en: {
    'tab.cohort': 'Cohort (offices)',
    'co.title': 'Convert a whole cohort',
    'co.hint': 'CSV header: studentId,course,credits,grade (any column order). The file is processed in this browser only.',
    'co.file': 'Choose a CSV file',
    'co.reading': 'Reading {done} / {total} bytes…', 'co.computing': 'Computing…',
    'co.summary': '{students} students, {rows} rows; {errors} rows had errors and were left out.',
    'co.student': 'Student id', 'co.gpa': 'GPA', 'co.average': 'Weighted average', 'co.credits': 'Credits', 'co.failed': 'Failed courses',
    'co.errors': 'Rows with errors (the other rows still count)', 'co.line': 'line {line}',
    'co.export': 'Export all results as CSV', 'co.more': 'Showing the first {n} students; export the CSV for all of them.',
    'co.progress': 'Progress',
    'co.inPage': 'The background worker did not start ({reason}); computing on this page instead, which may freeze it briefly.', 'co.noWorker': 'its script failed to load',
  },
});

const SHOWN = 200;

export default {
  id: 'cohort',
  requires: 'grades', // the policy section this tool needs
  mount(panel, ctx) {
    const { t } = ctx;
    const fid = nextId('cohort-file');
    const progress = h('progress', { max: '1', value: '0', hidden: true, 'aria-label': t('co.progress') });
    const status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite' });
    const out = h('div');
    const file = h('input', { id: fid, type: 'file', accept: '.csv,text/csv', onchange: run });
    let worker = null;
    let job = 0;

    function run() {
      const f = file.files?.[0];
      if (!f) return;
      // A new file replaces a busy worker: that is how a running batch is cancelled.
      worker?.terminate();
      const id = ++job;
      try {
        worker = startBatchWorker();
      } catch (e) {
        inPage(f, id, e.message); // e.g. the single-file app opened from disk, where no worker file exists
        return;
      }
      worker.onerror = (e) => { worker?.terminate(); worker = null; inPage(f, id, e.message); };
      progress.hidden = false;
      progress.removeAttribute('value'); // indeterminate until the first report
      replace(out);
      worker.onmessage = ({ data }) => {
        if (data.id !== id) return;
        if (data.phase === 'read') {
          progress.max = data.total; progress.value = data.done;
          status.textContent = t('co.reading', { done: data.done, total: data.total });
        } else if (data.phase === 'compute') {
          progress.removeAttribute('value');
          status.textContent = t('co.computing');
        } else if (data.phase === 'done') {
          progress.hidden = true;
          show(data.result);
          worker.terminate(); worker = null;
        } else {
          progress.hidden = true;
          status.textContent = '';
          replace(out, h('p', { class: 'error', role: 'alert' }, data.message));
          worker.terminate(); worker = null;
        }
      };
      worker.postMessage({ id, policy: ctx.policy(), locale: ctx.locale(), file: f });
    }

    // Fallback without a worker: the same call on the page's own thread, saying why (a worker
    // that silently failed to load once hid a bundler problem).
    async function inPage(f, id, reason) {
      const why = t('co.inPage', { reason: reason || t('co.noWorker') });
      status.textContent = `${why} ${t('co.computing')}`;
      try {
        const result = ctx.api.batchGpa({ policy: ctx.policy(), locale: ctx.locale(), csv: new Uint8Array(await f.arrayBuffer()) });
        if (id === job) { progress.hidden = true; show(result); status.textContent += ` ${why}`; }
      } catch (e) {
        progress.hidden = true;
        status.textContent = why;
        replace(out, h('p', { class: 'error', role: 'alert' }, e.message));
      }
    }

    function show(r) {
      status.textContent = t('co.summary', { students: r.students.length, rows: r.rows, errors: r.errorCount });
      const exportAll = () => csv.download('cohort-gpa.csv', csv.stringify([
        ['studentId', 'gpa', 'gpaExact', 'averagePercentage', 'averagePercentageExact', 'credits', 'gpaCredits', 'failedCourses', 'policy'],
        ...r.students.map((s) => [s.studentId, s.gpa ?? '', s.gpaExact ?? '', s.averagePercentage ?? '', s.averagePercentageExact ?? '', s.credits, s.gpaCredits, s.failedCourses, `${r.policy.id} ${r.policy.hash}`]),
      ]));
      replace(out,
        h('button', { type: 'button', onclick: exportAll }, t('co.export')),
        h('div', { class: 'table-wrap' }, h('table', { class: 'grid' },
          h('thead', {}, h('tr', {}, [t('co.student'), t('co.gpa'), t('co.average'), t('co.credits'), t('co.failed')].map((x) => h('th', { scope: 'col' }, x)))),
          h('tbody', {}, r.students.slice(0, SHOWN).map((s) => h('tr', {},
            h('th', { scope: 'row' }, s.studentId), h('td', { class: 'num' }, s.gpa ?? '—'), h('td', { class: 'num' }, s.averagePercentage ?? '—'),
            h('td', { class: 'num' }, s.credits), h('td', { class: 'num' }, String(s.failedCourses))))))),
        r.students.length > SHOWN ? h('p', { class: 'muted small' }, t('co.more', { n: SHOWN })) : null,
        r.errors.length ? h('div', {}, h('h3', {}, t('co.errors')),
          h('ul', { class: 'findings' }, r.errors.slice(0, 50).map((e) => h('li', { class: 'finding fail' }, h('span', { class: 'outcome' }, t('co.line', { line: e.line })), ' ', e.message)))) : null);
    }

    replace(panel, h('div', { class: 'card' },
      h('h2', {}, t('co.title')),
      h('p', { class: 'muted small' }, t('co.hint')),
      h('label', { for: fid }, t('co.file')), file, progress, status, out));
  },
};
