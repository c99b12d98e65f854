// @vitest-environment jsdom
import { json, type StubServer, startStubServer } from '@minirelease/sdk/testing';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { anApp } from '../../testing/app-fixture.js';
import { renderPage } from '../../testing/render-page.js';
import AppsList from './AppsList.js';

afterEach(cleanup);

const apps = [
  anApp({
    appId: 'in-review',
    name: '审核中应用',
    grayVersion: null,
    grayPercentage: null,
    inFlight: { version: '1.1.0', status: 'AUDITING' },
  }),
  anApp({
    appId: 'waiting',
    name: '待发布应用',
    grayVersion: null,
    grayPercentage: null,
    inFlight: { version: '2.0.0', status: 'WAIT_RELEASE' },
    grayPlan: { version: '2.0.0', state: 'paused' },
  }),
  anApp({ appId: 'graying', name: '灰度中应用' }),
  anApp({ appId: 'idle', name: '空闲应用', grayVersion: null, grayPercentage: null, inFlight: null }),
];

let server: StubServer;
beforeAll(async () => {
  server = await startStubServer((req) =>
    req.path === '/v1/apps' ? json(200, { items: apps }) : json(404, {}),
  );
});
afterAll(() => server.close());

const rowOf = (appId: string) =>
  [...screen.getByTestId('apps-table').querySelectorAll('tr')].find((tr) =>
    tr.textContent?.includes(`(${appId})`),
  );

describe('the apps list', () => {
  it('says which version is on its way and where it stands, as the platforms’ lists do', async () => {
    renderPage(<AppsList />, { baseUrl: server.url });
    await waitFor(() => expect(rowOf('idle')).toBeTruthy(), { timeout: 5000 });
    const inFlight = (appId: string) => rowOf(appId)?.querySelector('[data-testid="in-flight"]');
    expect(inFlight('in-review')?.textContent).toBe('1.1.0审核中');
    expect(inFlight('in-review')?.querySelector('[data-status]')?.getAttribute('data-status')).toBe(
      'AUDITING',
    );
    // An approved version a paused plan has not yet started: in flight, with the plan's badge.
    expect(inFlight('waiting')?.querySelector('[data-status]')?.getAttribute('data-status')).toBe(
      'WAIT_RELEASE',
    );
    expect(inFlight('waiting')?.querySelector('[data-testid="gray-paused-badge"]')).toBeTruthy();
    expect(inFlight('graying')?.querySelector('[data-status]')?.getAttribute('data-status')).toBe('GRAY');
    expect(rowOf('graying')?.textContent).toContain('10%');
    expect(inFlight('idle')).toBeNull();
    expect(rowOf('idle')?.textContent).toContain('无');
  });
});
