// Eligibility: a self-check for one track of the policy (XYU-10, XYU-11, LX-2.1, LX-5.3.1).
// The questions shown are the ones the API's findings ask about; every verdict, finding and
// funding answer comes from checkEligibility. An unanswered question is "not stated" — the
// API makes it a review finding, never a guess.
import { h, replace, nextId } from '../dom.js';
import { settle } from '../table.js';
import { field, explain } from '../errors.js';
import { renderFindings } from '../findings.js';

export const dict = {
  'e.title': ['申请资格自查', 'Eligibility self-check'],
  'e.intro': ['选择项目类别并回答问题，结果随回答即时更新。不确定的问题选“未说明”或留空：该项由学校审核，计算器不会替你假设。', 'Pick a track and answer the questions; the result updates as you answer. If unsure, choose "Not stated" or leave it blank: the office checks it, and the calculator never assumes for you.'],
  'e.track': ['项目类别', 'Track'],
  'e.trackClause': ['条件见', 'Conditions in'],
  'e.programme.language': ['语言提升类项目', 'language programme'],
  'e.programme.research': ['科研创新类项目', 'research programme'],
  'e.noTracks': ['所选政策没有可自查的项目类别：{msg}', 'The chosen policy has no tracks to check: {msg}'],
  'e.questions': ['回答问题', 'Your answers'],
  'e.fundingQuestions': ['资助（唯一性原则）', 'Funding (uniqueness rule)'],
  'e.yes': ['是', 'Yes'],
  'e.no': ['否', 'No'],
  'e.unstated': ['未说明', 'Not stated'],
  'e.q.enrolled': ['你是学校在籍本科生（或合作协议认可的在籍学生）吗？', 'Are you an enrolled undergraduate of the school (or an enrolled student the partner agreement admits)?'],
  'e.q.conductGood': ['你的政治素质良好、思想品德合格吗？', 'Is your political and moral standing good?'],
  'e.q.healthy': ['你身体健康，心理素质和适应能力较好吗？', 'Are you in good physical and mental health, and adaptable?'],
  'e.q.canFund': ['你有在国（境）外学习和生活的经济能力吗？', 'Can you pay for study and living abroad?'],
  'e.q.inJointProgram': ['你是国际联合培养专班的学生吗？', 'Are you a student of the international joint-training classes?'],
  'e.q.priorLixingFunding': ['你以前获得过本计划的资助吗？', 'Has this plan funded you before?'],
  'e.q.otherFunding': ['你正在享受国家留学基金（CSC）或其他同类资助吗？', 'Does the China Scholarship Council (CSC) or a similar scheme fund you?'],
  'e.q.gpa': ['你的 GPA（4 分制，0–4）', 'Your GPA (four-point scale, 0–4)'],
  'e.q.ielts': ['雅思总分（0–9，0.5 分一档）', 'IELTS overall band (0–9, in halves)'],
  'e.q.toefl': ['托福 iBT 总分（0–120）', 'TOEFL iBT total (0–120)'],
  'e.q.yearOfStudy': ['目前年级（第几年，如 2）', 'Current year of study (e.g. 2)'],
  'e.q.programYears': ['学制（年，如 4）', 'Length of your programme in years (e.g. 4)'],
  'e.q.semesters': ['申请交流的学期数', 'Semesters you ask for abroad'],
  'e.q.enrollmentYear': ['入学年份（如 2026）', 'Year you enrolled (e.g. 2026)'],
  'e.q.applicationYear': ['申请年份（如 2026）', 'Year of the application (e.g. 2026)'],
  'e.q.semestersCompleted': ['已在读的学期数', 'Semesters completed so far'],
  'e.group.language': ['外语考试成绩（如有）', 'Language test scores (if you have any)'],
  'e.group.final_year': ['年级与学制', 'Year of study'],
  'e.group.enrollment_year': ['入学与申请年份', 'Enrollment and application year'],
  'e.minGpa': ['“学习成绩良好”的最低 GPA：{v}。', 'Minimum GPA for a good academic record: {v}.'],
  'e.minGpaUnset': ['“学习成绩良好”的最低 GPA 由当年项目通知规定，此项由学校审核。', 'The minimum GPA for a good academic record is set by the year\'s notice; the office reviews this.'],
  'e.priority': ['外语成绩优先考虑线：{list}；成绩只决定是否优先，不作为排除条件。', 'Priority thresholds: {list}; scores only give priority and never exclude.'],
  'e.notice': ['由当年项目通知规定', 'set by the year\'s notice'],
  'e.ielts': ['雅思 {v}', 'IELTS {v}'],
  'e.toefl': ['托福 {v}', 'TOEFL {v}'],
  'e.result': ['自查结果', 'Result'],
  'e.verdict.eligible': ['符合申请条件', 'Eligible'],
  'e.verdict.ineligible': ['不符合申请条件', 'Not eligible'],
  'e.verdict.review': ['待审核：有条件需由学校决定', 'For review: the office decides some conditions'],
  'e.verdictFor': ['{track}（{clause}）', '{track} ({clause})'],
  'e.answerLabel': ['{label}：', '{label}: '],
  'e.priorityLabel': ['外语成绩优先考虑', 'Language priority'],
  'e.priority.true': ['是（成绩达到优先考虑线）', 'yes (a score reaches the priority threshold)'],
  'e.priority.false': ['否（未达到优先考虑线，不影响申请资格）', 'no (below the priority threshold; this never excludes)'],
  'e.priority.null': ['暂无法判断', 'cannot tell yet'],
  'e.priority.nullNotice': ['暂无法判断（优先考虑线由当年项目通知规定）', 'cannot tell yet (the threshold is set by the year\'s notice)'],
  'e.fundableLabel': ['可获学校资助', 'School funding'],
  'e.fundable.true': ['是', 'yes'],
  'e.fundable.false': ['否（不再资助，申请资格不受影响）', 'no (no further funding; eligibility is not affected)'],
  'e.fundable.null': ['待审核（请回答资助问题）', 'for review (answer the funding questions)'],
  'e.conditionsTitle': ['申请条件', 'Conditions'],
  'e.fundingTitle': ['资助条件', 'Funding conditions'],
  'e.todo': ['怎么办：', 'What to do: '],
  'e.todo.fail': ['按上面的说明满足这一条件（例如调整学期数或改选项目）；无法满足则不能申请此项目。', 'meet this condition as described above (e.g. change the semesters or pick another track); if you cannot, this track is not open to you.'],
  'e.todo.review': ['由学校审核决定；请带上能证明此项的材料。', 'the office decides; bring the document that shows it.'],
  'e.todo.answer': ['在上面回答这一问题；如不确定，由学校审核，请带上能证明此项的材料。', 'answer this question above; if unsure, the office decides — bring the document that shows it.'],
  'e.todo.fundFail': ['仍可申请，但不能获得本计划资助，费用需自理。', 'you may still apply, but without this plan\'s funding: you pay the costs.'],
  'e.keepTitle': ['获得资助后须持续做到', 'What you must keep doing to keep the funding'],
  'e.keepIntro': ['以下任一条做不到，学校不予资助或追回已发放的资助：', 'If any of these is broken, the funding is refused or recovered:'],
  'e.fixInput': ['请先更正标出的输入：{msg}', 'Correct the marked answer first: {msg}'],
  'e.summaryTitle': ['申请资格（{track}）', 'Eligibility ({track})'],
  'e.summaryOpen': ['未通过或待审核的条件：', 'Conditions not met or for review:'],
  'e.summaryAllMet': ['各项条件均已满足。', 'Every condition is met.'],
};

// Which applicant facts each finding (by its code) is about, in the order asked.
const QUESTIONS = {
  enrolled: [{ key: 'enrolled', yesNo: true }],
  conduct: [{ key: 'conductGood', yesNo: true }],
  gpa: [{ key: 'gpa', inputmode: 'decimal', example: '3.2' }],
  language: [{ key: 'ielts', inputmode: 'decimal', example: '6.5' }, { key: 'toefl', inputmode: 'numeric', example: '90' }],
  health: [{ key: 'healthy', yesNo: true }],
  funds: [{ key: 'canFund', yesNo: true }],
  final_year: [{ key: 'yearOfStudy', inputmode: 'numeric', example: '2' }, { key: 'programYears', inputmode: 'numeric', example: '4' }],
  semesters: [{ key: 'semesters', inputmode: 'numeric', example: '1' }],
  joint_program: [{ key: 'inJointProgram', yesNo: true }],
  enrollment_year: [{ key: 'enrollmentYear', inputmode: 'numeric', example: '2026' }, { key: 'applicationYear', inputmode: 'numeric', example: '2026' }],
  semesters_completed: [{ key: 'semestersCompleted', inputmode: 'numeric', example: '1' }],
  prior_lixing_funding: [{ key: 'priorLixingFunding', yesNo: true }],
  other_funding: [{ key: 'otherFunding', yesNo: true }],
};
const YES_NO = new Set(Object.values(QUESTIONS).flat().filter((q) => q.yesNo).map((q) => q.key));

// --- state: what is saved, and the requests made from it -----------------------------

export const initial = () => ({ track: '', answers: {} });

const tracksOf = (ctx) => Object.entries(ctx.policyInfo()?.tracks ?? {});

/** The findings the track has, from the API itself (an empty applicant): which questions to ask. */
function probe(ctx, track) {
  try {
    const r = ctx.api.checkEligibility({ policy: ctx.policy(), track, locale: ctx.locale() });
    return { findings: r.findings.map((f) => f.code), funding: r.fundingFindings.map((f) => f.code) };
  } catch {
    return { findings: [], funding: [] };
  }
}

/**
 * checkEligibility with the answers given. An answer the API cannot read is left out (so
 * that condition shows as for review) and reported in `dropped`, so one typo never hides the
 * verdict on the others.
 */
function check(ctx, data, keys) {
  const applicant = {};
  for (const key of keys) {
    const v = String(data.answers[key] ?? '').trim();
    if (v) applicant[key] = YES_NO.has(key) ? v === 'yes' : v;
  }
  const dropped = [];
  const s = settle([], 'none', () => ctx.api.checkEligibility({ policy: ctx.policy(), track: data.track, applicant, locale: ctx.locale() }), (e) => {
    const key = /^applicant\.(\w+)/.exec(e.field || '')?.[1];
    if (!key || !(key in applicant)) return false;
    delete applicant[key];
    dropped.push({ key, error: e });
    return true;
  });
  return { ...s, dropped };
}

/** Every question key of the track, in the order asked. */
function questionKeys(ctx, track) {
  const codes = probe(ctx, track);
  return [...codes.findings, ...codes.funding].flatMap((code) => (QUESTIONS[code] ?? []).map((q) => q.key));
}

/** The verdict line, the tool's and the summary's: its sign, its words and the track it is for. */
function verdict(t, r, track, testid) {
  return h('p', { class: `verdict ${r.status}`, 'data-testid': testid, 'data-status': r.status },
    h('span', { class: 'verdict-icon', 'aria-hidden': 'true' }, { eligible: '✓', ineligible: '✗', review: '?' }[r.status]),
    h('span', { class: 'verdict-text' }, t(`e.verdict.${r.status}`)),
    h('span', { class: 'verdict-track muted small' }, t.nodes('e.verdictFor', { track, clause: h('span', { class: 'nowrap' }, r.clause) })));
}

// --- view: built once per mount; show* put results in place ---------------------------

function view(ctx, data, act) {
  const { t } = ctx;
  const info = ctx.policyInfo();
  const locale = ctx.locale();
  const tracks = tracksOf(ctx);
  const trackName = (tr) => (locale === 'en' ? tr.titleEn : tr.title);

  const about = h('p', { id: nextId('track-about'), class: 'muted small' });
  // The track's name only: its clause is in the line below (`about`), and a select cannot wrap.
  const trackSelect = h('select', { id: nextId('track'), 'aria-describedby': about.id, onchange: (ev) => act.setTrack(ev.target.value) },
    tracks.map(([id, tr]) => h('option', { value: id, selected: id === data.track }, trackName(tr))));
  const questions = h('div', { class: 'elig-questions' });
  const summary = h('div', { class: 'elig-summary', 'aria-live': 'polite' });
  const details = h('div', { class: 'elig-details' });
  const keep = h('div', { class: 'card elig-keep', hidden: true });
  /** key → the number field (field()) or the radios, for the questions shown. */
  let fields = {};
  let shown = [];

  /** The policy parameters a finding depends on, or "set by the year's notice". */
  function hint(code) {
    if (code === 'gpa') return t(info.minGpa == null ? 'e.minGpaUnset' : 'e.minGpa', { v: info.minGpa });
    if (code === 'language') {
      const list = [t('e.ielts', { v: info.priorityIelts ?? t('e.notice') }), t('e.toefl', { v: info.priorityToefl ?? t('e.notice') })].join(locale === 'en' ? ', ' : '，');
      return t('e.priority', { list });
    }
    return null;
  }

  /** The questions of one finding: a yes/no radio group, one number, or several numbers
   * under one legend; the policy's threshold (or "set by the year's notice") as a hint. */
  function group(code, qs) {
    if (!qs.length) return null;
    qs.forEach((q) => shown.push(q.key));
    const hintText = hint(code);
    if (qs.length === 1 && qs[0].yesNo) return yesNo(qs[0].key);
    const number = (q, describedBy) => {
      const f = field({
        label: t(`e.q.${q.key}`),
        input: h('input', { type: 'text', inputmode: q.inputmode, autocomplete: 'off', spellcheck: 'false', class: 'elig-num', 'data-key': q.key, value: data.answers[q.key] ?? '', oninput: (ev) => act.answer(q.key, ev.target.value) }),
        describedBy,
      });
      fields[q.key] = { ...f, example: q.example };
      return f.el;
    };
    const hintEl = hintText ? h('p', { id: nextId('hint'), class: 'muted small hint' }, hintText) : null;
    const ids = hintEl ? [hintEl.id] : [];
    if (qs.length === 1) return h('div', { class: 'field-group' }, number(qs[0], ids), hintEl);
    return h('fieldset', { class: 'numbers', 'data-code': code },
      h('legend', {}, t(`e.group.${code}`)),
      h('div', { class: 'number-row' }, qs.map((q) => number(q, ids))), hintEl);
  }

  function yesNo(key) {
    const name = nextId(key);
    const value = data.answers[key] ?? '';
    const radios = [['yes', t('e.yes')], ['no', t('e.no')], ['', t('e.unstated')]].map(([v, text]) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name, value: v, checked: value === v, onchange: () => act.answer(key, v) }), text));
    fields[key] = { radios };
    return h('fieldset', { class: 'yesno', 'data-key': key }, h('legend', {}, t(`e.q.${key}`)), h('div', { class: 'choices' }, radios));
  }

  function answer(testid, label, text, value, clause) {
    const cls = value === true ? 'pass' : value === false ? 'fail' : 'review';
    return h('p', { class: `elig-answer ${cls}`, 'data-testid': testid },
      h('span', { class: 'stat-label' }, t('e.answerLabel', { label })), h('span', { class: 'answer-value' }, text), ' ', ctx.clauseButton(clause));
  }

  /** The findings with what to do about each one not met. */
  function findingList(findings, funding) {
    const list = h('ul', { class: 'findings' });
    renderFindings(list, findings, ctx, (f) => {
      const keys = (QUESTIONS[f.code] ?? []).map((q) => q.key);
      const unanswered = keys.length && keys.every((k) => !String(data.answers[k] ?? '').trim());
      const todo = f.outcome === 'fail' ? (funding ? 'e.todo.fundFail' : 'e.todo.fail')
        : f.outcome === 'review' ? (unanswered ? 'e.todo.answer' : 'e.todo.review') : null;
      return todo ? h('span', { class: 'todo small' }, h('strong', {}, t('e.todo')), t(todo)) : null;
    });
    return list;
  }

  const root = h('div', { class: 'elig-layout' },
    h('div', { class: 'card' },
      h('h2', {}, t('e.title')),
      h('p', { class: 'muted small' }, t('e.intro')),
      h('label', { for: trackSelect.id }, t('e.track')), trackSelect, about,
      h('h3', {}, t('e.questions')), questions),
    h('div', { class: 'elig-results' },
      h('div', { class: 'card' }, h('h2', {}, t('e.result')), summary, details),
      keep));

  return {
    root,
    renderQuestions() {
      const tr = info.tracks[data.track];
      replace(about, tr.programme ? `${t(`e.programme.${tr.programme}`)} · ` : '', `${t('e.trackClause')} `, ctx.clauseButton(tr.clause));
      const codes = probe(ctx, data.track);
      fields = {};
      shown = [];
      const block = (list) => list.map((code) => group(code, QUESTIONS[code] ?? [])).filter(Boolean);
      const main = block(codes.findings);
      const funding = block(codes.funding);
      replace(questions, main, funding.length ? [h('h3', {}, t('e.fundingQuestions')), funding] : null);
      return shown;
    },
    show(s) {
      for (const f of Object.values(fields)) f.setError?.(null);
      const bad = s.dropped.map(({ key, error }) => {
        const msg = explain(error, t, { value: data.answers[key], example: fields[key]?.example });
        fields[key]?.setError?.(msg);
        return `${t('e.answerLabel', { label: t(`e.q.${key}`) })}${msg}`;
      });
      if (s.error) {
        replace(summary, h('p', { class: 'error', role: 'alert' }, s.error.message));
        replace(details);
        keep.hidden = true;
        return;
      }
      const r = s.result;
      const tr = info.tracks[data.track];
      const language = r.findings.find((f) => f.code === 'language');
      const unsetPriority = info.priorityIelts == null || info.priorityToefl == null;
      replace(summary,
        bad.length ? h('p', { class: 'error', role: 'alert', 'data-testid': 'e-fix' }, t('e.fixInput', { msg: bad.join(locale === 'en' ? '; ' : '；') })) : null,
        verdict(t, r, trackName(tr), 'verdict'),
        language ? answer('priority', t('e.priorityLabel'),
          t(`e.priority.${r.priority}${r.priority == null && unsetPriority ? 'Notice' : ''}`), r.priority, language.clause) : null,
        r.fundingFindings.length ? answer('fundable', t('e.fundableLabel'), t(`e.fundable.${r.fundable}`), r.fundable, r.fundingFindings[0].clause) : null);
      replace(details,
        h('h3', {}, t('e.conditionsTitle')), findingList(r.findings, false),
        r.fundingFindings.length ? [h('h3', {}, t('e.fundingTitle')), findingList(r.fundingFindings, true)] : null);
      keep.hidden = !r.conditions.length;
      replace(keep, h('h2', {}, t('e.keepTitle')), h('p', { class: 'muted small' }, t('e.keepIntro')),
        h('ol', { class: 'keep-list', 'data-testid': 'conditions' }, r.conditions.map((c) => h('li', {}, h('span', {}, c.message), ' ', ctx.clauseButton(c.clause)))));
    },
  };
}

// --- actions: what the inputs do ------------------------------------------------------

function actions(ctx, data, v) {
  let keys = [];
  const act = {
    setTrack(track) {
      data.track = track;
      ctx.save();
      keys = v.renderQuestions();
      act.compute();
    },
    answer(key, value) {
      data.answers[key] = value;
      ctx.save();
      act.compute();
    },
    start() {
      keys = v.renderQuestions();
      act.compute();
    },
    compute() {
      v.show(check(ctx, data, keys));
    },
  };
  return act;
}

/** The application summary's part: the verdict, and what is not yet met. */
function summary(ctx, data) {
  const { t } = ctx;
  const tracks = tracksOf(ctx);
  if (!tracks.length) return null;
  const track = tracks.some(([id]) => id === data.track) ? data.track : tracks[0][0];
  const tr = ctx.policyInfo().tracks[track];
  const s = check(ctx, { ...data, track }, questionKeys(ctx, track));
  const name = ctx.locale() === 'en' ? tr.titleEn : tr.title;
  if (s.error) return { title: t('e.summaryTitle', { track: name }), body: [h('p', { class: 'error' }, s.error.message)] };
  const r = s.result;
  const open = [...r.findings, ...r.fundingFindings].filter((f) => f.outcome !== 'pass');
  return {
    title: t('e.summaryTitle', { track: name }),
    body: [
      verdict(t, r, name, 'sum-verdict'),
      r.fundingFindings.length ? h('p', {}, t('e.answerLabel', { label: t('e.fundableLabel') }), t(`e.fundable.${r.fundable}`)) : null,
      open.length ? [h('p', { class: 'small' }, t('e.summaryOpen')),
        h('ul', { class: 'sum-list small' }, open.map((f) => h('li', {}, h('strong', {}, t(f.outcome)), ' ', f.message, ' ', h('span', { class: 'nowrap' }, `(${f.clause})`))))]
        : h('p', { class: 'small' }, t('e.summaryAllMet')),
    ],
  };
}

export default {
  id: 'eligibility',
  requires: 'tracks', // the policy section this tool needs
  dict,
  initial,
  summary,
  mount(panel, ctx) {
    const { t } = ctx;
    const data = ctx.data('eligibility', initial);
    data.answers ??= {};
    const tracks = tracksOf(ctx);
    if (!tracks.length) {
      // The API says why (e.g. the policy has no tracks section).
      let msg = '';
      try { ctx.api.checkEligibility({ policy: ctx.policy(), track: '', locale: ctx.locale() }); } catch (e) { msg = e.message; }
      replace(panel, h('div', { class: 'card' }, h('h2', {}, t('e.title')), h('p', { class: 'muted', role: 'status' }, t('e.noTracks', { msg }))));
      return;
    }
    if (!tracks.some(([id]) => id === data.track)) data.track = tracks[0][0];
    const act = {};
    const v = view(ctx, data, act);
    Object.assign(act, actions(ctx, data, v));
    replace(panel, v.root);
    act.start();
  },
};
