import { type AppAction, assertAppId, DomainError, MAX_EXPERIENCERS } from '@minirelease/core';
import type { AppRole } from '../auth/principal.js';
import { newId } from '../auth/tokens.js';
import { type AppRow, appStore } from '../storage/app-store.js';
import { memberStore } from '../storage/member-store.js';
import { qualificationStore } from '../storage/qualification-store.js';
import { createAppRow, type WriteDeps, writeApp } from './app-write.js';

export interface NewApp {
  appId: string;
  name: string;
  brand: string;
  category: string;
  description?: string | undefined;
}

/** A field left out (or `undefined`, as an optional JSON field arrives) stays as it is. */
export type AppPatch = { [K in 'name' | 'brand' | 'category' | 'description']?: AppRow[K] | undefined };

/** Apps and the people and papers around them. Every write is one `writeApp` transaction. */
export class AppService {
  constructor(private readonly deps: WriteDeps) {}

  async create(actor: string, input: NewApp): Promise<void> {
    assertAppId(input.appId);
    const now = this.deps.now().toISOString();
    await createAppRow(
      this.deps,
      {
        app_id: input.appId,
        name: input.name,
        brand: input.brand,
        category: input.category,
        description: input.description ?? '',
        visibility: 'online',
        experience_version: null,
        revision: 1,
        created_by: actor,
        created_at: now,
        updated_at: now,
      },
      actor,
    );
  }

  update(actor: string, appId: string, patch: AppPatch, expectedRevision?: number): Promise<void> {
    return writeApp(this.deps, appId, actor, expectedRevision, async ({ tx }) => {
      await appStore.update(tx, appId, patch);
      return { result: undefined, audit: [entry('update', patch)], eventType: 'update' };
    });
  }

  putMember(
    actor: string,
    appId: string,
    principal: string,
    role: AppRole,
    expectedRevision?: number,
  ): Promise<void> {
    return writeApp(this.deps, appId, actor, expectedRevision, async ({ tx }) => {
      const before = await memberStore.roleOf(tx, appId, principal);
      if (before === 'owner' && role !== 'owner') await assertAnotherOwner(tx, appId, principal);
      await memberStore.put(tx, appId, principal, role);
      return {
        result: undefined,
        audit: [entry('members', { principal, from: before ?? null, role })],
        eventType: 'members',
        insidersChanged: true,
      };
    });
  }

  removeMember(actor: string, appId: string, principal: string, expectedRevision?: number): Promise<void> {
    return writeApp(this.deps, appId, actor, expectedRevision, async ({ tx }) => {
      const before = await memberStore.roleOf(tx, appId, principal);
      if (before === undefined) {
        throw new DomainError('MEMBER_NOT_FOUND', `${principal} is not a member of ${appId}`, { principal });
      }
      if (before === 'owner') await assertAnotherOwner(tx, appId, principal);
      await memberStore.remove(tx, appId, principal);
      return {
        result: undefined,
        audit: [entry('members', { principal, from: before, role: null })],
        eventType: 'members',
        insidersChanged: true,
      };
    });
  }

  setExperiencers(
    actor: string,
    appId: string,
    userIds: readonly string[],
    expectedRevision?: number,
  ): Promise<void> {
    const unique = [...new Set(userIds)];
    if (unique.length > MAX_EXPERIENCERS) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `at most ${MAX_EXPERIENCERS} experiencers, got ${unique.length}`,
        {
          field: 'userIds',
        },
      );
    }
    return writeApp(this.deps, appId, actor, expectedRevision, async ({ tx }) => {
      await memberStore.setExperiencers(tx, appId, unique);
      return {
        result: undefined,
        audit: [entry('experiencers', { userIds: unique })],
        eventType: 'experiencers',
        insidersChanged: true,
      };
    });
  }

  addQualification(
    actor: string,
    appId: string,
    q: { type: string; number: string; expiresAt: string; fileSha256?: string | undefined },
    expectedRevision?: number,
  ): Promise<void> {
    return writeApp(this.deps, appId, actor, expectedRevision, async ({ tx, now }) => {
      await qualificationStore.insert(tx, {
        id: newId('q'),
        app_id: appId,
        type: q.type,
        number: q.number,
        expires_at: q.expiresAt,
        file_sha256: q.fileSha256 ?? null,
        created_at: now,
      });
      return {
        result: undefined,
        audit: [entry('qualifications', { type: q.type, expiresAt: q.expiresAt })],
        eventType: 'qualifications',
      };
    });
  }

  /** Removes a document (an expired one, or one entered wrong); submit then judges the app without it. */
  removeQualification(actor: string, appId: string, id: string, expectedRevision?: number): Promise<void> {
    return writeApp(this.deps, appId, actor, expectedRevision, async ({ tx }) => {
      const existing = (await qualificationStore.list(tx, appId)).find((q) => q.id === id);
      if (!existing || !(await qualificationStore.remove(tx, appId, id))) {
        throw new DomainError('QUALIFICATION_NOT_FOUND', `${appId} has no qualification ${id}`, { id });
      }
      return {
        result: undefined,
        audit: [entry('qualifications', { removed: id, type: existing.type })],
        eventType: 'qualifications',
      };
    });
  }
}

function entry(action: AppAction, details: object) {
  return {
    version: null,
    action,
    from_status: null,
    to_status: null,
    reason: null,
    details: JSON.stringify(details),
  };
}

/** An app always keeps an owner: only owners may gray, publish and roll back. */
async function assertAnotherOwner(
  tx: Parameters<typeof memberStore.list>[0],
  appId: string,
  principal: string,
) {
  const owners = (await memberStore.list(tx, appId)).filter(
    (m) => m.role === 'owner' && m.principal !== principal,
  );
  if (owners.length === 0) {
    throw new DomainError(
      'INVALID_STATUS',
      `${principal} is the last owner of ${appId}; add another owner first`,
      {
        currentStatus: 'last-owner',
        allowed: [],
      },
    );
  }
}
