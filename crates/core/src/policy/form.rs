//! The `form` section (SPEC §8): the phone pattern and the days-per-semester estimate behind
//! the application form's duration warnings.

use crate::finding::Convention;
use crate::locale::Text;
use crate::read::{At, Problems, ABOVE_ZERO};
use serde::Serialize;

/// The top-level policy parameters the form reads, whatever the policy's sections: every
/// policy validates an application form.
pub const PARAMETERS: &[&str] = &["studentIdPattern"];

/// The mainland mobile pattern used when a policy has no `form.phonePattern`.
pub const MAINLAND_MOBILE: &str = r"^1[3-9]\d{9}$";

/// Longest a semester can be, in days (a year).
const MAX_SEMESTER_DAYS: u32 = 366;

/// The days a semester takes, as the policy estimates them for the form's duration warnings
/// (XYU-11 counts semesters, not days). A convention, never the regulation's number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SemesterDays {
    /// Fewer days than this per semester asked for: `short_duration` (xinyu: 70, a ten-week quarter).
    pub min: u32,
    /// More days than this per semester: `long_duration` (xinyu: 183, half a year with exams).
    pub max: u32,
    /// Says whose numbers these are, quoted in describePolicy.
    pub convention: Convention,
}

/// The `form` section of a policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FormRules {
    /// Pattern the phone number must match in full, after spaces, dashes and a +86/0086
    /// prefix are removed. Unset → [`MAINLAND_MOBILE`].
    pub phone_pattern: Option<String>,
    /// The days-per-semester estimate behind the duration warnings; unset → no such warnings.
    pub semester_days: Option<SemesterDays>,
}

/// `is not a valid regular expression`, for the policy's patterns.
pub const NOT_A_PATTERN: Text = Text { zh: "不是有效的正则表达式", en: "is not a valid regular expression" };
const DAYS_MAX: Text = Text { zh: "应在 min 到 {max} 之间", en: "must be between min and {max}" };

fn semester_days(at: At<'_, '_>, p: &mut Problems) -> Option<SemesterDays> {
    let mut f = p.fields(at, &["min", "max", "convention"])?;
    let v = SemesterDays { min: f.count("min"), max: f.count("max"), convention: f.need("convention", Convention::read) };
    f.done(v)
}

impl FormRules {
    /// Reads the section, recording every problem; `None` if any key does not read.
    pub fn read(at: At<'_, '_>, p: &mut Problems) -> Option<Self> {
        let mut f = p.fields(at, &["phonePattern", "semesterDays"])?;
        let v = Self { phone_pattern: f.opt_string("phonePattern"), semester_days: f.section("semesterDays", semester_days) };
        f.done(v)
    }

    /// Records every problem with this section; `path` is where it sits in the policy.
    pub fn check(&self, path: &str, p: &mut Problems) {
        if let Some(pattern) = &self.phone_pattern {
            if !crate::pattern::is_valid(pattern) {
                p.add(path, "phonePattern", "invalid_format", &NOT_A_PATTERN, &[]);
            }
        }
        if let Some(d) = &self.semester_days {
            let at = format!("{path}.semesterDays");
            if d.min == 0 {
                p.add(&at, "min", "out_of_range", &ABOVE_ZERO, &[]);
            }
            if d.max < d.min || d.max > MAX_SEMESTER_DAYS {
                p.add(&at, "max", "out_of_range", &DAYS_MAX, &[("max", &MAX_SEMESTER_DAYS)]);
            }
            d.convention.check(&format!("{at}.convention"), p);
        }
    }
}
