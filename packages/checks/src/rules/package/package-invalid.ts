import type { Catalog } from '../../catalog/catalog.js';
import { createFinding } from '../../finding.js';
import type { PackageProblem } from '../../package/package-problem.js';
import type { Finding } from '../../report.js';

/**
 * PACKAGE_INVALID comes from the reader, not from a look at the files: an archive that cannot be read safely
 * has no files to give the other rules. This turns the reader's problem into the finding.
 */
export function packageInvalidFinding(catalog: Catalog, problem: PackageProblem): Finding {
  const { entry } = problem.detail;
  return createFinding(catalog, 'PACKAGE_INVALID', { params: { reason: problem.message }, file: entry });
}
