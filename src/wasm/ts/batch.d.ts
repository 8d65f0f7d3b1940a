export interface BatchGpaInput {
  policy: PolicyInput;
  /**
   * CSV text, header `studentId,course,credits,grade` or `学号,课程,学分,成绩` (any order, any case; BOM, CRLF, quotes
   * allowed); or the file's UTF-8 bytes, e.g. `new Uint8Array(await file.arrayBuffer())`,
   * which skips decoding a large file to a string and encoding it back.
   */
  csv: string | Uint8Array | ArrayBuffer;
  locale?: Locale;
}

/** One student; every value equals computeGpa's for the student's readable rows. */
export interface BatchStudent {
  studentId: string;
  /** Rounded half-up to two places; null when no course weighs. */
  gpa: string | null;
  gpaExact: DecimalString | null;
  averagePercentage: string | null;
  averagePercentageExact: DecimalString | null;
  /** All credits of the readable rows (computeGpa's totalCredits). */
  credits: DecimalString;
  gpaCredits: DecimalString;
  earnedCredits: DecimalString;
  /** Readable rows. */
  courses: number;
  /** Failed courses, to be retaken (XYU-12.8). */
  failedCourses: number;
}

/** A row left out; the other rows still count. */
export interface BatchRowError {
  /** 1-based line of the file where the row starts. */
  line: number;
  code: string;
  /** A sentence starting with the line and the column path: `line 3: credits: "x" is not a number`. */
  message: string;
  /** What is wrong, without the line or the column: `"x" is not a number` (for a page that names them itself). */
  reason: string;
  /** The column ("studentId", "credits", "grade"); absent when the whole row is wrong. */
  field?: "studentId" | "credits" | "grade";
}

export interface BatchGpaResult {
  /** In order of first appearance. */
  students: BatchStudent[];
  /** The first 1000 rows left out. */
  errors: BatchRowError[];
  /** All rows left out. */
  errorCount: number;
  /** Rows read (header and blank lines not counted). */
  rows: number;
  policy: PolicyRef;
}
