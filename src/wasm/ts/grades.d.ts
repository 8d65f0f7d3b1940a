export interface ConvertGradeInput {
  policy: PolicyInput;
  grade: string | number;
  /** XYU-12.7(1): the partner grades on the home standard (matters for a percentage score). Absent: not stated. */
  sameStandard?: boolean | null;
  locale?: Locale;
}

export type GradeKind = "letter" | "percentage" | "passFail";

export interface GradeConversion {
  /** The grade as recognized: "B+", "88", "PASS". */
  grade: string;
  /** Four-point grade point; null for percentage and pass/fail grades. */
  gradePoint: DecimalString | null;
  /** Percentage; null for pass/fail grades. */
  percentage: DecimalString | null;
  kind: GradeKind;
  /** null when a percentage cannot be judged (no pass mark in the policy). */
  passed: boolean | null;
  /** "XYU-12.7(2)" for the table, "XYU-12.7(1)" for scores taken over, the policy's convention clause ("XYU-12.7") for pass/fail grades. */
  clause: string;
  /** For a percentage score: the stated same-standard fact; null when not stated, and for letters and pass/fail grades. */
  sameStandard: boolean | null;
  /**
   * Review findings and the policy's conventions: same_standard_unstated, different_standard_score,
   * percentage_pass_mark, pass_mark_unset, pass_fail_credits_only.
   */
  findings: Finding[];
  policy: PolicyRef;
}

export interface GpaCourseInput {
  name?: string;
  credits: DecimalInput;
  grade: string | number;
  /** XYU-12.7(1) for this course; overrides the request's. */
  sameStandard?: boolean | null;
}
export interface ComputeGpaInput {
  policy: PolicyInput;
  courses: GpaCourseInput[];
  /** XYU-12.7(1) for every course (one partner). */
  sameStandard?: boolean | null;
  locale?: Locale;
}

/** A conversion as part of a larger result (no findings or policy of its own). */
export type CourseConversion = Omit<GradeConversion, "policy" | "findings">;

export interface GpaCourse extends CourseConversion {
  name: string;
  credits: DecimalString;
  /** Whether it weighs in the GPA (a grade point and credits > 0). */
  inGpa: boolean;
}

export interface GpaResult {
  /** Rounded half-up to two places, for display; null when nothing weighs. */
  gpa: string | null;
  gpaExact: DecimalString | null;
  averagePercentage: string | null;
  averagePercentageExact: DecimalString | null;
  gpaCredits: DecimalString;
  percentageCredits: DecimalString;
  totalCredits: DecimalString;
  earnedCredits: DecimalString;
  courses: GpaCourse[];
  findings: Finding[];
  policy: PolicyRef;
}
