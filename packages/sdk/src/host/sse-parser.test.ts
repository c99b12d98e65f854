import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser.js';

const stream =
  ': keep-alive\n' +
  'event: snapshot\ndata: {"seq":3,\ndata: "apps":[]}\nid: 3\n\n' +
  'event: change\r\ndata: {"seq":4}\r\nid: 4\r\n\r\n' +
  'data: plain\rid\r\r' +
  'event: change\ndata:{"seq":5}\n\n';

const expected = [
  { event: 'snapshot', data: '{"seq":3,\n"apps":[]}', id: '3' },
  { event: 'change', data: '{"seq":4}', id: '4' },
  { event: 'message', data: 'plain', id: '' },
  { event: 'change', data: '{"seq":5}', id: '' },
];

describe('SseParser', () => {
  it('reads events, multi-line data, comments, ids and every line ending', () => {
    expect(new SseParser().push(stream)).toEqual(expected);
  });

  it('gives the same events however the text is cut into chunks (even between CR and LF)', () => {
    for (let cut = 0; cut <= stream.length; cut++) {
      for (const size of [1, 3, 7]) {
        const parser = new SseParser();
        const events = [...parser.push(stream.slice(0, cut))];
        for (let i = cut; i < stream.length; i += size)
          events.push(...parser.push(stream.slice(i, i + size)));
        expect(events).toEqual(expected);
      }
    }
  });

  it('keeps an unfinished event until its blank line arrives', () => {
    const parser = new SseParser();
    expect(parser.push('event: change\ndata: {"seq":9}\n')).toEqual([]);
    expect(parser.lastEventId).toBe('');
    expect(parser.push('id: 9\n\n')).toEqual([{ event: 'change', data: '{"seq":9}', id: '9' }]);
    expect(parser.lastEventId).toBe('9');
  });
});
