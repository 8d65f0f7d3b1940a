// UI strings in zh-CN (default) and en. Tools add their own with register().
const strings = {
  'zh-CN': {
    title: '交换生计算器',
    skip: '跳到主要内容',
    policy: '政策',
    langSwitch: 'English',
    close: '关闭',
    loading: '正在加载计算模块…',
    loadFailed: '计算模块加载失败：{msg}。请刷新页面重试。',
    policyRef: '依据：{title}（{id}，规则指纹 {hash}）',
    privacy: '所有计算都在本机浏览器中完成，数据只保存在本设备，不会发送到任何服务器。',
    corrupt: '之前保存的数据已损坏，已另存为 {key} 并重新开始。',
    clause: '条款 {id}',
    clauseMissing: '所选政策未收录该条款原文。',
    notFromRegulation: '非规定内容',
    pass: '符合', fail: '不符合', review: '待审核',
    remove: '删除',
    addRow: '添加一行',
  },
  en: {
    title: 'Exchange calculator',
    skip: 'Skip to main content',
    policy: 'Policy',
    langSwitch: '中文',
    close: 'Close',
    loading: 'Loading the calculator…',
    loadFailed: 'The calculator could not load: {msg}. Reload the page to try again.',
    policyRef: 'Rules: {title} ({id}, fingerprint {hash})',
    privacy: 'Everything is computed in this browser; your data stays on this device and is never sent anywhere.',
    corrupt: 'Previously saved data was damaged; it was set aside as {key} and the app started fresh.',
    clause: 'Clause {id}',
    clauseMissing: 'The chosen policy does not quote this clause.',
    notFromRegulation: 'not from a regulation',
    pass: 'Met', fail: 'Not met', review: 'For review',
    remove: 'Remove',
    addRow: 'Add a row',
  },
};

let current = 'zh-CN';

export const locales = ['zh-CN', 'en'];
export const getLocale = () => current;
export function setLocale(tag) { current = tag === 'en' ? 'en' : 'zh-CN'; }

/** Adds a tool's strings: { 'zh-CN': {...}, en: {...} }. */
export function register(dict) {
  for (const l of locales) Object.assign(strings[l], dict[l]);
}

/** The string for key in the current language, with {name} placeholders filled as text. */
export function t(key, vars = {}) {
  const s = strings[current][key] ?? strings['zh-CN'][key] ?? key;
  return s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
}
