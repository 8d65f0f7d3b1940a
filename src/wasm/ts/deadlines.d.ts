export interface DeadlinesInput {
  policy: PolicyInput;
  /** Leaving the country (XYU-10.6); on or before arrival. Blank or null: not given. */
  departure?: DateString | null;
  /** Arrival abroad (XYU-13.2). Blank or null: not given. */
  arrival?: DateString | null;
  /** End of the exchange (XYU-12.9, XYU-13.5); must be after arrival and departure. */
  end?: DateString | null;
  /** The year of the annual calendar (LX-4). */
  year?: number | string | null;
  locale?: Locale;
}

export interface Deadline {
  /** Stable code, e.g. "transcript". */
  code: string;
  due: DateString;
  /** Clause id, e.g. "XYU-12.9". */
  clause: string;
  /** What is due, in the request's language. */
  title: string;
  /** What happens when it is missed, if the regulation says; else null. */
  consequence: string | null;
}

/** When in an exchange a step is taken. */
export type Phase = "beforeDeparture" | "abroad" | "afterReturn";

/** One procedural step. */
export interface ChecklistStep {
  /** Stable code, e.g. "contact_address", "early_return_approval", "safety_pledge". */
  code: string;
  /** Clause id, e.g. "XYU-13.4". */
  clause: string;
  /** What to do, in the request's language. */
  title: string;
  /** The last day, when the step counts from a date the request gives; else null. The same step is then in deadlines() and the .ics. */
  due: DateString | null;
  /** For a step counted from a date: "within 7 days of arrival abroad"; null for undated steps. */
  timing: string | null;
  /** What happens otherwise, if the regulation says; else null. */
  consequence: string | null;
}

export interface ChecklistPhase {
  phase: Phase;
  /** The phase's name in the request's language. */
  title: string;
  /** Dated steps first (by date, undated ones of that kind in the policy's order), then the undated steps. */
  steps: ChecklistStep[];
}

/** checklist(): the three phases, always in order, each possibly empty. */
export interface ChecklistResult {
  phases: ChecklistPhase[];
  policy: PolicyRef;
}
