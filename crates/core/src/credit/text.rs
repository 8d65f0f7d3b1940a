//! The messages of the credit check, in both languages, by clause. Numbers come from the
//! policy and the request, filled in where the rule uses them.

use crate::locale::Text;

// XYU-12.8: a failed course is not recognized and is retaken, by one of two routes.
pub const COURSE_FAILED: Text = Text {
    zh: "“{name}”（{grade}）未合格：不予认定，返校后须补修。",
    en: "\"{name}\" ({grade}) failed: not recognized; retake it after return.",
};
pub const RETAKE_NEXT_COHORT: Text = Text { zh: "交换结束后回校随下届同学修读。", en: "After the exchange, take the course with the next cohort." };
pub const RETAKE_CURRENT_EXAM: Text = Text {
    zh: "交换结束后如时间允许，考前向任课教师申请参加同届该课程考试；外语、体育、政治类公共课优先采用此办法。",
    en: "After the exchange, time permitting, apply to the teacher before the exam to sit the current cohort's exam; preferred for foreign-language, PE and politics courses.",
};
pub const RETAKE_WITH_PLAN: Text = Text {
    zh: "本期计划学分已全部认定，未合格课程是否仍须补修由学校决定。",
    en: "The plan's credits are all recognized; the school decides whether the failed courses must still be retaken.",
};

// XYU-12.3: short programmes count as electives, capped; no home counterpart → elective.
pub const SHORT_CAP_EXCEEDED: Text = Text {
    zh: "短期项目学分 {asked} 超过上限 {cap}：仅认定 {used} 学分（作为选修课）。",
    en: "{asked} short-program credits exceed the cap of {cap}: only {used} are recognized (as electives).",
};
pub const SHORT_CAP_WITHIN: Text = Text {
    zh: "短期项目学分 {asked} 未超过上限 {cap}，作为选修课认定。",
    en: "{asked} short-program credits are within the cap of {cap} and are recognized as electives.",
};
pub const NO_COUNTERPART: Text = Text {
    zh: "{courses} 未给出对应的本校课程属性：统一认定为选修课或通识课，由学校确定。",
    en: "{courses}: no home counterpart given, so recognized as an elective or general course, as the school decides.",
};

// XYU-12.2: hours per credit and equivalence with the plan.
pub const DIVISOR_UNSET: Text = Text {
    zh: "{courses}：政策未规定折算学分所用的每学分学时数，认定学分由学校决定，未计入合计。",
    en: "{courses}: the policy sets no hours per recognized credit; the school decides, and they are left out of the total.",
};
pub const EQUIVALENCE_SHORT: Text = Text {
    zh: "认定 {recognized} 学分，本期培养计划 {plan} 学分，尚差 {short} 学分；原则上应相当，由学校审核。",
    en: "{recognized} credits recognized against the plan's {plan}: {short} short; they should in principle be equivalent, the school reviews.",
};
pub const EQUIVALENCE_MET: Text = Text {
    zh: "认定 {recognized} 学分，不少于本期培养计划的 {plan} 学分。",
    en: "{recognized} credits recognized, at least the plan's {plan}.",
};

// XYU-12.9: the transcript decides.
pub const TRANSCRIPT: Text = Text {
    zh: "以上为预估：成绩转换与学分认定以对方学校出具的成绩单为准，须在交换结束后规定期限内寄达（见“时间节点”）。",
    en: "This is an estimate: conversion and recognition follow the partner's official transcript, which must arrive within the set time after the exchange ends (see Deadlines).",
};

/// A course name quoted, as lists of courses show them.
pub const QUOTED: Text = Text { zh: "“{name}”", en: "\"{name}\"" };

// XYU-12.4: core courses.
pub const CORE_MET: Text = Text {
    zh: "已修读并通过核心课程 {passed} 门（{semesters} 个学期需 {required} 门）：认定本期培养计划全部学分。",
    en: "{passed} core courses taken and passed ({required} needed for {semestersEn}): all credits of the period's plan are recognized.",
};
pub const CORE_SHORT: Text = Text {
    zh: "{semesters} 个学期须修读核心课程 {required} 门，你修读了 {taken} 门（通过 {passed} 门）：学分按课程逐门认定。",
    en: "{required} core courses are needed for {semestersEn}; you took {taken} ({passed} passed): credits are recognized course by course.",
};
pub const CORE_FAILED_ONES: Text = Text {
    zh: "修读核心课程 {taken} 门，其中通过 {passed} 门（{semesters} 个学期需 {required} 门）。办法的条件是“所修课程达到”核心课程 {required} 门，未说须通过；本工具只计已通过的课程（这是本工具的解读），因此学分按课程逐门认定。未通过的核心课程能否计入，由学校认定。",
    en: "{taken} core courses taken, {passed} of them passed ({required} needed for {semestersEn}). The regulation's condition is that the courses taken reach {required} core courses, and it does not say they must be passed; this tool counts passed ones only (its own reading), so credits are recognized course by course. Whether failed core courses count is for the school to decide.",
};
// XYU-12.3 with XYU-12.4.
pub const SHORT_NOT_CORE: Text = Text {
    zh: "{courses} 来自短期项目且标为核心课程：短期项目学分只作为选修课认定（{shortClause}），不计入核心课程门数（{coreClause}）。",
    en: "{courses}: marked core but from a short programme, whose credits are recognized only as electives ({shortClause}), so they do not count toward the core courses of {coreClause}.",
};
// XYU-12.2.
pub const HOURS_USED: Text = Text {
    zh: "{courses} 同时给出学时和学分：按学时折算（{min}–{max} 学时计 1 学分为办法规定，外方学分折算仅为惯例）。",
    en: "{courses}: both hours and credits given; hours are used ({min}–{max} class hours a credit is the regulation's rule, foreign credit factors only convention).",
};
pub const SYSTEM_CONVENTION: Text = Text {
    zh: "{system}：{foreign} 学分折合本校 {home} 学分，为通行惯例而非本办法规定；以学校认定为准。",
    en: "{system}: {foreignEn} = {homeEn} is common convention, not a rule of the regulation; the school decides.",
};
pub const EQUIVALENCE_DEPENDS: Text = Text {
    zh: "认定学分取决于每学分的学时数：按 {min} 学时计 1 学分为 {hi} 学分，达到本期培养计划的 {plan} 学分；按 {max} 学时计 1 学分为 {lo} 学分，尚差 {short} 学分。办法规定一般 {min}–{max} 学时计 1 学分，未定取哪一端；本政策按 {divisor} 学时计，由学校认定。{note}",
    en: "The recognized credits depend on the class hours per credit: at {min} hours a credit they are {hi}, meeting the plan's {plan}; at {max} they are {lo}, {short} short. The regulation says {min}–{max} class hours generally make a credit and does not choose; this policy uses {divisor}, and the school decides. {note}",
};
