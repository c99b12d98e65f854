/**
 * The console in Debian's Chromium (DESIGN §9, issue 13): a real `minirelease start` on a temp dir, driven by
 * playwright-core through the whole pipeline as people would click it. Every page is checked by axe (no
 * critical or serious violation) and photographed at 1280 and 390 px into e2e/screenshots/. Needs the build
 * (`npm run build`) and /usr/bin/chromium (`.ci/run` installs it); skipped without the browser.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipDirectory } from '@minirelease/checks';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  freePort,
  inspect,
  launchChromium,
  type PageWatch,
  startPlatform,
  tabStops,
  watchPage,
} from './console-browser.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'packages/cli/bin/minirelease.js');
const shots = join(root, 'e2e/screenshots');
const APP = 'qinghe-books';
const NOTES = '青禾读书首个公开版本：书架、阅读器、书签与夜间模式，支持离线阅读并在多台设备间同步阅读进度。';
/** A real 1×1 PNG, so the preview renders. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe.skipIf(!existsSync(CHROMIUM) || !existsSync(join(root, 'packages/console/dist/index.html')))(
  'the console in Chromium',
  () => {
    let tmp: string;
    let server: ChildProcess;
    let url: string;
    let adminToken: string;
    let browser: Browser;
    const violations: string[] = [];
    const watches: PageWatch[] = [];

    beforeAll(async () => {
      tmp = await mkdtemp(join(tmpdir(), 'minirelease-console-'));
      ({ child: server, url } = await startPlatform(bin, join(tmp, 'data'), await freePort()));
      adminToken = (await readFile(join(tmp, 'data', 'admin-token'), 'utf8')).trim();
      browser = await launchChromium();
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      server?.kill('SIGTERM');
      await rm(tmp, { recursive: true, force: true });
    });

    const look = async (page: Page, name: string) => violations.push(...(await inspect(page, name, shots)));

    async function signIn(page: Page, token: string) {
      await page.goto(url);
      await look(page, 'sign-in');
      await page.getByLabel('令牌', { exact: true }).fill(token);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('heading', { name: '小程序' }).waitFor();
    }

    async function confirm(page: Page, button: string, says: string | RegExp) {
      await page.getByRole('button', { name: button, exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(says).first().waitFor();
      await dialog.getByRole('button', { name: '确认' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }

    async function upload(page: Page, example: string, version: string, notes: string) {
      const zip = await zipDirectory(join(root, 'examples', example));
      await page.getByLabel('版本号', { exact: true }).fill(version);
      await page.getByLabel('版本说明', { exact: true }).fill(notes);
      await page
        .getByTestId('zip-input')
        .setInputFiles({ name: `${example}.zip`, mimeType: 'application/zip', buffer: zip });
      await page.getByRole('button', { name: '上传代码包', exact: true }).click();
      await page.waitForURL(`**/apps/${APP}/versions/${version}`);
      await page.getByTestId('version-panel').getByText('预审通过').first().waitFor();
    }

    async function submit(page: Page) {
      const form = page.getByTestId('submit-form');
      await form.getByLabel('测试账号', { exact: true }).fill('demo');
      await form.getByLabel('测试密码', { exact: true }).fill('demo-pass');
      await form
        .getByTestId('screenshots-input')
        .setInputFiles({ name: 'home.png', mimeType: 'image/png', buffer: PNG });
      await form.locator('img[src^="blob:"]').first().waitFor();
      await form.getByRole('button', { name: '提交审核' }).click();
      await page.getByTestId('version-panel').locator('[data-status="AUDITING"]').first().waitFor();
    }

    async function approve(page: Page, version: string) {
      await page.goto(`${url}/review`);
      await page.getByRole('link', { name: new RegExp(`${version}$`) }).click();
      await page
        .getByTestId('review-item')
        .locator('img[alt$="1"][src^="blob:"]')
        .first()
        .waitFor()
        .catch(async (e) => {
          throw new Error(
            `${e}\n${watches.flatMap((w) => w.problems).join('\n')}\n${await page.getByTestId('review-item').innerHTML()}`.slice(
              0,
              3000,
            ),
          );
        });
      await look(page, `review-${version}`);
      await page.getByRole('button', { name: '通过' }).click();
      await page.waitForURL('**/review');
    }

    it('takes an app from sign-in through review, gray, publish and rollback', async () => {
      // Contexts, not browser.newPage(): axe needs one to open its frames in.
      const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const admin = await adminContext.newPage();
      const adminWatch = watchPage(admin);
      watches.push(adminWatch);
      await signIn(admin, adminToken);
      await admin.getByTestId('whoami').filter({ hasText: 'admin' }).first().waitFor();
      await look(admin, 'apps-empty');

      // Create the app; the name is checked as it is typed.
      await admin.getByRole('button', { name: '创建小程序' }).click();
      const dialog = admin.getByRole('dialog');
      await dialog.getByLabel('appId', { exact: true }).fill(APP);
      await dialog.getByLabel('品牌', { exact: true }).fill('青禾');
      await dialog.getByLabel('名称', { exact: true }).fill('读书');
      await dialog.getByTestId('name-checks').filter({ hasText: 'NAME_' }).first().waitFor();
      await dialog.getByLabel('名称', { exact: true }).fill('青禾读书');
      await dialog.getByTestId('name-checks').filter({ hasText: '名称符合规则' }).first().waitFor();
      await dialog.getByLabel('类目', { exact: true }).fill('图书');
      await admin.keyboard.press('Enter');
      await dialog.getByTestId('required-docs').first().waitFor();
      // The category list closed, as a person leaves it once a category is chosen.
      await dialog.getByLabel('简介', { exact: true }).click();
      // The list is a portal on the page, not inside the dialog: wait there, or axe may scan it mid-close.
      await admin
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
        .waitFor({ state: 'detached' });
      await look(admin, 'create-app');
      await dialog.getByRole('button', { name: '创建' }).click();
      await admin.waitForURL(`**/apps/${APP}`);

      await upload(admin, 'alipay-qinghe-books', '1.0.0', NOTES);
      await look(admin, 'app-1.0.0-report');
      await submit(admin);

      // A reviewer token, made in the console; its secret is shown once.
      await admin.goto(`${url}/admin/tokens`);
      await admin.getByLabel('成员 ID', { exact: true }).fill('reviewer-1');
      // Typed and chosen with Enter, as a keyboard user picks from the list.
      await admin.getByLabel('角色', { exact: true }).fill('reviewer');
      await admin.keyboard.press('Enter');
      await admin.keyboard.press('Escape');
      await admin.getByRole('button', { name: '创建令牌' }).click();
      const secret = (await admin.getByTestId('new-secret').innerText()).trim();
      expect(secret.length).toBeGreaterThan(20);
      await look(admin, 'tokens');

      const reviewerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const reviewer = await reviewerContext.newPage();
      watches.push(watchPage(reviewer));
      await signIn(reviewer, secret);
      await look(reviewer, 'review-queue');
      await approve(reviewer, '1.0.0');

      // Gray 10 %, widen to 30 %, try 20 % and read the refusal, publish.
      await admin.goto(`${url}/apps/${APP}`);
      await confirm(admin, '开始灰度 10%', '约 10% 的用户将获得 1.0.0');
      await admin.getByTestId('app-facts').filter({ hasText: '10%' }).first().waitFor();
      await confirm(admin, '扩大灰度 30%', '约 30% 的用户将获得 1.0.0；已在灰度中的用户保持不变。');
      await admin.getByTestId('app-facts').filter({ hasText: '30%' }).first().waitFor();
      await admin.getByLabel('自定义比例 (%)', { exact: true }).fill('20');
      adminWatch.expect(/answer: 409 POST .*\/gray/);
      adminWatch.expect(/console: .*409/);
      await confirm(admin, '扩大灰度 20%', '约 20% 的用户');
      const refusal = admin.locator('[data-code="GRAY_PERCENTAGE_NOT_INCREASING"]');
      await refusal.filter({ hasText: '灰度比例只能扩大' }).first().waitFor();
      await look(admin, 'gray-refused');
      await confirm(admin, '全量发布', '所有用户都将获得 1.0.0');
      await admin.getByTestId('app-facts').filter({ hasText: '1.0.0' }).first().waitFor();

      // The WeChat example as 1.1.0, through review to publish, then roll back to 1.0.0.
      await admin.goto(`${url}/apps/${APP}`);
      await upload(admin, 'wechat-qinghe-books', '1.1.0', `${NOTES}（1.1）`);
      await submit(admin);
      await approve(reviewer, '1.1.0');
      await admin.goto(`${url}/apps/${APP}`);
      await confirm(admin, '全量发布', '所有用户都将获得 1.1.0');
      await admin.getByTestId('app-facts').getByText('1.1.0').first().waitFor();
      await confirm(admin, '回滚', '所有用户将回到 1.0.0');
      await admin.getByTestId('app-facts').getByText('1.0.0').first().waitFor();
      await look(admin, 'app-rolled-back');

      await admin.goto(`${url}/apps/${APP}/audit`);
      await admin.getByRole('cell', { name: '回滚', exact: true }).first().waitFor();
      await look(admin, 'audit');
      await admin.goto(`${url}/apps/${APP}/members`);
      await look(admin, 'members');

      // Every action of the list reachable by keyboard.
      await admin.goto(`${url}/apps`);
      await admin
        .getByRole('link', { name: /青禾读书/ })
        .first()
        .waitFor();
      await look(admin, 'apps');
      const stops = await tabStops(admin, 30);
      for (const label of ['小程序', '审核台', '令牌管理', 'English', '退出', '创建小程序']) {
        expect(
          stops.some((s) => s.includes(label)),
          `${label} by Tab: ${stops.join(' | ')}`,
        ).toBe(true);
      }

      // English once: the labels change, and the choice survives a reload.
      await admin.getByRole('button', { name: 'English' }).click();
      await admin.getByRole('heading', { name: 'Apps' }).first().waitFor();
      await admin.getByRole('button', { name: 'Sign out' }).first().waitFor();
      await admin.reload();
      await admin.getByRole('columnheader', { name: 'Live version' }).first().waitFor();
      await look(admin, 'apps-en');

      await reviewerContext.close();
      await adminContext.close();
      expect(violations).toEqual([]);
      expect(watches.flatMap((w) => w.problems)).toEqual([]);
    }, 240_000);
  },
);
