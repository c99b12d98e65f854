/** One server-sent event (WHATWG HTML, "Parsing an event stream"). */
export interface SseEvent {
  readonly event: string;
  readonly data: string;
  /** The last `id:` seen so far on the stream, as `Last-Event-ID` would carry it. */
  readonly id: string;
}

/**
 * A tiny incremental SSE parser: feed it decoded text as it arrives, in chunks cut anywhere (even between the
 * CR and LF of a line end), and it hands back the complete events. `retry:` is ignored (the caller decides).
 */
export class SseParser {
  #buffer = '';
  #event = '';
  #data: string[] = [];
  #id = '';
  #skipLf = false;

  get lastEventId(): string {
    return this.#id;
  }

  push(chunk: string): SseEvent[] {
    const events: SseEvent[] = [];
    let text = chunk;
    if (this.#skipLf && text.startsWith('\n')) text = text.slice(1);
    this.#skipLf = false;
    this.#buffer += text;
    let start = 0;
    for (let i = 0; i < this.#buffer.length; i++) {
      const c = this.#buffer.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      const line = this.#buffer.slice(start, i);
      if (c === 13) {
        if (i + 1 === this.#buffer.length) this.#skipLf = true;
        else if (this.#buffer.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
      const event = this.#line(line);
      if (event) events.push(event);
    }
    this.#buffer = this.#buffer.slice(start);
    return events;
  }

  #line(line: string): SseEvent | undefined {
    if (line === '') {
      if (this.#data.length === 0) {
        this.#event = '';
        return undefined;
      }
      const event = { event: this.#event || 'message', data: this.#data.join('\n'), id: this.#id };
      this.#event = '';
      this.#data = [];
      return event;
    }
    if (line.startsWith(':')) return undefined; // a comment, e.g. a keep-alive
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.#event = value;
    else if (field === 'data') this.#data.push(value);
    else if (field === 'id' && !value.includes('\u0000')) this.#id = value;
    return undefined;
  }
}
