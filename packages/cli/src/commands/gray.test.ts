import { json, type StubServer, startStubServer } from '@minirelease/sdk/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { commandDeps } from '../testing/command-deps.js';
import { grayCommand } from './gray.js';

let stub: StubServer;
afterEach(() => stub.close());

const grayVersion = (percentage: number) => ({
  appId: '青禾',
  version: '1.0.0',
  status: 'GRAY',
  grayPercentage: percentage,
});

describe('grayCommand', () => {
  it.each([
    ['30', 30],
    ['12.5', 12.5],
    ['30%', 30],
    ['p10', 10],
    ['P50', 50],
    ['0.01', 0.01],
  ])('sends --percent %s as %s', async (input, sent) => {
    stub = await startStubServer(() => json(200, grayVersion(sent)));
    const { deps, io } = commandDeps(stub.url);
    expect(await grayCommand({ app: '青禾', version: '1.0.0', percent: input }, deps)).toBe(0);
    expect(stub.last()).toMatchObject({
      method: 'POST',
      path: '/v1/apps/青禾/versions/1.0.0/gray',
      json: { percentage: sent },
    });
    expect(io.stdoutText()).toBe(`gray 青禾 1.0.0 GRAY ${sent} %\n`);
  });

  it.each(['0', '100.5', '12.345', 'p20', 'ten', ''])(
    'refuses --percent %j as a usage error before asking',
    async (input) => {
      stub = await startStubServer(() => json(200, {}));
      const { deps } = commandDeps(stub.url);
      await expect(grayCommand({ app: 'a', version: '1.0.0', percent: input }, deps)).rejects.toMatchObject({
        code: 'USAGE',
        exitCode: 2,
      });
      expect(stub.requests).toHaveLength(0);
    },
  );
});
