import { Button, type ButtonProps, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';

/**
 * What a confirmed release action does around its API call: clear the last refusal, keep the new one to show
 * (an ErrorNotice with the API's message and what is allowed now), and refresh whatever the action changed,
 * refused or not, so the page shows the state the server holds.
 */
export function useConfirmedAction(refresh: () => Promise<unknown>) {
  const [error, setError] = useState<unknown>(null);
  const run = (action: () => Promise<unknown>) => async () => {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      await refresh();
    }
  };
  return { error, run };
}

/** Every release action waits for a confirmation saying what will happen to whom. */
export function ConfirmButton({
  label,
  what,
  onConfirm,
  ...button
}: { label: string; what: ReactNode; onConfirm: () => Promise<unknown> } & Omit<ButtonProps, 'onClick'>) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button {...button} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        open={open}
        title={label}
        okText={t('confirm')}
        cancelText={t('cancel')}
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          setBusy(true);
          try {
            await onConfirm();
          } finally {
            setBusy(false);
            setOpen(false);
          }
        }}
      >
        <p>{what}</p>
      </Modal>
    </>
  );
}
