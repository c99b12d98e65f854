import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSecretFile } from './secret-file.js';

const PREFIX = 'sealed:v1:';

/**
 * Secrets at rest (test passwords in `versions.materials`): AES-256-GCM, a fresh 96-bit IV per value, the tag
 * kept beside it, so a changed byte fails to open instead of opening to something else.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the secret key must be 32 bytes (AES-256)');
  }

  /** A key for this process only: tests, and servers embedded without a data dir. */
  static ephemeral(): SecretBox {
    return new SecretBox(randomBytes(32));
  }

  static isSealed(value: string): boolean {
    return value.startsWith(PREFIX);
  }

  seal(text: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return `${PREFIX}${[iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.')}`;
  }

  open(sealed: string): string {
    const [iv, tag, body] = sealed
      .slice(PREFIX.length)
      .split('.')
      .map((p) => Buffer.from(p, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv!);
    decipher.setAuthTag(tag!);
    return Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8');
  }
}

/**
 * The platform's secret key: `MINIRELEASE_SECRET_KEY` (64 hex digits) when set, else `<data-dir>/secret-key`,
 * made on the first start (mode 0600). Losing it loses the sealed test passwords, nothing else.
 */
export async function loadSecretKey(dataDir: string, fromEnv: string | undefined): Promise<Buffer> {
  if (fromEnv) return hexKey(fromEnv, 'MINIRELEASE_SECRET_KEY');
  const path = join(dataDir, 'secret-key');
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  if (text !== null) return hexKey(text.trim(), path);
  const key = randomBytes(32);
  await writeSecretFile(path, `${key.toString('hex')}\n`);
  return key;
}

function hexKey(text: string, where: string): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(text)) throw new Error(`${where} must hold a 32-byte key as 64 hex digits`);
  return Buffer.from(text, 'hex');
}
