//! The messages of the funding estimate, in both languages, by clause. Amounts, the fare, the
//! cap and the ratio come from the request and the policy.

use crate::locale::Text;

// LX-5.3.1: funded once; not on top of CSC or similar funding.
pub const NOT_FUNDABLE_NOTE: Text = Text { zh: "已享受本计划或国家留学基金等同类资助，不再资助", en: "Already funded by this plan or by the CSC or similar: not funded again" };
pub const WHY_PRIOR: Text = Text { zh: "已享受过本计划资助", en: "Already funded once by this plan" };
pub const WHY_OTHER: Text = Text { zh: "已享受国家留学基金等同类资助", en: "Already funded by the China Scholarship Council or similar" };
/// The same reason after another one in an English sentence (issue 16: only a sentence's
/// first word has a capital).
pub const WHY_OTHER_AFTER: Text = Text { zh: WHY_OTHER.zh, en: "already funded by the China Scholarship Council or similar" };
pub const REFUSED: Text = Text {
    zh: "{why}：学校和学院不再资助，全部费用由个人承担。学生在校期间原则上只享有一次本计划的资助，已享受同类资助的不再重复享受。",
    en: "{why}: no school or college funding, every cost is yours. A student is, in principle, funded by this plan once while enrolled, and not on top of similar funding.",
};
pub const FUNDABLE: Text = Text { zh: "未享受过本计划及国家留学基金等同类资助，可获资助。", en: "Not funded before by this plan, CSC or similar: fundable." };
pub const FUNDING_UNSTATED: Text = Text {
    zh: "未说明是否已享受本计划或国家留学基金等同类资助：按可资助估算，由学院核实。",
    en: "Whether you were funded before by this plan, CSC or similar was not given: estimated as fundable; the college checks.",
};

// LX-5.1.2: the college pays the ticket, in principle up to economy class.
pub const ABOVE_FARE_NOTE: Text = Text { zh: "超出经济舱标准 {fare} 元的部分由个人承担", en: "Above the economy fare of {fare} CNY: the student's" };
pub const FARE_UNSET: Text = Text {
    zh: "学院按实际机票资助，原则上不超过经济舱标准；未填写经济舱票价，是否超标由学院审核。",
    en: "The college pays the actual ticket, in principle up to economy class; no economy fare was given, so the college checks the ticket.",
};
pub const FARE_WITHIN: Text = Text { zh: "机票未超过经济舱标准 {fare} 元，由学院全额资助。", en: "The airfare is within the economy fare of {fare} CNY; the college pays it in full." };
pub const FARE_ABOVE: Text = Text {
    zh: "机票超过经济舱标准 {fare} 元：学院资助 {within} 元，超出的 {above} 元由个人承担；按经济舱购票可全额资助。",
    en: "The airfare is above the economy fare of {fare} CNY: the college pays {within} CNY and {above} CNY is yours; an economy ticket would be paid in full.",
};

// LX-5.2: the year's cost-share ratio and per-student cap.
pub const OUTSIDE_RATIO_NOTE: Text = Text { zh: "学校按 {ratio} 的比例分担，其余由个人承担", en: "The school pays a share of {ratio}; the rest is the student's" };
pub const RATIO_UNSET: Text = Text {
    zh: "费用分担比例由当年项目实施通知确定，政策未设置：按学校全额资助估算，以通知为准。",
    en: "The cost-share ratio is set in the year's notice and the policy has none: estimated as paid in full by the school; the notice decides.",
};
pub const RATIO_SET: Text = Text {
    zh: "学校专项资助按 {ratio} 的比例分担学校资助项目（共 {items} 元），其余 {outside} 元由个人承担。",
    en: "The school pays a share of {ratio} of the school items ({items} CNY); the other {outside} CNY is yours.",
};
pub const ABOVE_CAP_NOTE: Text = Text { zh: "超出学校资助上限 {cap} 元的部分由个人承担", en: "Above the school's cap of {cap} CNY: the student's" };
pub const CAP_UNSET: Text = Text {
    zh: "每生资助上限由当年项目实施通知确定，政策未设置：未按上限削减，以通知为准。",
    en: "The per-student cap is set in the year's notice and the policy has none: no cap was applied; the notice decides.",
};
pub const CAP_WITHIN: Text = Text { zh: "学校资助 {school} 元，未超过每生上限 {cap} 元。", en: "The school's share of {school} CNY is within the per-student cap of {cap} CNY." };
pub const CAP_ABOVE: Text = Text {
    zh: "学校资助以每生 {cap} 元为上限，超出的 {above} 元由个人承担。",
    en: "The school pays at most {cap} CNY per student; the {above} CNY above the cap is yours.",
};

/// A cost item the policy has no rule for (`not_in_policy`).
pub const NO_ITEM_RULE: Text = Text { zh: "费用项目 {item}", en: "cost item {item}" };
