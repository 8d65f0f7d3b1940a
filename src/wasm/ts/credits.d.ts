/** A credit system id of the policy: "home" (default), "us-semester", "us-quarter", "ects", "uk-cats", or one a custom policy adds. */
export type CreditSystemId = "home" | "us-semester" | "us-quarter" | "ects" | "uk-cats" | string;
/** The home attribute of a course (XYU-12.3). */
export type CourseCategory = "publicRequired" | "majorRequired" | "majorElective" | "generalElective";
/** What a passed course is recognized as: its category, "electiveOrGeneral" (no home counterpart) or "elective" (short program). */
export type RecognizedAs = CourseCategory | "electiveOrGeneral" | "elective";

/** A course abroad: class hours, or credits in a system. Given both, hours win (XYU-12.2). */
export interface CreditCourseInput {
  name?: string;
  hours?: DecimalInput | null;
  credits?: DecimalInput | null;
  system?: CreditSystemId | null;
  grade: string | number;
  /** A core course of the student's first-level discipline (XYU-12.4). */
  core?: boolean;
  /** From a summer or winter camp: an elective, at most 2 credits in all (XYU-12.3). */
  shortProgram?: boolean;
  /** Absent or null: no home counterpart. */
  category?: CourseCategory | null;
  /** XYU-12.7(1) for this course's percentage grade; overrides the request's. */
  sameStandard?: boolean | null;
}

export interface CheckCreditsInput {
  policy: PolicyInput;
  /** 1 or 2 (XYU-11). */
  semesters: DecimalInput;
  /** Credits of the home plan for the same period (XYU-12.2). */
  homePlanCredits: DecimalInput;
  courses: CreditCourseInput[];
  /** XYU-12.7(1) for every course (one partner). */
  sameStandard?: boolean | null;
  locale?: Locale;
}

/** Rounded half-up to two places for display, and exact. */
export interface CreditRange { min: string; max: string; minExact: DecimalString; maxExact: DecimalString }

export interface CourseCredit {
  name: string;
  hours: DecimalString | null;
  credits: DecimalString | null;
  /** The system the credits were read in; null when hours were used. */
  system: string | null;
  basis: "hours" | "credits";
  /** H/18 … H/16 for hours; credits × the system's factor otherwise. */
  equivalent: CreditRange;
  conversion: CourseConversion;
  passed: boolean | null;
  core: boolean;
  shortProgram: boolean;
  category: CourseCategory | null;
  /** null when the course is not recognized (failed, or not computable). */
  recognizedAs: RecognizedAs | null;
  recognized: string | null;
  recognizedExact: DecimalString | null;
}

export interface RetakeRoute { code: "next_cohort" | "current_cohort_exam"; message: string }

/** A failed course to retake, with both routes of XYU-12.8. */
export interface Retake { name: string; grade: string; clause: string; routes: RetakeRoute[] }

export interface CreditResult {
  /** Workload of every course entered, in home credits. */
  equivalentCredits: CreditRange;
  /** When allCreditsRecognized: homePlanCredits (or courseCredits if larger); else courseCredits. */
  recognizedCredits: string;
  recognizedCreditsExact: DecimalString;
  /** Passed courses one by one, short programs capped. */
  courseCredits: string;
  courseCreditsExact: DecimalString;
  homePlanCredits: DecimalString;
  /** Plan credits not recognized (plan − recognized, "0.00" when met), half-up to two places. */
  shortfall: string;
  shortfallExact: DecimalString;
  /** recognizedCredits / homePlanCredits. */
  equivalence: string;
  equivalenceExact: DecimalString;
  /** Core courses passed, short programmes not counted (XYU-12.3). */
  corePassed: number;
  /** Core courses taken, passed or not (the regulation's own count); taken ≥ required > passed is a review finding. */
  coreTaken: number;
  coreRequired: number;
  allCreditsRecognized: boolean;
  retake: Retake[];
  findings: Finding[];
  courses: CourseCredit[];
  policy: PolicyRef;
}
