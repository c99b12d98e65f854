import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { SecretBox } from './secret-box.js';

type WithPassword = { testPassword?: string | undefined };

/** The materials with their test password sealed (AES-256-GCM), as `versions.materials` keeps them. */
export function sealMaterials<M extends WithPassword>(materials: M, box: SecretBox): M {
  const password = materials.testPassword;
  if (password === undefined || SecretBox.isSealed(password)) return materials;
  return { ...materials, testPassword: box.seal(password) };
}

/** The materials as a reviewer reads them: the test password opened. */
export function openMaterials<M extends WithPassword>(materials: M, box: SecretBox): M {
  const password = materials.testPassword;
  if (password === undefined || !SecretBox.isSealed(password)) return materials;
  return { ...materials, testPassword: box.open(password) };
}

/**
 * Seals the test passwords of rows written before they were sealed (once per start; a row already sealed is
 * left). Not a migration: migrations have no key.
 */
export async function sealStoredPasswords(db: Kysely<Database>, box: SecretBox): Promise<number> {
  const rows = await db
    .selectFrom('versions')
    .select(['app_id', 'version', 'materials'])
    .where('materials', 'like', '%"testPassword"%')
    .execute();
  let sealed = 0;
  for (const row of rows) {
    const materials = JSON.parse(row.materials!) as WithPassword;
    if (materials.testPassword === undefined || SecretBox.isSealed(materials.testPassword)) continue;
    await db
      .updateTable('versions')
      .set({ materials: JSON.stringify(sealMaterials(materials, box)) })
      .where('app_id', '=', row.app_id)
      .where('version', '=', row.version)
      .execute();
    sealed++;
  }
  return sealed;
}
