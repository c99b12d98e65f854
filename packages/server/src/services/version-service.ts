import {
  CATALOG,
  type CheckOptions,
  checkFiles,
  checkSubmission,
  PACKAGE_CODES,
  type Report,
  readPackage,
  SCRIPT_CODES,
} from '@minirelease/checks';
import { assertActionAllowed, assertSemver, DomainError } from '@minirelease/core';
import type { Principal } from '../auth/principal.js';
import type { BlobStore } from '../storage/blob-store.js';
import { sealMaterials } from '../storage/sealed-materials.js';
import { SecretBox } from '../storage/secret-box.js';
import { type VersionRow, versionStore } from '../storage/version-store.js';
import { loadAppInfo } from './app-info.js';
import { type WriteDeps, writeApp } from './app-write.js';
import { type PipelineService, semverColumns, type TransitionResult } from './pipeline-service.js';
import { assertReviewReasons } from './review-reasons.js';
import { assertMayReview } from './separation-of-duties.js';

export const MAX_DESCRIPTION_CHARS = 2000;

/** How a platform tunes the checker (its config file): limits, severities, rules, word lists, categories. */
export type CheckTuning = Omit<CheckOptions, 'input' | 'sandbox'>;

import type { Materials } from '@minirelease/checks';

export type { Materials };

export interface UploadInput {
  appId: string;
  version: string;
  description: string;
  zip: Buffer;
}

/** Uploads, submissions and reviews: the version steps that carry more than a status change. */
export class VersionService {
  constructor(
    private readonly deps: WriteDeps,
    private readonly release: PipelineService,
    private readonly blobs: BlobStore,
    private readonly tuning: CheckTuning = {},
    private readonly secrets: SecretBox = SecretBox.ephemeral(),
  ) {}

  private today(): string {
    return this.deps.now().toISOString().slice(0, 10);
  }

  /** Reads and checks the package first: an unreadable or unsafe one is refused and nothing is stored. */
  async upload(
    actor: string,
    input: UploadInput,
    expectedRevision?: number,
  ): Promise<{ row: VersionRow; report: Report }> {
    assertSemver(input.version);
    assertDescription(input.description);
    const read = await readPackage(input.zip, this.tuning.limits);
    if (!read.ok) {
      throw new DomainError(
        'PACKAGE_INVALID',
        `the package cannot be read safely: ${read.problem.message.en}`,
        {
          problem: read.problem,
        },
      );
    }
    const app = await loadAppInfo(this.deps.db, input.appId);
    const report = await checkFiles(read.files, {
      ...this.tuning,
      catalog: this.tuning.catalog ?? CATALOG,
      input: { app, description: input.description, today: this.today() },
    });
    report.stats.compressedSize = read.compressedSize;
    // Content-addressed: a blob written for an upload that is then refused is harmless and reused next time.
    const sha256 = await this.blobs.put(input.zip);
    const row: VersionRow = {
      app_id: input.appId,
      version: input.version,
      ...semverColumns(input.version),
      status: 'INIT',
      gray_basis_points: null,
      sha256,
      size: input.zip.length,
      description: input.description,
      report: JSON.stringify(report),
      report_ok: report.ok ? 1 : 0,
      materials: null,
      review: null,
      created_by: actor,
      created_at: '',
      updated_at: '',
      submitted_at: null,
      submitted_by: null,
    };
    // Over a version still INIT, the same number replaces its package and report (core's upload()); the
    // audit record names the package it replaced. Read inside the transaction, so it is the one replaced.
    const details: Record<string, unknown> = {};
    const command = { type: 'upload', version: input.version } as const;
    await this.release.apply(actor, input.appId, command, {
      expectedRevision,
      newVersion: row,
      versionPatch: {
        sha256: row.sha256,
        size: row.size,
        description: row.description,
        report: row.report,
        report_ok: row.report_ok,
        created_by: actor,
      },
      details,
      precheck: async ({ tx }) => {
        const replaced = await versionStore.get(tx, input.appId, input.version);
        if (replaced) details.replaced = { sha256: replaced.sha256, reportOk: replaced.report_ok === 1 };
        return command;
      },
    });
    return { row: (await versionStore.get(this.deps.db, input.appId, input.version))!, report };
  }

  updateDescription(
    actor: string,
    appId: string,
    version: string,
    description: string,
    expectedRevision?: number,
  ) {
    assertDescription(description);
    return writeApp(this.deps, appId, actor, expectedRevision, async ({ tx, now }) => {
      const row = await versionStore.get(tx, appId, assertVersion(version));
      if (!row) throw new DomainError('VERSION_NOT_FOUND', `${appId} has no version ${version}`, { version });
      assertActionAllowed(appId, { version, status: row.status, grayBasisPoints: null }, 'edit');
      await versionStore.update(tx, appId, version, { description, updated_at: now });
      const audit = {
        version,
        action: 'edit' as const,
        from_status: row.status,
        to_status: row.status,
        reason: null,
        details: null,
      };
      return { result: undefined, audit: [audit], eventType: 'edit' };
    });
  }

  /** Submit: the stored report's error findings and the materials are checked again inside the transaction. */
  submit(
    actor: string,
    appId: string,
    version: string,
    materials: Materials,
    expectedRevision?: number,
  ): Promise<TransitionResult> {
    return this.release.apply(
      actor,
      appId,
      { type: 'submit', version, blockers: [] },
      {
        expectedRevision,
        versionPatch: {
          // The test password sealed at rest: only a reviewer's read opens it (storage/sealed-materials.ts).
          materials: JSON.stringify(sealMaterials(materials, this.secrets)),
          submitted_by: actor,
          submitted_at: this.deps.now().toISOString(),
        },
        precheck: async ({ tx }) => {
          const row = await versionStore.get(tx, appId, assertVersion(version));
          if (!row) return { type: 'submit', version, blockers: [] };
          // The package's findings stand as uploaded; the app's are taken afresh (a document may have been added).
          const stored = JSON.parse(row.report) as Report;
          const submission = await checkSubmission({
            ...this.tuning,
            catalog: this.tuning.catalog ?? CATALOG,
            input: {
              app: await loadAppInfo(tx, appId),
              description: row.description,
              materials,
              usesLogin: stored.stats.usesLogin,
              today: this.today(),
            },
          });
          const packageFindings = stored.findings.filter((f) => PACKAGE_FINDINGS.has(f.code));
          return {
            type: 'submit',
            version,
            blockers: submissionBlockers([...packageFindings, ...submission.findings]),
          };
        },
      },
    );
  }

  async review(
    principal: Principal,
    appId: string,
    version: string,
    input: { decision: 'approve' | 'reject'; reasons: string[]; comment: string },
    expectedRevision?: number,
  ): Promise<TransitionResult> {
    if (input.decision === 'reject' && input.reasons.length === 0) {
      throw new DomainError('VALIDATION_FAILED', 'a rejection needs at least one reason code', {
        field: 'reasons',
      });
    }
    if (input.decision === 'reject') assertReviewReasons(this.tuning, input.reasons);
    const review = { ...input, reviewer: principal.principal, at: this.deps.now().toISOString() };
    return this.release.apply(
      principal.principal,
      appId,
      { type: 'review', version, decision: input.decision },
      {
        expectedRevision,
        reason: input.comment || input.reasons.join(', '),
        versionPatch: { review: JSON.stringify(review) },
        details: { decision: input.decision, reasons: input.reasons },
        precheck: async ({ tx }) => {
          await assertMayReview(tx, principal, appId, assertVersion(version));
          return { type: 'review', version, decision: input.decision };
        },
      },
    );
  }
}

/** The codes that block a submission: every `error` finding of the report. */
export function submissionBlockers(findings: Report['findings']): string[] {
  return [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.code))];
}

const PACKAGE_FINDINGS = new Set<string>([...PACKAGE_CODES, ...SCRIPT_CODES]);

function assertDescription(description: string): void {
  if (description.length > MAX_DESCRIPTION_CHARS) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `the release notes are ${description.length} characters; at most ${MAX_DESCRIPTION_CHARS}`,
      {
        field: 'description',
      },
    );
  }
}

function assertVersion(version: string): string {
  assertSemver(version);
  return version;
}
