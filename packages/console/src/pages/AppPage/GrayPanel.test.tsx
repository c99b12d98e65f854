// @vitest-environment jsdom
import type { Version } from '@minirelease/sdk';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { anApp } from '../../testing/app-fixture.js';
import { renderPage } from '../../testing/render-page.js';
import { GrayPanel } from './GrayPanel.js';

afterEach(cleanup);

const app = anApp();
const inGray: Version = {
  appId: app.appId,
  version: '1.4.0',
  status: 'GRAY',
  sha256: 'a'.repeat(64),
  size: 1024,
  description: '1.4.0 的版本说明',
  grayPercentage: 10,
  reportOk: true,
  materials: null,
  review: null,
  createdBy: 'admin',
  createdAt: '2026-12-02T08:00:00.000Z',
  updatedAt: '2026-12-03T08:00:00.000Z',
};

describe('GrayPanel', () => {
  it('confirms a widen with who gets what: about 30 % of users will get 1.4.0; users already in gray stay', () => {
    renderPage(<GrayPanel app={app} inFlight={inGray} versions={[inGray]} />, { lang: 'en' });
    fireEvent.click(screen.getByRole('button', { name: 'Widen gray 30 %' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('About 30 % of users will get 1.4.0; users already in gray stay.');
  });

  it('says the same in zh-CN, and offers no shortcut at or below the current 10 %', () => {
    renderPage(<GrayPanel app={app} inFlight={inGray} versions={[inGray]} />);
    expect(screen.getByRole('button', { name: '扩大灰度 10%' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '扩大灰度 50%' }));
    expect(screen.getByRole('dialog').textContent).toContain(
      '约 50% 的用户将获得 1.4.0；已在灰度中的用户保持不变。',
    );
  });

  it('shows an open plan with a way to it, and warns that a move by hand ends it', () => {
    const planned = anApp({ grayPlan: { version: '1.4.0', state: 'paused' } });
    renderPage(<GrayPanel app={planned} inFlight={inGray} versions={[inGray]} />);
    const line = screen.getByTestId('gray-panel-plan');
    expect(line.textContent).toContain('已暂停');
    expect(line.querySelector('a')?.getAttribute('href')).toBe('/apps/qinghe-books/versions/1.4.0');
    fireEvent.click(screen.getByRole('button', { name: '全量发布' }));
    expect(screen.getByRole('dialog').textContent).toContain(
      '所有用户都将获得 1.4.0。手动操作将结束灰度计划。',
    );
  });

  it('says nothing of a plan when there is none', () => {
    renderPage(<GrayPanel app={app} inFlight={inGray} versions={[inGray]} />);
    expect(screen.queryByTestId('gray-panel-plan')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '全量发布' }));
    expect(screen.getByRole('dialog').textContent).not.toContain('灰度计划');
  });
});
