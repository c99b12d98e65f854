import type { Command } from '@minirelease/core';
import type { FastifyRequest } from 'fastify';
import { expectedRevision } from '../http/revision.js';
import { readApp, readVersion, versionToWire } from '../http/to-wire.js';
import type { Services } from '../services/services.js';
import { callerOf } from './route-types.js';

type AppRequest = FastifyRequest<{ Params: { app: string } }>;
type VersionRequest = FastifyRequest<{ Params: { app: string; v: string } }>;

/**
 * The tail every pipeline route shares: run one command as the caller, holding the request's `If-Match`, then
 * answer what it changed, read after the write (docs/architecture.md, "The write path"). A route names only its
 * command and which resource it answers.
 */
export function steps(s: Services) {
  const run = (request: AppRequest, command: Command) =>
    s.pipeline.apply(callerOf(request).principal, request.params.app, command, {
      expectedRevision: expectedRevision(request),
    });
  return {
    /** Runs the command; answers nothing (a delete's 204). */
    run,
    /** Runs the command and answers the app. */
    async app(request: AppRequest, command: Command) {
      await run(request, command);
      return readApp(s.db, request.params.app);
    },
    /** Runs the command and answers the version it named. */
    async version(request: VersionRequest, command: Command) {
      await run(request, command);
      return versionToWire(await readVersion(s.db, request.params.app, request.params.v));
    },
  };
}
