export type TrackId = "exchange" | "freshman-leap" | "navigator-research" | string;

/** Every fact is optional: one not stated gives a "review" finding, never a guess. */
export interface Applicant {
  /** XYU-10.2(1) */ enrolled?: boolean | null;
  /** XYU-10.2(2) */ conductGood?: boolean | null;
  /** XYU-10.2(2), against the policy's minGpa; 0–4. */ gpa?: DecimalInput | null;
  /** XYU-10.2(3); 0–9 in steps of 0.5. */ ielts?: DecimalInput | null;
  /** XYU-10.2(3); TOEFL iBT 0–120 whole. */ toefl?: DecimalInput | null;
  /** XYU-10.2(4) */ healthy?: boolean | null;
  /** XYU-10.2(5) */ canFund?: boolean | null;
  /** XYU-10.3 */ yearOfStudy?: number | string | null;
  /** XYU-10.3 */ programYears?: number | string | null;
  /** XYU-11 */ semesters?: number | string | null;
  /** LX-2.1 */ inJointProgram?: boolean | null;
  /** LX-2.1.1 */ enrollmentYear?: number | string | null;
  /** LX-2.1.1 */ applicationYear?: number | string | null;
  /** LX-2.1.2 */ semestersCompleted?: number | string | null;
  /** LX-5.3.1 */ priorLixingFunding?: boolean | null;
  /** LX-5.3.1: China Scholarship Council or similar. */ otherFunding?: boolean | null;
}

export interface CheckEligibilityInput { policy: PolicyInput; track: TrackId; applicant?: Applicant; locale?: Locale }

/** LX-5.4: what the student must keep doing, or the funding is refused or recovered. */
export interface FundingCondition { code: string; clause: string; message: string }

export interface EligibilityResult {
  /** From `findings` only: any fail → ineligible; else any review → review; else eligible. */
  status: "eligible" | "ineligible" | "review";
  track: string;
  /** The track's clause, e.g. "LX-2.1.2". */
  clause: string;
  programme: "language" | "research" | null;
  /** LX-5.3.1; null when not stated or when the track has no funding rule. Does not change status. */
  fundable: boolean | null;
  /** XYU-10.2(3); null when it cannot be decided or does not apply. */
  priority: boolean | null;
  findings: Finding[];
  fundingFindings: Finding[];
  conditions: FundingCondition[];
  policy: PolicyRef;
}
