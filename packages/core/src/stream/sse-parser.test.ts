import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SseMessage, SseParser } from './sse-parser.js';

function parse(chunks: string[]) {
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  const parser = new SseParser(
    (m) => messages.push(m),
    (c) => comments.push(c),
  );
  for (const chunk of chunks) parser.push(chunk);
  return { messages, comments };
}

const STREAM =
  ': hello\n\nevent: snapshot\nid: 7\ndata: {"seq":7}\n\n: hb\n\nevent: change\r\nid: 8\r\ndata: a\r\ndata: b\r\n\r\n' +
  'data:no space\rid\r\r';

describe('SseParser', () => {
  it('reads events, multi-line data, comments, and the id that carries over', () => {
    const { messages, comments } = parse([STREAM]);
    expect(messages).toEqual([
      { event: 'snapshot', id: '7', data: '{"seq":7}' },
      { event: 'change', id: '8', data: 'a\nb' },
      { event: 'message', id: '', data: 'no space' },
    ]);
    expect(comments).toEqual(['hello', 'hb']);
  });

  it('gives the same events however the text is cut into chunks, CRLF split included', () => {
    const whole = parse([STREAM]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: STREAM.length }), { maxLength: 12 }), (cuts) => {
        const points = [...new Set([0, ...cuts, STREAM.length])].sort((a, b) => a - b);
        const chunks = points.slice(1).map((end, i) => STREAM.slice(points[i], end));
        expect(parse(chunks)).toEqual(whole);
      }),
    );
  });

  it('dispatches nothing for an event without data, or one not yet ended by a blank line', () => {
    expect(parse(['event: change\nid: 3\n\n', 'data: pending\n']).messages).toEqual([]);
  });

  it('joins a line that spans many chunks once', () => {
    const data = 'x'.repeat(100_000);
    const text = `event: snapshot\ndata: ${data}\n\n`;
    const chunks = text.match(/[\s\S]{1,997}/g)!;
    expect(parse(chunks).messages).toEqual([{ event: 'snapshot', id: undefined, data }]);
  });
});
