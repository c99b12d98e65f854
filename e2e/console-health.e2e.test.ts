/**
 * A gray version's health in the console (issue 14; docs/gray-health.md, "What the console and `health` show"): a
 * real `minirelease start` on a temp dir with the ticker every second, events posted with a host key, and
 * Debian's Chromium through playwright-core. A degraded gray is halted by the ticker and shown as such on its
 * version page (chart, verdict, numbers) and in the apps list; a healthy plan is paused and resumed. axe finds no
 * critical or serious violation; screenshots at 1280 and 390 px go to e2e/screenshots/. Needs the build and
 * /usr/bin/chromium; skipped without them.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipDirectory } from '@minirelease/checks';
import { MiniReleaseClient } from '@minirelease/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, root } from './cli-process.js';
import {
  CHROMIUM,
  freePort,
  inspect,
  launchChromium,
  type PageWatch,
  startPlatform,
  watchPage,
} from './console-browser.js';

const shots = join(root, 'e2e/screenshots');
const NOTES = '青禾读书首个公开版本：书架、阅读器、书签与夜间模式，支持离线阅读并在多台设备间同步阅读进度。';
const BOOKS = { appId: 'qinghe-books', name: '青禾读书', brand: '青禾', category: '图书' };
const READER = { appId: 'qinghe-reader', name: '青禾阅读', brand: '青禾', category: '图书' };

describe.skipIf(!existsSync(CHROMIUM) || !existsSync(join(root, 'packages/console/dist/index.html')))(
  'gray health in the console, in Chromium',
  () => {
    let tmp: string;
    let server: ChildProcess;
    let url: string;
    let adminToken: string;
    let browser: Browser;
    let admin: MiniReleaseClient;
    let reviewer: MiniReleaseClient;
    let hostKey: string;
    let batch = 0;

    beforeAll(async () => {
      tmp = await mkdtemp(join(tmpdir(), 'minirelease-health-'));
      ({ child: server, url } = await startPlatform(bin, join(tmp, 'data'), await freePort(), {
        MINIRELEASE_GRAY_TICK_SECONDS: '1',
      }));
      adminToken = (await readFile(join(tmp, 'data', 'admin-token'), 'utf8')).trim();
      admin = new MiniReleaseClient({ baseUrl: url, token: adminToken });
      const made = await admin.createToken({ principal: 'reviewer-1', roles: ['reviewer'] });
      reviewer = new MiniReleaseClient({ baseUrl: url, token: made.token });
      hostKey = (await admin.createHostKey('青禾 super-app')).key;
      browser = await launchChromium();
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      server?.kill('SIGTERM');
      await rm(tmp, { recursive: true, force: true });
    });

    /** Through upload, review and approval, as the pipeline requires; the reviewer is not a member. */
    async function approved(appId: string, version: string, example: string) {
      const zip = await zipDirectory(join(root, 'examples', example));
      await admin.uploadVersion(appId, { version, description: NOTES, zip });
      await admin.submit(appId, version, { testAccount: 'demo', testPassword: 'demo-pass' });
      await reviewer.review(appId, version, { decision: 'approve', reasons: [], comment: '' });
    }

    /** One minute's traffic of a host app, posted with the host key as one batch (≤ 1,000 events). */
    async function report(appId: string, sides: Record<'gray' | 'stable', [string, number, number]>) {
      const events: object[] = [];
      for (const channel of ['gray', 'stable'] as const) {
        const [version, launches, errors] = sides[channel];
        const base = { app: appId, version, channel, at: Date.now() };
        for (let i = 0; i < launches; i++) events.push({ ...base, type: 'launch', user: `${channel}-${i}` });
        for (let i = 0; i < errors; i++) events.push({ ...base, type: 'error', user: `${channel}-${i}` });
      }
      const r = await fetch(`${url}/v1/events`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${hostKey}`,
          'content-type': 'application/json',
          'idempotency-key': `e2e-health-${++batch}`,
        },
        body: JSON.stringify({ events }),
      });
      expect(r.status).toBe(202);
      expect(((await r.json()) as { rejected: unknown[] }).rejected).toEqual([]);
    }

    async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
      for (let i = 0; i < 300; i++) {
        const v = await read();
        if (ok(v)) return v;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${what} did not happen`);
    }

    async function signIn(page: Page) {
      await page.goto(url);
      await page.getByLabel('令牌', { exact: true }).fill(adminToken);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('heading', { name: '小程序' }).waitFor();
    }

    it('shows a degraded gray halted by the ticker, with its chart and numbers, and badges it in the list', async () => {
      await admin.createApp(BOOKS);
      await approved(BOOKS.appId, '1.0.0', 'alipay-qinghe-books');
      await admin.publish(BOOKS.appId, '1.0.0');
      await approved(BOOKS.appId, '1.1.0', 'wechat-qinghe-books');
      await admin.setGrayPlan(BOOKS.appId, '1.1.0', {
        steps: [10, 50, 100],
        soakMinutes: 30,
        minLaunches: 100,
      });
      // The ticker's first pass widens to the first step.
      await until(
        'gray at 10 %',
        () => admin.getVersion(BOOKS.appId, '1.1.0'),
        (v) => v.grayPercentage === 10,
      );
      // A tenth of the launches in gray, as at 10 %; gray fails 40 % of them, stable 1 %.
      await report(BOOKS.appId, { gray: ['1.1.0', 50, 20], stable: ['1.0.0', 450, 5] });
      const plan = await until(
        'the halt',
        () => admin.grayPlan(BOOKS.appId, '1.1.0'),
        (p) => p.state === 'halted',
      );
      expect(plan.stepIndex).toBe(0);

      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const watch: PageWatch = watchPage(page);
      await signIn(page);
      const violations: string[] = [];

      // The list badges the halt from the app answer alone: no health read per app.
      const healthReads: string[] = [];
      page.on('request', (r) => new URL(r.url()).pathname.endsWith('/health') && healthReads.push(r.url()));
      await page.goto(`${url}/apps`);
      const badge = page.getByTestId('gray-halted-badge');
      await badge.filter({ hasText: '灰度已停止 1.1.0' }).first().waitFor();
      expect(healthReads).toEqual([]);
      violations.push(...(await inspect(page, 'health-apps-halted', shots)));

      // From the app page's version entry to the version page.
      await page
        .getByRole('link', { name: /青禾读书/ })
        .first()
        .click();
      await page.getByRole('link', { name: '1.1.0', exact: true }).click();
      await page.waitForURL(`**/apps/${BOOKS.appId}/versions/1.1.0`);
      const section = page.getByTestId('health-section');
      await section.locator('[data-verdict="degraded"]').first().waitFor();
      await page.getByTestId('gray-plan-section').locator('[data-plan-state="halted"]').first().waitFor();
      // The chart draws on a canvas, one per signal, once ECharts' chunk has loaded.
      await page.getByTestId('health-chart-errorRate').locator('canvas').waitFor();
      expect(await section.locator('canvas').count()).toBe(3);
      const errors = page.getByTestId('health-table').getByRole('row').nth(1);
      const cells = await errors.getByRole('cell').allInnerTexts();
      expect(cells[0]).toBe('错误率');
      expect(cells[1]).toBe('20 / 50 · 40.00 %');
      expect(cells[2]).toBe('5 / 450 · 1.11 %');
      expect(cells[3]).toBe('36.00×');
      expect(cells[4]).toMatch(/^\[\d+\.\d\d, (\d+\.\d\d|∞)\]$/);
      expect(cells[6]).toBe('1.2× / 0.10 %');
      expect(cells[7]).toBe('变差');
      const facts = await page.getByTestId('health-facts').textContent();
      expect(facts).toContain('10.0 % / 10.0 %');
      expect(await page.getByTestId('health-verdict').textContent()).toContain(
        '变差：错误率灰度 40.00%，稳定 1.11%',
      );
      // A halted plan offers only resume, and says what resuming does to the evidence.
      await page.getByRole('button', { name: '恢复计划' }).click();
      await page.getByRole('dialog').getByText('健康度从现在重新检验').first().waitFor();
      await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      expect(await page.getByRole('button', { name: '暂停计划' }).count()).toBe(0);
      violations.push(...(await inspect(page, 'health-version-degraded', shots)));

      expect(violations).toEqual([]);
      expect(watch.problems).toEqual([]);
      await context.close();
    }, 120_000);

    it('pauses and resumes a healthy plan from the version page, each confirmed', async () => {
      await admin.createApp(READER);
      await approved(READER.appId, '1.0.0', 'wechat-qinghe-books');
      await admin.setGrayPlan(READER.appId, '1.0.0', {
        steps: [5, 20],
        soakMinutes: 60,
        minLaunches: 10_000,
      });
      await until(
        'gray at 5 %',
        () => admin.getVersion(READER.appId, '1.0.0'),
        (v) => v.grayPercentage === 5,
      );

      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const watch = watchPage(page);
      await signIn(page);
      await page.goto(`${url}/apps/${READER.appId}/versions/1.0.0`);
      const plan = page.getByTestId('gray-plan-section');
      await plan.locator('[data-plan-state="active"]').first().waitFor();
      await page
        .getByTestId('health-section')
        .locator('[data-verdict="insufficient_data"]')
        .first()
        .waitFor();
      await page.getByText('窗口内还没有上报的事件').waitFor();

      await page.getByRole('button', { name: '暂停计划' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('1.0.0 保持当前比例 5 %').first().waitFor();
      await dialog.getByRole('button', { name: '确认' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await plan.locator('[data-plan-state="paused"]').first().waitFor();
      expect((await admin.grayPlan(READER.appId, '1.0.0')).state).toBe('paused');
      const violations = await inspect(page, 'health-version-paused', shots);

      await page.getByRole('button', { name: '恢复计划' }).click();
      await dialog.getByText('继续按健康度扩大 1.0.0 的灰度').first().waitFor();
      await dialog.getByRole('button', { name: '确认' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await plan.locator('[data-plan-state="active"]').first().waitFor();
      expect((await admin.grayPlan(READER.appId, '1.0.0')).state).toBe('active');
      // The list shows the running plan without a badge.
      await page.goto(`${url}/apps`);
      await page
        .getByRole('link', { name: /青禾阅读/ })
        .first()
        .waitFor();
      expect(await page.getByTestId('gray-paused-badge').count()).toBe(0);

      // In English too: every label of the page has its translation.
      await page.getByRole('button', { name: 'English' }).click();
      await page.goto(`${url}/apps/${READER.appId}/versions/1.0.0`);
      await page.getByText('Gray health').first().waitFor();
      await page.getByRole('button', { name: 'Pause plan' }).waitFor();
      violations.push(...(await inspect(page, 'health-version-en', shots)));

      expect(violations).toEqual([]);
      expect(watch.problems).toEqual([]);
      await context.close();
    }, 120_000);
  },
);
