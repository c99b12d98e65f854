import { isValidAppId } from '@minirelease/core';
import { page, readCursor } from '../http/page.js';
import { expectedRevision } from '../http/revision.js';
import {
  AppParams,
  AppPatchBody,
  AppSchema,
  AuditSchema,
  commonErrors,
  ExperiencersBody,
  MemberBody,
  MemberParams,
  NewAppBody,
  PageQuery,
  pageOf,
  QualificationBody,
  QualificationParams,
} from '../http/schemas.js';
import { appsToWire, auditToWire, readApp } from '../http/to-wire.js';
import type { Services } from '../services/services.js';
import { appStore } from '../storage/app-store.js';
import { auditStore } from '../storage/audit-store.js';
import { type Api, callerOf } from './route-types.js';

const tags = ['apps'];

export function appRoutes(api: Api, s: Services): void {
  api.post(
    '/v1/apps',
    {
      schema: {
        tags,
        summary: 'Create an app; the caller becomes its owner',
        body: NewAppBody,
        response: { 201: AppSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      await s.apps.create(callerOf(request).principal, request.body);
      return reply.code(201).send(await readApp(s.db, request.body.appId));
    },
  );

  api.get(
    '/v1/apps',
    {
      schema: {
        tags,
        summary: 'Apps the caller may see',
        querystring: PageQuery,
        response: { 200: pageOf(AppSchema), ...commonErrors },
      },
    },
    async (request) => {
      const p = callerOf(request);
      const seeAll = p.roles.includes('admin') || p.roles.includes('reviewer');
      const { limit, cursor } = request.query;
      const rows = await appStore.list(s.db, {
        after: readCursor(cursor, (c) => (isValidAppId(c) ? c : undefined)),
        limit: limit + 1,
        visibleTo: seeAll ? undefined : p.principal,
      });
      return page(
        rows,
        limit,
        (last) => last.app_id,
        (kept) => appsToWire(s.db, kept),
      );
    },
  );

  api.get(
    '/v1/apps/:app',
    {
      schema: { tags, summary: 'One app', params: AppParams, response: { 200: AppSchema, ...commonErrors } },
    },
    async (request, reply) => {
      const app = await readApp(s.db, request.params.app);
      return reply.header('etag', `"${app.revision}"`).send(app);
    },
  );

  api.patch(
    '/v1/apps/:app',
    {
      schema: {
        tags,
        summary: 'Change name, brand, category or description',
        params: AppParams,
        body: AppPatchBody,
        response: { 200: AppSchema, ...commonErrors },
      },
    },
    async (request) => {
      await s.apps.update(
        callerOf(request).principal,
        request.params.app,
        request.body,
        expectedRevision(request),
      );
      return readApp(s.db, request.params.app);
    },
  );

  api.put(
    '/v1/apps/:app/members/:principal',
    {
      schema: {
        tags,
        summary: 'Add a member or change its role',
        params: MemberParams,
        body: MemberBody,
        response: { 200: AppSchema, ...commonErrors },
      },
    },
    async (request) => {
      const { app, principal } = request.params;
      await s.apps.putMember(
        callerOf(request).principal,
        app,
        principal,
        request.body.role,
        expectedRevision(request),
      );
      return readApp(s.db, app);
    },
  );

  api.delete(
    '/v1/apps/:app/members/:principal',
    {
      schema: {
        tags,
        summary: 'Remove a member',
        params: MemberParams,
        response: { 200: AppSchema, ...commonErrors },
      },
    },
    async (request) => {
      const { app, principal } = request.params;
      await s.apps.removeMember(callerOf(request).principal, app, principal, expectedRevision(request));
      return readApp(s.db, app);
    },
  );

  api.put(
    '/v1/apps/:app/experiencers',
    {
      schema: {
        tags,
        summary: 'Set the experiencers (≤ 50 user ids)',
        params: AppParams,
        body: ExperiencersBody,
        response: { 200: AppSchema, ...commonErrors },
      },
    },
    async (request) => {
      await s.apps.setExperiencers(
        callerOf(request).principal,
        request.params.app,
        request.body.userIds,
        expectedRevision(request),
      );
      return readApp(s.db, request.params.app);
    },
  );

  api.post(
    '/v1/apps/:app/qualifications',
    {
      schema: {
        tags,
        summary: 'Add an industry qualification document',
        params: AppParams,
        body: QualificationBody,
        response: { 201: AppSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { type, number, expiresAt, file } = request.body;
      await s.apps.addQualification(
        callerOf(request).principal,
        request.params.app,
        { type, number, expiresAt, fileSha256: file },
        expectedRevision(request),
      );
      return reply.code(201).send(await readApp(s.db, request.params.app));
    },
  );

  api.delete(
    '/v1/apps/:app/qualifications/:id',
    {
      schema: {
        tags,
        summary: 'Remove a qualification document',
        params: QualificationParams,
        response: { 200: AppSchema, ...commonErrors },
      },
    },
    async (request) => {
      const { app, id } = request.params;
      await s.apps.removeQualification(callerOf(request).principal, app, id, expectedRevision(request));
      return readApp(s.db, app);
    },
  );

  api.get(
    '/v1/apps/:app/audit-log',
    {
      schema: {
        tags,
        summary: 'Who did what, newest first',
        params: AppParams,
        querystring: PageQuery,
        response: { 200: pageOf(AuditSchema), ...commonErrors },
      },
    },
    async (request) => {
      await readApp(s.db, request.params.app);
      const { limit, cursor } = request.query;
      const before = readCursor(cursor, (c) => (/^\d{1,15}$/.test(c) ? Number(c) : undefined));
      const rows = await auditStore.list(s.db, request.params.app, { before, limit: limit + 1 });
      return page(
        rows,
        limit,
        (last) => String(last.id),
        (kept) => kept.map(auditToWire),
      );
    },
  );
}
