/** One dispatched Server-Sent Event. */
export interface SseMessage {
  readonly event: string;
  readonly data: string;
  /** The last event id seen on the stream so far (it carries over to later events, as in EventSource). */
  readonly id: string | undefined;
}

/**
 * An incremental parser of `text/event-stream` (WHATWG HTML §9.2.6): fed decoded text in chunks of any size,
 * calls back once per event. Lines end in LF, CR or CRLF, even when a CRLF is split between chunks. A line that
 * spans many chunks (a large snapshot) is joined once, when its end arrives, not re-scanned per chunk.
 */
export class SseParser {
  #partial: string[] = [];
  #skipLf = false;
  #event = '';
  #data: string[] = [];
  #id: string | undefined;

  constructor(
    private readonly onMessage: (message: SseMessage) => void,
    private readonly onComment: (text: string) => void = () => {},
  ) {}

  push(chunk: string): void {
    let pos = 0;
    if (this.#skipLf && chunk.charCodeAt(0) === 10) pos = 1;
    this.#skipLf = false;
    let lf = chunk.indexOf('\n', pos);
    let cr = chunk.indexOf('\r', pos);
    while (pos < chunk.length) {
      if (lf !== -1 && lf < pos) lf = chunk.indexOf('\n', pos);
      if (cr !== -1 && cr < pos) cr = chunk.indexOf('\r', pos);
      const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (end === -1) {
        this.#partial.push(chunk.slice(pos));
        return;
      }
      let line = chunk.slice(pos, end);
      if (this.#partial.length > 0) {
        this.#partial.push(line);
        line = this.#partial.join('');
        this.#partial = [];
      }
      pos = end + 1;
      if (end === cr) {
        if (pos === chunk.length) this.#skipLf = true;
        else if (chunk.charCodeAt(pos) === 10) pos++;
      }
      this.#line(line);
    }
  }

  #line(line: string): void {
    if (line === '') {
      this.#dispatch();
      return;
    }
    if (line.charCodeAt(0) === 58 /* : */) {
      this.onComment(line.slice(1).trimStart());
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (field === 'data') this.#data.push(value);
    else if (field === 'event') this.#event = value;
    else if (field === 'id' && !value.includes('\0')) this.#id = value;
    // `retry` and unknown fields: our client keeps its own backoff.
  }

  #dispatch(): void {
    const data = this.#data;
    const event = this.#event || 'message';
    this.#data = [];
    this.#event = '';
    if (data.length === 0) return;
    this.onMessage({ event, data: data.join('\n'), id: this.#id });
  }
}
