import { DomainError, parsePercentage, parseSemver } from '@minirelease/core';
import { z } from 'zod';
import { page, readCursor } from '../http/page.js';
import { expectedRevision } from '../http/revision.js';
import {
  AppParams,
  AppSchema,
  commonErrors,
  DescriptionBody,
  ErrorSchema,
  GrayBody,
  MaterialsBody,
  PageQuery,
  pageOf,
  ReportSchema,
  ReviewBody,
  UploadedVersionSchema,
  UploadQuery,
  VersionParams,
  VersionSchema,
} from '../http/schemas.js';
import { readApp, readVersion, versionToWire } from '../http/to-wire.js';
import type { Services } from '../services/services.js';
import { versionStore } from '../storage/version-store.js';
import { type Api, callerOf } from './route-types.js';
import { steps } from './step.js';

const tags = ['versions'];
const versionAnswer = { 200: VersionSchema, ...commonErrors, 422: ErrorSchema };

export function versionRoutes(api: Api, s: Services, uploadLimit: number): void {
  const step = steps(s);
  api.post(
    '/v1/apps/:app/versions',
    {
      bodyLimit: uploadLimit,
      schema: {
        tags,
        summary: 'Upload a package (raw zip body) as a new INIT version, with its pre-review report',
        params: AppParams,
        querystring: UploadQuery,
        response: {
          201: UploadedVersionSchema,
          ...commonErrors,
          413: ErrorSchema,
          415: ErrorSchema,
          422: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const zip = request.body;
      if (!Buffer.isBuffer(zip)) {
        throw new DomainError(
          'UNSUPPORTED_MEDIA_TYPE',
          'send the package as the raw body with Content-Type: application/zip',
        );
      }
      const { app } = request.params;
      await readApp(s.db, app);
      const { row, report } = await s.versions.upload(
        callerOf(request).principal,
        { appId: app, version: request.query.version, description: request.query.description, zip },
        expectedRevision(request),
      );
      return reply.code(201).send({ ...versionToWire(row), report });
    },
  );

  api.get(
    '/v1/apps/:app/versions',
    {
      schema: {
        tags,
        summary: 'Versions, newest first',
        description: '`nextCursor` is the last version of the page; pass it as `cursor` for the next one.',
        params: AppParams,
        querystring: PageQuery,
        response: { 200: pageOf(VersionSchema), ...commonErrors },
      },
    },
    async (request) => {
      await readApp(s.db, request.params.app);
      const { cursor, limit } = request.query;
      const before = readCursor(cursor, parseSemver);
      const rows = await versionStore.list(s.db, request.params.app, { before, limit: limit + 1 });
      return page(
        rows,
        limit,
        (last) => last.version,
        (kept) => kept.map(versionToWire),
      );
    },
  );

  api.get(
    '/v1/apps/:app/versions/:v',
    {
      schema: {
        tags,
        summary: 'One version',
        params: VersionParams,
        response: { 200: VersionSchema, ...commonErrors },
      },
    },
    async (request) => versionToWire(await readVersion(s.db, request.params.app, request.params.v)),
  );

  api.get(
    '/v1/apps/:app/versions/:v/report',
    {
      schema: {
        tags,
        summary: 'The pre-review report of a version',
        params: VersionParams,
        response: { 200: ReportSchema, ...commonErrors },
      },
    },
    async (request) => JSON.parse((await readVersion(s.db, request.params.app, request.params.v)).report),
  );

  api.patch(
    '/v1/apps/:app/versions/:v',
    {
      schema: {
        tags,
        summary: 'Fix the release notes of an INIT version',
        params: VersionParams,
        body: DescriptionBody,
        response: versionAnswer,
      },
    },
    async (request) => {
      const { app, v } = request.params;
      await s.versions.updateDescription(
        callerOf(request).principal,
        app,
        v,
        request.body.description,
        expectedRevision(request),
      );
      return versionToWire(await readVersion(s.db, app, v));
    },
  );

  api.delete(
    '/v1/apps/:app/versions/:v',
    {
      schema: {
        tags,
        summary: 'Delete an INIT version',
        params: VersionParams,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await step.run(request, { type: 'delete', version: request.params.v });
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/v1/apps/:app/versions/:v/experience',
    {
      schema: {
        tags,
        summary: 'Make it the experience version',
        params: VersionParams,
        response: { 200: AppSchema, ...commonErrors },
      },
    },
    async (request) => {
      return step.app(request, { type: 'experience', version: request.params.v });
    },
  );

  api.post(
    '/v1/apps/:app/versions/:v/submit',
    {
      schema: {
        tags,
        summary: 'Submit for review with the materials',
        params: VersionParams,
        body: MaterialsBody,
        response: versionAnswer,
      },
    },
    async (request) => {
      const { app, v } = request.params;
      await s.versions.submit(callerOf(request).principal, app, v, request.body, expectedRevision(request));
      return versionToWire(await readVersion(s.db, app, v));
    },
  );

  api.post(
    '/v1/apps/:app/versions/:v/review',
    {
      schema: {
        tags: ['review'],
        summary: 'Approve or reject (reviewer)',
        params: VersionParams,
        body: ReviewBody,
        response: versionAnswer,
      },
    },
    async (request) => {
      const { app, v } = request.params;
      await s.versions.review(callerOf(request), app, v, request.body, expectedRevision(request));
      return versionToWire(await readVersion(s.db, app, v));
    },
  );

  api.post(
    '/v1/apps/:app/versions/:v/gray',
    {
      schema: {
        tags,
        summary: 'Start or widen gray',
        params: VersionParams,
        body: GrayBody,
        response: versionAnswer,
      },
    },
    async (request) => {
      const basisPoints = parsePercentage(request.body.percentage);
      return step.version(request, { type: 'gray', version: request.params.v, basisPoints });
    },
  );

  for (const action of ['cancel-review', 'cancel-gray', 'publish'] as const) {
    api.post(
      `/v1/apps/:app/versions/:v/${action}`,
      { schema: { tags, summary: SUMMARIES[action], params: VersionParams, response: versionAnswer } },
      async (request) => {
        return step.version(request, { type: action, version: request.params.v });
      },
    );
  }
}

const SUMMARIES = {
  'cancel-review': 'Back to development (from AUDITING, AUDIT_REJECT or WAIT_RELEASE)',
  'cancel-gray': 'Stop gray; the version waits for release again',
  publish: 'Publish to everyone (上架)',
};
