//! The messages of the eligibility checks, in both languages, by clause.

use crate::locale::Text;

/// The texts of a yes/no condition: (code, sub-item of the track clause or `None` for the
/// track clause itself, pass, fail, not stated), each as (zh, en).
pub struct YesNo {
    pub code: &'static str,
    pub item: Option<u8>,
    pub pass: (&'static str, &'static str),
    pub fail: (&'static str, &'static str),
    pub unstated: (&'static str, &'static str),
}

pub const ENROLLED: YesNo = YesNo {
    code: "enrolled",
    item: Some(1),
    pass: ("学校在籍本科生（或合作协议规定的在籍学生）：符合。", "Enrolled undergraduate of the school (or an enrolled student the partner agreement admits): met."),
    fail: (
        "须为学校在籍本科生，或符合学校与国（境）外合作协议规定的在籍学生；你的回答是“否”。",
        "You must be an enrolled undergraduate of the school, or an enrolled student the partner agreement admits; you answered no.",
    ),
    unstated: ("未说明是否为学校在籍学生：由学校审核。", "Not stated whether you are an enrolled student of the school: the office checks it."),
};

pub const CONDUCT: YesNo = YesNo {
    code: "conduct",
    item: Some(2),
    pass: ("政治素质良好，思想品德合格：符合。", "Good political and moral standing: met."),
    fail: ("须政治素质良好、思想品德合格；你的回答是“否”。", "Good political and moral standing is required; you answered no."),
    unstated: ("未说明政治素质和思想品德情况：由学校审核。", "Not stated whether your political and moral standing is good: the office checks it."),
};

pub const HEALTH: YesNo = YesNo {
    code: "health",
    item: Some(4),
    pass: ("身体健康，具有较好的心理素质和适应能力：符合。", "Good physical and mental health and adaptability: met."),
    fail: ("须身体健康，具有较好的心理素质和适应能力；你的回答是“否”。", "Good physical and mental health and adaptability are required; you answered no."),
    unstated: ("未说明身体和心理健康状况：由学校审核。", "Not stated whether you are in good health: the office checks it."),
};

pub const FUNDS: YesNo = YesNo {
    code: "funds",
    item: Some(5),
    pass: ("具有在国（境）外学习和生活的经济能力：符合。", "Able to pay for study and living abroad: met."),
    fail: ("须具有在国（境）外学习和生活的经济能力；你的回答是“否”。", "You must be able to pay for study and living abroad; you answered no."),
    unstated: ("未说明是否具有在国（境）外学习和生活的经济能力：由学校审核。", "Not stated whether you can pay for study and living abroad: the office checks it."),
};

pub const JOINT_PROGRAM: YesNo = YesNo {
    code: "joint_program",
    item: None,
    pass: ("国际联合培养专班学生：符合。", "Student of the international joint-training classes: met."),
    fail: ("须为国际联合培养专班学生；你的回答是“否”。", "You must be a student of the international joint-training classes; you answered no."),
    unstated: ("未说明是否为国际联合培养专班学生：由学院审核。", "Not stated whether you are in the international joint-training classes: the college checks it."),
};

/// Funding facts: a "yes" means not fundable (a `fail` in `fundingFindings`).
pub const PRIOR_LIXING: YesNo = YesNo {
    code: "prior_lixing_funding",
    item: None,
    pass: ("未曾获本计划资助：可获资助。", "Not funded by this plan before: may be funded."),
    fail: (
        "已获本计划资助：每名学生在校期间原则上只资助一次，不再资助（申请资格不受影响）。",
        "Already funded by this plan: a student is, in principle, funded by it once while enrolled, so there is no further funding (eligibility is not affected).",
    ),
    unstated: ("未说明是否已获本计划资助：由中心审核。", "Not stated whether this plan has funded you before: the centre checks it."),
};

pub const OTHER_FUNDING: YesNo = YesNo {
    code: "other_funding",
    item: None,
    pass: ("未享受国家留学基金等同类资助：可获资助。", "No China Scholarship Council or similar funding: may be funded."),
    fail: (
        "已享受国家留学基金（CSC）等同类资助：不再重复资助（申请资格不受影响）。",
        "Already funded by the China Scholarship Council (CSC) or similar: no school or college funding (eligibility is not affected).",
    ),
    unstated: ("未说明是否享受国家留学基金等同类资助：由中心审核。", "Not stated whether the CSC or a similar scheme funds you: the centre checks it."),
};

// XYU-10.2(3): language ability and priority.
pub const LANGUAGE_UNSTATED: Text = Text {
    zh: "未填写雅思、托福等外语考试成绩：“外语能力强”由学校审核；成绩优秀者优先考虑。",
    en: "No IELTS, TOEFL or other test score stated: the office judges whether your foreign-language ability is strong; excellent scores are given priority.",
};
pub const SCORE_WITH_LINE: Text = Text { zh: "{test} {score}（优先线 {line}）", en: "{test} {score} (priority threshold {line})" };
pub const SCORE_NO_LINE: Text = Text { zh: "{test} {score}（优先线由当年项目通知规定）", en: "{test} {score} (priority threshold set in the programme notice)" };
pub const LANGUAGE_PRIORITY: Text = Text {
    zh: "外语成绩达到优先考虑线：{list}；优先考虑。",
    en: "Language score at or above the priority threshold: {list}; you have priority.",
};
pub const LANGUAGE_NO_LINE: Text = Text {
    zh: "外语成绩：{list}。优先考虑线未规定：是否优先、外语能力是否达到“外语能力强”，由学校审核。",
    en: "Language scores: {list}. No priority threshold is set: the office decides on priority and judges whether your foreign-language ability is strong.",
};
pub const LANGUAGE_BELOW_LINE: Text = Text {
    zh: "外语成绩：{list}，未达到优先考虑线：不优先考虑。“外语能力强”是基本条件之一，由学校审核；成绩本身不是排除条件。",
    en: "Language scores: {list}, below the priority threshold: no priority. Strong foreign-language ability is one of the basic conditions, and the office judges it; a score alone does not exclude you.",
};

// XYU-10.3: upper-year students settle their matters first.
pub const UPPER_YEAR: Text = Text {
    zh: "你是高年级学生（第 {y} 年，学制 {p} 年）：参加交换前应先行处理好与中期考核、毕业、升学等相关事宜。（办法未界定“高年级”，本工具按学制的后一半计。）",
    en: "Upper-year student (year {y} of {p}): settle mid-term assessment, graduation and further-study matters before the exchange. (The regulation does not define upper years; this tool counts the second half of the programme.)",
};
pub const LOWER_YEAR: Text = Text {
    zh: "第 {y} 年（学制 {p} 年），不属高年级：无须先行处理中期考核、毕业、升学事宜。（办法未界定“高年级”，本工具按学制的后一半计。）",
    en: "Year {y} of {p}, not an upper year: no mid-term assessment, graduation or further-study matters to settle first. (The regulation does not define upper years; this tool counts the second half of the programme.)",
};
pub const UPPER_YEAR_UNSTATED: Text = Text {
    zh: "未说明年级或学制：高年级学生参加交换前应先行处理好与中期考核、毕业、升学等相关事宜。",
    en: "Year of study or programme length not stated: an upper-year student must first settle mid-term assessment, graduation and further-study matters.",
};

// LX-2.1.1: new students of the year, read as the first academic year.
pub const FRESHMAN_FIRST_YEAR: Text = Text { zh: "第 1 学年的新生（当年入学新生）：符合。", en: "In your first year of study, a new student of the year: met." };
pub const FRESHMAN_LATER_YEAR: Text = Text {
    zh: "本项目面向当年入学新生（第 1 学年）；你在第 {y} 学年。",
    en: "This track is for new students of the year (first year of study); you are in year {y}.",
};
pub const FRESHMAN_SAME_YEAR: Text = Text { zh: "{e} 年入学、{a} 年申请：属当年入学新生，符合。", en: "Enrolled in {e}, applying in {a}: a new student of the year: met." };
pub const FRESHMAN_NEXT_YEAR: Text = Text {
    zh: "{e} 年入学、{a} 年申请：若在第 1 学年内申请（如 {e} 年秋季入学、{a} 年春季遴选），按学年理解属“当年入学新生”，按自然年理解则不属于。方案未界定，由学院审核；填写年级即可判断。",
    en: "Enrolled in {e}, applying in {a}: if you apply within your first year of study (say, enrolled in autumn {e}, selected in spring {a}), you are a new student of the year by academic year, though not by calendar year. The plan does not say which; the college decides. Giving your year of study settles it.",
};
pub const FRESHMAN_YEARS_LATER: Text = Text {
    zh: "本项目面向当年入学新生；你 {e} 年入学，{a} 年申请时至少已在第 2 学年。",
    en: "This track is for new students of the year; enrolled in {e}, you are at least in your second year of study in {a}.",
};
pub const FRESHMAN_BEFORE_ENROLLING: Text = Text {
    zh: "申请年份 {a} 早于入学年份 {e}：请核对，由学院审核。",
    en: "The application year {a} is before the enrollment year {e}: please check; the college decides.",
};
pub const FRESHMAN_INCONSISTENT: Text = Text {
    zh: "年级（第 {y} 学年）与入学、申请年份（{e} 年、{a} 年）不一致：请核对，由学院审核。",
    en: "Your year of study ({y}) does not match the enrollment and application years ({e}, {a}): please check; the college decides.",
};
pub const FRESHMAN_UNSTATED: Text = Text {
    zh: "未说明年级或入学、申请年份：本项目面向国际联合培养专班当年入学新生，由学院审核。",
    en: "Year of study, or enrollment and application years, not stated: this track is for new students of the year in the joint-training classes; the college checks it.",
};

// XYU-10.2(2): a good academic record, the GPA threshold from the programme notice.
pub const GPA_NO_LINE: Text = Text {
    zh: "GPA {gpa}：“学习成绩良好”的标准由当年项目通知规定，由学校审核。",
    en: "GPA {gpa}: the threshold for a good academic record is set in the programme notice; the office decides.",
};
pub const GPA_UNSTATED_NO_LINE: Text = Text {
    zh: "未填写 GPA；“学习成绩良好”的标准由当年项目通知规定，由学校审核。",
    en: "GPA not stated; the threshold for a good academic record is set in the programme notice; the office decides.",
};
pub const GPA_UNSTATED: Text = Text { zh: "未填写 GPA：须至少 {min}。", en: "GPA not stated: it must be at least {min}." };
pub const GPA_MET: Text = Text { zh: "GPA {gpa} 达到要求（至少 {min}）。", en: "GPA {gpa} meets the minimum of {min}." };
pub const GPA_BELOW: Text = Text { zh: "GPA 须至少 {min}；你的是 {gpa}。", en: "GPA must be at least {min}; yours is {gpa}." };

// XYU-11: 1–2 semesters.
pub const SEMESTERS_MET: Text = Text { zh: "交流 {s} 个学期：在 {min}–{max} 个学期之内。", en: "{sEn} abroad: within {min}–{max}." };
pub const SEMESTERS_OUTSIDE: Text = Text {
    zh: "交流学习期限须为 {min}–{max} 个学期；你填写的是 {s} 个学期。",
    en: "An exchange lasts {min}–{max} semesters; you asked for {s}.",
};
pub const SEMESTERS_UNSTATED: Text = Text {
    zh: "未填写交流学期数：须为 {min}–{max} 个学期。",
    en: "Number of semesters not stated: an exchange lasts {min}–{max} semesters.",
};

// LX-2.1.2: at least N semesters completed.
pub const COMPLETED_MET: Text = Text { zh: "已在读 {s} 个学期（至少 {min} 个）：符合。", en: "{sEn} completed (at least {min}): met." };
pub const COMPLETED_SHORT: Text = Text { zh: "须已在读至少 {min} 个学期；你已在读 {s} 个学期。", en: "Needs at least {minEn} completed; you have {s}." };
pub const COMPLETED_UNSTATED: Text = Text {
    zh: "未填写已在读学期数：须至少 {min} 个学期。",
    en: "Semesters completed not stated: you need at least {minEn}.",
};
