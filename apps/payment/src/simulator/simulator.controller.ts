import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SIMULATOR_PAGE_CSP, errorPage, paymentPage } from './simulator-page';
import { SimulatorService } from './simulator.service';

/**
 * The simulated provider's HTTP face, on the payment app's own server in development and
 * tests (never in production): its payment page, the buttons' form post, the query API.
 */
@Controller('simulator')
export class SimulatorController {
  constructor(private readonly simulator: SimulatorService) {}

  @Get('vpcpay.html')
  async page(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const outcome = await this.simulator.openPage(rawQueryOf(req));
    await html(reply, outcome.ok ? 200 : 400).send(
      outcome.ok
        ? paymentPage(outcome.merchant, outcome.transaction, outcome.payload)
        : errorPage(outcome.message),
    );
  }

  /** The page's form: `payload` (the signed checkout query) and `action` (pay | cancel). */
  @Post('vpcpay.html')
  async complete(@Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const form = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const action = form.action;
    const payload = form.payload;
    if ((action !== 'pay' && action !== 'cancel') || typeof payload !== 'string') {
      await html(reply, 400).send(errorPage('Yêu cầu không hợp lệ.'));
      return;
    }
    const outcome = await this.simulator.complete(payload.slice(0, 8192), action);
    if (!outcome.ok) {
      await html(reply, 400).send(errorPage(outcome.message));
      return;
    }
    await reply.redirect(outcome.redirectUrl, 302);
  }

  @Post('merchant_webapi/api/transaction')
  @HttpCode(200)
  query(@Body() body: unknown): Promise<Record<string, string>> {
    return this.simulator.queryDr(body);
  }
}

function rawQueryOf(req: FastifyRequest): string {
  const index = req.url.indexOf('?');
  return index < 0 ? '' : req.url.slice(index + 1);
}

function html(reply: FastifyReply, status: number): FastifyReply {
  return reply
    .status(status)
    .header('Content-Type', 'text/html; charset=utf-8')
    .header('Content-Security-Policy', SIMULATOR_PAGE_CSP)
    .header('Cache-Control', 'no-store');
}
