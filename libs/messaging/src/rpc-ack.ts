import {
  ArgumentsHost,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { RmqContext } from '@nestjs/microservices';
import type { Channel, Message } from 'amqplib';
import { Observable, finalize } from 'rxjs';

const ACKED = Symbol('acked');

/** Acks an RPC request exactly once, whichever of the interceptor or the filter gets there first. */
export function ackRpcRequest(host: ArgumentsHost | ExecutionContext): void {
  if (host.getType() !== 'rpc') return;
  const rmq = host.switchToRpc().getContext<RmqContext>();
  const message = rmq.getMessage() as Message & { [ACKED]?: boolean };
  if (message[ACKED]) return;
  message[ACKED] = true;
  (rmq.getChannelRef() as Channel).ack(message);
}

/**
 * Acknowledges an RPC request once its handler has produced the reply (or the error that
 * is the reply). A request whose process dies before that is redelivered to another instance.
 */
@Injectable()
export class RpcAckInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(finalize(() => ackRpcRequest(context)));
  }
}
