import type { ReviewQueueItem } from '@minirelease/sdk';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Image, Input, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useReviewReasons } from '../../api/review-reasons.js';
import { useClient } from '../../api/session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Findings } from '../../components/Findings.js';
import { useI18n } from '../../i18n/i18n.js';

/** The review desk: the queue oldest first, then one version's report, materials and the decision. */
export default function ReviewDesk() {
  const { t } = useI18n();
  const client = useClient();
  const params = useParams();
  const queue = useQuery({ queryKey: ['review-queue'], queryFn: () => client.reviewQueue({ limit: 200 }) });
  const items = [...(queue.data?.items ?? [])].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  const current = items.find((i) => i.appId === params.app && i.version === params.v);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('review')}
      </Typography.Title>
      <ErrorNotice error={queue.error} />
      <Card title={t('queue')} size="small">
        <Table<ReviewQueueItem>
          size="small"
          rowKey={(r) => `${r.appId}@${r.version}`}
          dataSource={items}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            {
              title: t('appAndVersion'),
              key: 'app',
              render: (_, r) => (
                <Link to={`/review/${encodeURIComponent(r.appId)}/${encodeURIComponent(r.version)}`}>
                  {r.appName} {r.version}
                </Link>
              ),
            },
            { title: t('waiting'), key: 'waiting', render: (_, r) => <Waiting since={r.submittedAt} /> },
            { title: t('submittedBy'), dataIndex: 'submittedBy' },
          ]}
        />
      </Card>
      {current && <ReviewItem item={current} />}
    </Space>
  );
}

function Waiting({ since }: { since: string }) {
  const { t } = useI18n();
  const minutes = Math.max(0, Math.round((Date.now() - Date.parse(since)) / 60_000));
  return <>{minutes < 120 ? t('minutes', { n: minutes }) : t('hours', { n: Math.round(minutes / 60) })}</>;
}

function ReviewItem({ item }: { item: ReviewQueueItem }) {
  const { t, pick } = useI18n();
  const client = useClient();
  const catalog = useReviewReasons();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [reasons, setReasons] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const report = useQuery({
    queryKey: ['report', item.appId, item.version],
    queryFn: () => client.report(item.appId, item.version),
  });
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      client.review(item.appId, item.version, {
        decision,
        reasons: decision === 'reject' ? reasons : [],
        comment,
      }),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ['review-queue'] });
      navigate('/review');
    },
  });
  const m = item.materials;
  return (
    <Card title={`${item.appName} ${item.version}`} size="small" data-testid="review-item">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('releaseNotes')}>{item.description}</Descriptions.Item>
        <Descriptions.Item label={t('testAccount')}>{m?.testAccount ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('testPassword')}>{m?.testPassword ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('notes')}>{m?.notes ?? '—'}</Descriptions.Item>
      </Descriptions>
      <h2 style={{ fontSize: 18 }}>{t('materials')}</h2>
      <Space wrap>
        {(m?.screenshots ?? []).map((sha, i) => (
          <Screenshot key={sha} appId={item.appId} sha256={sha} alt={`${t('screenshots')} ${i + 1}`} />
        ))}
      </Space>
      <h2 style={{ fontSize: 18 }}>{t('report')}</h2>
      {report.data && <Findings findings={report.data.findings} />}
      <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
        <Select
          mode="multiple"
          aria-label={t('reasons')}
          placeholder={t('reasons')}
          style={{ width: '100%' }}
          value={reasons}
          onChange={setReasons}
          optionFilterProp="label"
          // What a person found first (the main flow fails, …), then the checker's codes a reviewer confirms.
          options={[...(catalog.data?.reasons ?? [])]
            .sort((a, b) => (a.source === b.source ? 0 : a.source === 'reviewer' ? -1 : 1))
            .map((r) => ({ value: r.code, label: pick(r.label), title: pick(r.hint) }))}
        />
        <Input.TextArea
          aria-label={t('comment')}
          placeholder={t('comment')}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        <ErrorNotice error={decide.error} />
        <Space>
          <Button type="primary" onClick={() => decide.mutate('approve')} loading={decide.isPending}>
            {t('approve')}
          </Button>
          <Button danger onClick={() => decide.mutate('reject')} disabled={reasons.length === 0}>
            {t('reject')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}

/** Materials need the token, so an <img src> cannot fetch them: read through the SDK, show as a blob URL. */
function Screenshot({ appId, sha256, alt }: { appId: string; sha256: string; alt: string }) {
  const client = useClient();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return;
    let made: string | null = null;
    client
      .material(appId, sha256)
      .then((bytes) => {
        made = URL.createObjectURL(new Blob([bytes.slice().buffer], { type: 'image/*' }));
        setUrl(made);
      })
      .catch(() => setUrl(null));
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [client, appId, sha256]);
  return url ? (
    <Image src={url} width={120} alt={alt} />
  ) : (
    <Typography.Text code>{sha256.slice(0, 12)}</Typography.Text>
  );
}
