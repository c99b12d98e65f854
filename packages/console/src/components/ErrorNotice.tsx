import { isApiError } from '@minirelease/sdk';
import { Alert } from 'antd';
import { ERROR_TEXT } from '../i18n/error-messages.js';
import { useI18n } from '../i18n/i18n.js';

/** A refusal explained: what the code means in the user's language, the API's own message, what is allowed now. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t, pick } = useI18n();
  if (!error) return null;
  if (!isApiError(error)) return <Alert type="error" showIcon title={String(error)} />;
  const allowed = error.details?.allowed;
  // A widen at or below the share: what is allowed now is a number, not a list of actions.
  const current = error.code === 'GRAY_PERCENTAGE_NOT_INCREASING' ? error.details?.current : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-code={error.code}
      title={`${pick(ERROR_TEXT[error.code])} (${error.code})`}
      description={
        <>
          <div>{error.message}</div>
          {Array.isArray(allowed) && <div>{t('allowedNow', { a: allowed.join(', ') || t('none') })}</div>}
          {typeof current === 'number' && (
            <div data-testid="allowed-now">{t('allowedNow', { a: t('widenAbove', { n: current }) })}</div>
          )}
        </>
      }
    />
  );
}
