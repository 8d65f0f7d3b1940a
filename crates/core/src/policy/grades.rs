//! The `grades` section (XYU-12.7, XYU-12.8): the conversion table, the failing letters, the
//! pass/fail grades and the policy's conventions where the regulation is silent.

use crate::decimal::{self, Decimal};
use crate::finding::Convention;
use crate::locale::Text;
use crate::read::{At, Problems};
use serde::Serialize;

/// One row of the conversion table.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LetterGrade {
    /// The letter as the table writes it, e.g. `B+`.
    pub letter: String,
    /// Four-point grade point.
    pub grade_point: Decimal,
    /// Converted percentage score.
    pub percentage: Decimal,
}

impl LetterGrade {
    fn read(at: At<'_, '_>, p: &mut Problems) -> Option<Self> {
        let mut f = p.fields(at, &["letter", "gradePoint", "percentage"])?;
        let v = Self { letter: f.string("letter"), grade_point: f.dec("gradePoint"), percentage: f.dec("percentage") };
        f.done(v)
    }
}

/// The `grades` section of a policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GradeRules {
    /// Clause of the conversion table, e.g. `XYU-12.7(2)`.
    pub clause: String,
    /// Clause for same-standard pass-through, e.g. `XYU-12.7(1)`.
    pub same_standard_clause: String,
    /// Clause that says what happens to a failed course, e.g. `XYU-12.8`.
    pub fail_clause: String,
    /// The table.
    pub letters: Vec<LetterGrade>,
    /// Letters that are failing grades.
    pub failing: Vec<String>,
    /// Pass/fail grades that pass (count for credits only).
    pub pass: Vec<String>,
    /// Pass/fail grades that fail.
    pub fail: Vec<String>,
    /// Percentage below which a passed-through score fails. XYU-12.7(2) itself puts the
    /// lowest passing letter (D-) at 60 and F at 55, which is where the preset takes 60 from.
    pub percentage_pass_mark: Option<Decimal>,
    /// How the pass mark was set, when the regulation does not state it: quoted wherever a
    /// percentage is judged by it.
    pub pass_mark_convention: Option<Convention>,
    /// How pass/fail grades count, when the regulation's table has none: its clause is the
    /// one a pass/fail conversion cites (instead of the table's), and its text is quoted.
    pub pass_fail_convention: Option<Convention>,
}

const KEYS: &[&str] = &[
    "clause", "sameStandardClause", "failClause", "letters", "failing", "pass", "fail", "percentagePassMark", "passMarkConvention",
    "passFailConvention",
];

const REPEATED_LETTER: Text = Text { zh: "与前面的等级重复", en: "repeats an earlier letter" };
const NOT_IN_TABLE: Text = Text { zh: "不在等级表中", en: "is not a letter of the table" };

impl GradeRules {
    /// Reads the section, recording every problem; `None` if any key does not read.
    pub fn read(at: At<'_, '_>, p: &mut Problems) -> Option<Self> {
        let mut f = p.fields(at, KEYS)?;
        let v = Self {
            clause: f.string("clause"),
            same_standard_clause: f.string("sameStandardClause"),
            fail_clause: f.string("failClause"),
            letters: f.items("letters", true, LetterGrade::read),
            failing: f.strings("failing"),
            pass: f.strings("pass"),
            fail: f.strings("fail"),
            percentage_pass_mark: f.opt_dec_or_blank("percentagePassMark"),
            pass_mark_convention: f.section("passMarkConvention", Convention::read),
            pass_fail_convention: f.section("passFailConvention", Convention::read),
        };
        f.done(v)
    }

    /// Records every problem with this section; `path` is where it sits in the policy.
    pub fn check(&self, path: &str, p: &mut Problems) {
        if self.letters.is_empty() {
            p.filled(path, "letters", "");
        }
        for (i, row) in self.letters.iter().enumerate() {
            let at = format!("{path}.letters[{i}]");
            let key = normalize(&row.letter);
            if key.is_empty() {
                p.filled(&at, "letter", "");
            } else if self.letters.iter().take(i).any(|r| normalize(&r.letter) == key) {
                p.duplicate(&at, "letter", &REPEATED_LETTER);
            }
            p.range(&at, "gradePoint", Some(row.grade_point), Some(Decimal::ZERO), Some(Decimal::from(5)));
            p.range(&at, "percentage", Some(row.percentage), Some(Decimal::ZERO), Some(Decimal::ONE_HUNDRED));
        }
        for (i, f) in self.failing.iter().enumerate() {
            if self.letter(&normalize(f)).is_none() {
                p.add(&format!("{path}.failing[{i}]"), "", "unknown_value", &NOT_IN_TABLE, &[]);
            }
        }
        p.range(path, "percentagePassMark", self.percentage_pass_mark, Some(Decimal::ZERO), Some(Decimal::ONE_HUNDRED));
        if let Some(c) = &self.pass_mark_convention {
            c.check(&format!("{path}.passMarkConvention"), p);
        }
        if let Some(c) = &self.pass_fail_convention {
            c.check(&format!("{path}.passFailConvention"), p);
        }
    }

    /// The table's row for a grade already [`normalize`]d.
    #[must_use]
    pub fn letter(&self, key: &str) -> Option<&LetterGrade> {
        self.letters.iter().find(|r| same_grade(&r.letter, key))
    }

    /// Whether a normalized letter is a failing one (XYU-12.8).
    #[must_use]
    pub fn is_failing(&self, key: &str) -> bool {
        self.failing.iter().any(|f| same_grade(f, key))
    }

    /// A normalized pass/fail grade as the policy spells it, and whether it passes.
    #[must_use]
    pub fn pass_fail(&self, key: &str) -> Option<(&str, bool)> {
        [(&self.pass, true), (&self.fail, false)]
            .into_iter()
            .find_map(|(list, passed)| list.iter().find(|g| same_grade(g, key)).map(|g| (g.as_str(), passed)))
    }

    /// The clause a pass/fail conversion cites: the convention's, else the table's.
    #[must_use]
    pub fn pass_fail_clause(&self) -> &str {
        self.pass_fail_convention.as_ref().map_or(&self.clause, |c| &c.clause)
    }

    /// The valid grades, for error messages.
    #[must_use]
    pub fn valid_list(&self) -> Vec<String> {
        self.letters.iter().map(|r| r.letter.clone()).chain(self.pass.iter().cloned()).chain(self.fail.iter().cloned()).collect()
    }
}

/// Folds what people type to the table's spelling: trims, removes inner spaces, folds
/// full-width IME forms (`Ａ－`, `ｂ＋`), the Unicode minus and dashes, and upper-cases
/// ASCII letters (grades are Latin letters; Unicode case tables would add ~25 KB of wasm for
/// nothing a grade table spells). Shift+"-" in a Chinese IME types the Chinese dash "——",
/// two em dashes (or horizontal bars) for one key press: a run of them is one minus, so
/// "A——" is A-. ASCII "A--" stays an error, as "A++" does.
#[must_use]
pub fn normalize(input: &str) -> String {
    let mut prev = '\0';
    let mut s: String = input
        .chars()
        .filter(|&c| {
            let repeat = c == prev && matches!(c, '\u{2014}' | '\u{2015}');
            prev = c;
            !repeat
        })
        // The two- and three-em dashes are one dash too (grades only: not a minus for numbers).
        .map(|c| if matches!(c, '\u{2E3A}' | '\u{2E3B}') { '-' } else { decimal::fold_char(c) })
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == '\u{FE62}' { '+' } else { c }) // small plus sign
        .collect();
    s.make_ascii_uppercase();
    s
}

/// Whether the table's spelling `spelled` normalizes to `key` (already normalized). The
/// presets spell every grade in plain ASCII, where normalizing is just upper-casing: compared
/// in place, so a conversion does not allocate once per table row (it was most of the cost
/// of `convertGrade`).
fn same_grade(spelled: &str, key: &str) -> bool {
    if spelled.bytes().all(|b| b.is_ascii_graphic()) {
        spelled.len() == key.len() && spelled.bytes().zip(key.bytes()).all(|(a, b)| a.to_ascii_uppercase() == b)
    } else {
        normalize(spelled) == key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_grade_agrees_with_normalize() {
        let spellings = ["A+", "a-", "Pass", "B +", "Ａ－", "C−", "", "NP", "ｐ"];
        let inputs = ["A+", "a-", "PASS", "B+", "A-", "C-", "", "np", "P", "b"];
        for s in spellings {
            for i in inputs {
                let key = normalize(i);
                assert_eq!(same_grade(s, &key), normalize(s) == key, "{s:?} vs {i:?}");
            }
        }
    }
}
