import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobStore, createApp, openDatabase } from '@minirelease/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './main.js';
import { captureIo } from './testing/capture-io.js';

/**
 * CLI = API (docs/architecture.md, "The wire contract"): every operation of `/openapi.json` that a person does
 * has a command. A new route fails this test until it gets a line here and a command, or a line in
 * NOT_A_PERSON saying why no person calls it.
 */
const COMMAND_OF: Record<string, string> = {
  'GET /v1/whoami': 'whoami',
  'POST /v1/tokens': 'token create',
  'GET /v1/tokens': 'token list',
  'DELETE /v1/tokens/{id}': 'token revoke',
  'POST /v1/host-keys': 'hostkey create',
  'GET /v1/host-keys': 'hostkey list',
  'DELETE /v1/host-keys/{id}': 'hostkey revoke',
  'POST /v1/apps': 'app create',
  'GET /v1/apps': 'app list',
  'GET /v1/apps/{app}': 'app show',
  'PATCH /v1/apps/{app}': 'app edit',
  'PUT /v1/apps/{app}/members/{principal}': 'app member',
  'DELETE /v1/apps/{app}/members/{principal}': 'app member',
  'PUT /v1/apps/{app}/experiencers': 'app experiencers set',
  'POST /v1/apps/{app}/qualifications': 'app qualification add',
  'DELETE /v1/apps/{app}/qualifications/{id}': 'app qualification remove',
  'GET /v1/apps/{app}/audit-log': 'log',
  'POST /v1/apps/{app}/versions': 'upload',
  'GET /v1/apps/{app}/versions': 'version list',
  'GET /v1/apps/{app}/versions/{v}': 'version show',
  'PATCH /v1/apps/{app}/versions/{v}': 'version edit',
  'DELETE /v1/apps/{app}/versions/{v}': 'version delete',
  'GET /v1/apps/{app}/versions/{v}/report': 'report',
  'POST /v1/apps/{app}/versions/{v}/experience': 'experience set',
  'POST /v1/apps/{app}/materials': 'submit',
  'GET /v1/apps/{app}/materials/{sha256}': 'review show',
  'POST /v1/apps/{app}/versions/{v}/submit': 'submit',
  'POST /v1/apps/{app}/versions/{v}/cancel-review': 'cancel-review',
  'POST /v1/apps/{app}/versions/{v}/review': 'review approve',
  'POST /v1/apps/{app}/versions/{v}/gray': 'gray',
  'PUT /v1/apps/{app}/versions/{v}/gray-plan': 'gray',
  'GET /v1/apps/{app}/versions/{v}/gray-plan': 'status',
  'POST /v1/apps/{app}/versions/{v}/gray-plan/pause': 'pause',
  'POST /v1/apps/{app}/versions/{v}/gray-plan/resume': 'resume',
  'POST /v1/apps/{app}/versions/{v}/cancel-gray': 'cancel-gray',
  'POST /v1/apps/{app}/versions/{v}/publish': 'publish',
  'POST /v1/apps/{app}/rollback': 'rollback',
  'POST /v1/apps/{app}/offline': 'offline',
  'POST /v1/apps/{app}/online': 'online',
  'GET /v1/review-queue': 'review queue',
  'GET /v1/review-reasons': 'review reasons',
  'GET /v1/resolve': 'resolve',
  'GET /v1/apps/{app}/versions/{v}/health': 'health',
};

/** Operations no person calls by hand, and why. */
const NOT_A_PERSON: Record<string, string> = {
  'GET /v1/stream': 'the change stream: resolver processes and local-mode SDKs follow it',
  'GET /v1/stream/snapshot': 'the binary snapshot a resolver process starts from',
  'POST /v1/resolve/batch': 'a host backend resolving many users at once; `resolve` answers one',
  'GET /v1/search': "the host app's search box; people search in the host app",
  'GET /v1/packages/{sha256}': 'the host downloads the package the resolve answer names',
  'POST /v1/checks/app': "the console's live name check; `check` runs the same app rules offline",
  'GET /v1/checks/catalog': "the console's rule texts; the CLI carries the catalog itself",
  'POST /v1/events': 'host apps report launches, errors, crashes and feedback with a host key',
};

let dir: string;
let operations: string[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'minirelease-coverage-'));
  const api = await createApp({
    database: await openDatabase({ sqlitePath: ':memory:' }),
    blobs: new BlobStore(join(dir, 'blobs')),
  });
  const doc = (await api.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  await api.app.close();
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function help(command: string) {
  const io = captureIo({ env: { XDG_CONFIG_HOME: '/nonexistent' } });
  const code = await main(['node', 'minirelease', ...command.split(' '), '--help'], io);
  return { code, text: io.stdoutText() };
}

describe('every operation of /openapi.json has a command', () => {
  it('lists every operation here, as a command or as not a person’s', () => {
    expect(operations.length).toBeGreaterThan(30);
    const unlisted = operations.filter((op) => !(op in COMMAND_OF) && !(op in NOT_A_PERSON));
    expect(unlisted).toEqual([]);
    const stale = [...Object.keys(COMMAND_OF), ...Object.keys(NOT_A_PERSON)].filter(
      (op) => !operations.includes(op),
    );
    expect(stale).toEqual([]);
    const twice = Object.keys(COMMAND_OF).filter((op) => op in NOT_A_PERSON);
    expect(twice).toEqual([]);
  });

  it.each(Object.entries(COMMAND_OF))(
    '%s → minirelease %s exists, and its --help lists the global options',
    async (_, command) => {
      const { code, text } = await help(command);
      expect(code).toBe(0);
      expect(text).toContain(`Usage: minirelease ${command} `);
      for (const option of ['--server <url>', '--token <token>', '--json', '--lang <lang>']) {
        expect(text).toContain(option);
      }
    },
  );
});
