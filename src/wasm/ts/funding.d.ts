/** A cost item (LX-5.1): who pays it is in the policy's `funding` section. */
export type CostItem = "tuition" | "management" | "accommodation" | "insurance" | "airfare" | "visa" | "localTransport" | "personal";
/** School (LX-5.1.1), college (LX-5.1.2) or the student (LX-5.1.3). */
export type Payer = "school" | "college" | "student";
/** Which rule made a line: the item's payer, or one of the splits. */
export type FundingPart = "base" | "aboveEconomyFare" | "outsideShareRatio" | "aboveSchoolCap" | "notFundable";

export interface CostInput {
  item: CostItem;
  /** ≥ 0, in `currency`. As money is written: "3,000" (grouped by threes), "＄3000", "¥3000", "３０００". */
  amount: DecimalInput;
  /** Currency code, e.g. "USD" ("usd" and the IME's "ＵＳＤ" too); absent or "" means CNY. */
  currency?: string;
}

export interface EstimateFundingInput {
  policy: PolicyInput;
  costs: CostInput[];
  /** CNY per unit of each currency, e.g. { USD: "7.1234" }. */
  rates?: { [currency: string]: DecimalInput };
  /** The economy round-trip fare the college pays up to (LX-5.1.2). */
  economyFare?: DecimalInput | null;
  /** Currency of `economyFare`; absent means CNY. */
  economyFareCurrency?: string;
  /** Already funded once by this plan (LX-5.3.1). */
  priorLixingFunding?: boolean;
  /** Already funded by CSC or similar (LX-5.3.1). */
  otherFunding?: boolean;
  locale?: Locale;
}

export interface FundingLine {
  /** Index of the cost in `costs`. */
  cost: number;
  item: CostItem;
  /** CNY with two decimals. */
  amount: DecimalString;
  payer: Payer;
  clause: string;
  part: FundingPart;
  /** Why, when the line is not the item's plain payer. */
  note: string | null;
  /** The whole cost as entered, when it was not in CNY (this line may be part of it). */
  original: { amount: DecimalString; currency: string; rate: DecimalString } | null;
}

/** A checklist step (LX-5.3.2/5.3.3) or a refusal condition (LX-5.4), in the chosen language. */
export interface FundingNote { code: string; clause: string; text: string }

export interface FundingResult {
  /** CNY with two decimals; school + college + student = total exactly. */
  total: DecimalString;
  school: DecimalString;
  college: DecimalString;
  student: DecimalString;
  /** False when LX-5.3.1 refuses school and college funding. */
  fundable: boolean;
  lines: FundingLine[];
  findings: Finding[];
  checklist: FundingNote[];
  conditions: FundingNote[];
  policy: PolicyRef;
}
