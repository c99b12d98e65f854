import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, with no call home (its background networking hits hosts this network refuses).
 * playwright gives every launch a fresh temporary profile of its own.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The CLI e2e tests' own: one way to find a port. */
export { freePort } from './cli-process.js';

/** `minirelease start` as its own process on a temp data dir; resolves once it listens. */
export async function startPlatform(
  bin: string,
  dataDir: string,
  port: number,
  env: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, 'start', '--port', String(port), '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let seen = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`start did not listen:\n${seen}`)), 30_000);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('admin token')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`start exited ${code}:\n${seen}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

export interface PageWatch {
  /** Console errors and failed requests, but for those a step declared it expects. */
  problems: string[];
  expect(pattern: RegExp): void;
}

/** Collects console errors, page errors, failed requests and 5xx answers of a page. */
export function watchPage(page: Page): PageWatch {
  const problems: string[] = [];
  const expected: RegExp[] = [];
  const note = (what: string) => {
    const i = expected.findIndex((p) => p.test(what));
    if (i >= 0) expected.splice(i, 1);
    else problems.push(what);
  };
  page.on('console', (m) => m.type() === 'error' && note(`console: ${m.text()}`));
  page.on('pageerror', (e) => note(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => note(`failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`));
  page.on(
    'response',
    (r) => r.status() >= 400 && note(`answer: ${r.status()} ${r.request().method()} ${r.url()}`),
  );
  return { problems, expect: (p) => expected.push(p) };
}

/**
 * Every page: axe finds no critical or serious violation, and a screenshot at 1280 and at 390 px wide goes to
 * e2e/screenshots/ (git-ignored), for a person to look at.
 */
export async function inspect(page: Page, name: string, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  await page.waitForLoadState('networkidle');
  await settled(page);
  const axe = await new AxeBuilder({ page }).analyze();
  const bad = axe.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(dir, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return bad;
}

/**
 * Waits until every finite animation has ended: an overlay that is still fading in (a Select's options, a
 * dialog) has part of its opacity, and axe would judge the contrast of colours halfway there. Looping ones
 * (spinners) never end and are not waited for.
 */
async function settled(page: Page): Promise<void> {
  // An expression, evaluated as playwright evaluates one (the console's CSP forbids waitForFunction's eval);
  // a string because this file is type-checked without the DOM library.
  const done = `document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity)`;
  for (const deadline = Date.now() + 5_000; Date.now() < deadline; ) {
    if (await page.evaluate<boolean>(done)) return;
    await page.waitForTimeout(50);
  }
}

/** The label of the focused element: its aria-label, else its <label>'s text (a form field), else its text. */
export function focusedLabel(page: Page): Promise<string> {
  // A string: this file is type-checked without the DOM library.
  return page.evaluate<string>(
    "(() => { const e = document.activeElement; return (e?.getAttribute('aria-label') ?? e?.labels?.[0]?.innerText ?? e?.innerText ?? '').trim(); })()",
  );
}

/** The labels of the elements Tab reaches, in order, up to `max` presses. */
export async function tabStops(page: Page, max = 80): Promise<string[]> {
  const seen: string[] = [];
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    seen.push(await focusedLabel(page));
  }
  return seen;
}

/** Tab from where the focus is until a control labelled `target` has it; the labels passed on the way. */
export async function tabTo(page: Page, target: RegExp, max = 80): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    seen.push(await focusedLabel(page));
    if (target.test(seen[seen.length - 1]!)) return seen;
  }
  throw new Error(`${target} not reached by ${max} Tabs: ${seen.join(' | ')}`);
}

/** Whether `labels` are among `stops` in this order (each found after the one before). */
export function inTabOrder(stops: readonly string[], labels: readonly string[]): boolean {
  let at = -1;
  for (const label of labels) {
    at = stops.findIndex((s, i) => i > at && s.includes(label));
    if (at < 0) return false;
  }
  return true;
}
