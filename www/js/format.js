// Display formatting of the API's exact decimal strings. Digits are grouped in the text
// itself, never through Number (which would round a long or large value): "1234567.125" →
// "1,234,567.125". The value the API gave stays as it is everywhere else.

const cache = new Map();
function separators(locale) {
  if (!cache.has(locale)) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
    cache.set(locale, { group: parts.find((p) => p.type === 'group')?.value ?? ',', decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.' });
  }
  return cache.get(locale);
}

/** A decimal string with the locale's thousands grouping; anything else comes back unchanged. */
export function grouped(text, locale) {
  const s = String(text ?? '');
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return s;
  const { group, decimal } = separators(locale);
  const int = m[2].replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${m[1]}${int}${m[3] !== undefined ? `${decimal}${m[3]}` : ''}`;
}

/** Today as YYYY-MM-DD in the browser's time zone (printouts say when they were made). */
export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
