export type QuotaMethod = "largestRemainder" | "dhondt" | "sainteLague";

export interface AllocateQuotaInput {
  /** Places to share out: a whole number, 0–100000. */
  total: DecimalInput;
  /** Names must be unique; students a whole number ≥ 0. */
  colleges: { name: string; students: DecimalInput }[];
  /** Default "largestRemainder" (Hamilton). */
  method?: QuotaMethod;
  /** Places every college gets first; the rest is apportioned by the method. */
  minimum?: DecimalInput | null;
  locale?: Locale;
}

/** One college's places (LX-4.2.1), in input order; the quotas sum to `total`. */
export interface Quota {
  name: string;
  quota: number;
  /** The places shared out among all colleges (the request's total, as read). */
  total: number;
  students: number;
  /** Exact proportional share, half-up to two places. */
  share: string;
  /** The share as a decimal (exact when it terminates). */
  shareExact: DecimalString;
  /** The share as a reduced fraction, always exact, e.g. "369/73". */
  shareFraction: string;
  /** Largest remainder only: the fractional part that ranked the leftover places. */
  remainder: DecimalString | null;
  /** "LX-4.2.1". */
  clause: string;
}
