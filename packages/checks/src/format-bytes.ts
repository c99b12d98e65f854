/** Sizes as users read them: MB with up to two decimals ("2.01 MB" shows by how much 2 MB is passed). */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 0.01 ? `${mb.toFixed(2).replace(/\.?0+$/, '')} MB` : `${bytes} B`;
}
