// @vitest-environment jsdom
import { checkSubmission } from '@minirelease/checks';
import type { App } from '@minirelease/sdk';
import { json, type StubServer, startStubServer } from '@minirelease/sdk/testing';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render-page.js';
import { UploadPanel } from './UploadPanel.js';

afterEach(cleanup);

/** The platform's own check of the notes: the checker's app rules, answered over HTTP as the server does. */
let server: StubServer;
beforeAll(async () => {
  server = await startStubServer(async (req) => {
    const body = req.json as { name: string; brand: string; category: string; description: string };
    const report = await checkSubmission({
      input: { app: { ...body, qualifications: [] }, description: body.description, today: '2026-12-03' },
    });
    return json(200, { ok: report.ok, findings: report.findings });
  });
});
afterAll(() => server.close());

const app = { appId: 'qinghe-books', name: '青禾读书', brand: '青禾', category: '图书' } as App;

describe('UploadPanel release notes', () => {
  it('counts the characters as typed, an emoji as one, and shows the platform’s length rule when it fails', async () => {
    renderPage(<UploadPanel app={app} />, { baseUrl: server.url });
    const notes = screen.getByLabelText('版本说明');
    fireEvent.change(notes, { target: { value: '  修复bug 🙂  ' } });
    const help = screen.getByTestId('notes-help');
    expect(help.textContent).toBe('7 字');
    await waitFor(() => expect(help.textContent).toContain('版本描述有 7 个字，应为'), { timeout: 5000 });
    expect(screen.getByRole('button', { name: '上传代码包' }).hasAttribute('disabled')).toBe(true);
  });

  it('counts long notes whole and sends them, trimmed, to the platform’s check', async () => {
    renderPage(<UploadPanel app={app} />, { baseUrl: server.url });
    const text =
      '青禾读书首个公开版本：书架、阅读器、书签与夜间模式，支持离线阅读并在多台设备间同步阅读进度。';
    fireEvent.change(screen.getByLabelText('版本说明'), { target: { value: text } });
    const help = screen.getByTestId('notes-help');
    expect(help.textContent).toBe(`${[...text].length} 字`);
    await waitFor(
      () =>
        expect(server.requests.some((r) => (r.json as { description?: string }).description === text)).toBe(
          true,
        ),
      { timeout: 5000 },
    );
  });
});
