import { formatSseComment, formatSseEvent, formatSseRetry } from './sse';

describe('server-sent events on the wire', () => {
  it('writes id, event and data lines, then a blank line', () => {
    expect(formatSseEvent({ id: 'n-1', event: 'notification', data: '{"a":1}' })).toBe(
      'id: n-1\nevent: notification\ndata: {"a":1}\n\n',
    );
  });

  it('spreads multi-line data over data lines, whatever the line breaks', () => {
    expect(formatSseEvent({ data: 'một\nhai\r\nba\rbốn' })).toBe(
      'data: một\ndata: hai\ndata: ba\ndata: bốn\n\n',
    );
  });

  it('keeps an id or event name on one line, so it cannot start a field of its own', () => {
    expect(formatSseEvent({ id: 'a\n\ndata: forged', event: 'x\ry', data: '' })).toBe(
      'id: a data: forged\nevent: x y\ndata: \n\n',
    );
  });

  it('writes comments and the reconnection delay', () => {
    expect(formatSseComment('heartbeat')).toBe(': heartbeat\n\n');
    expect(formatSseComment('a\nb')).toBe(': a b\n\n');
    expect(formatSseRetry(5000)).toBe('retry: 5000\n\n');
  });
});
