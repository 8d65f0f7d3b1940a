// describePolicy in words (issue 18): the resolved policy as something an office can read —
// every parameter with its clause and whether a rule reads it, each section in sentences, the
// quoted clauses — marking what a university's file sets. Shown in a dialog from the app's
// footer (shell.js) and from the embed builder. Everything goes in as text.
import { h, nextId } from './dom.js';
import { clauseText } from './clauses.js';

export const dict = {
  'pv.dialogTitle': ['规则全文', 'The rules in words'],
  'pv.meta': ['编号 {id} · {year} 年 · 规则指纹 {hash}（打印结果上的指纹）', 'Id {id} · {year} · fingerprint {hash} (the one printed with each result)'],
  'pv.overBase': ['标有“本文件设定”的内容来自本校的政策文件，其余沿用预设政策 {base}。', 'What is marked "set by this file" comes from the university\'s policy file; the rest is the preset {base} as it is.'],
  'pv.wholeFile': ['整套规则都来自本校自己的政策文件。', 'The whole policy comes from the university\'s own file.'],
  'pv.setByFile': ['本文件设定', 'set by this file'],
  'pv.changes': ['本文件改动：{keys}', 'This file changes: {keys}'],
  'pv.params': ['当年通知确定的参数', 'Parameters set by each year\'s notice'],
  'pv.paramsIntro': ['办法把这些数值留给每年的项目通知；未设定的，需要它的检查显示“待审核”，由学校决定。', 'The regulation leaves these values to each year\'s notice; where one is not set, a check that needs it says "for review" and the school decides.'],
  'pv.unset': ['未设定', 'not set'],
  'pv.unread': ['本政策中没有读取此参数的规则，设置了也不会生效。', 'No rule of this policy reads it, so setting it would have no effect.'],
  'pv.noClause': ['申请表的格式校验，不是办法的规定。', 'A format check of the application form, not a rule of the regulation.'],
  'pv.clauseMissing': ['（本政策未收录该条款原文）', '(the policy does not quote this clause)'],
  'pv.p.minGpa': ['最低绩点（“学习成绩良好”）', 'Minimum GPA ("a good academic record")'],
  'pv.p.priorityIelts': ['雅思优先线', 'IELTS priority line'],
  'pv.p.priorityToefl': ['托福优先线', 'TOEFL iBT priority line'],
  'pv.p.hoursPerCredit': ['认定 1 学分的学时数', 'Class hours per recognized credit'],
  'pv.p.schoolCapPerStudent': ['学校资助每生上限（元）', 'School funding cap per student (CNY)'],
  'pv.p.schoolShareRatio': ['学校分担比例（0–1）', 'School\'s share of the school items (0–1)'],
  'pv.p.studentIdPattern': ['学号格式（正则表达式）', 'Student id format (regular expression)'],
  'pv.w.minGpa': ['低于此绩点，申请资格判为“不符合”；未设定则绩点一项为“待审核”。', 'Below it the eligibility check says "not met"; unset, the GPA item is "for review".'],
  'pv.w.priorityIelts': ['达到此分数的申请者标为“优先”；不会据此排除任何人。', 'Applicants at or above it are marked "priority"; it never excludes anyone.'],
  'pv.w.priorityToefl': ['达到此分数的申请者标为“优先”；不会据此排除任何人。', 'Applicants at or above it are marked "priority"; it never excludes anyone.'],
  'pv.w.hoursPerCredit': ['外方课程的学时除以此数，得到认定学分；须在 {min}–{max} 之间。', 'A course\'s class hours divided by it give its recognized credits; it must lie within {min}–{max}.'],
  'pv.w.schoolCapPerStudent': ['学校资助每人最多到此金额，超出部分由个人承担。', 'The school pays each student at most this much; the rest is the student\'s.'],
  'pv.w.schoolShareRatio': ['学校资助项目中学校承担的比例，其余由个人承担（0.8 即 80%）。', 'The part of the school items the school pays, the rest is the student\'s (0.8 is 80%).'],
  'pv.w.studentIdPattern': ['申请表中的学号须整体符合此格式；未设定时接受 6–20 位数字。', 'A student id on the application form must match it in full; unset, 6–20 digits are accepted.'],
  'pv.grades': ['成绩换算', 'Grade conversion'],
  'pv.letter': ['等级', 'Letter'],
  'pv.gradePoint': ['绩点', 'Grade point'],
  'pv.percentage': ['百分制', 'Percentage'],
  'pv.failing': ['不及格的等级：{list}', 'Failing letters: {list}'],
  'pv.passFail': ['通过制成绩：{pass} 计学分、不计绩点；{fail} 为不通过。', 'Pass/fail grades: {pass} count for credits, not the GPA; {fail} fail.'],
  'pv.passMark': ['百分制及格线：{mark}', 'Percentage pass mark: {mark}'],
  'pv.credits': ['学分认定', 'Credit recognition'],
  'pv.hourRange': ['{min}–{max} 学时计 1 学分；本政策按 {divisor} 学时计算认定学分。', '{min}–{max} class hours make a credit; this policy divides by {divisor}.'],
  'pv.shortCap': ['短期项目学分最多认定 {cap} 学分（作选修课）。', 'Short programmes: recognized as electives, with a cap of {cap} on their credits in all.'],
  'pv.core': ['交换 {n} 个学期：修读 {count} 门核心课程即认定这段时间的全部学分。', 'Semesters abroad: {n}. Core courses that recognize all of the period\'s credits: {count}.'],
  'pv.semesters': ['交换期 {min}–{max} 个学期。', 'An exchange lasts {min}–{max} semesters.'],
  'pv.system': ['{name}：{foreign} 学分折合本校 {home} 学分', '{name} to home credits: {foreign} : {home}'],
  'pv.basis.regulation': ['办法规定', 'the regulation\'s'],
  'pv.basis.convention': ['惯例，非办法规定', 'a convention, not the regulation\'s'],
  'pv.deadlines': ['时间节点与步骤', 'Deadlines and steps'],
  'pv.days': ['{from}后 {n} 天内', 'within {n} {n|day|days} of {from}'],
  'pv.months': ['{from}后 {n} 个月内', 'within {n} {n|month|months} of {from}'],
  'pv.from.departure': ['出境', 'departure'],
  'pv.from.arrival': ['抵达', 'arrival'],
  'pv.from.end': ['交换结束', 'the end of the exchange'],
  'pv.annual': ['每年 {month} 月 {day} 日前', 'each year by {month}/{day}'],
  'pv.phase.beforeDeparture': ['出发前', 'Before departure'],
  'pv.phase.abroad': ['在国（境）外期间', 'While abroad'],
  'pv.phase.afterReturn': ['交换结束后', 'After the exchange'],
  'pv.funding': ['经费分担', 'Funding shares'],
  'pv.payer.school': ['学校专项资助', 'school funding'],
  'pv.payer.college': ['学院配套资助', 'college funding'],
  'pv.payer.student': ['个人承担', 'the student'],
  'pv.economy': ['（按经济舱标准，超出部分个人承担）', '(up to the economy fare; the rest is the student\'s)'],
  'pv.item.tuition': ['学费（课程费）', 'Tuition (course fees)'],
  'pv.item.management': ['项目管理费', 'Programme management fee'],
  'pv.item.accommodation': ['项目期间食宿费', 'Room and board'],
  'pv.item.insurance': ['保险费', 'Insurance'],
  'pv.item.airfare': ['国际往返机票', 'Round-trip airfare'],
  'pv.item.visa': ['签证费', 'Visa fee'],
  'pv.item.localTransport': ['当地交通费', 'Local transport'],
  'pv.item.personal': ['其他个人费用', 'Other personal spending'],
  'pv.checklist': ['领取资助的步骤', 'Steps to be paid'],
  'pv.conditions': ['不予资助或追回资助的情形', 'When funding is refused or recovered'],
  'pv.tracks': ['申请项目', 'Tracks'],
  'pv.track.semesters': ['交换 {min}–{max} 个学期', '{min}–{max} semesters abroad'],
  'pv.track.completed': ['须已完成至少 {n} 个学期', 'semesters completed: at least {n}'],
  'pv.track.programme.language': ['语言类项目', 'language programmes'],
  'pv.track.programme.research': ['研学类项目', 'research programmes'],
  'pv.form': ['申请表', 'Application form'],
  'pv.phone': ['手机号格式：{pattern}', 'Phone number format: {pattern}'],
  'pv.semesterDays': ['每学期约 {min}–{max} 天（仅用于提醒）', 'About {min}–{max} days a semester (for warnings only)'],
  'pv.clauses': ['所引条款原文', 'The clauses quoted'],
  'pv.convention': ['本政策的约定，非办法规定', 'the policy\'s own, not the regulation\'s'],
};

/** The top-level parameters (SPEC §1), in the README's order. */
export const parameterKeys = ['minGpa', 'priorityIelts', 'priorityToefl', 'hoursPerCredit', 'schoolCapPerStudent', 'schoolShareRatio', 'studentIdPattern'];

/** What each parameter is called and what it changes, in `t`'s language. */
export function parameterWords(t, key, info) {
  const range = info?.credits?.hoursPerCredit ?? { min: '16', max: '18' };
  return {
    minGpa: [t('pv.p.minGpa'), t('pv.w.minGpa')],
    priorityIelts: [t('pv.p.priorityIelts'), t('pv.w.priorityIelts')],
    priorityToefl: [t('pv.p.priorityToefl'), t('pv.w.priorityToefl')],
    hoursPerCredit: [t('pv.p.hoursPerCredit'), t('pv.w.hoursPerCredit', { min: range.min, max: range.max })],
    schoolCapPerStudent: [t('pv.p.schoolCapPerStudent'), t('pv.w.schoolCapPerStudent')],
    schoolShareRatio: [t('pv.p.schoolShareRatio'), t('pv.w.schoolShareRatio')],
    studentIdPattern: [t('pv.p.studentIdPattern'), t('pv.w.studentIdPattern')],
  }[key];
}

/**
 * The clause behind a parameter in this policy, or null (the student-id format is the form's,
 * not a regulation's). The exchange track's findings cite its clause's items: (2) for the
 * academic record, (3) for languages (eligibility.rs).
 */
export function parameterClause(info, key) {
  const exchange = Object.values(info?.tracks ?? {}).find((x) => x.kind === 'exchange');
  switch (key) {
    case 'minGpa': return exchange ? `${exchange.clause}(2)` : null;
    case 'priorityIelts': case 'priorityToefl': return exchange ? `${exchange.clause}(3)` : null;
    case 'hoursPerCredit': return info?.credits?.hoursPerCredit?.clause ?? null;
    case 'schoolCapPerStudent': case 'schoolShareRatio': return info?.funding?.shareClause ?? null;
    default: return null;
  }
}

/**
 * The words to quote for a clause id in one language: for an item such as "XYU-10.2(2)" only
 * that item of the clause — from its "（2）" or "(2)" to the next item — when the text numbers
 * its items; else the whole clause. Null when the policy does not quote it.
 */
export function clauseQuote(info, id, locale) {
  const pair = clauseText(info, id);
  if (!pair) return null;
  const text = locale === 'en' ? pair.en : pair.zh;
  const n = Number(/\((\d+)\)$/.exec(id ?? '')?.[1]);
  if (!n || info?.clauses?.[id]) return text;
  const mark = (k) => new RegExp(`[（(]${k}[）)]`);
  const from = text.search(mark(n));
  if (from < 0) return text;
  const rest = text.slice(from + 1);
  const to = rest.search(mark(n + 1));
  return text.slice(from, to < 0 ? undefined : from + 1 + to).replace(/[；;，,]\s*$/, '');
}

/**
 * The parameters some rule of `policy` reads. The reader decides (each rule module declares
 * what it reads): each is tried with a value in range, and refused if nothing reads it.
 */
export function readParameters(api, policy, info) {
  const base = typeof policy === 'string' ? { extends: policy } : policy;
  const probe = {
    minGpa: '0', priorityIelts: '0', priorityToefl: '0', hoursPerCredit: info?.credits?.hoursPerCredit?.min ?? '16',
    schoolCapPerStudent: '0', schoolShareRatio: '0', studentIdPattern: '.+',
  };
  return new Set(parameterKeys.filter((key) => {
    try { api.describePolicy({ policy: { ...base, [key]: probe[key] } }); return true; } catch { return false; }
  }));
}

/** The leaf paths a file sets over its preset ("minGpa", "grades.percentagePassMark"). */
function changedPaths(overrides) {
  const out = [];
  const walk = (value, at) => {
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length) {
      for (const [k, v] of Object.entries(value)) walk(v, at ? `${at}.${k}` : k);
    } else out.push(at);
  };
  if (overrides && typeof overrides === 'object') {
    for (const [k, v] of Object.entries(overrides)) if (k !== '$schema' && k !== 'extends') walk(v, k);
  }
  return out;
}

/**
 * The policy in words.
 * @param {object} o
 * @param {object} o.info describePolicy's result
 * @param {Set<string>} o.read the parameters a rule reads (readParameters)
 * @param {object|null} [o.overrides] the university's file, when the policy comes from one
 * @param {Function} o.t a translator with this module's dict
 */
function policyWords({ info, read, overrides, t }) {
  const en = t.locale === 'en';
  const pick = (pair) => (pair ? (en ? pair.en : pair.zh) : '');
  const over = overrides && typeof overrides === 'object' && !Array.isArray(overrides) ? overrides : null;
  const changed = over?.extends ? changedPaths(over) : [];
  const setBy = (key) => changed.some((p) => p === key || p.startsWith(`${key}.`));
  const badge = (on) => (on ? h('span', { class: 'badge set-by-file' }, t('pv.setByFile')) : null);
  const chip = (id) => (id ? h('span', { class: 'nowrap clause-id' }, id) : null);
  const quote = (id) => h('blockquote', { class: 'pw-quote', lang: en ? 'en' : 'zh-CN' }, clauseQuote(info, id, t.locale) ?? t('pv.clauseMissing'));
  const convention = (c) => (c ? h('p', { class: 'pw-convention small' }, h('span', { class: 'badge' }, t('pv.convention')), ' ', chip(c.clause), ' ', pick(c)) : null);
  const section = (key, title, ...body) => h('section', { class: 'pw-section', 'data-section': key },
    h('h3', {}, title, ' ', badge(setBy(key))),
    setBy(key) ? h('p', { class: 'small muted' }, t('pv.changes', { keys: changed.filter((p) => p.startsWith(`${key}.`) || p === key).join(', ') })) : null,
    ...body);
  const list = (items) => h('ul', { class: 'pw-list' }, items.map((x) => h('li', {}, ...[x].flat())));

  const parts = [
    h('p', { class: 'pw-title' }, en ? info.titleEn : info.title),
    h('p', { class: 'muted' }, t('pv.meta', { id: info.id, year: info.year, hash: info.hash })),
    over ? h('p', { class: 'pw-source' }, over.extends ? t('pv.overBase', { base: String(over.extends).trim() }) : t('pv.wholeFile')) : null,
  ];
  const identity = changed.filter((p) => ['id', 'title', 'titleEn', 'year'].includes(p));
  if (identity.length) parts.push(h('p', { class: 'small muted' }, badge(true), ' ', t('pv.changes', { keys: identity.join(', ') })));

  parts.push(h('section', { class: 'pw-section', 'data-section': 'parameters' },
    h('h3', {}, t('pv.params')),
    h('p', { class: 'small muted' }, t('pv.paramsIntro')),
    h('dl', { class: 'pw-params' }, parameterKeys.map((key) => {
      const [label, what] = parameterWords(t, key, info);
      const clause = parameterClause(info, key);
      const value = info[key];
      return h('div', { class: `pw-param${setBy(key) ? ' set' : ''}`, 'data-param': key },
        h('dt', {}, label, ' ', h('code', {}, key), ' ', badge(setBy(key))),
        h('dd', {},
          h('p', { class: 'pw-value' }, value === null || value === undefined ? h('span', { class: 'muted' }, t('pv.unset')) : h('span', { class: 'big nowrap' }, String(value))),
          read.has(key) ? h('p', { class: 'small' }, what) : h('p', { class: 'small muted' }, t('pv.unread')),
          clause ? h('div', { class: 'pw-clause' }, chip(clause), quote(clause)) : h('p', { class: 'small muted' }, t('pv.noClause'))));
    }))));

  const g = info.grades;
  if (g) {
    parts.push(section('grades', [t('pv.grades'), ' ', chip(g.clause)],
      h('div', { class: 'table-wrap' }, h('table', { class: 'grid pw-letters' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('pv.letter')), h('th', { scope: 'col', class: 'num' }, t('pv.gradePoint')), h('th', { scope: 'col', class: 'num' }, t('pv.percentage')))),
        h('tbody', {}, g.letters.map((r) => h('tr', {}, h('th', { scope: 'row' }, r.letter), h('td', { class: 'num' }, r.gradePoint), h('td', { class: 'num' }, r.percentage)))))),
      g.failing.length ? h('p', {}, t('pv.failing', { list: g.failing.join(', ') }), ' ', chip(g.failClause)) : null,
      g.pass.length || g.fail.length ? h('p', {}, t('pv.passFail', { pass: g.pass.join(', ') || '—', fail: g.fail.join(', ') || '—' })) : null,
      convention(g.passFailConvention),
      g.percentagePassMark ? h('p', {}, t('pv.passMark', { mark: g.percentagePassMark })) : null,
      convention(g.passMarkConvention)));
  }
  const c = info.credits;
  if (c) {
    parts.push(section('credits', t('pv.credits'), list([
      [t('pv.hourRange', { min: c.hoursPerCredit.min, max: c.hoursPerCredit.max, divisor: info.hoursPerCredit ?? '—' }), ' ', chip(c.hoursPerCredit.clause)],
      [t('pv.shortCap', { cap: c.shortProgram.cap }), ' ', chip(c.shortProgram.clause)],
      ...c.coreCourses.required.map((r) => [t('pv.core', { n: r.semesters, count: r.count }), ' ', chip(c.coreCourses.clause)]),
      [t('pv.semesters', { min: c.semesters.min, max: c.semesters.max }), ' ', chip(c.semesters.clause)],
    ]), convention(c.divisorConvention),
    list(c.systems.filter((s) => s.basis !== 'identity').map((s) => [t('pv.system', { name: pick(s.name) || s.id, foreign: s.foreignCredits, home: s.homeCredits }), ' ',
      h('span', { class: 'muted small' }, `(${t(`pv.basis.${s.basis}`)})`)]))));
  }
  const d = info.deadlines;
  if (d && (d.relative.length || d.annual.length || d.steps.length)) {
    const when = (r) => t(r.days != null ? 'pv.days' : 'pv.months', { n: r.days ?? r.months, from: t(`pv.from.${r.from}`) });
    parts.push(section('deadlines', t('pv.deadlines'),
      list([...d.relative.map((r) => [h('strong', {}, when(r)), ': ', pick(r.title), ' ', chip(r.clause)]),
        ...d.annual.map((r) => [h('strong', {}, t('pv.annual', { month: r.month, day: r.day })), ': ', pick(r.title), ' ', chip(r.clause)])]),
      ['beforeDeparture', 'abroad', 'afterReturn'].map((phase) => {
        const steps = d.steps.filter((s) => s.phase === phase);
        return steps.length ? [h('h4', {}, t(`pv.phase.${phase}`)), list(steps.map((s) => [pick(s.title), ' ', chip(s.clause)]))] : null;
      })));
  }
  const f = info.funding;
  if (f) {
    parts.push(section('funding', [t('pv.funding'), ' ', chip(f.shareClause)],
      list(f.items.map((r) => [h('strong', {}, t(`pv.item.${r.item}`)), ': ', t(`pv.payer.${r.payer}`), r.upToEconomyFare ? ` ${t('pv.economy')}` : '', ' ', chip(r.clause)])),
      f.checklist.length ? [h('h4', {}, t('pv.checklist')), list(f.checklist.map((n) => [pick(n), ' ', chip(n.clause)]))] : null,
      f.conditions.length ? [h('h4', {}, t('pv.conditions')), list(f.conditions.map((n) => [pick(n), ' ', chip(n.clause)]))] : null));
  }
  if (info.tracks) {
    parts.push(section('tracks', t('pv.tracks'), list(Object.entries(info.tracks).map(([id, x]) => [
      h('strong', {}, en ? x.titleEn : x.title), ' ', h('code', {}, id), ' ', chip(x.clause),
      x.programme ? ` · ${t(`pv.track.programme.${x.programme}`)}` : '',
      x.minSemesters !== null && x.minSemesters !== undefined ? ` · ${t('pv.track.semesters', { min: x.minSemesters, max: x.maxSemesters })}` : '',
      x.minSemestersCompleted !== null && x.minSemestersCompleted !== undefined ? ` · ${t('pv.track.completed', { n: x.minSemestersCompleted })}` : '',
    ]))));
  }
  const form = info.form;
  if (form) {
    parts.push(section('form', t('pv.form'), list([
      form.phonePattern ? t.nodes('pv.phone', { pattern: h('code', {}, form.phonePattern) }) : null,
      form.semesterDays ? t('pv.semesterDays', { min: form.semesterDays.min, max: form.semesterDays.max }) : null,
    ].filter(Boolean)), convention(form.semesterDays?.convention)));
  }
  const ids = Object.keys(info.clauses ?? {});
  if (ids.length) {
    parts.push(section('clauses', t('pv.clauses'), h('dl', { class: 'pw-clauses' }, ids.map((id) => [h('dt', {}, chip(id)), h('dd', { lang: en ? 'en' : 'zh-CN' }, pick(info.clauses[id]))]))));
  }
  return h('div', { class: 'policy-words' }, parts);
}

/** A dialog that shows policyWords; `open(o)` fills it (same options) and shows it. */
export function policyDialog() {
  const id = nextId('pw');
  const title = h('h2', { id: `${id}-title` });
  const body = h('div', { class: 'pw-body' });
  const closeTop = h('button', { type: 'submit', class: 'pw-close' });
  const closeEnd = h('button', { type: 'submit' });
  const dialog = h('dialog', { class: 'policy-dialog', 'aria-labelledby': `${id}-title` },
    h('form', { method: 'dialog', class: 'pw-head' }, title, closeTop), body, h('form', { method: 'dialog', class: 'pw-foot' }, closeEnd));
  return {
    dialog,
    open(o) {
      const { t, info } = o;
      title.textContent = t('pv.dialogTitle');
      closeTop.textContent = t('close'); // the shell's word (both the app and the builder load it)
      closeEnd.textContent = t('close');
      body.replaceChildren(policyWords(o));
      dialog.showModal();
      body.scrollTop = 0;
    },
  };
}
