// @vitest-environment jsdom
import type { Finding } from '@minirelease/sdk';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPage } from '../testing/render-page.js';
import { Findings } from './Findings.js';

afterEach(cleanup);

const finding = (code: string, severity: Finding['severity'], zh: string, file?: string, line?: number) =>
  ({
    code,
    severity,
    message: { zh, en: `${code} in English` },
    hint: { zh: `${code} 的建议`, en: `hint for ${code}` },
    ...(file === undefined ? {} : { file }),
    ...(line === undefined ? {} : { line }),
  }) as Finding;

describe('Findings', () => {
  it('groups findings by severity, errors first, each group counted, with file:line and the hint', () => {
    renderPage(
      <Findings
        findings={[
          finding('DEBUG_LEFTOVER', 'warning', '遗留调试代码', 'pages/index/index.js', 12),
          finding('FIRST_SCREEN_AUTH', 'error', '首屏授权', 'app.js', 3),
          finding('PRIVACY_DECLARATION_MISSING', 'info', '缺少隐私声明'),
          finding('PAGE_MISSING', 'error', '页面缺失', 'app.json'),
        ]}
      />,
    );
    const sections = screen.getAllByRole('region');
    expect(sections.map((s) => s.getAttribute('aria-label'))).toEqual(['错误', '警告', '提示']);
    expect(within(sections[0]!).getByRole('heading').textContent).toBe('错误 (2)');
    expect(within(sections[0]!).getByText('FIRST_SCREEN_AUTH')).toBeTruthy();
    expect(within(sections[0]!).getByText('app.js:3')).toBeTruthy();
    expect(within(sections[0]!).getByText('app.json')).toBeTruthy();
    expect(within(sections[0]!).queryByText('DEBUG_LEFTOVER')).toBeNull();
    expect(within(sections[1]!).getByText('pages/index/index.js:12')).toBeTruthy();
    expect(within(sections[1]!).getByText(/DEBUG_LEFTOVER 的建议/)).toBeTruthy();
    expect(within(sections[2]!).getByRole('heading').textContent).toBe('提示 (1)');
  });

  it('shows no empty group, and the passed notice for no findings, in English too', () => {
    const { unmount } = renderPage(<Findings findings={[finding('DEBUG_LEFTOVER', 'warning', 'x')]} />, {
      lang: 'en',
    });
    expect(screen.getAllByRole('region').map((s) => s.getAttribute('aria-label'))).toEqual(['Warning']);
    expect(screen.getByText('DEBUG_LEFTOVER in English')).toBeTruthy();
    unmount();
    renderPage(<Findings findings={[]} />);
    expect(screen.queryAllByRole('region')).toEqual([]);
    expect(screen.getByText('预审通过')).toBeTruthy();
  });
});
