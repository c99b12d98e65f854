import { useQuery } from '@tanstack/react-query';
import { Button, ConfigProvider, Layout, Menu, Space, Spin, Tag } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { useClient, useSession } from './api/session.js';
import { useI18n } from './i18n/i18n.js';
import { SignIn } from './pages/SignIn/SignIn.js';

// One chunk per page: the first page loads only what it shows (DESIGN §9, the console's size budget).
const AppsList = lazy(() => import('./pages/AppsList/AppsList.js'));
const AppPage = lazy(() => import('./pages/AppPage/AppPage.js'));
const VersionPage = lazy(() => import('./pages/VersionPage/VersionPage.js'));
const ReviewDesk = lazy(() => import('./pages/ReviewDesk/ReviewDesk.js'));
const Tokens = lazy(() => import('./pages/Tokens/Tokens.js'));
const Members = lazy(() => import('./pages/Members/Members.js'));
const AuditLog = lazy(() => import('./pages/AuditLog/AuditLog.js'));

export function App() {
  const { lang } = useI18n();
  const { token } = useSession();
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      // No space pushed between two CJK characters: a button reads as its label (and tests find it by it).
      button={{ autoInsertSpace: false }}
      // Colours darkened from antd's defaults so every text meets WCAG AA contrast (axe, in the e2e test).
      theme={{
        token: {
          colorPrimary: '#0a4fb3',
          colorLink: '#0a4fb3',
          colorLinkHover: '#083d8a',
          colorLinkActive: '#083d8a',
          colorPrimaryHover: '#083d8a',
          colorError: '#b71c1c',
          colorSuccess: '#2b6a0f',
          colorTextPlaceholder: '#636363',
          colorTextDescription: '#595959',
          colorTextTertiary: '#595959',
          colorTextQuaternary: '#636363',
        },
      }}
    >
      {token ? <Shell /> : <SignIn />}
    </ConfigProvider>
  );
}

function Shell() {
  const { t, lang, setLang } = useI18n();
  const { signOut } = useSession();
  const client = useClient();
  const location = useLocation();
  const me = useQuery({ queryKey: ['whoami'], queryFn: () => client.whoami() });
  const roles = me.data?.roles ?? [];
  const items = [
    { key: '/apps', label: <Link to="/apps">{t('apps')}</Link> },
    ...(roles.includes('reviewer') || roles.includes('admin')
      ? [{ key: '/review', label: <Link to="/review">{t('review')}</Link> }]
      : []),
    ...(roles.includes('admin')
      ? [{ key: '/admin/tokens', label: <Link to="/admin/tokens">{t('tokens')}</Link> }]
      : []),
  ];
  const selected = items.find((i) => location.pathname.startsWith(i.key))?.key ?? '/apps';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap', height: 'auto' }}
      >
        <Link to="/apps" style={{ color: '#fff', fontWeight: 600, whiteSpace: 'nowrap' }}>
          {t('appTitle')}
        </Link>
        <nav aria-label={t('appTitle')} style={{ flex: 1, minWidth: 0 }}>
          <Menu theme="dark" mode="horizontal" selectedKeys={[selected]} items={items} />
        </nav>
        <Space wrap>
          <span style={{ color: '#fff' }} data-testid="whoami">
            {t('whoami')}: {me.data?.principal ?? '…'}{' '}
            {roles.map((r) => (
              <Tag key={r} color="blue">
                {r}
              </Tag>
            ))}
          </span>
          <Button
            size="small"
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
            lang={lang === 'zh' ? 'en' : 'zh'}
          >
            {t('language')}
          </Button>
          <Button size="small" onClick={signOut}>
            {t('signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <main>
          <Suspense
            fallback={
              <div role="status" aria-label={t('loading')}>
                <Spin />
              </div>
            }
          >
            <Routes>
              <Route path="/" element={<Navigate to="/apps" replace />} />
              <Route path="/apps" element={<AppsList />} />
              <Route path="/apps/:app" element={<AppPage />} />
              <Route path="/apps/:app/versions/:v" element={<VersionPage />} />
              <Route path="/apps/:app/members" element={<Members />} />
              <Route path="/apps/:app/audit" element={<AuditLog />} />
              <Route path="/review" element={<ReviewDesk />} />
              <Route path="/review/:app/:v" element={<ReviewDesk />} />
              <Route path="/admin/tokens" element={<Tokens />} />
              <Route path="*" element={<p>{t('notFound')}</p>} />
            </Routes>
          </Suspense>
        </main>
      </Layout.Content>
    </Layout>
  );
}
