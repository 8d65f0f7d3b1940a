// Eligibility: a self-check for one track of the policy (XYU-10, XYU-11, LX-2.1, LX-5.3.1).
// The questions shown are the ones the API's findings ask about; every verdict, finding and
// funding answer comes from checkEligibility. An unanswered question is "not stated" — the
// API makes it a review finding, never a guess.
import { h, replace, nextId } from '../dom.js';
import { register } from '../i18n.js';

register({
  'zh-CN': {
    'tab.eligibility': '申请资格',
    'e.title': '申请资格自查',
    'e.intro': '选择项目类别并回答问题，结果随回答即时更新。不确定的问题选“未说明”或留空：该项由学校审核，计算器不会替你假设。',
    'e.track': '项目类别',
    'e.trackClause': '条件见',
    'e.programme.language': '语言提升类项目', 'e.programme.research': '科研创新类项目',
    'e.noTracks': '所选政策没有可自查的项目类别：{msg}',
    'e.questions': '回答问题', 'e.fundingQuestions': '资助（唯一性原则）',
    'e.yes': '是', 'e.no': '否', 'e.unstated': '未说明',
    'e.q.enrolled': '你是学校在籍本科生（或合作协议认可的在籍学生）吗？',
    'e.q.conductGood': '你的政治素质良好、思想品德合格吗？',
    'e.q.healthy': '你身体健康，心理素质和适应能力较好吗？',
    'e.q.canFund': '你有在国（境）外学习和生活的经济能力吗？',
    'e.q.inJointProgram': '你是国际联合培养专班的学生吗？',
    'e.q.priorLixingFunding': '你以前获得过本计划的资助吗？',
    'e.q.otherFunding': '你正在享受国家留学基金（CSC）或其他同类资助吗？',
    'e.q.gpa': '你的 GPA（4 分制，0–4）',
    'e.q.ielts': '雅思总分（0–9，0.5 分一档）',
    'e.q.toefl': '托福 iBT 总分（0–120）',
    'e.q.yearOfStudy': '目前年级（第几年，如 2）',
    'e.q.programYears': '学制（年，如 4）',
    'e.q.semesters': '申请交流的学期数',
    'e.q.enrollmentYear': '入学年份（如 2026）',
    'e.q.applicationYear': '申请年份（如 2026）',
    'e.q.semestersCompleted': '已在读的学期数',
    'e.group.language': '外语考试成绩（如有）',
    'e.group.final_year': '年级与学制',
    'e.group.enrollment_year': '入学与申请年份',
    'e.minGpa': '“学习成绩良好”的最低 GPA：{v}。',
    'e.minGpaUnset': '“学习成绩良好”的最低 GPA 由当年项目通知规定，此项由学校审核。',
    'e.priority': '外语成绩优先考虑线：{list}；成绩只决定是否优先，不作为排除条件。',
    'e.notice': '由当年项目通知规定',
    'e.ielts': '雅思 {v}', 'e.toefl': '托福 {v}',
    'e.result': '自查结果',
    'e.verdict.eligible': '符合申请条件',
    'e.verdict.ineligible': '不符合申请条件',
    'e.verdict.review': '待审核：有条件需由学校决定',
    'e.verdictFor': '{track}（{clause}）',
    'e.answerLabel': '{label}：',
    'e.priorityLabel': '外语成绩优先考虑',
    'e.priority.true': '是（成绩达到优先考虑线）',
    'e.priority.false': '否（未达到优先考虑线，不影响申请资格）',
    'e.priority.null': '暂无法判断',
    'e.priority.nullNotice': '暂无法判断（优先考虑线由当年项目通知规定）',
    'e.fundableLabel': '可获学校资助',
    'e.fundable.true': '是',
    'e.fundable.false': '否（不再资助，申请资格不受影响）',
    'e.fundable.null': '待审核（请回答资助问题）',
    'e.conditionsTitle': '申请条件',
    'e.fundingTitle': '资助条件',
    'e.todo': '怎么办：',
    'e.todo.fail': '按上面的说明满足这一条件（例如调整学期数或改选项目）；无法满足则不能申请此项目。',
    'e.todo.review': '由学校审核决定；请带上能证明此项的材料。',
    'e.todo.answer': '在上面回答这一问题；如不确定，由学校审核，请带上能证明此项的材料。',
    'e.todo.fundFail': '仍可申请，但不能获得本计划资助，费用需自理。',
    'e.keepTitle': '获得资助后须持续做到',
    'e.keepIntro': '以下任一条做不到，学校不予资助或追回已发放的资助：',
    'e.fixInput': '请先更正标出的输入：{msg}',
  },
  en: {
    'tab.eligibility': 'Eligibility',
    'e.title': 'Eligibility self-check',
    'e.intro': 'Pick a track and answer the questions; the result updates as you answer. If unsure, choose "Not stated" or leave it blank: the office checks it, and the calculator never assumes for you.',
    'e.track': 'Track',
    'e.trackClause': 'Conditions in',
    'e.programme.language': 'language programme', 'e.programme.research': 'research programme',
    'e.noTracks': 'The chosen policy has no tracks to check: {msg}',
    'e.questions': 'Your answers', 'e.fundingQuestions': 'Funding (uniqueness rule)',
    'e.yes': 'Yes', 'e.no': 'No', 'e.unstated': 'Not stated',
    'e.q.enrolled': 'Are you an enrolled undergraduate of the school (or an enrolled student the partner agreement admits)?',
    'e.q.conductGood': 'Is your political and moral standing good?',
    'e.q.healthy': 'Are you in good physical and mental health, and adaptable?',
    'e.q.canFund': 'Can you pay for study and living abroad?',
    'e.q.inJointProgram': 'Are you a student of the international joint-training classes?',
    'e.q.priorLixingFunding': 'Has this plan funded you before?',
    'e.q.otherFunding': 'Does the China Scholarship Council (CSC) or a similar scheme fund you?',
    'e.q.gpa': 'Your GPA (four-point scale, 0–4)',
    'e.q.ielts': 'IELTS overall band (0–9, in halves)',
    'e.q.toefl': 'TOEFL iBT total (0–120)',
    'e.q.yearOfStudy': 'Current year of study (e.g. 2)',
    'e.q.programYears': 'Length of your programme in years (e.g. 4)',
    'e.q.semesters': 'Semesters you ask for abroad',
    'e.q.enrollmentYear': 'Year you enrolled (e.g. 2026)',
    'e.q.applicationYear': 'Year of the application (e.g. 2026)',
    'e.q.semestersCompleted': 'Semesters completed so far',
    'e.group.language': 'Language test scores (if you have any)',
    'e.group.final_year': 'Year of study',
    'e.group.enrollment_year': 'Enrollment and application year',
    'e.minGpa': 'Minimum GPA for a good academic record: {v}.',
    'e.minGpaUnset': 'The minimum GPA for a good academic record is set by the year\'s notice; the office reviews this.',
    'e.priority': 'Priority thresholds: {list}; scores only give priority and never exclude.',
    'e.notice': 'set by the year\'s notice',
    'e.ielts': 'IELTS {v}', 'e.toefl': 'TOEFL {v}',
    'e.result': 'Result',
    'e.verdict.eligible': 'Eligible',
    'e.verdict.ineligible': 'Not eligible',
    'e.verdict.review': 'For review: the office decides some conditions',
    'e.verdictFor': '{track} ({clause})',
    'e.answerLabel': '{label}: ',
    'e.priorityLabel': 'Language priority',
    'e.priority.true': 'yes (a score reaches the priority threshold)',
    'e.priority.false': 'no (below the priority threshold; this never excludes)',
    'e.priority.null': 'cannot tell yet',
    'e.priority.nullNotice': 'cannot tell yet (the threshold is set by the year\'s notice)',
    'e.fundableLabel': 'School funding',
    'e.fundable.true': 'yes',
    'e.fundable.false': 'no (no further funding; eligibility is not affected)',
    'e.fundable.null': 'for review (answer the funding questions)',
    'e.conditionsTitle': 'Conditions',
    'e.fundingTitle': 'Funding conditions',
    'e.todo': 'What to do: ',
    'e.todo.fail': 'meet this condition as described above (e.g. change the semesters or pick another track); if you cannot, this track is not open to you.',
    'e.todo.review': 'the office decides; bring the document that shows it.',
    'e.todo.answer': 'answer this question above; if unsure, the office decides — bring the document that shows it.',
    'e.todo.fundFail': 'you may still apply, but without this plan\'s funding: you pay the costs.',
    'e.keepTitle': 'What you must keep doing to keep the funding',
    'e.keepIntro': 'If any of these is broken, the funding is refused or recovered:',
    'e.fixInput': 'Correct the marked answer first: {msg}',
  },
});

// Which applicant facts each finding (by its code) is about, in the order asked.
const QUESTIONS = {
  enrolled: [{ key: 'enrolled', yesNo: true }],
  conduct: [{ key: 'conductGood', yesNo: true }],
  gpa: [{ key: 'gpa', inputmode: 'decimal' }],
  language: [{ key: 'ielts', inputmode: 'decimal' }, { key: 'toefl', inputmode: 'numeric' }],
  health: [{ key: 'healthy', yesNo: true }],
  funds: [{ key: 'canFund', yesNo: true }],
  final_year: [{ key: 'yearOfStudy', inputmode: 'numeric' }, { key: 'programYears', inputmode: 'numeric' }],
  semesters: [{ key: 'semesters', inputmode: 'numeric' }],
  joint_program: [{ key: 'inJointProgram', yesNo: true }],
  enrollment_year: [{ key: 'enrollmentYear', inputmode: 'numeric' }, { key: 'applicationYear', inputmode: 'numeric' }],
  semesters_completed: [{ key: 'semestersCompleted', inputmode: 'numeric' }],
  prior_lixing_funding: [{ key: 'priorLixingFunding', yesNo: true }],
  other_funding: [{ key: 'otherFunding', yesNo: true }],
};

const initial = { track: '', answers: {} };

export default {
  id: 'eligibility',
  requires: 'tracks', // the policy section this tool needs
  mount(panel, ctx) {
    const { t, api } = ctx;
    const data = ctx.data('eligibility', initial);
    data.answers ??= {};
    const locale = ctx.locale();
    const info = ctx.policyInfo();
    const tracks = Object.entries(info?.tracks ?? {});

    if (!tracks.length) {
      // The API says why (e.g. the policy has no tracks section).
      let msg = '';
      try { api.checkEligibility({ policy: ctx.policy(), track: '', locale }); } catch (e) { msg = e.message; }
      replace(panel, h('div', { class: 'card' }, h('h2', {}, t('e.title')), h('p', { class: 'error', role: 'alert' }, t('e.noTracks', { msg }))));
      return;
    }
    if (!tracks.some(([id]) => id === data.track)) data.track = tracks[0][0];

    const trackId = nextId('track');
    const trackSelect = h('select', { id: trackId, 'aria-describedby': `${trackId}-about`, onchange: () => { data.track = trackSelect.value; ctx.save(); renderQuestions(); compute(); } },
      tracks.map(([id, tr]) => h('option', { value: id, selected: id === data.track }, t('e.verdictFor', { track: locale === 'en' ? tr.titleEn : tr.title, clause: tr.clause }))));
    const about = h('p', { id: `${trackId}-about`, class: 'muted small' });
    const questions = h('div', { class: 'elig-questions' });
    const summary = h('div', { class: 'elig-summary', 'aria-live': 'polite' });
    const details = h('div', { class: 'elig-details' });
    const keep = h('div', { class: 'card elig-keep', hidden: true });
    /** key → { input or radios, error element } for the shown questions. */
    let fields = {};
    let shown = [];

    /** The findings the track has, from the API itself (an empty applicant). */
    function probe() {
      try {
        const r = api.checkEligibility({ policy: ctx.policy(), track: data.track, locale });
        return { findings: r.findings.map((f) => f.code), funding: r.fundingFindings.map((f) => f.code) };
      } catch {
        return { findings: [], funding: [] };
      }
    }

    function renderQuestions() {
      const tr = info.tracks[data.track];
      replace(about, tr.programme ? `${t(`e.programme.${tr.programme}`)} · ` : '', `${t('e.trackClause')} `, ctx.clauseButton(tr.clause));
      const codes = probe();
      fields = {};
      shown = [];
      const block = (list) => list.map((code) => group(code, QUESTIONS[code] ?? [])).filter(Boolean);
      const main = block(codes.findings);
      const funding = block(codes.funding);
      replace(questions, main, funding.length ? [h('h3', {}, t('e.fundingQuestions')), funding] : null);
    }

    /** The questions of one finding: a yes/no radio group, one number, or several numbers
     * under one legend; the policy's threshold (or "set by the year's notice") as a hint. */
    function group(code, qs) {
      if (!qs.length) return null;
      qs.forEach((q) => shown.push(q.key));
      const hintText = hint(code);
      const hintId = hintText ? nextId('hint') : null;
      const hintEl = hintText ? h('p', { id: hintId, class: 'muted small hint' }, hintText) : null;
      if (qs.length === 1 && qs[0].yesNo) return yesNo(qs[0].key);
      if (qs.length === 1) {
        const { el, input } = numberField(qs[0], hintId);
        return h('div', { class: 'field' }, h('label', { for: input.id }, t(`e.q.${qs[0].key}`)), el, hintEl);
      }
      return h('fieldset', { class: 'numbers', 'data-code': code },
        h('legend', {}, t(`e.group.${code}`)),
        h('div', { class: 'number-row' }, qs.map((q) => {
          const { el, input } = numberField(q, hintId);
          return h('div', { class: 'field' }, h('label', { for: input.id }, t(`e.q.${q.key}`)), el);
        })), hintEl);
    }

    function yesNo(key) {
      const name = nextId(key);
      const value = data.answers[key] ?? '';
      const radios = [['yes', t('e.yes')], ['no', t('e.no')], ['', t('e.unstated')]].map(([v, text]) => h('label', { class: 'choice' },
        h('input', { type: 'radio', name, value: v, checked: value === v, onchange: () => { data.answers[key] = v; ctx.save(); compute(); } }), text));
      fields[key] = { radios };
      return h('fieldset', { class: 'yesno', 'data-key': key }, h('legend', {}, t(`e.q.${key}`)), h('div', { class: 'choices' }, radios));
    }

    function numberField(q, hintId) {
      const errId = nextId('err');
      const error = h('p', { id: errId, class: 'error small', hidden: true });
      const input = h('input', {
        id: nextId(q.key), type: 'text', inputmode: q.inputmode, autocomplete: 'off', spellcheck: 'false', class: 'elig-num', 'data-key': q.key,
        value: data.answers[q.key] ?? '', 'aria-describedby': [hintId, errId].filter(Boolean).join(' '),
        oninput: () => { data.answers[q.key] = input.value; ctx.save(); compute(); },
      });
      fields[q.key] = { input, error };
      return { el: [input, error], input };
    }

    /** The policy parameters a finding depends on, or "set by the year's notice". */
    function hint(code) {
      const p = info;
      if (code === 'gpa') return t(p.minGpa == null ? 'e.minGpaUnset' : 'e.minGpa', { v: p.minGpa });
      if (code === 'language') {
        const list = [t('e.ielts', { v: p.priorityIelts ?? t('e.notice') }), t('e.toefl', { v: p.priorityToefl ?? t('e.notice') })].join(locale === 'en' ? ', ' : '，');
        return t('e.priority', { list });
      }
      return null;
    }

    function applicant() {
      const a = {};
      for (const key of shown) {
        const v = String(data.answers[key] ?? '').trim();
        if (!v) continue;
        a[key] = fields[key]?.radios ? v === 'yes' : v;
      }
      return a;
    }

    function clearErrors() {
      for (const f of Object.values(fields)) {
        if (!f.input) continue;
        f.error.hidden = true;
        f.error.textContent = '';
        f.input.removeAttribute('aria-invalid');
      }
    }

    function compute() {
      clearErrors();
      let r;
      try {
        r = api.checkEligibility({ policy: ctx.policy(), track: data.track, applicant: applicant(), locale });
      } catch (e) {
        const key = /^applicant\.(\w+)/.exec(e.field || '')?.[1];
        const f = key && fields[key];
        // The message names the field by its path; next to the input, its label says that.
        const msg = String(e.message).replace(/^applicant\.\w+[：:]\s*/, '');
        if (f) {
          f.input?.setAttribute('aria-invalid', 'true');
          f.error.textContent = msg;
          f.error.hidden = false;
        }
        replace(summary, h('p', { class: 'error', role: 'alert' }, t('e.fixInput', { msg: f ? `${t('e.answerLabel', { label: t(`e.q.${key}`) })}${msg}` : e.message })));
        replace(details);
        keep.hidden = true;
        return;
      }
      const tr = info.tracks[data.track];
      const language = r.findings.find((f) => f.code === 'language');
      const unsetPriority = info.priorityIelts == null || info.priorityToefl == null;
      replace(summary,
        h('p', { class: `verdict ${r.status}`, 'data-testid': 'verdict', 'data-status': r.status },
          h('span', { class: 'verdict-icon', 'aria-hidden': 'true' }, { eligible: '✓', ineligible: '✗', review: '?' }[r.status]),
          h('span', { class: 'verdict-text' }, t(`e.verdict.${r.status}`)),
          h('span', { class: 'verdict-track muted small' }, t('e.verdictFor', { track: locale === 'en' ? tr.titleEn : tr.title, clause: r.clause }))),
        language ? answer('priority', t('e.priorityLabel'),
          t(`e.priority.${r.priority}${r.priority == null && unsetPriority ? 'Notice' : ''}`), r.priority, language.clause) : null,
        r.fundingFindings.length ? answer('fundable', t('e.fundableLabel'), t(`e.fundable.${r.fundable}`), r.fundable, r.fundingFindings[0].clause) : null);

      replace(details,
        h('h3', {}, t('e.conditionsTitle')), findingList(r.findings, false),
        r.fundingFindings.length ? [h('h3', {}, t('e.fundingTitle')), findingList(r.fundingFindings, true)] : null);

      keep.hidden = !r.conditions.length;
      replace(keep, h('h2', {}, t('e.keepTitle')), h('p', { class: 'muted small' }, t('e.keepIntro')),
        h('ol', { class: 'keep-list', 'data-testid': 'conditions' }, r.conditions.map((c) => h('li', {}, h('span', {}, c.message), ' ', ctx.clauseButton(c.clause)))));
    }

    function answer(testid, label, text, value, clause) {
      const cls = value === true ? 'pass' : value === false ? 'fail' : 'review';
      return h('p', { class: `elig-answer ${cls}`, 'data-testid': testid },
        h('span', { class: 'stat-label' }, t('e.answerLabel', { label })), h('span', { class: 'answer-value' }, text), ' ', ctx.clauseButton(clause));
    }

    function findingList(findings, funding) {
      return h('ul', { class: 'findings' }, findings.map((f) => {
        const keys = (QUESTIONS[f.code] ?? []).map((q) => q.key);
        const unanswered = keys.length && keys.every((k) => !String(data.answers[k] ?? '').trim());
        const todo = f.outcome === 'fail' ? (funding ? 'e.todo.fundFail' : 'e.todo.fail')
          : f.outcome === 'review' ? (unanswered ? 'e.todo.answer' : 'e.todo.review') : null;
        return h('li', { class: `finding ${f.outcome}`, 'data-code': f.code },
          h('span', { class: 'outcome' }, t(f.outcome)), ' ', h('span', {}, f.message), ' ', ctx.clauseButton(f.clause),
          todo ? h('span', { class: 'todo small' }, h('strong', {}, t('e.todo')), t(todo)) : null);
      }));
    }

    replace(panel,
      h('div', { class: 'elig-layout' },
        h('div', { class: 'card' },
          h('h2', {}, t('e.title')),
          h('p', { class: 'muted small' }, t('e.intro')),
          h('label', { for: trackId }, t('e.track')), trackSelect, about,
          h('h3', {}, t('e.questions')), questions),
        h('div', { class: 'elig-results' },
          h('div', { class: 'card' }, h('h2', {}, t('e.result')), summary, details),
          keep)));
    renderQuestions();
    compute();
  },
};
