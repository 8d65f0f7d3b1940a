/** A policy: a preset id, a whole policy document, or a preset plus overrides. */
export type PolicyInput = string | ({ extends: string } & Partial<PolicyParameters> & { [section: string]: unknown }) | PolicyDocument;

/** The top-level parameters a regulation leaves to "each year's notice"; null = unset. */
export interface PolicyParameters {
  minGpa: DecimalInput | null;
  priorityIelts: DecimalInput | null;
  priorityToefl: DecimalInput | null;
  hoursPerCredit: DecimalInput | null;
  schoolCapPerStudent: DecimalInput | null;
  schoolShareRatio: DecimalInput | null;
  studentIdPattern: string | null;
}

export interface ClauseText { zh: string; en: string }

export interface PolicyDocument extends PolicyParameters {
  id: string;
  title: string;
  titleEn: string;
  year: number;
  clauses: { [clauseId: string]: ClauseText };
  hash: string;
  [section: string]: unknown;
}

