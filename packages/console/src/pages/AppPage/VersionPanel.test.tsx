// @vitest-environment jsdom
import { CATALOG, reviewReasons } from '@minirelease/checks';
import type { Version } from '@minirelease/sdk';
import { json, type StubServer, startStubServer } from '@minirelease/sdk/testing';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render-page.js';
import { VersionPanel } from './VersionPanel.js';

afterEach(cleanup);

let server: StubServer;
beforeAll(async () => {
  server = await startStubServer((req) =>
    req.path === '/v1/review-reasons'
      ? json(200, { reasons: reviewReasons(CATALOG) })
      : json(200, { ok: true, findings: [], stats: {} }),
  );
});
afterAll(() => server.close());

const rejected: Version = {
  appId: 'qinghe-books',
  version: '1.4.0',
  status: 'INIT',
  sha256: 'a'.repeat(64),
  size: 1024,
  description: '1.4.0',
  grayPercentage: null,
  reportOk: true,
  materials: null,
  review: {
    decision: 'reject',
    reasons: ['REVIEW_MAIN_FLOW_ERROR', 'RETIRED_CODE'],
    comment: '下单页白屏',
    reviewer: 'reviewer-1',
    at: '2026-12-03T08:00:00.000Z',
  },
  createdBy: 'admin',
  createdAt: '2026-12-02T08:00:00.000Z',
  updatedAt: '2026-12-03T08:00:00.000Z',
};

describe('VersionPanel review result', () => {
  it('lists a rejection’s reasons by their labels, a code the catalog lacks as itself, and the comment', async () => {
    renderPage(<VersionPanel appId="qinghe-books" version={rejected} />, { baseUrl: server.url });
    const list = screen.getByTestId('review-reasons');
    await waitFor(() => expect(list.textContent).toContain('主流程报错或无法使用'), { timeout: 5000 });
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '主流程报错或无法使用',
      'RETIRED_CODE',
    ]);
    expect(screen.getByText('下单页白屏')).toBeTruthy();
  });

  it('reads them in English too', async () => {
    renderPage(<VersionPanel appId="qinghe-books" version={rejected} />, { baseUrl: server.url, lang: 'en' });
    await waitFor(
      () =>
        expect(screen.getByTestId('review-reasons').textContent).toContain(
          'The main flow fails or cannot be used',
        ),
      { timeout: 5000 },
    );
  });
});
