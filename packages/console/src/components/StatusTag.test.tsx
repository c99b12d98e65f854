// @vitest-environment jsdom
import { VERSION_STATUSES } from '@minirelease/core';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPage } from '../testing/render-page.js';
import { StatusTag } from './StatusTag.js';

afterEach(cleanup);

const label = (status: (typeof VERSION_STATUSES)[number]) =>
  document.querySelector(`[data-status="${status}"]`)?.textContent;

describe('StatusTag', () => {
  it('names every status as the platforms do, in zh-CN', () => {
    renderPage(
      <>
        {VERSION_STATUSES.map((s) => (
          <StatusTag key={s} status={s} />
        ))}
      </>,
    );
    expect(VERSION_STATUSES.map(label)).toEqual([
      '开发版本',
      '审核中',
      '审核驳回',
      '待上架',
      '灰度中',
      '已上架',
      '历史版本',
      '已回滚',
    ]);
  });

  it('names every status in English, and keeps the API name out of the label', () => {
    renderPage(
      <>
        {VERSION_STATUSES.map((s) => (
          <StatusTag key={s} status={s} />
        ))}
      </>,
      { lang: 'en' },
    );
    expect(label('GRAY')).toBe('In gray');
    expect(label('RELEASE')).toBe('Live');
    expect(label('AUDIT_REJECT')).toBe('Rejected');
    expect(screen.queryByText('WAIT_RELEASE')).toBeNull();
    expect(new Set(VERSION_STATUSES.map(label)).size).toBe(VERSION_STATUSES.length);
  });
});
