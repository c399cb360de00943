import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IpnAnswer } from '@dvc/contracts';

/** What the provider gets when we could not process its IPN: it will call again. */
export const IPN_UNKNOWN_ERROR: IpnAnswer = { RspCode: '99', Message: 'Unknown error' };

export function sendIpnAnswer(reply: FastifyReply, answer: IpnAnswer): void {
  void reply
    .status(200)
    .header('Content-Type', 'application/json; charset=utf-8')
    .send(JSON.stringify({ RspCode: answer.RspCode, Message: answer.Message }));
}

/**
 * The IPN route's errors (rate limit, payment service down or late, anything) are not
 * problems: the provider expects `{RspCode, Message}` with 200 whatever happens, so they
 * leave as `99`.
 */
@Catch()
export class IpnAnswerFilter implements ExceptionFilter {
  private readonly logger = new Logger('Ipn');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    this.logger.warn(
      `IPN answered 99 [${String(request.id)}]: ${exception instanceof Error ? exception.message : String(exception)}`,
    );
    sendIpnAnswer(host.switchToHttp().getResponse<FastifyReply>(), IPN_UNKNOWN_ERROR);
  }
}
