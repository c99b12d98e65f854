import type { AppRelease, Change } from '../wire/stream.js';
import type { SseMessage } from './sse-parser.js';

/**
 * What a follower of `/v1/stream` does with what it reads. A snapshot arrives as `snapshot-part` events and a
 * last `snapshot` event of one seq (docs/architecture.md, "The change pipeline"); the follower chooses how to
 * gather its apps (`S`): a resolver packs them into an index as they come, a host keeps an array.
 */
export interface StreamHandlers<S> {
  /** The first part of a snapshot at `seq`: a new gathering, whatever was gathered before. */
  startSnapshot(seq: number): S;
  addApps(gathering: S, apps: readonly AppRelease[]): void;
  /** The snapshot is whole: its last event arrived. Only now may the follower replace its state. */
  snapshot(gathering: S, seq: number): void;
  change(change: Change): void;
}

/** An event the protocol does not allow (not JSON, no seq, no apps): the follower reconnects. */
export class StreamFormatError extends Error {
  override readonly name = 'StreamFormatError';
}

export interface StreamReader {
  /** Reads one event; throws StreamFormatError for a malformed one. Unknown events are ignored. */
  read(message: SseMessage): void;
  /** The connection ended: a snapshot cut off in its parts is dropped, never applied. */
  reset(): void;
}

/**
 * The one reader of the stream protocol, used by the resolver's stream client and the SDK's `connectLocal`:
 * checks each event's shape, joins a snapshot's parts (a part of another seq starts over) and hands changes on.
 */
export function createStreamReader<S>(handlers: StreamHandlers<S>): StreamReader {
  let partial: { seq: number; gathering: S } | null = null;

  const gather = (event: string, body: EventBody): { seq: number; gathering: S } => {
    const seq = seqOf(event, body);
    if (!Array.isArray(body.apps)) throw new StreamFormatError(`${event} event without apps`);
    if (partial?.seq !== seq) partial = { seq, gathering: handlers.startSnapshot(seq) };
    handlers.addApps(partial.gathering, body.apps as AppRelease[]);
    return partial;
  };

  return {
    read(message) {
      const { event } = message;
      if (event !== 'snapshot-part' && event !== 'snapshot' && event !== 'change') return;
      const body = parse(event, message.data);
      if (event === 'snapshot-part') {
        gather(event, body);
      } else if (event === 'snapshot') {
        const whole = gather(event, body);
        partial = null;
        handlers.snapshot(whole.gathering, whole.seq);
      } else {
        const seq = seqOf(event, body);
        const appId = body.appId;
        if (typeof appId !== 'string') throw new StreamFormatError('change event without appId');
        const app = body.app ?? null;
        if (app !== null && typeof app !== 'object')
          throw new StreamFormatError('change event with a bad app');
        const type = typeof body.type === 'string' ? body.type : '';
        handlers.change({ seq, appId, type, app: app as AppRelease | null });
      }
    },
    reset() {
      partial = null;
    },
  };
}

/** An event's JSON before its fields are checked. */
interface EventBody {
  readonly seq?: unknown;
  readonly apps?: unknown;
  readonly appId?: unknown;
  readonly type?: unknown;
  readonly app?: unknown;
}

function parse(event: string, data: string): EventBody {
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch {
    throw new StreamFormatError(`${event} event is not JSON`);
  }
  if (typeof body !== 'object' || body === null)
    throw new StreamFormatError(`${event} event is not an object`);
  return body as EventBody;
}

function seqOf(event: string, body: EventBody): number {
  const seq = body.seq;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0)
    throw new StreamFormatError(`${event} event without a seq`);
  return seq;
}
