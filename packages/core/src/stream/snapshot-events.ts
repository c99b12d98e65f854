import type { AppRelease } from '../wire/stream.js';

/** Apps per event of a snapshot on `/v1/stream`. */
export const SNAPSHOT_PART_APPS = 1000;

/**
 * A snapshot as `/v1/stream` sends it, one SSE event per string: `snapshot-part` events of `partApps` apps each
 * (`{seq, apps}`, no `id`), then the `snapshot` event with the remaining apps and `id: <seq>`. Up to `partApps`
 * apps that is the one `snapshot` event. Only the last event carries the id, so a client cut off mid-snapshot
 * cannot resume from a snapshot it did not get whole; and no state, however large, becomes one string.
 */
export function* snapshotEvents(
  seq: number,
  releases: Iterable<AppRelease>,
  partApps: number = SNAPSHOT_PART_APPS,
): Generator<string> {
  let part: AppRelease[] = [];
  for (const release of releases) {
    if (part.length === partApps) {
      yield `event: snapshot-part\ndata: ${JSON.stringify({ seq, apps: part })}\n\n`;
      part = [];
    }
    part.push(release);
  }
  yield `event: snapshot\nid: ${seq}\ndata: ${JSON.stringify({ seq, apps: part })}\n\n`;
}
