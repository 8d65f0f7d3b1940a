// UI strings in zh-CN (default) and en. Every dictionary is `{ key: [zh, en] }`, so a string
// cannot exist in one language only (tests/pages/i18n.test.mjs checks each pair), and each app
// instance has its own translator: two embeds on one page can speak different languages.

/** 'en' or 'zh-CN' (the default) from a lang attribute or a saved setting. */
export const toLocale = (tag) => (String(tag ?? '').toLowerCase().startsWith('en') ? 'en' : 'zh-CN');

/**
 * The strings of one language over dictionaries `{ key: [zh, en] }`: `t(key, vars)` with
 * `{name}` placeholders filled as text, and `{name|one|other}` the word for that count in
 * English ("1 row has", "2 rows have"; Chinese needs none). An unknown key comes back as
 * itself (a test makes sure none is used).
 */
export function translator(locale, dicts) {
  const at = locale === 'en' ? 1 : 0;
  const table = Object.assign({}, ...dicts);
  const plural = new Intl.PluralRules(locale);
  const counted = (s, vars) => s.replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (m, k, one, other) =>
    (k in vars ? (plural.select(Number(vars[k])) === 'one' ? one : other) : m));
  const t = (key, vars = {}) => {
    const pair = table[key];
    const s = counted(pair ? pair[at] : key, vars);
    return s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
  };
  t.locale = locale;
  t.has = (key) => key in table;
  /** As t, but a var may be a DOM node (kept as is): for a clause id that must not wrap. */
  t.nodes = (key, vars = {}) => {
    const pair = table[key];
    return counted(pair ? pair[at] : key, vars).split(/(\{\w+\})/).filter(Boolean).map((part) => {
      const k = /^\{(\w+)\}$/.exec(part)?.[1];
      return k && k in vars ? vars[k] : part;
    });
  };
  return t;
}

/** The shell's own strings; each tool brings its own dictionary. */
export const dict = {
  title: ['交换生计算器', 'Exchange calculator'],
  policy: ['政策', 'Policy'],
  langSwitch: ['English', '中文'],
  close: ['关闭', 'Close'],
  loadFailed: ['计算模块加载失败：{msg}。请刷新页面重试。', 'The calculator could not load: {msg}. Reload the page to try again.'],
  policyRef: ['依据：{title}（{id}，规则指纹 {hash}）', 'Rules: {title} ({id}, fingerprint {hash})'],
  privacy: ['所有计算都在本机浏览器中完成，数据只保存在本设备，不会发送到任何服务器。', 'Everything is computed in this browser; your data stays on this device and is never sent anywhere.'],
  corrupt: ['之前保存的数据无法读取，已在本设备上另存一份副本，并重新开始。', 'Previously saved data could not be read; a copy was kept on this device and the app started fresh.'],
  clause: ['条款 {id}', 'Clause {id}'],
  clauseMissing: ['所选政策未收录该条款原文。', 'The chosen policy does not quote this clause.'],
  notFromRegulation: ['非规定内容', 'not from a regulation'],
  pass: ['符合', 'Met'],
  fail: ['不符合', 'Not met'],
  review: ['待审核', 'For review'],
  remove: ['删除', 'Remove'],
  addRow: ['添加一行', 'Add a row'],
  tools: ['计算工具', 'Tools'],
  'pv.open': ['这些规则的全文', 'These rules in words'],
  'tab.grades': ['成绩与绩点', 'Grades & GPA'],
  'tab.credits': ['学分认定', 'Credits'],
  'tab.funding': ['经费分担', 'Funding'],
  'tab.eligibility': ['申请资格', 'Eligibility'],
  'tab.deadlines': ['时间节点', 'Deadlines'],
  'tab.summary': ['申请自查单', 'Application summary'],
  'tab.quota': ['名额分配（项目办）', 'Quota (offices)'],
  'tab.cohort': ['批量换算（项目办）', 'Cohort (offices)'],
  yourData: ['我的数据', 'Your data'],
  exportData: ['导出数据（JSON）', 'Export data (JSON)'],
  importData: ['导入数据', 'Import data'],
  clearData: ['清除我的数据', 'Clear my data'],
  print: ['打印本页', 'Print this tool'],
  clearConfirm: ['确定清除本设备上保存的全部输入吗？', 'Clear everything this app saved on this device?'],
  cleared: ['已清除本设备上保存的数据。', 'The data saved on this device was cleared.'],
  imported: ['已导入数据。', 'Data imported.'],
  importFailed: ['导入失败：{msg}。现有数据未改动。', 'Import failed: {msg}. Your data is unchanged.'],
  notExport: ['这不是本计算器导出的数据文件', 'this is not a data file exported by this calculator'],
  notJson: ['文件内容无法读取（不是 JSON）', 'the file cannot be read (it is not JSON)'],
  needsPolicy: ['所选政策没有这部分规定。', 'The chosen policy has no rules for this.'],
  switchTo: ['切换到：{title}', 'Switch to: {title}'],
  policySrcFailed: ['未能读取本校的政策参数文件（{src}），暂按“{title}”计算；结果可能与本校通知不同。', 'Could not read this university\'s policy file ({src}); using "{title}" for now, so results may differ from the university\'s notice.'],
  policyInvalid: ['本校的政策参数有误，暂按“{title}”计算：{msg}', 'This university\'s policy has problems, so "{title}" is used for now: {msg}'],
};
