export interface HomeGpaInput { courses: { name?: string; credits: DecimalInput; score: DecimalInput }[]; locale?: Locale }

export interface AlgorithmGpa {
  id: string;
  name: string;
  nameEn: string;
  scale: string;
  source: string;
  gpa: string | null;
  gpaExact: DecimalString | null;
}

export interface HomeGpaResult {
  algorithms: AlgorithmGpa[];
  courses: { name: string; credits: DecimalString; score: DecimalString; points: string[]; disagree: boolean }[];
  /** Always true: these algorithms are not from a regulation. */
  notFromRegulation: true;
}
