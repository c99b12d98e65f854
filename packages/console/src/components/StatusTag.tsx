import type { Version } from '@minirelease/sdk';
import { Tag, Tooltip } from 'antd';
import { STATUS_LABELS } from '../i18n/domain-labels.js';
import { useI18n } from '../i18n/i18n.js';

/** A version's status in words, coloured as the platforms' consoles do; the API's name in the tooltip. */
export function StatusTag({ status }: { status: Version['status'] }) {
  const { pick } = useI18n();
  const label = STATUS_LABELS[status];
  return (
    <Tooltip title={status}>
      <Tag
        data-status={status}
        {...(label.color.startsWith('#')
          ? { style: { backgroundColor: label.color, borderColor: label.color, color: '#fff' } }
          : { color: label.color })}
      >
        {pick(label)}
      </Tag>
    </Tooltip>
  );
}
