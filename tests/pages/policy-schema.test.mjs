// The policy JSON Schema (www/policy.schema.json, issue 18) against the reader it describes:
// ajv (draft 2020-12) and the wasm's describePolicy, loaded in Node, run on the same
// documents — the presets, valid overrides of every parameter, and wrong documents of every
// kind (wrong types, unknown keys at several depths, numbers out of range, missing keys, an
// unknown preset). They must accept and reject the same ones, and point at the same place.
// What only the reader can check (repeats, max below min, …) is listed once below, pinned both
// ways, so a change on either side shows. No browser needed; needs a build (www/pkg).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { root } from './harness.mjs';
import { initSync, describePolicy } from '../../www/pkg/exchange_calc.js';

initSync({ module: fs.readFileSync(path.join(root, 'pkg/exchange_calc_bg.wasm')) });

const schemaFile = path.join(root, 'policy.schema.json');
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
// strictSchema (ajv's default) refuses unknown keywords; errorMessage is VS Code's annotation.
// strictTypes only lints style: the conditional parts rely on the root's "type": "object".
const ajv = new Ajv2020({ allErrors: true, strictTypes: false });
ajv.addVocabulary(['errorMessage']);
// The reader compiles a policy's patterns as the browser's RegExp with the u flag (src/pattern.rs,
// README); format "regex" means exactly that here (ajv's optional formats package omits the flag).
ajv.addFormat('regex', (s) => { try { new RegExp(s, 'u'); return true; } catch { return false; } });
const validate = ajv.compile(schema);

const preset = (id) => JSON.parse(fs.readFileSync(path.join(root, '../policies', `${id}.json`), 'utf8'));
const xinyu = preset('xinyu-2022');
const gdut = preset('gdut-lixing-2026');

/** A path as the reader writes it: ['grades', 'letters', 0, 'letter'] → grades.letters[0].letter. */
const dotted = (keys) => keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');

/** A copy of `doc` with the value at `keys` set (or removed, for `undefined`). */
function edit(doc, keys, value) {
  const copy = structuredClone(doc);
  let at = copy;
  for (const k of keys.slice(0, -1)) at = at[k];
  if (value === undefined) delete at[keys.at(-1)]; else at[keys.at(-1)] = value;
  return copy;
}

/** The reader's answer: { ok } or { ok: false, paths } (every problem's path). */
function reader(doc) {
  try {
    describePolicy({ policy: doc, locale: 'en' });
    return { ok: true, paths: [] };
  } catch (e) {
    const paths = e.problems ? e.problems.map((p) => p.path) : [e.field.replace(/^policy\.?/, '')];
    return { ok: false, paths, message: e.message };
  }
}

/** The schema's answer, with the paths of its errors written as the reader writes them. */
function schemaCheck(doc) {
  const ok = validate(doc);
  const paths = (validate.errors ?? []).map((e) => {
    const keys = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const below = e.params.missingProperty ?? e.params.additionalProperty ?? e.params.propertyName;
    return dotted(below === undefined ? keys : [...keys, below]);
  });
  return { ok, paths: [...new Set(paths)] };
}

const show = (doc) => JSON.stringify(doc).slice(0, 160);

// --- valid: both must accept -------------------------------------------------------------

const reads = {
  'xinyu-2022': ['minGpa', 'priorityIelts', 'priorityToefl', 'hoursPerCredit', 'studentIdPattern'],
  'gdut-lixing-2026': ['schoolCapPerStudent', 'schoolShareRatio', 'studentIdPattern'],
};
// Values each parameter takes, in the forms people write them: numbers, text, full-width digits
// from a Chinese input method, spaces, the ends of each range.
const goodValues = {
  minGpa: [2.8, '3.0', '３．２', ' 2.5 ', '0', '-0', '+3', '4', '.5', '3.'],
  priorityIelts: [6.5, '7', '０', '9', '9.0', '８.５'],
  priorityToefl: [90, '100', '120', '120.00', '0', '１１９.５'],
  hoursPerCredit: [16, '17', '18', '18.000', '16.5', '１８'],
  schoolCapPerStudent: [20000, '30000.50', '0', '１２０００', 1e9],
  schoolShareRatio: [0.8, '0.75', '1', '1.000', '0', '.5', '０．６'],
  studentIdPattern: ['^\\d{10}$', '\\d{8}|[A-Z]{2}\\d{6}', '20\\d{2}[0-9]{6}', '(?<year>\\d{4})\\d{6}'],
};

const valid = [
  ['the xinyu preset', xinyu],
  ['the gdut preset', gdut],
  ['a preset without $schema', edit(xinyu, ['$schema'], undefined)],
  ['a minimal whole document', { id: 'x', title: 'X', year: 2026 }],
  ['a whole document that sets its student-id pattern', { $schema: 'https://example.edu/policy.schema.json', id: 'x', title: 'X', titleEn: null, year: 2026, studentIdPattern: '\\d{10}', clauses: {} }],
  ['a whole document with an exchange track reads minGpa', { id: 'x', title: 'X', year: 2026, minGpa: '3', tracks: { exchange: xinyu.tracks.exchange } }],
  ['a whole document with a funding section reads the cap', { id: 'x', title: 'X', year: 2026, schoolCapPerStudent: 1000, funding: gdut.funding }],
  ['extends with spaces around the id', { extends: ' xinyu-2022 ', minGpa: '3' }],
  ['an override of nothing', { extends: 'gdut-lixing-2026' }],
  ['an override with $schema', { $schema: 'https://example.edu/exchange-calc/policy.schema.json', extends: 'xinyu-2022', minGpa: '2.8' }],
  ['the demo page\'s override file', JSON.parse(fs.readFileSync(path.join(root, 'embed-policy.json'), 'utf8'))],
  ['a new id, title and year', { extends: 'xinyu-2022', id: 'xinyu-2022-notice-2026', title: '2026 通知', titleEn: '2026 notice', year: 2026 }],
  ['a section in part: the pass mark', { extends: 'xinyu-2022', grades: { percentagePassMark: '55' } }],
  ['a blank pass mark is none', { extends: 'xinyu-2022', grades: { percentagePassMark: '  ' } }],
  ['a convention in part', { extends: 'xinyu-2022', grades: { passMarkConvention: { en: 'Our own words.' } } }],
  ['a quoted clause in part', { extends: 'xinyu-2022', clauses: { 'XYU-10.2': { en: 'Our translation.' } } }],
  ['a new clause, whole', { extends: 'xinyu-2022', clauses: { 'XYU-99': { zh: '新条款', en: 'A new clause' } } }],
  ['the hour range in part', { extends: 'xinyu-2022', credits: { hoursPerCredit: { max: '17' } }, hoursPerCredit: 17 }],
  ['a track in part', { extends: 'xinyu-2022', tracks: { exchange: { maxSemesters: 3, titleEn: 'Exchange semester' } } }],
  ['semester days in part', { extends: 'xinyu-2022', form: { semesterDays: { max: 200 } } }],
  ['a list replaced whole', { extends: 'gdut-lixing-2026', deadlines: { annual: [{ code: 'final_list', clause: 'LX-4.2.3', month: 2, day: 29, title: { zh: '名单', en: 'List' } }] } }],
  ['a section unset', { extends: 'xinyu-2022', grades: null }],
  // null unsets (README, Policies): an optional list given as null is no list.
  ['pass grades null (none)', { extends: 'xinyu-2022', grades: { pass: null } }],
  ['credits unset with hoursPerCredit', { extends: 'xinyu-2022', credits: null, hoursPerCredit: null }],
  ['gdut with an exchange track reads minGpa', { extends: 'gdut-lixing-2026', minGpa: '2.5', tracks: { exchange: xinyu.tracks.exchange } }],
  ['xinyu with a funding section reads the cap', { extends: 'xinyu-2022', schoolShareRatio: '0.5', funding: gdut.funding }],
  ['a relative deadline in months', edit(xinyu, ['deadlines', 'relative', 0], { ...xinyu.deadlines.relative[0], days: null, months: 120 })],
  ['an annual deadline on 29 February', edit(gdut, ['deadlines', 'annual', 0, 'day'], 29)],
  ['the airfare capped for the college', edit(gdut, ['funding', 'items', 4, 'upToEconomyFare'], true)],
  ['the home system spelled HOME_', edit(xinyu, ['credits', 'systems', 0, 'id'], ' HOME ')],
];
for (const [id, keys] of Object.entries(reads)) {
  for (const key of Object.keys(goodValues)) {
    valid.push([`${id}: ${key} null (unset)`, { extends: id, [key]: null }]);
    if (keys.includes(key)) for (const v of goodValues[key]) valid.push([`${id}: ${key} ${JSON.stringify(v)}`, { extends: id, [key]: v }]);
  }
}

// --- invalid: both must refuse, at this path (the schema's own where it differs) ----------

const invalid = [
  // The document itself.
  ['an array', [], ''],
  ['extends an unknown preset', { extends: 'xinyu-2023' }, 'extends'],
  ['extends nothing', { extends: '' }, 'extends'],
  ['extends a number', { extends: 2022 }, 'extends'],
  ['extends null', { extends: null }, 'extends'],
  ['$schema a number', { extends: 'xinyu-2022', $schema: 5 }, '$schema'],
  // Missing keys of a whole document, at several depths.
  ['no id', edit(xinyu, ['id'], undefined), 'id'],
  ['no title', edit(gdut, ['title'], undefined), 'title'],
  ['no year', edit(xinyu, ['year'], undefined), 'year'],
  ['a null id', { extends: 'xinyu-2022', id: null }, 'id'],
  ['a blank id', { extends: 'xinyu-2022', id: ' \u3000' }, 'id'],
  ['no grades clause', edit(xinyu, ['grades', 'clause'], undefined), 'grades.clause'],
  ['no letters', edit(xinyu, ['grades', 'letters'], undefined), 'grades.letters'],
  ['no letters at all', edit(xinyu, ['grades', 'letters'], []), 'grades.letters'],
  ['a letter without its percentage', edit(xinyu, ['grades', 'letters', 2, 'percentage'], undefined), 'grades.letters[2].percentage'],
  ['no hour-range clause', edit(xinyu, ['credits', 'hoursPerCredit', 'clause'], undefined), 'credits.hoursPerCredit.clause'],
  ['no credit systems', edit(xinyu, ['credits', 'systems'], undefined), 'credits.systems'],
  ['a system without its note', edit(xinyu, ['credits', 'systems', 3, 'note'], undefined), 'credits.systems[3].note'],
  ['a note without English', edit(xinyu, ['credits', 'systems', 3, 'note', 'en'], undefined), 'credits.systems[3].note.en'],
  ['a deadline without its title', edit(xinyu, ['deadlines', 'relative', 1, 'title'], undefined), 'deadlines.relative[1].title'],
  ['a deadline counted from nothing', edit(xinyu, ['deadlines', 'relative', 0, 'from'], undefined), 'deadlines.relative[0].from'],
  ['no share clause', edit(gdut, ['funding', 'shareClause'], undefined), 'funding.shareClause'],
  ['a track without its kind', edit(gdut, ['tracks', 'freshman-leap', 'kind'], undefined), 'tracks.freshman-leap.kind'],
  ['an exchange track without its semesters clause', edit(xinyu, ['tracks', 'exchange', 'semestersClause'], undefined), 'tracks.exchange.semestersClause'],
  ['an exchange track with a null maximum', edit(xinyu, ['tracks', 'exchange', 'maxSemesters'], null), 'tracks.exchange.maxSemesters'],
  ['a research track without its semesters completed', edit(gdut, ['tracks', 'navigator-research', 'minSemestersCompleted'], undefined), 'tracks.navigator-research.minSemestersCompleted'],
  ['semester days without their convention', edit(xinyu, ['form', 'semesterDays', 'convention'], undefined), 'form.semesterDays.convention'],
  ['a cost item with no rule', edit(gdut, ['funding', 'items'], gdut.funding.items.filter((r) => r.item !== 'visa')), 'funding.items'],
  ['no tracks at all', edit(xinyu, ['tracks'], {}), 'tracks'],
  // Wrong types.
  ['minGpa true', { extends: 'xinyu-2022', minGpa: true }, 'minGpa'],
  ['minGpa a list', { extends: 'xinyu-2022', minGpa: [3] }, 'minGpa'],
  ['priorityIelts an object', { extends: 'xinyu-2022', priorityIelts: {} }, 'priorityIelts'],
  ['studentIdPattern a number', { extends: 'gdut-lixing-2026', studentIdPattern: 5 }, 'studentIdPattern'],
  ['a title that is a number', { extends: 'xinyu-2022', title: 5 }, 'title'],
  ['a year in text', { extends: 'xinyu-2022', year: '2022' }, 'year'],
  ['a year with a fraction', { extends: 'xinyu-2022', year: 2022.5 }, 'year'],
  ['grades a string', { extends: 'xinyu-2022', grades: 'x' }, 'grades'],
  ['letters an object', { extends: 'xinyu-2022', grades: { letters: {} } }, 'grades.letters'],
  ['a grade point true', edit(xinyu, ['grades', 'letters', 0, 'gradePoint'], true), 'grades.letters[0].gradePoint'],
  ['failing letters as one string', { extends: 'xinyu-2022', grades: { failing: 'F' } }, 'grades.failing'],
  ['semesters in text', { extends: 'xinyu-2022', tracks: { exchange: { minSemesters: '1' } } }, 'tracks.exchange.minSemesters'],
  ['semesters with a fraction', { extends: 'xinyu-2022', tracks: { exchange: { maxSemesters: 1.5 } } }, 'tracks.exchange.maxSemesters'],
  ['negative days', edit(xinyu, ['deadlines', 'relative', 0, 'days'], -1), 'deadlines.relative[0].days'],
  ['economy fare as a word', edit(gdut, ['funding', 'items', 4, 'upToEconomyFare'], 'yes'), 'funding.items[4].upToEconomyFare'],
  ['a quoted clause as a number', { extends: 'xinyu-2022', clauses: { 'XYU-10.2': { zh: 5 } } }, 'clauses.XYU-10.2.zh'],
  ['clauses a string', { extends: 'xinyu-2022', clauses: 'x' }, 'clauses'],
  ['semester days negative', { extends: 'xinyu-2022', form: { semesterDays: { min: -1 } } }, 'form.semesterDays.min'],
  ['an unknown basis', edit(xinyu, ['credits', 'systems', 1, 'basis'], 'law'), 'credits.systems[1].basis'],
  ['an unknown phase', edit(gdut, ['deadlines', 'steps', 0, 'phase'], 'later'), 'deadlines.steps[0].phase'],
  ['an unknown payer', edit(gdut, ['funding', 'items', 0, 'payer'], 'ministry'), 'funding.items[0].payer'],
  ['an unknown track kind', { extends: 'xinyu-2022', tracks: { exchange: { kind: 'summer' } } }, 'tracks.exchange.kind'],
  ['an unknown programme', { extends: 'gdut-lixing-2026', tracks: { 'freshman-leap': { programme: 'sport' } } }, 'tracks.freshman-leap.programme'],
  // Not numbers.
  ...['abc', '1,000', '1e3', '', ' ', '.', '-', '++1', '-+1', '3..5', '0x10', '\ufeff3', '3 0'].map((v) => [`minGpa ${JSON.stringify(v)}`, { extends: 'xinyu-2022', minGpa: v }, 'minGpa']),
  // Unknown keys at several depths.
  ['a typo at the top', { extends: 'xinyu-2022', minGPA: '3' }, 'minGPA'],
  ['a hash at the top (describePolicy\'s output is not a document)', { ...xinyu, hash: '12345678' }, 'hash'],
  ['a typo in a section', { extends: 'xinyu-2022', grades: { passMark: 60 } }, 'grades.passMark'],
  ['an unknown key in a letter', edit(xinyu, ['grades', 'letters', 3, 'points'], 3), 'grades.letters[3].points'],
  ['an unknown key in the hour range', { extends: 'xinyu-2022', credits: { hoursPerCredit: { avg: 17 } } }, 'credits.hoursPerCredit.avg'],
  ['an unknown key in a track', { extends: 'xinyu-2022', tracks: { exchange: { gpa: 3 } } }, 'tracks.exchange.gpa'],
  ['weeks in a deadline', edit(xinyu, ['deadlines', 'relative', 0, 'weeks'], 2), 'deadlines.relative[0].weeks'],
  ['French in a quoted clause', { extends: 'xinyu-2022', clauses: { 'XYU-10.2': { fr: '…' } } }, 'clauses.XYU-10.2.fr'],
  ['a note in a convention', { extends: 'xinyu-2022', form: { semesterDays: { convention: { note: 'x' } } } }, 'form.semesterDays.convention.note'],
  ['a cap on a cost item', edit(gdut, ['funding', 'items', 0, 'cap'], 1000), 'funding.items[0].cap'],
  ['German in a system name', edit(xinyu, ['credits', 'systems', 1, 'name', 'de'], 'x'), 'credits.systems[1].name.de'],
  ['$schema inside a section', { extends: 'xinyu-2022', grades: { $schema: 'x' } }, 'grades.$schema'],
  // Numbers out of range.
  ...[['minGpa', '-0.1'], ['minGpa', -1], ['priorityIelts', '9.5'], ['priorityIelts', 9.01], ['priorityIelts', '-1'], ['priorityIelts', '10'],
    ['priorityToefl', 121], ['priorityToefl', '120.5'], ['priorityToefl', '200'], ['priorityToefl', '-０.5'],
    ['hoursPerCredit', 15.9], ['hoursPerCredit', '18.01'], ['hoursPerCredit', '20'], ['hoursPerCredit', 0], ['hoursPerCredit', '-16'], ['hoursPerCredit', '１９']]
    .map(([k, v]) => [`xinyu: ${k} ${JSON.stringify(v)}`, { extends: 'xinyu-2022', [k]: v }, k]),
  ...[['schoolShareRatio', 1.5], ['schoolShareRatio', '-0.2'], ['schoolShareRatio', '1.01'], ['schoolShareRatio', '１.5'], ['schoolCapPerStudent', -1], ['schoolCapPerStudent', '-0.01']]
    .map(([k, v]) => [`gdut: ${k} ${JSON.stringify(v)}`, { extends: 'gdut-lixing-2026', [k]: v }, k]),
  ['a cap past the exact decimals', { extends: 'gdut-lixing-2026', schoolCapPerStudent: 1e30 }, 'schoolCapPerStudent'],
  ['a cap past the exact decimals, in text', { extends: 'gdut-lixing-2026', schoolCapPerStudent: '79228162514264337593543950336' }, 'schoolCapPerStudent'],
  ['a grade point above 5', edit(xinyu, ['grades', 'letters', 0, 'gradePoint'], '5.1'), 'grades.letters[0].gradePoint'],
  ['a percentage above 100', edit(xinyu, ['grades', 'letters', 1, 'percentage'], 101), 'grades.letters[1].percentage'],
  ['a pass mark above 100', { extends: 'xinyu-2022', grades: { percentagePassMark: '100.5' } }, 'grades.percentagePassMark'],
  ['an hour range from 0', { extends: 'xinyu-2022', credits: { hoursPerCredit: { min: 0 } } }, 'credits.hoursPerCredit.min'],
  ['a negative short-programme cap', { extends: 'xinyu-2022', credits: { shortProgram: { cap: -2 } } }, 'credits.shortProgram.cap'],
  ['a credit ratio of 0', edit(xinyu, ['credits', 'systems', 1, 'foreignCredits'], '0'), 'credits.systems[1].foreignCredits'],
  ['an exchange of 0 semesters', { extends: 'xinyu-2022', credits: { semesters: { min: 0 } } }, 'credits.semesters.min'],
  ['3661 days', edit(xinyu, ['deadlines', 'relative', 0, 'days'], 3661), 'deadlines.relative[0].days'],
  ['121 months', edit(xinyu, ['deadlines', 'relative', 0], { ...xinyu.deadlines.relative[0], days: undefined, months: 121 }), 'deadlines.relative[0].months'],
  ['month 13', edit(gdut, ['deadlines', 'annual', 0, 'month'], 13), 'deadlines.annual[0].month'],
  ['day 32', edit(gdut, ['deadlines', 'annual', 0, 'day'], 32), 'deadlines.annual[0].day'],
  ['30 February', edit(gdut, ['deadlines', 'annual', 0], { ...gdut.deadlines.annual[0], month: 2, day: 30 }), 'deadlines.annual[0].day'],
  ['31 April', edit(gdut, ['deadlines', 'annual', 0], { ...gdut.deadlines.annual[0], month: 4, day: 31 }), 'deadlines.annual[0].day'],
  ['day 0', edit(gdut, ['deadlines', 'annual', 1, 'day'], 0), 'deadlines.annual[1].day'],
  ['367 days a semester', { extends: 'xinyu-2022', form: { semesterDays: { max: 367 } } }, 'form.semesterDays.max'],
  ['0 days a semester', { extends: 'xinyu-2022', form: { semesterDays: { min: 0 } } }, 'form.semesterDays.min'],
  ['an exchange of at least 0 semesters', { extends: 'xinyu-2022', tracks: { exchange: { minSemesters: 0 } } }, 'tracks.exchange.minSemesters'],
  // Blank where text is needed.
  ['a blank track title', { extends: 'xinyu-2022', tracks: { exchange: { title: '' } } }, 'tracks.exchange.title'],
  ['a blank convention', { extends: 'xinyu-2022', grades: { passMarkConvention: { zh: '  ' } } }, 'grades.passMarkConvention.zh'],
  ['a blank step clause', edit(gdut, ['deadlines', 'steps', 0, 'clause'], ''), 'deadlines.steps[0].clause'],
  ['a blank deadline code', edit(xinyu, ['deadlines', 'relative', 2, 'code'], '\u3000'), 'deadlines.relative[2].code'],
  ['a blank letter', edit(xinyu, ['grades', 'letters', 4, 'letter'], ' '), 'grades.letters[4].letter'],
  ['a blank system id', edit(xinyu, ['credits', 'systems', 2, 'id'], ''), 'credits.systems[2].id'],
  ['a blank note', edit(gdut, ['funding', 'conditions', 0, 'en'], ''), 'funding.conditions[0].en'],
  ['a blank track id', { extends: 'xinyu-2022', tracks: { ' ': xinyu.tracks.exchange } }, 'tracks. '],
  // Shapes the reader refuses.
  ['days and months both', edit(xinyu, ['deadlines', 'relative', 0, 'months'], 1), 'deadlines.relative[0]'],
  ['neither days nor months', edit(xinyu, ['deadlines', 'relative', 0, 'days'], null), 'deadlines.relative[0]'],
  ['the visa capped at the economy fare', edit(gdut, ['funding', 'items', 5, 'upToEconomyFare'], true), 'funding.items[5].upToEconomyFare'],
  // A schema can only say the list holds the airfare twice; the reader names the second.
  ['the airfare twice', edit(gdut, ['funding', 'items'], [...gdut.funding.items, gdut.funding.items[4]]), 'funding.items[8].item', 'funding.items'],
  ['no home credit system', edit(xinyu, ['credits', 'systems'], xinyu.credits.systems.slice(1)), 'credits.systems'],
  ['a semester limit on a freshman track', edit(gdut, ['tracks', 'freshman-leap', 'minSemesters'], 1), 'tracks.freshman-leap.minSemesters'],
  ['semesters completed on an exchange track', edit(xinyu, ['tracks', 'exchange', 'minSemestersCompleted'], 1), 'tracks.exchange.minSemestersCompleted'],
  ['a student-id pattern that does not compile', { extends: 'xinyu-2022', studentIdPattern: '(' }, 'studentIdPattern'],
  ['a pattern only non-u regexes take', { extends: 'gdut-lixing-2026', studentIdPattern: '\\-\\d' }, 'studentIdPattern'],
  ['an unclosed class', { extends: 'gdut-lixing-2026', studentIdPattern: '[0-9' }, 'studentIdPattern'],
  ['a phone pattern that does not compile', { extends: 'xinyu-2022', form: { phonePattern: 'a{' } }, 'form.phonePattern'],
  // Parameters no rule of the policy reads.
  ...['minGpa', 'priorityIelts', 'priorityToefl', 'hoursPerCredit'].map((k) => [`gdut does not read ${k}`, { extends: 'gdut-lixing-2026', [k]: goodValues[k][0] }, k]),
  ...['schoolCapPerStudent', 'schoolShareRatio'].map((k) => [`xinyu does not read ${k}`, { extends: 'xinyu-2022', [k]: goodValues[k][0] }, k]),
  ['xinyu without credits still has its hoursPerCredit 16', { extends: 'xinyu-2022', credits: null }, 'hoursPerCredit'],
  ['xinyu without tracks does not read minGpa', { extends: 'xinyu-2022', tracks: null, minGpa: 3 }, 'minGpa'],
  ['gdut without funding does not read the cap', { extends: 'gdut-lixing-2026', funding: null, schoolCapPerStudent: 1 }, 'schoolCapPerStudent'],
  ['a whole document without an exchange track and a minGpa', { id: 'x', title: 'X', year: 2026, minGpa: 3 }, 'minGpa'],
  ['a whole document without credits and an hoursPerCredit', edit(xinyu, ['credits'], null), 'hoursPerCredit'],
  ['a whole document without funding and a ratio', { id: 'x', title: 'X', year: 2026, schoolShareRatio: '0.5' }, 'schoolShareRatio'],
];

// --- beyond a schema: what only the reader checks ----------------------------------------
// Each is refused by the reader at the path given and accepted by the schema (listed in its
// $comment and the README). If the schema learns one, move it up to `invalid`.

const readerOnly = [
  ['a letter twice', edit(xinyu, ['grades', 'letters', 1, 'letter'], 'a+'), 'grades.letters[1].letter'],
  ['a failing letter not in the table', edit(xinyu, ['grades', 'failing'], ['E']), 'grades.failing[0]'],
  ['a deadline code twice', edit(xinyu, ['deadlines', 'relative', 1, 'code'], xinyu.deadlines.relative[0].code), 'deadlines.relative[1].code'],
  ['a credit system twice', edit(xinyu, ['credits', 'systems', 2, 'id'], 'ECTS'), 'credits.systems[3].id'],
  ['a condition code twice', edit(gdut, ['funding', 'conditions', 1, 'code'], gdut.funding.conditions[0].code), 'funding.conditions[1].code'],
  ['no core-course count for 2 semesters', edit(xinyu, ['credits', 'coreCourses', 'required'], [xinyu.credits.coreCourses.required[0]]), 'credits.coreCourses.required'],
  ['an hour range upside down', { extends: 'xinyu-2022', credits: { hoursPerCredit: { min: 18, max: 16 } }, hoursPerCredit: 17 }, 'credits.hoursPerCredit.max'],
  ['semesters upside down', { extends: 'xinyu-2022', credits: { semesters: { min: 2, max: 1 } } }, 'credits.semesters.max'],
  ['a track\'s semesters upside down', { extends: 'xinyu-2022', tracks: { exchange: { minSemesters: 2, maxSemesters: 1 } } }, 'tracks.exchange.maxSemesters'],
  ['semester days upside down', { extends: 'xinyu-2022', form: { semesterDays: { min: 200, max: 100 } } }, 'form.semesterDays.max'],
  ['a whole document\'s hoursPerCredit outside its own range', edit(xinyu, ['hoursPerCredit'], '20'), 'hoursPerCredit'],
  ['an override whose hours leave the range it changes', { extends: 'xinyu-2022', credits: { hoursPerCredit: { min: 17 } } }, 'hoursPerCredit'],
  ['a new clause given in part', { extends: 'xinyu-2022', clauses: { 'XYU-99': { zh: '只有中文' } } }, 'clauses.XYU-99.en'],
  ['a new track given in part', { extends: 'xinyu-2022', tracks: { summer: { title: '暑期' } } }, 'tracks.summer.kind'],
  ['semester days added to gdut in part', { extends: 'gdut-lixing-2026', form: { semesterDays: { max: 200 } } }, 'form.semesterDays.min'],
  ['a key of another kind added to a preset\'s track', { extends: 'gdut-lixing-2026', tracks: { 'freshman-leap': { minSemesters: 1 } } }, 'tracks.freshman-leap.minSemesters'],
  ['a track\'s kind changed in an override', { extends: 'xinyu-2022', tracks: { exchange: { kind: 'freshman-leap' } } }, 'tracks.exchange.minSemesters'],
  ['gdut with a track that reads no GPA and a minGpa', { extends: 'gdut-lixing-2026', tracks: { 'freshman-leap': { titleEn: 'Leap' } }, minGpa: 3 }, 'minGpa'],
];
// The other way: numbers the reader takes that the schema, keeping to 28 integer digits, refuses.
const schemaOnly = [
  ['a 29-digit cap below 2^96', { extends: 'gdut-lixing-2026', schoolCapPerStudent: '10000000000000000000000000000' }],
];

// --- the tests ---------------------------------------------------------------------------

test('the schema compiles as draft 2020-12, and the presets and the demo override name it with $schema', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  for (const [doc, file] of [[xinyu, 'policies/xinyu-2022.json'], [gdut, 'policies/gdut-lixing-2026.json'], [JSON.parse(fs.readFileSync(path.join(root, 'embed-policy.json'), 'utf8')), 'www/embed-policy.json']]) {
    assert.equal(path.resolve(root, '..', path.dirname(file), doc.$schema), schemaFile, `${file}: $schema`);
    assert.ok(validate(doc), `${file}: ${JSON.stringify(validate.errors)}`);
    assert.ok(reader(doc).ok, file);
  }
  // Every parameter the README lists, described for the editor's hover.
  for (const key of ['minGpa', 'priorityIelts', 'priorityToefl', 'hoursPerCredit', 'schoolCapPerStudent', 'schoolShareRatio', 'studentIdPattern']) {
    assert.ok(schema.properties[key]?.description, key);
  }
});

test('the schema and the reader accept the same documents: the presets, and overrides of every parameter', () => {
  assert.ok(valid.length > 80, `${valid.length} valid documents`);
  const wrong = [];
  for (const [name, doc] of valid) {
    const r = reader(doc);
    const s = schemaCheck(doc);
    if (!r.ok) wrong.push(`${name}: the reader refuses it (${r.message}) ${show(doc)}`);
    if (!s.ok) wrong.push(`${name}: the schema refuses it at ${s.paths.join(', ')} ${show(doc)}`);
  }
  assert.deepEqual(wrong, []);
});

test('the schema and the reader reject the same documents, at the same path', () => {
  assert.ok(invalid.length > 140, `${invalid.length} invalid documents`);
  const wrong = [];
  for (const [name, doc, at, schemaAt = at] of invalid) {
    const r = reader(doc);
    const s = schemaCheck(doc);
    if (r.ok) wrong.push(`${name}: the reader accepts it ${show(doc)}`);
    else if (!r.paths.includes(at)) wrong.push(`${name}: the reader refuses it at ${r.paths.join(', ')}, not ${at}`);
    if (s.ok) wrong.push(`${name}: the schema accepts it ${show(doc)}`);
    else if (!s.paths.includes(schemaAt)) wrong.push(`${name}: the schema refuses it at ${s.paths.join(', ')}, not ${schemaAt}`);
  }
  assert.deepEqual(wrong, []);
});

test('what only the reader can check is refused by the reader and not (yet) by the schema; the one number the schema is stricter on', () => {
  const wrong = [];
  for (const [name, doc, at] of readerOnly) {
    const r = reader(doc);
    if (r.ok || !r.paths.includes(at)) wrong.push(`${name}: the reader ${r.ok ? 'accepts it' : `refuses it at ${r.paths.join(', ')}, not ${at}`}`);
    if (!schemaCheck(doc).ok) wrong.push(`${name}: the schema now refuses it too: move it to the documents both refuse`);
  }
  for (const [name, doc] of schemaOnly) {
    if (!reader(doc).ok) wrong.push(`${name}: the reader refuses it`);
    if (schemaCheck(doc).ok) wrong.push(`${name}: the schema accepts it`);
  }
  assert.deepEqual(wrong, []);
});
