import type { App } from '@minirelease/sdk';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Progress, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useRefreshApp } from '../../api/app-queries.js';
import { useClient } from '../../api/session.js';
import { useDebounced } from '../../api/use-debounced.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n.js';

/**
 * Upload a zip, or a folder zipped here in the browser. The progress bar is real while a folder is read and
 * zipped; the send itself is one request (a browser streams a request body only over HTTP/2).
 */
export function UploadPanel({ app }: { app: App }) {
  const appId = app.appId;
  const { t, pick } = useI18n();
  const client = useClient();
  const refresh = useRefreshApp(appId);
  const navigate = useNavigate();
  const zipInput = useRef<HTMLInputElement>(null);
  const dirInput = useRef<HTMLInputElement>(null);
  const [zip, setZip] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [notes, setNotes] = useState('');
  const [version, setVersion] = useState('');
  const chars = [...notes.trim()].length;
  // The platform's own VERSION_DESC_LENGTH, as the notes are typed (its bounds are the platform's tuning).
  const settled = useDebounced(notes.trim());
  const check = useQuery({
    queryKey: ['check-notes', appId, settled],
    enabled: settled !== '',
    queryFn: () =>
      client.checkApp({ name: app.name, brand: app.brand, category: app.category, description: settled }),
  });
  const notesFinding = check.data?.findings.find((f) => f.code === 'VERSION_DESC_LENGTH');
  const notesOk = notes.trim() !== '' && notesFinding === undefined;

  const readFolder = async (files: FileList) => {
    const { zipSync } = await import('fflate');
    const entries: Record<string, Uint8Array> = {};
    const list = [...files];
    for (const [i, file] of list.entries()) {
      // webkitRelativePath starts with the folder's own name: the package root is inside it.
      const path = file.webkitRelativePath.split('/').slice(1).join('/') || file.name;
      entries[path] = new Uint8Array(await file.arrayBuffer());
      setProgress(Math.round(((i + 1) / list.length) * 80));
    }
    const bytes = zipSync(entries, { level: 6 });
    setProgress(90);
    setZip({ name: `${list[0]?.webkitRelativePath.split('/')[0] ?? 'folder'}.zip`, bytes });
  };

  const upload = useMutation({
    mutationFn: async () => {
      setProgress((p) => Math.max(p ?? 0, 90));
      return client.uploadVersion(appId, {
        version: version.trim(),
        description: notes.trim(),
        zip: zip!.bytes,
      });
    },
    onSuccess: async (v) => {
      setProgress(100);
      await refresh();
      navigate(`/apps/${encodeURIComponent(appId)}/versions/${encodeURIComponent(v.version)}`);
    },
    onError: () => setProgress(null),
  });

  return (
    <Card title={t('upload')} size="small">
      <Form layout="vertical" onFinish={() => upload.mutate()}>
        <Form.Item label={t('version')} required htmlFor="upload-version">
          <Input
            id="upload-version"
            value={version}
            onChange={(e) => setVersion(e.target.value)}
            placeholder="1.0.0"
            style={{ maxWidth: 200 }}
          />
        </Form.Item>
        <Form.Item
          label={t('releaseNotes')}
          required
          htmlFor="upload-notes"
          validateStatus={notesFinding ? 'warning' : ''}
          help={
            <span data-testid="notes-help">
              {t('chars', { n: chars })}
              {notesFinding ? ` · ${pick(notesFinding.message)}` : ''}
            </span>
          }
        >
          <Input.TextArea
            id="upload-notes"
            rows={3}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
        </Form.Item>
        <Space wrap>
          <Button onClick={() => zipInput.current?.click()}>{t('uploadZip')}</Button>
          <Button onClick={() => dirInput.current?.click()}>{t('uploadFolder')}</Button>
          <input
            ref={zipInput}
            type="file"
            accept=".zip,application/zip"
            style={{ display: 'none' }}
            aria-label={t('uploadZip')}
            data-testid="zip-input"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) setZip({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
            }}
          />
          <input
            ref={dirInput}
            type="file"
            style={{ display: 'none' }}
            aria-label={t('uploadFolder')}
            data-testid="folder-input"
            {...{ webkitdirectory: '' }}
            onChange={(e) => e.target.files && readFolder(e.target.files)}
          />
          {zip && <Typography.Text>{t('selected', { name: zip.name })}</Typography.Text>}
        </Space>
        {progress !== null && (
          <Progress
            percent={progress}
            status={upload.isPending ? 'active' : 'normal'}
            aria-label={t('uploading')}
          />
        )}
        <ErrorNotice error={upload.error} />
        <Button
          type="primary"
          htmlType="submit"
          disabled={!zip || !notesOk || version.trim() === ''}
          loading={upload.isPending}
          style={{ marginTop: 12 }}
        >
          {t('upload')}
        </Button>
      </Form>
    </Card>
  );
}
