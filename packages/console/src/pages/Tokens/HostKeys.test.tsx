// @vitest-environment jsdom
import type { HostKey } from '@minirelease/sdk';
import { json, type StubServer, startStubServer } from '@minirelease/sdk/testing';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render-page.js';
import { HostKeys } from './HostKeys.js';

afterEach(cleanup);

const keys: HostKey[] = [
  {
    id: 'hk1',
    name: '青禾超级 App',
    createdAt: '2026-12-01T08:00:00.000Z',
    lastUsedAt: null,
    revokedAt: null,
  },
  {
    id: 'hk0',
    name: 'old build',
    createdAt: '2026-11-01T08:00:00.000Z',
    lastUsedAt: '2026-11-02T08:00:00.000Z',
    revokedAt: '2026-11-03T08:00:00.000Z',
  },
];

let server: StubServer;
beforeAll(async () => {
  server = await startStubServer((req) => {
    if (req.method === 'POST' && req.path === '/v1/host-keys') {
      const name = (req.json as { name: string }).name;
      return json(201, {
        id: 'hk2',
        name,
        createdAt: '2026-12-03T08:00:00.000Z',
        lastUsedAt: null,
        revokedAt: null,
        key: 'hk_secret-shown-once',
      });
    }
    if (req.method === 'DELETE') return { status: 204, body: '' };
    return json(200, { items: keys });
  });
});
afterAll(() => server.close());

describe('HostKeys', () => {
  it('lists keys, makes one and shows its secret once, trimmed name sent', async () => {
    renderPage(<HostKeys />, { baseUrl: server.url });
    await waitFor(() => expect(screen.getByText('青禾超级 App')).toBeTruthy(), { timeout: 5000 });
    // The revoked key is marked, not offered for revoking again.
    const revokedRow = screen.getByText('old build').closest('tr');
    expect(revokedRow?.textContent).toContain('已吊销');
    fireEvent.change(screen.getByLabelText('名称'), { target: { value: '  灰度宿主  ' } });
    fireEvent.click(screen.getByRole('button', { name: '创建宿主密钥' }));
    await waitFor(() => expect(screen.getByTestId('new-host-key').textContent).toBe('hk_secret-shown-once'), {
      timeout: 5000,
    });
    expect(server.requests.find((r) => r.method === 'POST')?.json).toEqual({ name: '灰度宿主' });
  });

  it('says what revoking does before it does it', async () => {
    renderPage(<HostKeys />, { baseUrl: server.url });
    await waitFor(() => expect(screen.getByText('青禾超级 App')).toBeTruthy(), { timeout: 5000 });
    fireEvent.click(screen.getByRole('button', { name: /^吊\s?销$/ }));
    expect(screen.getByRole('dialog').textContent).toContain(
      '宿主密钥 青禾超级 App 将立即失效：用它上报的事件都会被拒绝。',
    );
  });
});
