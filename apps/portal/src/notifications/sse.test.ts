import { describe, expect, it } from 'vitest';
import { SseParser } from './sse';

describe('the SSE parser', () => {
  it('reads events, ids, types and multi-line data', () => {
    const parser = new SseParser();
    const events = parser.feed(
      ': keep-alive\n\nid: 41\nevent: notification\ndata: {"title":"Hồ sơ đã được tiếp nhận"}\n\n' +
        'data: dòng 1\ndata: dòng 2\n\n',
    );
    expect(events).toEqual([
      { event: 'notification', data: '{"title":"Hồ sơ đã được tiếp nhận"}', lastEventId: '41' },
      { event: 'message', data: 'dòng 1\ndòng 2', lastEventId: '41' },
    ]);
    expect(parser.lastId).toBe('41');
  });

  it('joins events cut anywhere between chunks, CRLF split included', () => {
    const text = 'id: 7\r\nevent: notification\r\ndata: {"a":1}\r\n\r\nid: 8\r\ndata: x\r\n\r\n';
    for (let cut = 1; cut < text.length; cut++) {
      const parser = new SseParser();
      const events = [...parser.feed(text.slice(0, cut)), ...parser.feed(text.slice(cut))];
      expect({ cut, events }).toEqual({
        cut,
        events: [
          { event: 'notification', data: '{"a":1}', lastEventId: '7' },
          { event: 'message', data: 'x', lastEventId: '8' },
        ],
      });
    }
  });

  it('handles lone CR line ends, field without a colon, retry and an id with NUL', () => {
    const parser = new SseParser('5');
    const events = parser.feed('retry: 2500\rdata\r\rid: a\0b\rdata: y\r\r');
    expect(parser.retryMs).toBe(2500);
    expect(events).toEqual([
      { event: 'message', data: '', lastEventId: '5' },
      { event: 'message', data: 'y', lastEventId: '5' },
    ]);
  });

  it('does not dispatch an event without data, but keeps its id', () => {
    const parser = new SseParser();
    expect(parser.feed('id: 9\nevent: ping\n\n')).toEqual([]);
    expect(parser.lastId).toBe('9');
    expect(parser.feed('data:no space\n\n')).toEqual([
      { event: 'message', data: 'no space', lastEventId: '9' },
    ]);
  });
});
