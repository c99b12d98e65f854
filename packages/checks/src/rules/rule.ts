import type { CategoryCatalog } from '../app/category-catalog.js';
import type { WordLists } from '../app/word-lists.js';
import type { AppJsonResult } from '../app-json.js';
import type { FindingCode } from '../catalog/catalog.js';
import type { Limits } from '../config/limits.js';
import type { FindingInput } from '../finding.js';
import type { CheckInput } from '../input.js';
import type { Layout } from '../layout.js';
import type { PackageSizes } from '../package-size.js';
import type { Finding } from '../report.js';
import type { ScriptIndex } from '../script/script-index.js';

/** What every rule may look at: read once by the runner, shared by all rules. */
export interface RuleContext {
  /** The package's files; empty when only the app or a submission is checked. */
  files: ReadonlyMap<string, Buffer>;
  layout: Layout;
  appJson: AppJsonResult;
  sizes: PackageSizes;
  limits: Limits;
  /** Builds a finding from the (possibly tuned) catalog. */
  finding(code: FindingCode, input?: FindingInput): Finding;
  /** The app, release notes and materials, with `today` always set (YYYY-MM-DD). */
  input: CheckInput & { today: string };
  words: WordLists;
  categories: CategoryCatalog;
  /** The package's scripts, parsed lazily once. */
  scripts: ScriptIndex;
  /** Whether rules that run the launch sandbox run (CheckOptions.sandbox, on by default). */
  sandbox: boolean;
  /** Facts rules learn about the package for later stages (kept in the report's stats). */
  facts: { usesLogin?: boolean };
}

/**
 * What a rule needs to run: the package (upload, `minirelease check`), the app (its name, category, release
 * notes: also at upload when known), or a submission (materials, at submit).
 */
export type RuleNeeds = 'package' | 'app' | 'submission';

/** One rule per file under `rules/`: a name, the codes it may report, and a pure function of the context. */
export interface Rule {
  name: string;
  codes: readonly FindingCode[];
  needs: RuleNeeds;
  /** Runs the app in the launch sandbox (a worker): skipped when `CheckOptions.sandbox` is false. */
  sandbox?: boolean;
  run(context: RuleContext): Finding[] | Promise<Finding[]>;
}
