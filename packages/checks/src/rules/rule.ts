import type { AppJsonResult } from '../app-json.js';
import type { FindingCode } from '../catalog.js';
import type { FindingInput } from '../finding.js';
import type { Layout } from '../layout.js';
import type { Limits } from '../limits.js';
import type { PackageSizes } from '../package-size.js';
import type { Finding } from '../report.js';

/** What every rule may look at: read once by the runner, shared by all rules. */
export interface RuleContext {
  files: ReadonlyMap<string, Buffer>;
  layout: Layout;
  appJson: AppJsonResult;
  sizes: PackageSizes;
  limits: Limits;
  /** Builds a finding from the (possibly tuned) catalog. */
  finding(code: FindingCode, input?: FindingInput): Finding;
}

/** One rule per file under `rules/`: a name, the codes it may report, and a pure function of the context. */
export interface Rule {
  name: string;
  codes: readonly FindingCode[];
  run(context: RuleContext): Finding[];
}
