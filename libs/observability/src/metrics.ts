import { Controller, Get, Header, Injectable, NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { routeTemplateOf } from './request-line';

/** One Prometheus registry per process, with Node's default metrics. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request latency',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

export const rpcDuration = new Histogram({
  name: 'rpc_request_duration_seconds',
  help: 'RPC round-trip latency seen by the caller',
  labelNames: ['service', 'pattern', 'outcome'],
  buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
  registers: [metricsRegistry],
});

@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  use(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const end = httpDuration.startTimer({ method: req.method });
    res.on('finish', () => {
      // Label by the route template so the series stay bounded (and carry no ids or codes):
      // paths nobody serves (scanners) share one label.
      const route = res.statusCode === 404 ? '(not found)' : (routeTemplateOf(req) ?? '(no route)');
      end({ route, status: String(res.statusCode) });
    });
    next();
  }
}

@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
