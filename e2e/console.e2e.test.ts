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
import { zipDirectory } from '@minirelease/checks';
import { experienceLink } from '@minirelease/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, root } from './cli-process.js';
import {
  CHROMIUM,
  freePort,
  inspect,
  inTabOrder,
  launchChromium,
  type PageWatch,
  startPlatform,
  tabStops,
  tabTo,
  watchPage,
} from './console-browser.js';
import { readQrCode } from './qr-code.js';

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

    const look = async (page: Page, name: string) => {
      const found = await inspect(page, name, shots);
      // Said at once too: a later failure would hide them.
      if (found.length > 0) console.error(found.join('\n'));
      violations.push(...found);
    };

    /** An option of the open list, as shown (antd also keeps hidden options for screen readers). */
    const shownOption = (page: Page, text: string | RegExp) =>
      page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
        .filter({ hasText: text })
        .first();

    /** Expects `labels` among the page's Tab stops in this order. */
    async function walk(page: Page, labels: string[], max = 40) {
      const stops = await tabStops(page, max);
      expect(inTabOrder(stops, labels), `${labels.join(' → ')} by Tab: ${stops.join(' | ')}`).toBe(true);
    }

    /** Signed in by keyboard alone: Tab to the token, type it, Enter. */
    async function signIn(page: Page, token: string) {
      await page.goto(url);
      await look(page, 'sign-in');
      await walk(page, ['令牌', '登录', 'English'], 6);
      await page.locator('body').click({ position: { x: 1, y: 1 } });
      await tabTo(page, /^令牌$/, 3);
      await page.keyboard.type(token);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: '小程序' }).waitFor();
    }

    /** A release action by keyboard alone: Tab to its button, Enter; axe on the open confirmation; Tab to 确认, Enter. */
    async function confirmByKeyboard(page: Page, button: string, says: string, shot: string) {
      await page.locator('body').click({ position: { x: 1, y: 1 } });
      await tabTo(page, new RegExp(`^${button}$`));
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.getByText(says).first().waitFor();
      await look(page, shot);
      const stops = await tabTo(page, /^确认$/, 6);
      expect(inTabOrder(stops, ['取消', '确认']), stops.join(' | ')).toBe(true);
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'hidden' });
    }

    async function confirm(page: Page, button: string, says: string | RegExp) {
      await page.getByRole('button', { name: button, exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(says).first().waitFor();
      await dialog.getByRole('button', { name: '确认' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }

    async function upload(page: Page, example: string, version: string, notes: string, as: 'zip' | 'folder') {
      await page.getByLabel('版本号', { exact: true }).fill(version);
      await page.getByLabel('版本说明', { exact: true }).fill(notes);
      if (as === 'folder') {
        // The folder itself, as a person picks it (webkitdirectory): zipped in the page, with its progress.
        await page.getByTestId('folder-input').setInputFiles(join(root, 'examples', example));
        await page.getByText(`已选择：${example}.zip`).waitFor();
        await page.locator('[aria-label="上传中"]').first().waitFor();
      } else {
        const zip = await zipDirectory(join(root, 'examples', example));
        await page
          .getByTestId('zip-input')
          .setInputFiles({ name: `${example}.zip`, mimeType: 'application/zip', buffer: zip });
      }
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
      // By keyboard: Space on the focused button, as Enter on the others.
      await page.getByLabel('审核意见', { exact: true }).focus();
      await tabTo(page, /^通过$/, 6);
      await page.keyboard.press('Space');
      await page.waitForURL('**/review');
    }

    /** Rejected with a reason picked from the catalog (its list open under axe) and a comment. */
    async function reject(page: Page, version: string) {
      await page.goto(`${url}/review`);
      // The queue is read after the page shows: walk it once its row is there (a CI run under load walked first).
      await page
        .getByRole('link', { name: new RegExp(`${version.replaceAll('.', '\\.')}$`) })
        .first()
        .waitFor();
      await walk(page, ['小程序', '审核台', 'English', '退出', version]);
      await page.locator('body').click({ position: { x: 1, y: 1 } });
      await tabTo(page, new RegExp(`${version.replaceAll('.', '\\.')}$`));
      await page.keyboard.press('Enter');
      const item = page.getByTestId('review-item');
      await item.waitFor();
      const reasons = item.getByLabel('驳回原因', { exact: true });
      await reasons.focus();
      await page.keyboard.type('主流程');
      await shownOption(page, '主流程报错或无法使用').waitFor();
      await look(page, 'review-reasons-open');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await item.getByLabel('审核意见', { exact: true }).fill('下单页白屏');
      await item.getByRole('button', { name: '驳回' }).click();
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
      await walk(admin, [
        '小程序',
        '审核台',
        '令牌管理',
        'English',
        '退出',
        '搜索名称或 appId',
        '创建小程序',
      ]);

      // Create the app, opened by keyboard; the name is checked as it is typed.
      await admin.locator('body').click({ position: { x: 1, y: 1 } });
      await tabTo(admin, /^创建小程序$/);
      await admin.keyboard.press('Enter');
      const dialog = admin.getByRole('dialog');
      await dialog.getByLabel('appId', { exact: true }).fill(APP);
      await dialog.getByLabel('品牌', { exact: true }).fill('青禾');
      await dialog.getByLabel('名称', { exact: true }).fill('读书');
      await dialog.getByTestId('name-checks').filter({ hasText: 'NAME_' }).first().waitFor();
      await dialog.getByLabel('名称', { exact: true }).fill('青禾读书');
      await dialog.getByTestId('name-checks').filter({ hasText: '名称符合规则' }).first().waitFor();
      await dialog.getByLabel('类目', { exact: true }).fill('图书');
      // axe on the open category list: the listbox has a name, each option its contrast.
      await shownOption(admin, '图书').waitFor();
      await look(admin, 'create-app-category-open');
      await admin.keyboard.press('Enter');
      await dialog.getByTestId('required-docs').first().waitFor();
      // A qualification with its scan, through the form's own Upload (kept until the app exists).
      await dialog.getByRole('button', { name: '添加资质' }).click();
      await dialog.getByLabel('类型', { exact: true }).fill('商标');
      await shownOption(admin, '商标注册证').waitFor();
      await admin.keyboard.press('Enter');
      await dialog.getByLabel('编号', { exact: true }).fill('第1234567号');
      await dialog.getByLabel('有效期至', { exact: true }).fill('2099-12-31');
      await admin.keyboard.press('Enter');
      await dialog
        .locator('input[type="file"]')
        .setInputFiles({ name: 'trademark.png', mimeType: 'image/png', buffer: PNG });
      await dialog.locator('.ant-upload-list-item').first().waitFor();
      // The lists closed, as a person leaves them once a value is chosen.
      await dialog.getByLabel('简介', { exact: true }).click();
      // The list is a portal on the page, not inside the dialog: wait there, or axe may scan it mid-close.
      await admin
        .locator(
          '.ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-picker-dropdown:not(.ant-picker-dropdown-hidden)',
        )
        .first()
        .waitFor({ state: 'detached' });
      await look(admin, 'create-app');
      // Created by keyboard: Tab from the last field to 创建 (past 取消), Enter.
      const toCreate = await tabTo(admin, /^创建$/, 12);
      expect(inTabOrder(toCreate, ['取消', '创建']), toCreate.join(' | ')).toBe(true);
      await admin.keyboard.press('Enter');
      await admin.waitForURL(`**/apps/${APP}`);
      const created = (await (
        await fetch(`${url}/v1/apps/${APP}`, { headers: { authorization: `Bearer ${adminToken}` } })
      ).json()) as { qualifications: unknown[] };
      expect(created.qualifications).toEqual([
        expect.objectContaining({
          type: 'trademark-registration',
          number: '第1234567号',
          expiresAt: '2099-12-31',
          fileSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        }),
      ]);

      await upload(admin, 'alipay-qinghe-books', '1.0.0', NOTES, 'zip');
      await look(admin, 'app-1.0.0-report');
      await walk(
        admin,
        ['小程序', '青禾读书', '设为体验版', '测试账号', '测试密码', '截图（最多 5 张）', '备注', '提交审核'],
        60,
      );
      // The app page, by its breadcrumb: the pipeline of the whole app.
      await admin.getByRole('link', { name: '青禾读书' }).first().click();
      await admin.waitForURL(`**/apps/${APP}`);
      await walk(
        admin,
        ['小程序', '成员', '操作日志', '版本号', '版本说明', '选择 zip 包', '选择文件夹'],
        60,
      );

      // 1.0.0 as the experience version: its QR code holds the link the page states.
      await confirm(admin, '设为体验版', '1.0.0 将成为体验版');
      const link = admin.getByTestId('experience-link');
      await link.waitFor();
      const stated = ((await link.textContent()) ?? '').trim();
      // The same deep link as `minirelease experience show` prints: app and version, no server, no token.
      expect(stated).toBe(experienceLink(APP, '1.0.0'));
      expect(await readQrCode(admin.getByTestId('experience-qr').locator('canvas'))).toBe(stated);
      await submit(admin);

      // A reviewer token, made in the console; its secret is shown once.
      await admin.goto(`${url}/admin/tokens`);
      await admin.getByLabel('成员 ID', { exact: true }).fill('reviewer-1');
      // Typed and chosen with Enter, as a keyboard user picks from the list.
      await admin.getByLabel('角色', { exact: true }).fill('reviewer');
      await admin.keyboard.press('Enter');
      await admin.keyboard.press('Escape');
      // Created by keyboard: Tab on from the roles to the button, Enter. Under load the roles list may still be
      // closing when the first Tabs come, which keep focus on it (CI saw 角色 ×5), hence room for a few more.
      await tabTo(admin, /^创建令牌$/, 10);
      await admin.keyboard.press('Enter');
      const secret = (await admin.getByTestId('new-secret').innerText()).trim();
      expect(secret.length).toBeGreaterThan(20);
      await look(admin, 'tokens');
      await walk(admin, ['小程序', '令牌管理', '成员 ID', '角色', '创建令牌', '复制']);

      const reviewerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const reviewer = await reviewerContext.newPage();
      watches.push(watchPage(reviewer));
      await signIn(reviewer, secret);
      await look(reviewer, 'review-queue');
      await reject(reviewer, '1.0.0');

      // The developer reads the rejection by its labels, goes back to development and submits again.
      await admin.goto(`${url}/apps/${APP}`);
      await admin.getByTestId('review-reasons').filter({ hasText: '主流程报错或无法使用' }).first().waitFor();
      await admin.getByTestId('version-panel').getByText('下单页白屏').first().waitFor();
      await look(admin, 'app-rejected');
      await confirm(admin, '退回开发', '1.0.0');
      await admin.getByTestId('version-panel').locator('[data-status="INIT"]').first().waitFor();
      await submit(admin);
      await approve(reviewer, '1.0.0');

      // Gray 10 %, widen to 30 %, try 20 % and read the refusal, publish.
      await admin.goto(`${url}/apps/${APP}`);
      await confirmByKeyboard(admin, '开始灰度 10%', '约 10% 的用户将获得 1.0.0', 'gray-confirm-open');
      await admin.getByTestId('app-facts').filter({ hasText: '10%' }).first().waitFor();
      await confirm(admin, '扩大灰度 30%', '约 30% 的用户将获得 1.0.0；已在灰度中的用户保持不变。');
      await admin.getByTestId('app-facts').filter({ hasText: '30%' }).first().waitFor();
      await admin.getByLabel('自定义比例 (%)', { exact: true }).fill('20');
      adminWatch.expect(/answer: 409 POST .*\/gray/);
      adminWatch.expect(/console: .*409/);
      await confirm(admin, '扩大灰度 20%', '约 20% 的用户');
      const refusal = admin.locator('[data-code="GRAY_PERCENTAGE_NOT_INCREASING"]');
      await refusal.filter({ hasText: '灰度比例只能扩大' }).first().waitFor();
      // The API's own message, and what is allowed now.
      await refusal.filter({ hasText: 'cannot gray 1.0.0 at 20%: it is already at 30%' }).first().waitFor();
      await refusal.getByTestId('allowed-now').filter({ hasText: '扩大到高于 30% 的比例' }).first().waitFor();
      // The timeline reads as a series of shares.
      await admin.getByText('灰度 1.0.0 30%').first().waitFor();
      await look(admin, 'gray-refused');
      await confirm(admin, '全量发布', '所有用户都将获得 1.0.0');
      await admin.getByTestId('app-facts').filter({ hasText: '1.0.0' }).first().waitFor();

      // The WeChat example as 1.1.0, through review to publish, then roll back to 1.0.0.
      await admin.goto(`${url}/apps/${APP}`);
      await upload(admin, 'wechat-qinghe-books', '1.1.0', `${NOTES}（1.1）`, 'folder');
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
      await walk(admin, ['小程序', '筛选']);
      // Filtered by keyboard: Tab to the action filter, Enter opens its list (axe on it open), Enter picks.
      const auditRows = admin.locator('.ant-table-tbody tr.ant-table-row');
      const allRows = await auditRows.count();
      await admin.locator('body').click({ position: { x: 1, y: 1 } });
      await tabTo(admin, /^筛选: 操作$/);
      await admin.keyboard.press('Enter');
      await shownOption(admin, /./).waitFor();
      await look(admin, 'audit-filter-open');
      await admin.keyboard.press('Enter');
      await expect.poll(() => auditRows.count()).toBeLessThan(allRows);
      await admin.goto(`${url}/apps/${APP}/members`);
      await look(admin, 'members');
      await walk(admin, ['小程序', '成员 ID', '角色', '添加']);
      // A member added by keyboard alone: type the id, Enter submits the form.
      await admin.getByLabel('成员 ID', { exact: true }).focus();
      await admin.keyboard.type('dev-li');
      await admin.keyboard.press('Enter');
      await admin.getByRole('cell', { name: 'dev-li', exact: true }).waitFor();

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
    }, 360_000);
  },
);
