/** Characters as a reader counts them: one per code point, so 青禾 is 2 and an emoji is 1 (not its UTF-16 length). */
export function charCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
