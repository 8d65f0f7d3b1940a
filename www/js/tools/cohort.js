// Cohort conversion for program offices: one CSV (学号,课程,学分,成绩 or studentId, course,
// credits, grade) → every student's GPA and average (XYU-12.7), bad rows reported by line. The
// work runs in a Web Worker.
import { h, replace, scrollBox, filePicker } from '../dom.js';
import * as csv from '../csv.js';
import { csvFileProblem } from '../errors.js';
import { startBatchWorker } from '../wasm.js';

export const dict = {
  'co.title': ['整批学生成绩换算', 'Convert a whole cohort'],
  'co.hint': ['CSV 表头：学号,课程,学分,成绩（或 studentId,course,credits,grade；列顺序不限，用英文逗号分隔）。文件只在本机浏览器中处理。', 'CSV header: studentId,course,credits,grade (or 学号,课程,学分,成绩; any column order, comma-separated). The file is processed in this browser only.'],
  'co.file': ['选择 CSV 文件', 'Choose a CSV file'],
  'co.reading': ['正在读取 {done} / {total} 字节…', 'Reading {done} / {total} bytes…'],
  'co.computing': ['正在计算…', 'Computing…'],
  'co.summary': ['{students} 名学生，{rows} 行；{errors} 行有误未计入。', '{students} {students|student|students}, {rows} {rows|row|rows}; {errors} {errors|row had an error and was|rows had errors and were} left out.'],
  'co.student': ['学号', 'Student id'],
  'co.course': ['课程', 'Course'],
  'co.gpa': ['GPA', 'GPA'],
  'co.average': ['加权平均分', 'Weighted average'],
  'co.credits': ['学分', 'Credits'],
  'co.grade': ['成绩', 'Grade'],
  'co.failed': ['不及格门数', 'Failed courses'],
  'co.errors': ['有误的行（其余行照常计算）', 'Rows with errors (the other rows still count)'],
  'co.convertedBy': ['换算依据', 'Converted under'],
  'co.export': ['导出全部结果 CSV', 'Export all results as CSV'],
  'co.more': ['仅显示前 {n} 名学生；导出 CSV 可得全部结果。', 'Showing the first {n} students; export the CSV for all of them.'],
  'co.progress': ['处理进度', 'Progress'],
  'co.policy': ['政策', 'Policy'],
  'co.exact': ['{label}（精确值）', '{label} (exact)'],
  'co.gpaCredits': ['计入绩点学分', 'Credits in the GPA'],
  'co.fileBad': ['无法读取这个文件：{msg}', 'This file cannot be read: {msg}'],
  'co.inPage': ['后台线程未能启动（{reason}），改在本页计算，期间页面可能短暂无响应。', 'The background worker did not start ({reason}); computing on this page instead, which may freeze it briefly.'],
  'co.noWorker': ['线程脚本加载失败', 'its script failed to load'],
};

const SHOWN = 200;

// --- state: nothing is saved (the file is read afresh); the job in flight ------------

/** A row error's words: "第 18 行 学分：…", the column named as the header names it. */
function rowMessage(ctx, e) {
  const { t } = ctx;
  const label = { studentId: t('co.student'), course: t('co.course'), credits: t('co.credits'), grade: t('co.grade') }[e.field];
  // `message` starts with the line and the column path ("第 18 行：credits："); the page
  // names them itself, so it shows `reason`, the API's words without them.
  return { where: label ? t('err.cell', { n: e.line, label }) : t('err.row', { n: e.line }), msg: e.reason };
}

// --- view ------------------------------------------------------------------------------

function view(ctx, act) {
  const { t } = ctx;
  const progress = h('progress', { max: '1', value: '0', hidden: true, 'aria-label': t('co.progress') });
  const status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite' });
  const out = h('div');
  const clause = ctx.policyInfo()?.grades?.clause;

  const root = h('div', { class: 'card' },
    h('h2', {}, t('co.title')),
    h('p', { class: 'muted small' }, t('co.hint')),
    h('div', { class: 'csv-bar' }, filePicker({ label: t('co.file'), accept: '.csv,text/csv', onFile: (f) => act.run(f) })),
    progress, status, out);

  return {
    root,
    reading(done, total) {
      progress.hidden = false;
      progress.max = total;
      progress.value = done;
      status.textContent = t('co.reading', { done, total });
    },
    busy(message) {
      progress.hidden = false;
      progress.removeAttribute('value'); // indeterminate
      status.textContent = message ?? t('co.computing');
      replace(out);
    },
    /** The run is over: an indeterminate bar would keep animating, so it goes. */
    idle() {
      progress.hidden = true;
      progress.value = 0;
    },
    /** The file could not be read at all: a CSV problem in words, else the API's message. */
    failed(e) {
      const message = /^csv(\.|$)/.test(e.field ?? '')
        ? t('co.fileBad', { msg: csvFileProblem(t, e.code, (e.field ?? '').replace(/^csv\.?/, ''), ['studentId', 'course', 'credits', 'grade']) })
        : e.message;
      this.idle();
      status.textContent = '';
      replace(out, h('p', { class: 'error', role: 'alert' }, message));
    },
    show(r, note) {
      this.idle();
      status.textContent = [t('co.summary', { students: r.students.length, rows: r.rows, errors: r.errorCount }), note].filter(Boolean).join(' ');
      replace(out,
        h('div', { class: 'q-actions' }, h('button', { type: 'button', onclick: () => act.exportAll(r) }, t('co.export')),
          clause ? h('span', { class: 'muted small' }, `${t('co.convertedBy')} `, ctx.clauseButton(clause)) : null),
        scrollBox(t('co.title'), h('table', { class: 'grid' },
          h('thead', {}, h('tr', {}, [t('co.student'), t('co.gpa'), t('co.average'), t('co.credits'), t('co.failed')].map((x, i) => h('th', { scope: 'col', class: i ? 'num' : null }, x)))),
          h('tbody', {}, r.students.slice(0, SHOWN).map((s) => h('tr', {},
            h('th', { scope: 'row' }, s.studentId), h('td', { class: 'num' }, s.gpa ?? '—'), h('td', { class: 'num' }, s.averagePercentage ?? '—'),
            h('td', { class: 'num' }, s.credits), h('td', { class: 'num' }, String(s.failedCourses))))))),
        r.students.length > SHOWN ? h('p', { class: 'muted small' }, t('co.more', { n: SHOWN })) : null,
        r.errors.length ? h('div', {}, h('h3', {}, t('co.errors')),
          h('ul', { class: 'findings' }, r.errors.slice(0, 50).map((e) => {
            const m = rowMessage(ctx, e);
            return h('li', { class: 'finding fail', 'data-line': String(e.line) }, h('span', { class: 'outcome' }, t('err.at', { where: m.where, msg: '' })), m.msg);
          }))) : null);
    },
  };
}

// --- actions -----------------------------------------------------------------------------

function actions(ctx, v) {
  const { t } = ctx;
  let worker = null;
  let job = 0;

  // Fallback without a worker: the same call on the page's own thread, saying why (a worker
  // that silently failed to load once hid a bundler problem).
  async function inPage(f, id, reason) {
    const why = t('co.inPage', { reason: reason || t('co.noWorker') });
    v.busy(`${why} ${t('co.computing')}`);
    try {
      const result = ctx.api.batchGpa({ policy: ctx.policy(), locale: ctx.locale(), csv: new Uint8Array(await f.arrayBuffer()) });
      if (id === job) v.show(result, why);
    } catch (e) {
      if (id === job) v.failed(e);
    }
  }

  return {
    run(f) {
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
      v.busy();
      worker.onmessage = ({ data }) => {
        if (data.id !== id) return;
        if (data.phase === 'read') v.reading(data.done, data.total);
        else if (data.phase === 'compute') v.busy(t('co.computing'));
        else {
          if (data.phase === 'done') v.show(data.result);
          else v.failed(data);
          worker.terminate();
          worker = null;
        }
      };
      worker.postMessage({ id, policy: ctx.policy(), locale: ctx.locale(), file: f });
    },
    exportAll(r) {
      csv.download('cohort-gpa.csv', csv.stringify([
        [t('co.student'), t('co.gpa'), t('co.exact', { label: t('co.gpa') }), t('co.average'), t('co.exact', { label: t('co.average') }), t('co.credits'), t('co.gpaCredits'), t('co.failed'), t('co.policy')],
        ...r.students.map((s) => [s.studentId, s.gpa ?? '', s.gpaExact ?? '', s.averagePercentage ?? '', s.averagePercentageExact ?? '', s.credits, s.gpaCredits, s.failedCourses, `${r.policy.id} ${r.policy.hash}`]),
      ]));
    },
  };
}

export default {
  id: 'cohort',
  requires: 'grades', // the policy section this tool needs
  dict,
  mount(panel, ctx) {
    const act = {};
    const v = view(ctx, act);
    Object.assign(act, actions(ctx, v));
    replace(panel, v.root);
  },
};
