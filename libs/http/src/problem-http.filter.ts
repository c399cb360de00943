import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, ProblemShape, RequestErrors } from '@dvc/contracts';

/**
 * Answers errors of this app's HTTP routes as application/problem+json (the RPC side has
 * RpcDomainExceptionFilter). Unexpected errors are logged and answered as a generic 500.
 */
@Catch()
export class ProblemHttpFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    let problem: ProblemShape;
    if (exception instanceof DomainError) {
      problem = exception.toProblem();
    } else if (exception instanceof HttpException) {
      problem = { status: exception.getStatus(), code: 'http.error', title: exception.message };
    } else {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
      problem = new DomainError(RequestErrors.internal).toProblem();
    }
    if (reply.sent) return; // a download that failed mid-stream: the connection is closed already
    void reply
      .status(problem.status)
      .header('Content-Type', 'application/problem+json; charset=utf-8')
      .send(problem);
  }
}
