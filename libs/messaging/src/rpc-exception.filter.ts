import { ArgumentsHost, Catch, Logger, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import { DomainError, ProblemShape, RequestErrors } from '@dvc/contracts';
import { ackRpcRequest } from './rpc-ack';

/**
 * The one place where a service's errors become RPC error replies: a DomainError keeps
 * its problem shape; anything else is logged and answered as a generic 500 problem
 * (details stay in the service log, never reach the client).
 */
@Catch()
export class RpcDomainExceptionFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcError');

  catch(exception: unknown, host: ArgumentsHost): Observable<ProblemShape> {
    ackRpcRequest(host); // guards/pipes may fail before the ack interceptor runs
    if (exception instanceof DomainError) return throwError(() => exception.toProblem());
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return throwError(() => new DomainError(RequestErrors.internal).toProblem());
  }
}
