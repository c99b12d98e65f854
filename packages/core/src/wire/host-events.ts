import type { ErrorCode } from '../errors.js';

/**
 * What host apps report (DESIGN §10; docs/gray-health.md). Channel and version are the ones the resolve answer
 * gave the user, so gray and stable are counted as the resolver split them.
 */
export type HostEventType = 'launch' | 'error' | 'crash' | 'feedback';
export type HostEventChannel = 'gray' | 'stable' | 'experience';

export interface HostEvent {
  app: string;
  version: string;
  channel: HostEventChannel;
  user: string;
  type: HostEventType;
  /** ISO-8601 or epoch milliseconds; older than a day or more than a few minutes ahead is refused. */
  at: string | number;
  id?: string;
  message?: string;
  page?: string;
}

export interface HostEventBatch {
  events: HostEvent[];
}

/** One refused event of a batch: its index in the batch and why. One bad event never refuses the batch. */
export interface RejectedEvent {
  index: number;
  code: ErrorCode;
}

export interface HostEventsAnswer {
  accepted: number;
  rejected: RejectedEvent[];
}

/** A host key as listed: the secret is never shown again after creation. */
export interface HostKey {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedHostKey extends HostKey {
  key: string;
}
