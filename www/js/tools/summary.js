// The application summary (申请自查单): what the student entered in the other tools and what
// the API made of it — GPA, credits, eligibility, funding split, deadlines — on one A4 page,
// with the policy's id and fingerprint and the date, in the chosen language. Each tool
// contributes its own part (its `summary(ctx, data)`); this module only puts them together.
import { h, replace } from '../dom.js';

export const dict = {
  's.title': ['交换生申请自查单', 'Exchange application self-check'],
  's.intro': ['汇总你在各工具中填写的内容与计算结果；可打印为一页 A4，附在申请材料后。', 'What you entered in the other tools and what it comes to, on one A4 page to attach to your application.'],
  's.made': ['生成日期 {date} · 依据 {title}（{id}，规则指纹 {hash}）', 'Made on {date} · Rules: {title} ({id}, fingerprint {hash})'],
  's.print': ['打印自查单', 'Print the summary'],
  's.notCovered': ['所选政策没有规定的部分：{list}', 'Not covered by the chosen policy: {list}'],
  's.selfCheck': ['本单为自查参考，不是审批结果；最终以学校审核为准。', 'A self-check, not a decision: the school\'s review decides.'],
  's.edit': ['修改', 'Edit'],
};

function mount(panel, ctx) {
  const { t } = ctx;
  const info = ctx.policyInfo();
  const parts = [];
  const missing = [];
  for (const tool of ctx.tools) {
    if (tool.id === 'summary' || !tool.summary) continue;
    const part = tool.summary(ctx, ctx.data(tool.id, tool.initial));
    if (part) parts.push({ tool, part });
    else missing.push(t(`tab.${tool.id}`));
  }
  const title = info ? (ctx.locale() === 'en' ? info.titleEn : info.title) : '';
  replace(panel, h('div', { class: 'card summary-sheet' },
    h('h2', {}, t('s.title')),
    h('p', { class: 'muted small sum-made', 'data-testid': 'sum-made' }, t('s.made', { date: ctx.today(), title, id: info?.id ?? '', hash: info?.hash ?? '' })),
    h('p', { class: 'muted small no-print' }, t('s.intro')),
    h('div', { class: 'q-actions no-print' }, h('button', { type: 'button', onclick: () => window.print() }, t('s.print'))),
    parts.map(({ tool, part }) => h('section', { class: 'sum-part', 'data-part': tool.id },
      h('h3', {}, part.title, ' ', h('button', { type: 'button', class: 'link no-print', onclick: () => ctx.select(tool.id) }, t('s.edit'))),
      part.body)),
    missing.length ? h('p', { class: 'muted small' }, t('s.notCovered', { list: missing.join(ctx.locale() === 'en' ? ', ' : '、') })) : null,
    h('p', { class: 'small sum-foot' }, t('s.selfCheck'))));
}

export default { id: 'summary', dict, mount };
