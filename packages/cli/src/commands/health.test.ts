import type { Health } from '@minirelease/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { type MinuteCounts, reportMinute } from '../../../server/src/testing/gray-traffic.js';
import { publishSteps } from '../../../server/src/testing/publish-steps.js';
import { startTestServer, type TestServer } from '../../../server/src/testing/test-server.js';
import { main } from '../main.js';
import { captureIo } from '../testing/capture-io.js';

const APP = 'qinghe-books';
const M = 60_000;
// Half a minute into the current minute. The pipeline steps are taken ten minutes before, so the gray share
// is in effect for every reported minute; then the clock holds still, so two reads give one answer.
const NOW = Date.now() - (Date.now() % M) + 30_000;
let clock = NOW;

let servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers) await s.close();
  servers = [];
});

/** 1.0.0 live, 1.1.0 in gray at 10 %, and three minutes of traffic reported with a host key. */
async function grayWith(gray: MinuteCounts, stable: MinuteCounts) {
  clock = NOW - 10 * M;
  const s = await startTestServer('sqlite', { now: () => new Date(clock) });
  servers.push(s);
  const steps = publishSteps(s);
  await steps.liveAndApproved();
  await steps.gray('1.1.0', 10);
  const { key } = (await s.call('POST', '/v1/host-keys', { body: { name: 'host' } })).json();
  clock = NOW;
  for (const minutesAgo of [3, 2, 1]) {
    await reportMinute(
      s,
      key,
      { appId: APP, atMs: NOW - minutesAgo * M },
      { gray: { version: '1.1.0', ...gray }, stable: { version: '1.0.0', ...stable } },
    );
  }
  return { s, url: await s.listen() };
}

async function health(s: TestServer, url: string, ...extra: string[]) {
  const io = captureIo({
    env: { MINIRELEASE_SERVER: url, MINIRELEASE_TOKEN: s.adminToken, XDG_CONFIG_HOME: '/nonexistent' },
  });
  const code = await main(
    ['node', 'minirelease', 'health', '--app', APP, '--version', '1.1.0', ...extra],
    io,
  );
  return { code, io };
}

describe('minirelease health', () => {
  it('prints the health answer alone with --json, and exits 1 on a degraded gray', async () => {
    const { s, url } = await grayWith({ launches: 1000, errors: 100 }, { launches: 9000, errors: 90 });
    const { code, io } = await health(s, url, '--json');
    expect(code).toBe(1);
    const answer = io.stdoutJson<Health>();
    expect(answer).toEqual((await s.call('GET', `/v1/apps/${APP}/versions/1.1.0/health`)).json());
    expect(answer.verdict).toBe('degraded');
    expect(io.stderrText()).toBe('');
  });

  it('shows a degraded gray to people: the verdict, the table, a sparkline per signal', async () => {
    const { s, url } = await grayWith({ launches: 1000, errors: 100 }, { launches: 9000, errors: 90 });
    const { code, io } = await health(s, url, '--window', '1h', '--lang', 'en');
    expect(code).toBe(1);
    const lines = io.stdoutText().split('\n');
    expect(lines[0]).toBe('qinghe-books 1.1.0  health: DEGRADED');
    expect(lines[1]).toMatch(/^ {2}\S/);
    const header = lines.findIndex((l) => l.startsWith('signal'));
    expect(lines[header]?.split(/\s{2,}/)).toEqual([
      'signal',
      'gray',
      'rate',
      'stable',
      'rate',
      'ratio',
      'interval',
      'e-value',
      'verdict',
    ]);
    expect(lines[header + 1]).toMatch(
      /^errors\s+300 \/ 3,000\s+10\.00 %\s+270 \/ 27,000\s+1\.00 %\s+10\.00×\s+\[\d+\.\d\d, (\d+\.\d\d|∞)\]\s+\S+ \/ \d+\s+DEGRADED$/,
    );
    expect(lines[header + 2]).toMatch(/^crashes\s+0 \/ 3,000\s+0\.00 %\s+0 \/ 27,000/);
    // Three minutes of data, then the current minute without any (a dot): gray's rate ten times stable's on
    // one scale, stable's low but above zero (never the zero bar).
    expect(lines).toContain('errors    ███·  ▂▂▂·');
    expect(lines).toContain('crashes   ▁▁▁·  ▁▁▁·');
    expect(lines).toContain('gray share of launches 10.0 %, expected 10.0 %');
    expect(lines.some((l) => l.startsWith('warning'))).toBe(false);
  });

  it('says how many launches are still needed when the data is short, in Chinese when asked', async () => {
    const { s, url } = await grayWith({ launches: 20 }, { launches: 180, errors: 2 });
    const { code, io } = await health(s, url, '--lang', 'zh');
    expect(code).toBe(0);
    const text = io.stdoutText();
    expect(text.split('\n')[0]).toBe('qinghe-books 1.1.0  健康度: 数据不足');
    expect(text).toMatch(/还需约 [\d,]+ 次灰度启动才能判定健康/);
    expect(text).toContain('指标');
  });

  it('warns of a sample-ratio mismatch with the observed and expected gray share', async () => {
    // 10 % in gray, but the host reports five gray launches for every stable one: a broken integration.
    const { s, url } = await grayWith({ launches: 2500, errors: 25 }, { launches: 500, errors: 5 });
    const { code, io } = await health(s, url);
    expect(code).toBe(0);
    const lines = io.stdoutText().split('\n');
    expect(lines[0]).toBe('qinghe-books 1.1.0  health: insufficient data');
    expect(lines[2]).toBe(
      'warning: sample-ratio mismatch: gray is 83.3 % of launches, 10.0 % expected; check the channel and version the host reports (not judged healthy until it matches)',
    );
  });

  it('refuses a malformed window as a usage error before asking', async () => {
    const io = captureIo({
      env: { MINIRELEASE_SERVER: 'http://127.0.0.1:9', XDG_CONFIG_HOME: '/nonexistent' },
    });
    const code = await main(
      ['node', 'minirelease', 'health', '--app', APP, '--version', '1.1.0', '--window', 'forever', '--json'],
      io,
    );
    expect(code).toBe(2);
    expect(JSON.parse(io.stderrText()).error.code).toBe('USAGE');
  });
});
