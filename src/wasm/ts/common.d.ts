/** A decimal result: an exact decimal number written as a string, e.g. "2.95". */
export type DecimalString = string;
/** A decimal input: a number or a numeric string ("3.7", "３．５"). */
export type DecimalInput = number | string;
/** A date written YYYY-MM-DD. */
export type DateString = string;
/** Message language; zh-CN is the default. */
export type Locale = "zh-CN" | "en" | string;
export type Outcome = "pass" | "fail" | "review";

/** One checked condition and the clause it comes from. */
export interface Finding {
  code: string;
  outcome: Outcome;
  /** Clause id, e.g. "XYU-12.4". */
  clause: string;
  message: string;
}

/** The policy id and content hash every result carries, to match a printout to its rules. */
export interface PolicyRef { id: string; hash: string }

export interface PolicySummary { id: string; title: string; titleEn: string; year: number; hash: string }

/** Every function throws this for input it cannot read. */
export interface ExchangeCalcError extends Error {
  /** Stable snake_case code, e.g. "invalid_grade". */
  code: string;
  /** Input path, e.g. "courses[2].grade"; "" for the input as a whole. */
  field: string;
  /** The message without the field, to show under the field: "“三”不是数字". */
  reason: string;
  /** For code "not_in_policy": the part the policy lacks ("grades", "credits", "funding", "tracks", "deadlines"). */
  section?: string;
  /** For code "not_in_policy": the clauses its message cites, e.g. ["LX-6.2"]. */
  clauses?: string[];
  /** For code "invalid_policy": every problem found, each with its path, a stable code
   *  (an error code such as "out_of_range", "unknown_field", "empty", "duplicate", or
   *  "unused_parameter", "unused_field", "conflict", "missing_entry") and the reason in words. */
  problems?: { path: string; code: string; reason: string }[];
}
