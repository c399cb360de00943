import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestLogLevel } from './logging';

describe('request log lines', () => {
  const req = {} as IncomingMessage;
  const answered = (statusCode: number) => ({ statusCode }) as ServerResponse;

  it('keeps successful requests out of the info log', () => {
    expect(requestLogLevel(req, answered(200))).toBe('debug');
    expect(requestLogLevel(req, answered(201))).toBe('debug');
    expect(requestLogLevel(req, answered(304))).toBe('debug');
  });

  it('logs refusals at info and failures at error', () => {
    expect(requestLogLevel(req, answered(404))).toBe('info');
    expect(requestLogLevel(req, answered(429))).toBe('info');
    expect(requestLogLevel(req, answered(502))).toBe('error');
    expect(requestLogLevel(req, answered(200), new Error('stream broke'))).toBe('error');
  });
});
