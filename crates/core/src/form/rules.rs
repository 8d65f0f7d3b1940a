//! The rules of each key of the application form (SPEC §8), and the cross-field rules that
//! land on a key (`end` after `start` and within the track's semesters; `yearOfStudy` for a
//! freshman-leap track; the funding keys against LX-5.3.1).

use super::{echo, Check, Ctx, FormValue, Rule, MAINLAND_MOBILE, MAX_YEAR_OF_STUDY};
use crate::decimal::{self, Decimal};
use crate::error::{ErrorKind, Expected, Section};
use crate::locale::Text;
use crate::policy::tracks::TrackKind;
use crate::score::ScoreRule;

impl Ctx<'_> {
    pub(super) fn student_id(&self) -> Rule<Check> {
        let key = "studentId";
        let id = decimal::fold_width(&self.required(key)?);
        let ok = match &self.policy.student_id_pattern {
            Some(p) => crate::pattern::full_match(p, &id).unwrap_or(false),
            None => (6..=20).contains(&id.chars().count()) && id.chars().all(|c| c.is_ascii_digit()),
        };
        if !ok {
            let (zh, en) = match &self.policy.student_id_pattern {
                Some(_) => ("学校规定格式的学号", "a student ID in the school's format"),
                None => ("6–20 位数字", "6–20 digits"),
            };
            return Err(self.error(key, ErrorKind::InvalidFormat { input: echo(&id), expected_zh: zh.to_owned(), expected_en: en.to_owned() }));
        }
        Ok(Check { normalized: Some(id), ..Check::default() })
    }

    pub(super) fn email(&self) -> Rule<Check> {
        let key = "email";
        // Full-width forms from a Chinese IME (＠, ．, 。) are folded first.
        let email = decimal::fold_width(&self.required(key)?);
        let ok = (|| {
            if email.chars().count() > 254 || email.chars().any(char::is_whitespace) {
                return false;
            }
            let Some((local, domain)) = email.split_once('@') else { return false };
            !local.is_empty()
                && local.chars().count() <= 64
                && !domain.contains('@')
                && domain.contains('.')
                && domain.split('.').all(|label| !label.is_empty())
        })();
        if !ok {
            return Err(self.error(
                key,
                ErrorKind::InvalidFormat { input: echo(&email), expected_zh: "name@example.com 这样的邮箱地址".to_owned(), expected_en: "an address like name@example.com".to_owned() },
            ));
        }
        Ok(Check { normalized: Some(email), ..Check::default() })
    }

    pub(super) fn phone(&self) -> Rule<Check> {
        let key = "phone";
        let raw = self.required(key)?;
        let compact: String = decimal::fold_width(&raw).chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
        let number = compact.strip_prefix("+86").or_else(|| compact.strip_prefix("0086")).unwrap_or(&compact);
        let pattern = self.policy.form.as_ref().and_then(|f| f.phone_pattern.as_deref()).unwrap_or(MAINLAND_MOBILE);
        if crate::pattern::full_match(pattern, number) != Some(true) {
            let (zh, en) = if pattern == MAINLAND_MOBILE {
                ("中国大陆手机号（11 位，以 13–19 开头，可带 +86）", "a mainland China mobile number (11 digits starting with 13–19, +86 allowed)")
            } else {
                ("学校规定格式的手机号码", "a phone number in the school's format")
            };
            return Err(self.error(key, ErrorKind::InvalidFormat { input: echo(&raw), expected_zh: zh.to_owned(), expected_en: en.to_owned() }));
        }
        Ok(Check { normalized: Some(number.to_owned()), ..Check::default() })
    }

    pub(super) fn passport(&self) -> Rule<Check> {
        let key = "passport";
        let Some(raw) = self.text(key)? else { return Ok(Check::default()) };
        // ASCII upper-casing: every passport shape below is ASCII.
        let p: String = decimal::fold_width(&raw).chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
        let chars: Vec<char> = p.chars().collect();
        let digits = |rest: &[char]| rest.iter().all(char::is_ascii_digit);
        // PRC ordinary passports: G + 8 digits (before 2012), E + 8 digits (e-passport), and
        // since 2017-04-05 E + a letter other than I/O + 7 digits — always 9 characters.
        let prc = match chars.as_slice() {
            ['G' | 'E', rest @ ..] if rest.len() == 8 && digits(rest) => true,
            ['E', second, rest @ ..] => rest.len() == 7 && second.is_ascii_uppercase() && !matches!(second, 'I' | 'O') && digits(rest),
            _ => false,
        };
        if prc {
            return Ok(Check { normalized: Some(p), ..Check::default() });
        }
        // ICAO Doc 9303 machine-readable document numbers: up to 9 characters of A–Z and 0–9.
        let icao = (6..=9).contains(&chars.len())
            && chars.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && chars.iter().any(char::is_ascii_digit);
        if !icao {
            return Err(self.error(
                key,
                ErrorKind::InvalidFormat {
                    input: echo(&raw),
                    expected_zh: "护照号码（如 E12345678 或 EA1234567）".to_owned(),
                    expected_en: "a passport number such as E12345678 or EA1234567".to_owned(),
                },
            ));
        }
        let warning = self.custom(key, "unusual_format", &UNUSUAL_PASSPORT, &[("input", &echo(&p))]);
        Ok(Check { warning: Some(warning), normalized: Some(p), ..Check::default() })
    }

    pub(super) fn track_key(&self) -> Rule<Check> {
        let key = "track";
        let id = self.required(key)?;
        let Some(tracks) = &self.policy.tracks else {
            return Err(self.error(key, ErrorKind::NotInPolicy { section: Section::Tracks, what: Some(("项目类别".to_owned(), "tracks".to_owned())) }));
        };
        if tracks.get(&id).is_none() {
            return Err(self.error(key, ErrorKind::UnknownValue { value: echo(&id), allowed: tracks.ids() }));
        }
        Ok(Check { normalized: Some(id), ..Check::default() })
    }

    pub(super) fn end(&self) -> Rule<Check> {
        let key = "end";
        let end = self.date(key)?.ok_or_else(|| self.error(key, ErrorKind::MissingField))?;
        // A start that is missing or malformed has its own error; the cross rules wait for it.
        let Ok(Some(start)) = self.date("start") else { return Ok(Check::default()) };
        if end <= start {
            return Err(self.error(key, ErrorKind::DateOrder { after: start.to_string(), or_same_day: false }));
        }
        let Some(track) = self.track() else { return Ok(Check::default()) };
        let (Some(min), Some(max)) = (track.min_semesters, track.max_semesters) else { return Ok(Check::default()) };
        let Some(per) = self.policy.form.as_ref().and_then(|f| f.semester_days.as_ref()) else { return Ok(Check::default()) };
        let clause = track.semesters_clause.as_deref().unwrap_or(&track.clause);
        let days = end.days_since(start);
        let (min, max) = (i64::from(min), i64::from(max));
        let (from, to) = (start.to_string(), end.to_string());
        // XYU-11 "交流学习期限一般为1-2个学期": generally, so a long stay is a warning that an
        // extension needs approval, never an error. The days per semester are the policy's
        // estimate (the regulation counts semesters, not days), and the message says so.
        let max_days = max * i64::from(per.max);
        let min_days = min * i64::from(per.min);
        let (text, code, per) = if days > max_days {
            (&LONG_DURATION, "long_duration", per.max)
        } else if days < min_days {
            (&SHORT_DURATION, "short_duration", per.min)
        } else {
            return Ok(Check::default());
        };
        let semesters_en = crate::locale::count(max, "semester", "semesters");
        let args: [(&str, &dyn std::fmt::Display); 8] =
            [("min", &min), ("max", &max), ("maxSemesters", &semesters_en), ("clause", &clause), ("from", &from), ("to", &to), ("days", &days), ("per", &per)];
        let warning = self.custom(key, code, text, &args);
        Ok(Check { warning: Some(warning), ..Check::default() })
    }

    pub(super) fn year_of_study(&self) -> Rule<Check> {
        let key = "yearOfStudy";
        let rule = ScoreRule { min: Decimal::ONE, max: Decimal::from(MAX_YEAR_OF_STUDY), step: Some(Decimal::ONE) };
        let year = self.score(key, &rule)?;
        let Some(track) = self.track().filter(|t| t.kind == TrackKind::FreshmanLeap) else { return Ok(Check::default()) };
        let args: [(&str, &dyn std::fmt::Display); 3] = [("title", &track.title), ("titleEn", &track.title_en), ("clause", &track.clause)];
        match year {
            None => Err(self.custom(key, "missing_field", &FRESHMAN_YEAR_MISSING, &args)),
            Some(y) if y != Decimal::ONE => {
                let [title, title_en, clause] = args;
                Err(self.custom(key, "out_of_range", &FRESHMAN_YEAR_LATER, &[title, title_en, clause, ("y", &y.normalize())]))
            }
            Some(_) => Ok(Check::default()),
        }
    }

    pub(super) fn funding(&self, key: &str) -> Rule<Check> {
        let value = match self.form.get(key) {
            None | Some(FormValue::Blank) => None,
            Some(FormValue::Bool(b)) => Some(*b),
            Some(FormValue::Text(t)) => match t.trim().to_ascii_lowercase().as_str() {
                "" => None,
                "true" | "yes" | "y" | "on" | "1" | "是" => Some(true),
                "false" | "no" | "n" | "off" | "0" | "否" => Some(false),
                _ => {
                    return Err(self.error(
                        key,
                        ErrorKind::InvalidFormat { input: echo(t.trim()), expected_zh: "是或否".to_owned(), expected_en: "yes or no".to_owned() },
                    ))
                }
            },
            Some(FormValue::Other(found)) => return Err(self.error(key, ErrorKind::InvalidType { expected: Expected::Bool, found: found.clone() })),
        };
        if value != Some(true) {
            return Ok(Check::default());
        }
        // The uniqueness rule belongs to tracks with funding; with no valid track chosen yet,
        // any of the policy's tracks with one decides.
        let clause = self.track().map_or_else(
            || self.policy.tracks.as_ref().and_then(|ts| ts.0.values().find_map(|t| t.funding_clause.clone())),
            |t| t.funding_clause.clone(),
        );
        let Some(clause) = clause else { return Ok(Check::default()) };
        let text = if key == "priorLixingFunding" { &FUNDED_ONCE } else { &FUNDED_ELSEWHERE };
        let warning = self.custom(key, "not_fundable", text, &[("clause", &clause)]);
        Ok(Check { warning: Some(warning), ..Check::default() })
    }
}

/// XYU-11: a stay longer than the semesters allow, with the tool's days-per-semester estimate.
const LONG_DURATION: Text = Text {
    zh: "{label}：交流学习期限一般为 {min}–{max} 个学期（{clause}）；{from} 至 {to} 共 {days} 天，长于 {max} 个学期（按本政策估算的每学期至多约 {per} 天，非办法规定）。延长学习期限须经批准，请与学校确认。",
    en: "{label}: an exchange generally lasts {min}–{max} semesters ({clause}); {from} to {to} is {days} days, longer than {maxSemesters} (the policy's estimate of at most about {per} days a semester, not the regulation's). An extension needs approval; check with the school.",
};

/// XYU-11: a stay shorter than one semester, with the tool's estimate.
const SHORT_DURATION: Text = Text {
    zh: "{label}：{from} 至 {to} 仅 {days} 天，短于一个学期（按本政策估算的每学期至少约 {per} 天，非办法规定）；交流学习期限一般为 {min}–{max} 个学期（{clause}）。",
    en: "{label}: {from} to {to} is only {days} days, shorter than a semester (the policy's estimate of at least about {per} days, not the regulation's); an exchange generally lasts {min}–{max} semesters ({clause}).",
};

/// A passport number of another country's format.
const UNUSUAL_PASSPORT: Text = Text {
    zh: "{label}：“{input}”不是中国普通护照号码格式（G 或 E 加 8 位数字，或 E 加一个字母加 7 位数字），请核对。",
    en: "{label}: \"{input}\" is not in the format of a PRC ordinary passport (G or E + 8 digits, or E + a letter + 7 digits); please check it.",
};

/// LX-2.1.1: the freshman-leap track is for students in their enrollment year.
const FRESHMAN_YEAR_MISSING: Text = Text {
    zh: "{label}：“{title}”须填写（仅限申请当年入学的新生，{clause}）。",
    en: "{label}: required for {titleEn} (only for students in their enrollment year, {clause}).",
};
const FRESHMAN_YEAR_LATER: Text = Text {
    zh: "{label}：“{title}”只面向申请当年入学的新生（一年级，{clause}）；你填写的是 {y} 年级。",
    en: "{label}: {titleEn} is only for students in their enrollment year (year 1, {clause}); you are in year {y}.",
};

/// LX-5.3.1: funded once, and not on top of similar funding; a warning, never an error.
const FUNDED_ONCE: Text = Text {
    zh: "{label}：每名学生在校期间原则上只资助一次，本次不能获得资助（仍可申请）（{clause}）。",
    en: "{label}: a student is, in principle, funded once while enrolled, so this application cannot be funded (you may still apply) ({clause}).",
};
const FUNDED_ELSEWHERE: Text = Text {
    zh: "{label}：已享受同类资助的不再重复资助，本次不能获得学校和学院资助（仍可申请）（{clause}）。",
    en: "{label}: a student funded by the CSC or similar is not funded again, so this application gets no school or college funding (you may still apply) ({clause}).",
};
