/** What the checker knows besides the package: the app as registered, the release notes, the materials. */
export interface AppInfo {
  name: string;
  brand: string;
  /** A catalog id or its Chinese name (医院). */
  category: string;
  qualifications: QualificationInfo[];
}

export interface QualificationInfo {
  /** A qualification type id or its Chinese name (医疗机构执业许可证). */
  type: string;
  number?: string;
  /** YYYY-MM-DD */
  expiresAt: string;
}

export interface Materials {
  testAccount?: string | undefined;
  testPassword?: string | undefined;
  screenshots?: string[] | undefined;
  recording?: string | undefined;
  notes?: string | undefined;
}

export interface CheckInput {
  /** App-level rules (name, category, qualifications) run when it is given. */
  app?: AppInfo | undefined;
  /** VERSION_DESC_LENGTH runs when it is given. */
  description?: string | undefined;
  /** Submission rules run when it is given (at submit). */
  materials?: Materials | undefined;
  /** At submit, whether the package's report found a login (so a test account is needed). */
  usesLogin?: boolean | undefined;
  /** YYYY-MM-DD the qualifications must be valid on; today by default. */
  today?: string | undefined;
}
