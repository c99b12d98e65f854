import { describe, expect, it } from 'vitest';
import { fileMap, minimalApp } from '../../testing/file-map.js';
import { runRule } from '../../testing/run-rule.js';
import { secretInPackage } from './secret-in-package.js';

const KEY = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEpAIBAAKCAQEAtopsecret',
  '-----END RSA PRIVATE KEY-----',
].join('\n');

describe('SECRET_IN_PACKAGE', () => {
  it('passes a package without secrets, a .env.example and a public key', async () => {
    const files = fileMap({
      ...minimalApp('alipay'),
      '.env.example': 'API_KEY=',
      'certs/server.pem': '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----',
    });
    expect(await runRule(secretInPackage, files)).toEqual([]);
  });

  it('reports a committed .env and a private key as errors, naming the file and never the secret', async () => {
    const files = fileMap({
      ...minimalApp('alipay'),
      'config/.env.production': 'API_KEY=topsecret',
      'utils/sign.js': `const k = \`${KEY}\`;`,
    });
    const findings = await runRule(secretInPackage, files);
    expect(findings.map((f) => [f.code, f.severity, f.file])).toEqual([
      ['SECRET_IN_PACKAGE', 'error', 'config/.env.production'],
      ['SECRET_IN_PACKAGE', 'error', 'utils/sign.js'],
    ]);
    expect(findings[1]!.message).toEqual({
      zh: '代码包中有私钥（utils/sign.js）：包会公开分发给宿主',
      en: 'The package holds a private key (utils/sign.js): packages are served publicly to hosts',
    });
    expect(JSON.stringify(findings)).not.toContain('topsecret');
  });
});
