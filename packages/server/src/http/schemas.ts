import {
  APP_VISIBILITIES,
  AUDIT_ACTIONS,
  ERROR_CODES,
  IMAGE_TYPES,
  IN_FLIGHT_STATUSES,
  VERSION_STATUSES,
  type VersionStatus,
} from '@minirelease/core';
import type * as wire from '@minirelease/core/wire';
import { z } from 'zod';
import { APP_ROLES, PLATFORM_ROLES } from '../auth/principal.js';

/**
 * The API's shapes, once: they validate requests, type the handlers and generate /openapi.json.
 * Limits on every string and array, so no field can carry an unbounded body.
 */
export const appIdParam = z.string().min(1).max(64).describe('the appId');
export const versionParam = z.string().min(1).max(40).describe('x.y.z');

export const AppParams = z.object({ app: appIdParam });
export const VersionParams = z.object({ app: appIdParam, v: versionParam });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).exactOptional(),
    }),
  })
  .describe('Error');

const text = (max: number) => z.string().max(max);
const name = z.string().trim().min(1).max(64);

export const NewAppBody = z.object({
  appId: z.string().min(1).max(64),
  name,
  brand: name,
  category: z.string().trim().min(1).max(64).describe('a catalog id or its Chinese name (医院)'),
  description: text(2000).optional(),
});

export const AppPatchBody = z
  .object({
    name: name.optional(),
    brand: name.optional(),
    category: name.optional(),
    description: text(2000).optional(),
  })
  .strict();

export const MemberBody = z.object({ role: z.enum(APP_ROLES) });
export const MemberParams = z.object({ app: appIdParam, principal: z.string().min(1).max(128) });
export const ExperiencersBody = z.object({
  userIds: z
    .array(z.string().min(1).max(128))
    .max(200)
    .describe('at most 50 distinct user ids (as Alipay); repeats count once'),
});
export const QualificationParams = z.object({ app: appIdParam, id: z.string().min(1).max(64) });
export const QualificationBody = z.object({
  type: z.string().trim().min(1).max(64),
  number: z.string().trim().min(1).max(128),
  expiresAt: z.iso.date().describe('YYYY-MM-DD'),
  file: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional()
    .describe('sha256 of an uploaded document'),
});

export const UploadQuery = z.object({
  version: z.string().min(1).max(40),
  description: text(2000).default(''),
});

export const MaterialsBody = z
  .object({
    testAccount: text(128).optional(),
    testPassword: text(128).optional(),
    screenshots: z.array(text(2048)).max(5).optional(),
    recording: text(2048).optional(),
    notes: text(2000).optional(),
  })
  .default({});

export const ReviewBody = z.object({
  decision: z.enum(['approve', 'reject']),
  reasons: z.array(z.string().min(1).max(64)).max(20).default([]),
  comment: text(2000).default(''),
});

export const GrayBody = z.object({
  percentage: z
    .union([z.number(), z.string().max(8)])
    .describe('(0, 100] with at most two decimals, or p10/p30/p50'),
});

export const DescriptionBody = z.object({ description: text(2000) }).strict();
export const RollbackBody = z.object({ toVersion: versionParam.optional() }).default({});

export const TokenBody = z.object({
  principal: z
    .string()
    .trim()
    .min(1)
    .max(128)
    .regex(/^[^\s]+$/, 'no spaces'),
  roles: z.array(z.enum(PLATFORM_ROLES)).max(PLATFORM_ROLES.length).default([]),
  label: text(128).default(''),
  expiresAt: z.iso.datetime({ offset: true }).optional().describe('ISO time; absent: never expires'),
});

export const PageQuery = z.object({
  cursor: z.string().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const Qualification = z.object({
  id: z.string(),
  type: z.string(),
  number: z.string(),
  expiresAt: z.string(),
  fileSha256: z.string().nullable(),
  createdAt: z.string(),
});

export const AppSchema = z
  .object({
    appId: z.string(),
    name: z.string(),
    brand: z.string(),
    category: z.string(),
    description: z.string(),
    visibility: z.enum(APP_VISIBILITIES),
    revision: z.number().int(),
    experienceVersion: z.string().nullable(),
    liveVersion: z.string().nullable(),
    grayVersion: z.string().nullable(),
    grayPercentage: z.number().nullable(),
    inFlight: z
      .object({
        version: z.string(),
        status: z.enum(IN_FLIGHT_STATUSES as [VersionStatus, ...VersionStatus[]]),
      })
      .nullable()
      .describe('the one version between submit and publish, and its status'),
    grayPlan: z
      .object({ version: z.string(), state: z.enum(['active', 'paused', 'halted']) })
      .nullable()
      .describe('the open gray plan: halted means a degraded verdict stopped it'),
    experiencers: z.array(z.string()),
    qualifications: z.array(Qualification),
    members: z.array(z.object({ principal: z.string(), role: z.enum(APP_ROLES) })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .describe('App');

const LocalText = z.object({ zh: z.string(), en: z.string() });
export const ReportSchema = z
  .object({
    ok: z.boolean(),
    findings: z.array(
      z.object({
        code: z.string(),
        severity: z.enum(['error', 'warning', 'info']),
        message: LocalText,
        hint: LocalText,
        file: z.string().exactOptional(),
        line: z.number().exactOptional(),
        column: z.number().exactOptional(),
        snippet: z.string().exactOptional(),
      }),
    ),
    stats: z.object({
      files: z.number(),
      totalSize: z.number(),
      mainSize: z.number(),
      subpackages: z.array(z.object({ root: z.string(), size: z.number() })),
      compressedSize: z.number().exactOptional(),
      layout: z.enum(['alipay', 'wechat']),
      usesLogin: z.boolean().exactOptional(),
    }),
  })
  .describe('Report');

const MaterialsSchema = z.object({
  testAccount: z.string().exactOptional(),
  testPassword: z.string().exactOptional(),
  screenshots: z.array(z.string()).exactOptional(),
  recording: z.string().exactOptional(),
  notes: z.string().exactOptional(),
});

export const VersionSchema = z
  .object({
    appId: z.string(),
    version: z.string(),
    status: z.enum(VERSION_STATUSES),
    sha256: z.string(),
    size: z.number().int(),
    description: z.string(),
    grayPercentage: z.number().nullable(),
    reportOk: z.boolean(),
    materials: MaterialsSchema.omit({ testPassword: true })
      .nullable()
      .describe('as submitted; the test password is never echoed'),
    review: z
      .object({
        decision: z.enum(['approve', 'reject']),
        reasons: z.array(z.string()),
        comment: z.string(),
        reviewer: z.string(),
        at: z.string(),
      })
      .nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .describe('Version');

export const UploadedVersionSchema = VersionSchema.extend({ report: ReportSchema });

export const AuditSchema = z.object({
  id: z.number().int(),
  appId: z.string(),
  version: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  actor: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  at: z.string(),
});

export const TokenSchema = z.object({
  id: z.string(),
  principal: z.string(),
  roles: z.array(z.enum(PLATFORM_ROLES)),
  label: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().exactOptional() });

export const CreatedTokenSchema = TokenSchema.extend({ token: z.string() });

export const WhoAmISchema = z.object({
  principal: z.string(),
  roles: z.array(z.enum(PLATFORM_ROLES)),
  tokenId: z.string(),
});

export const ReviewQueueItemSchema = z.object({
  appId: z.string(),
  appName: z.string(),
  version: z.string(),
  description: z.string(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  reportOk: z.boolean(),
  materials: MaterialsSchema.nullable().describe('with the test password: reviewers log in with it'),
});

export const AppCheckBody = z.object({
  name: z.string().max(64),
  brand: z.string().max(64),
  category: z.string().max(64),
  qualifications: z
    .array(z.object({ type: text(64), number: text(128).optional(), expiresAt: text(10) }))
    .max(20)
    .optional(),
  description: text(2000).optional(),
});

export const AppCheckResultSchema = z
  .object({ ok: z.boolean(), findings: ReportSchema.shape.findings })
  .describe('AppCheckResult');

export const CheckCatalogSchema = z
  .object({
    rules: z.array(
      z.object({
        code: z.string(),
        severity: z.enum(['error', 'warning', 'info']),
        message: LocalText,
        hint: LocalText,
      }),
    ),
    categories: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        en: z.string(),
        parent: z.string().exactOptional(),
        requires: z.array(z.array(z.string())),
      }),
    ),
    qualificationTypes: z.array(z.object({ id: z.string(), name: z.string(), en: z.string() })),
  })
  .describe('CheckCatalog');

export const ReviewReasonsSchema = z
  .object({
    reasons: z.array(
      z.object({
        code: z.string(),
        source: z.enum(['checker', 'reviewer']),
        label: LocalText,
        hint: LocalText,
      }),
    ),
  })
  .describe('ReviewReasons');

export const MaterialParams = z.object({ app: appIdParam, sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export const MaterialSchema = z
  .object({ sha256: z.string(), mediaType: z.enum(IMAGE_TYPES), size: z.number().int() })
  .describe('Material');
const SignalSideSchema = z.object({ launches: z.number(), events: z.number(), rate: z.number() });
const SignalHealthSchema = z.object({
  gray: SignalSideSchema,
  stable: SignalSideSchema,
  ratio: z.number().nullable(),
  ratioInterval: z.tuple([z.number(), z.number().nullable()]),
  eValue: z.number(),
  eThreshold: z.number(),
  floorRelative: z.number(),
  floorAbsolute: z.number(),
  verdict: z.enum(['healthy', 'degraded', 'insufficient_data']),
});

const HealthCountsSchema = z.object({
  launches: z.number(),
  errors: z.number(),
  crashes: z.number(),
  feedback: z.number(),
});

/** Gray against stable (DESIGN §10; docs/gray-health.md): the console's chart and the CLI read this shape. */
export const HealthSchema = z
  .object({
    verdict: z.enum(['healthy', 'degraded', 'insufficient_data']),
    signals: z.object({
      errorRate: SignalHealthSchema,
      crashRate: SignalHealthSchema,
      feedbackRate: SignalHealthSchema,
    }),
    launchesNeeded: z.number().exactOptional(),
    grayShareObserved: z.number(),
    grayShareExpected: z.number(),
    sampleRatioMismatch: z.boolean(),
    distinctUsers: z.object({ gray: z.number(), stable: z.number() }).exactOptional(),
    series: z
      .object({
        bucketMinutes: z.number().int(),
        points: z.array(
          z.object({ minute: z.string(), gray: HealthCountsSchema, stable: HealthCountsSchema }),
        ),
      })
      .exactOptional()
      .describe('gray and stable per bucket of minutes, from the first minute with data to now'),
    explanation: z.string(),
    updatedAt: z.string(),
  })
  .describe('Health');

export const HealthQuery = z.object({
  window: z
    .string()
    .regex(/^\d{1,5}[mhd]$/)
    .optional()
    .describe('how far back: 30m, 6h, 1d (default 1d, at most 30d)'),
  badRatio: z.coerce.number().min(1.25).max(10).optional(),
  minLaunches: z.coerce.number().int().min(0).max(100_000_000).optional(),
});

export const HostKeyBody = z.object({ name });

export const HostKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const CreatedHostKeySchema = HostKeySchema.extend({ key: z.string() });

/**
 * A batch of host events (DESIGN §10). Each event is checked on its own by core's `checkHostEvent`, so one bad
 * event is one refusal in the answer, never a 400 for the batch: the schema documents the shape and takes any
 * item. More than 1,000 events is refused by the service with the field named.
 */
export const HostEventBatchBody = z.object({
  events: z
    .array(z.unknown())
    .describe(
      'at most 1,000 events {app, version, channel, user, type, at, id?, message?, page?}; a malformed one is refused alone',
    ),
});
export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(128)
    .regex(/^[\x21-\x7e]+$/)
    .describe('the batch id: a replayed batch is counted once (kept ≥ 24 h)'),
});
export const HostEventsAnswerSchema = z
  .object({
    accepted: z.number().int(),
    rejected: z.array(z.object({ index: z.number().int(), code: z.enum(ERROR_CODES) })),
  })
  .describe('HostEventsAnswer');

/** A gray plan as a person sets it (DESIGN §10): steps are percentages, checked and stored as basis points. */
export const GrayPlanBody = z.object({
  steps: z
    .array(z.number())
    .min(1)
    .max(20)
    .describe('gray percentages in (0, 100], strictly increasing: [1, 5, 20, 50, 100]'),
  soakMinutes: z.number().int().min(0).max(10_080).describe('minutes at each step before it may widen'),
  minLaunches: z.number().int().min(0).max(100_000_000).describe('gray launches each step must see'),
  badRatio: z.number().min(1.25).max(10).exactOptional().describe('default 2'),
  onDegraded: z.enum(['halt', 'cancel']).exactOptional().describe('default halt'),
  publishAtEnd: z.boolean().exactOptional().describe('default false'),
});

export const GrayPlanSchema = z
  .object({
    appId: z.string(),
    version: z.string(),
    steps: z.array(z.number()),
    soakMinutes: z.number(),
    minLaunches: z.number(),
    badRatio: z.number(),
    onDegraded: z.enum(['halt', 'cancel']),
    publishAtEnd: z.boolean(),
    state: z.enum(['active', 'paused', 'halted', 'completed', 'ended']),
    stepIndex: z.number().int(),
    stepStartedAt: z.string(),
    lastDecision: z.string().exactOptional(),
    updatedAt: z.string(),
  })
  .describe('GrayPlan');

/** Error answers every guarded route may give, for the OpenAPI document. */
export const commonErrors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
};

/**
 * The schemas above are the wire contract's types (`@minirelease/core/wire`) as zod: each must produce exactly
 * its type, so a field added, dropped or retyped on one side and not the other breaks the build
 * (docs/architecture.md, "The wire contract").
 */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Same<A, B> = Equals<A, B> extends true ? true : { expected: B; got: A };
const same = <_ extends true>() => undefined;
same<Same<z.output<typeof ErrorSchema>, wire.ApiErrorBody>>();
same<Same<z.output<typeof AppSchema>, wire.App>>();
same<Same<z.output<typeof ReportSchema>, wire.Report>>();
same<Same<z.output<typeof VersionSchema>, wire.Version>>();
same<Same<z.output<typeof UploadedVersionSchema>, wire.UploadedVersion>>();
same<Same<z.output<typeof AuditSchema>, wire.AuditRecord>>();
same<Same<z.output<typeof TokenSchema>, wire.Token>>();
same<Same<z.output<typeof CreatedTokenSchema>, wire.CreatedToken>>();
same<Same<z.output<typeof WhoAmISchema>, wire.WhoAmI>>();
same<Same<z.output<typeof ReviewQueueItemSchema>, wire.ReviewQueueItem>>();
same<Same<z.output<ReturnType<typeof pageOf<typeof AppSchema>>>, wire.Page<wire.App>>>();
same<Same<z.output<typeof AppCheckResultSchema>, wire.AppCheckResult>>();
same<Same<z.input<typeof AppCheckBody>, wire.AppCheckRequest>>();
same<Same<z.output<typeof CheckCatalogSchema>, wire.CheckCatalog>>();
same<Same<z.output<typeof MaterialSchema>, wire.Material>>();
same<Same<z.output<typeof ReviewReasonsSchema>, wire.ReviewReasons>>();
same<Same<z.output<typeof HealthSchema>, wire.Health>>();
same<Same<z.output<typeof HostKeySchema>, wire.HostKey>>();
same<Same<z.output<typeof CreatedHostKeySchema>, wire.CreatedHostKey>>();
same<Same<z.output<typeof HostEventsAnswerSchema>, wire.HostEventsAnswer>>();
same<Same<z.input<typeof GrayPlanBody>, wire.GrayPlanRequest>>();
same<Same<z.output<typeof GrayPlanSchema>, wire.GrayPlan>>();
