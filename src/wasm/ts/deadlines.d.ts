export interface DeadlinesInput {
  policy: PolicyInput;
  /** Arrival abroad (XYU-13.2). Blank or null: not given. */
  arrival?: DateString | null;
  /** End of the exchange (XYU-12.9, XYU-13.5); must be after arrival. */
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
