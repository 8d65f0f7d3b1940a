export type FormKey =
  | "name" | "studentId" | "college" | "major" | "yearOfStudy" | "email" | "phone" | "passport"
  | "track" | "partner" | "start" | "end" | "gpa" | "ielts" | "toefl" | "priorLixingFunding" | "otherFunding";

/** Values as HTML inputs give them; blank text means "not given". */
export type FormValues = { [key: string]: string | number | boolean | null };

export interface ValidateApplicationInput { policy: PolicyInput; form: FormValues; locale?: Locale }
export interface ValidateFieldInput { policy: PolicyInput; form: FormValues; field: FormKey | string; locale?: Locale }

export interface FieldError {
  /** The form key, e.g. "phone". */
  field: string;
  /** Stable code: missing_field, invalid_format, out_of_range, invalid_step, invalid_number, invalid_date,
   *  date_order, unknown_value, unknown_field, invalid_type; warnings: not_fundable, unusual_format, short_duration. */
  code: string;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: FieldError[];
  warnings: FieldError[];
  /** Canonical values, e.g. { phone: "13800138000" }. */
  normalized: { [key: string]: string };
  /** Absent from FormHandle.validate(). */
  policy?: PolicyRef;
}

export interface AttachFormOptions { policy: PolicyInput; locale?: Locale }
