import { Tag } from 'antd';
import { useI18n } from '../i18n/i18n.js';
import { ConfirmButton } from './Confirm.js';

/**
 * A secret's revoke column (tokens, host keys): revoked ones are marked, live ones offer a confirmed revoke that
 * says what stops working. The refusal, if any, goes to `onError`; the list is read again either way.
 */
export function RevokeCell({
  revokedAt,
  what,
  revoke,
  onError,
  refresh,
}: {
  revokedAt: string | null;
  what: string;
  revoke: () => Promise<unknown>;
  onError: (e: unknown) => void;
  refresh: () => Promise<unknown>;
}) {
  const { t } = useI18n();
  if (revokedAt) return <Tag>{t('revoked')}</Tag>;
  return (
    <ConfirmButton
      danger
      size="small"
      label={t('revoke')}
      what={what}
      onConfirm={async () => {
        onError(null);
        await revoke().catch(onError);
        await refresh();
      }}
    />
  );
}
