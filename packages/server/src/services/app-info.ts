import type { AppInfo } from '@minirelease/checks';
import type { Kysely } from 'kysely';
import { appStore } from '../storage/app-store.js';
import { qualificationStore } from '../storage/qualification-store.js';
import type { Database } from '../storage/schema.js';

/** What the checker's app-level rules read: the app's name, brand, category and documents, as stored now. */
export async function loadAppInfo(db: Kysely<Database>, appId: string): Promise<AppInfo | undefined> {
  const app = await appStore.get(db, appId);
  if (!app) return undefined;
  const qualifications = await qualificationStore.list(db, appId);
  return {
    name: app.name,
    brand: app.brand,
    category: app.category,
    qualifications: qualifications.map((q) => ({ type: q.type, number: q.number, expiresAt: q.expires_at })),
  };
}
