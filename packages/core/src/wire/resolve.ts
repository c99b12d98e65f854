import type { ApiErrorBody } from './error.js';

/** Which part of the release state a user's answer came from. */
export type Channel = 'stable' | 'gray' | 'experience';

/** The data plane's answer: which package this user gets (DESIGN §3). */
export interface ResolveAnswer {
  appId: string;
  version: string;
  channel: Channel;
  packageUrl: string;
  sha256: string;
  size: number;
}

export type BatchResolveItem = ResolveAnswer | ApiErrorBody;

export interface SearchHit {
  appId: string;
  name: string;
  brand: string;
  version: string;
  channel: Channel;
}
