import type { PlatformRole } from '../app/roles.js';

export interface Token {
  id: string;
  principal: string;
  roles: PlatformRole[];
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** After this time the token is refused with `TOKEN_EXPIRED`; null: it never expires. */
  expiresAt: string | null;
}

export interface CreatedToken extends Token {
  /** Shown once; only its hash is stored. */
  token: string;
}

export interface WhoAmI {
  principal: string;
  roles: PlatformRole[];
  tokenId: string;
}
