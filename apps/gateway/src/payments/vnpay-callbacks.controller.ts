import { Controller, Get, Inject, Req, Res, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IpnAnswer, PaymentReturnView, PaymentRpc } from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { Public } from '../auth/auth.decorators';
import { ApiProblems } from '../problems/api-problems.decorator';
import { CallContext } from '../rpc/call-context';
import { PAYMENT_RPC } from '../rpc/rpc.module';
import { sendRpc } from '../rpc/send-rpc';
import { IPN_UNKNOWN_ERROR, IpnAnswerFilter, sendIpnAnswer } from './ipn-answer.filter';
import { returnPage } from './return-page';

/** The query string exactly as it arrived (the payment service parses and verifies it). */
function rawQueryOf(request: FastifyRequest): string {
  const index = request.url.indexOf('?');
  return index < 0 ? '' : request.url.slice(index + 1);
}

function isIpnAnswer(value: unknown): value is IpnAnswer {
  const v = value as Partial<IpnAnswer> | null;
  return (
    typeof v?.RspCode === 'string' && /^\d{2}$/.test(v.RspCode) && typeof v.Message === 'string'
  );
}

/** The provider's calls back to us (VNPay 2.1.0): public, relayed raw to the payment service. */
@ApiTags('Giao dịch / Payments')
@Public()
@Controller('payments/vnpay')
export class VnpayCallbacksController {
  constructor(@Inject(PAYMENT_RPC) private readonly payments: RpcClient) {}

  /**
   * Server-to-server from the provider. Always 200 with `{RspCode, Message}` (never a
   * problem): `99` when the payment service cannot be reached, so the provider calls again.
   */
  @Get('ipn')
  @UseFilters(IpnAnswerFilter)
  @ApiOperation({ summary: 'IPN (cổng thanh toán → DVC): answers { RspCode, Message }' })
  async ipn(
    @CallContext() ctx: CallContext,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const answer = await sendRpc(this.payments, PaymentRpc.ipn, ctx, {
      rawQuery: rawQueryOf(request),
    });
    sendIpnAnswer(reply, isIpnAnswer(answer) ? answer : IPN_UNKNOWN_ERROR);
  }

  /**
   * The browser's way back from the provider: display only, the payment's true state from
   * our database (JSON, or a small page for a browser).
   */
  @Get('return')
  @ApiProblems()
  @ApiOperation({ summary: 'Kết quả thanh toán / Return page after paying (changes nothing)' })
  @ApiOkResponse({ type: PaymentReturnView, description: 'JSON, or a small page for a browser' })
  async showReturn(
    @CallContext() ctx: CallContext,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const view = await sendRpc(this.payments, PaymentRpc.returnView, ctx, {
      rawQuery: rawQueryOf(request).slice(0, 8192),
    });
    const wantsHtml = /\btext\/html\b/.test(String(request.headers.accept ?? ''));
    if (wantsHtml) {
      await reply
        .status(200)
        .header('Content-Type', 'text/html; charset=utf-8')
        .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(returnPage(view));
      return;
    }
    await reply.status(200).header('Content-Type', 'application/json; charset=utf-8').send(view);
  }
}
