import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCatalog } from '../../api/catalog.js';
import { useClient } from '../../api/session.js';
import { useDebounced } from '../../api/use-debounced.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Findings } from '../../components/Findings.js';
import { useI18n } from '../../i18n/i18n.js';

interface Draft {
  appId?: string;
  name?: string;
  brand?: string;
  category?: string;
  description?: string;
  qualifications?: {
    type?: string;
    number?: string;
    expiresAt?: { format(f: string): string };
    file?: UploadFile[];
  }[];
}

/** Create an app; the name is checked against the platform's rules as it is typed (POST /v1/checks/app). */
export function CreateApp({ onClose }: { onClose: () => void }) {
  const { t, pick } = useI18n();
  const client = useClient();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const catalog = useCatalog();
  const [form] = Form.useForm<Draft>();
  const draft = Form.useWatch([], form) ?? {};
  const settled = useDebounced({
    name: draft.name ?? '',
    brand: draft.brand ?? '',
    category: draft.category ?? '',
  });
  const check = useQuery({
    queryKey: ['check-app', settled],
    enabled: settled.name !== '',
    queryFn: () => client.checkApp(settled),
  });
  const nameFindings = (check.data?.findings ?? []).filter((f) => f.code.startsWith('NAME_'));
  const category = catalog.data?.categories.find((c) => c.id === draft.category);
  const typeName = (id: string) => {
    const type = catalog.data?.qualificationTypes.find((q) => q.id === id);
    return type ? pick({ zh: type.name, en: type.en }) : id;
  };
  const [error, setError] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: async (d: Draft) => {
      const appId = d.appId!.trim();
      await client.createApp({
        appId,
        name: d.name!.trim(),
        brand: d.brand!.trim(),
        category: d.category!,
        ...(d.description ? { description: d.description } : {}),
      });
      for (const q of d.qualifications ?? []) {
        if (!q.type || !q.number || !q.expiresAt) continue;
        const file = q.file?.[0]?.originFileObj;
        const sha = file
          ? (await client.uploadMaterial(appId, new Uint8Array(await file.arrayBuffer()))).sha256
          : undefined;
        await client.addQualification(appId, {
          type: q.type,
          number: q.number,
          expiresAt: q.expiresAt.format('YYYY-MM-DD'),
          ...(sha ? { file: sha } : {}),
        });
      }
      return appId;
    },
    onSuccess: async (appId) => {
      await queries.invalidateQueries({ queryKey: ['apps'] });
      navigate(`/apps/${encodeURIComponent(appId)}`);
    },
    onError: setError,
  });
  return (
    <Modal
      open
      title={t('createApp')}
      okText={t('create')}
      cancelText={t('cancel')}
      onCancel={onClose}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      width={640}
    >
      <Form form={form} layout="vertical" onFinish={(d) => create.mutate(d)}>
        <Form.Item
          label={t('appId')}
          name="appId"
          rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{0,63}$/ }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('brand')} name="brand" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('name')} name="name" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <section aria-live="polite" aria-label={t('nameChecks')} data-testid="name-checks">
          {settled.name !== '' && check.data && nameFindings.length === 0 && (
            <Typography.Text type="success">{t('nameOk')}</Typography.Text>
          )}
          {nameFindings.length > 0 && <Findings findings={nameFindings} />}
        </section>
        <Form.Item label={t('category')} name="category" rules={[{ required: true }]}>
          <Select
            showSearch
            aria-label={t('category')}
            optionFilterProp="label"
            options={(catalog.data?.categories ?? []).map((c) => ({
              value: c.id,
              label: `${pick({ zh: c.name, en: c.en })} (${c.id})`,
            }))}
          />
        </Form.Item>
        {category && (
          <Typography.Paragraph data-testid="required-docs">
            {category.requires.length === 0
              ? t('noDocs')
              : `${t('requiredDocs')}: ${category.requires.map((anyOf) => anyOf.map(typeName).join(' / ')).join('；')}`}
          </Typography.Paragraph>
        )}
        <Form.Item label={t('description')} name="description">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.List name="qualifications">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'type']} label={t('type')}>
                    <Select
                      showSearch
                      optionFilterProp="label"
                      style={{ minWidth: 180 }}
                      options={(catalog.data?.qualificationTypes ?? []).map((q) => ({
                        value: q.id,
                        label: pick({ zh: q.name, en: q.en }),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'number']} label={t('number')}>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'expiresAt']} label={t('expiresAt')}>
                    <DatePicker />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'file']}
                    label={t('file')}
                    valuePropName="fileList"
                    getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
                  >
                    {/* Kept in the form until the app exists; uploaded as a material on create. */}
                    <Upload
                      listType="picture-card"
                      accept="image/png,image/jpeg,image/webp"
                      maxCount={1}
                      beforeUpload={() => false}
                      data-testid="qualification-file"
                    >
                      {t('chooseFile')}
                    </Upload>
                  </Form.Item>
                  <Button onClick={() => remove(field.name)}>{t('remove')}</Button>
                </Space>
              ))}
              <Button onClick={() => add()}>{t('addQualification')}</Button>
            </>
          )}
        </Form.List>
        <ErrorNotice error={error} />
      </Form>
    </Modal>
  );
}
