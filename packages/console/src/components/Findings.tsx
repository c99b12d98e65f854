import type { Finding } from '@minirelease/sdk';
import { Alert, List, Tag, Typography } from 'antd';
import { useI18n } from '../i18n/i18n.js';

const ORDER = ['error', 'warning', 'info'] as const;
const COLOR = { error: 'red', warning: 'orange', info: 'blue' } as const;

/** Findings grouped by severity, each with where it is and the catalog's hint, in the chosen language. */
export function Findings({ findings }: { findings: readonly Finding[] }) {
  const { t, pick } = useI18n();
  return (
    <div data-testid="findings">
      {ORDER.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <section key={severity} aria-label={t(severity)}>
            <Typography.Title level={4}>
              {t(severity)} ({group.length})
            </Typography.Title>
            <List
              size="small"
              dataSource={group}
              renderItem={(f) => (
                <List.Item>
                  <div>
                    <Tag color={COLOR[severity]}>{f.code}</Tag>
                    {pick(f.message)}
                    {f.file !== undefined && (
                      <Typography.Text code>
                        {f.file}
                        {f.line !== undefined ? `:${f.line}` : ''}
                      </Typography.Text>
                    )}
                    <div style={{ color: '#555' }}>
                      {t('hint')}: {pick(f.hint)}
                    </div>
                  </div>
                </List.Item>
              )}
            />
          </section>
        );
      })}
      {findings.length === 0 && <Alert type="success" showIcon title={t('reportOk')} />}
    </div>
  );
}
