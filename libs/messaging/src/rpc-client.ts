import { Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ClientProxy, ClientProxyFactory, RmqRecordBuilder } from '@nestjs/microservices';
import { TimeoutError, firstValueFrom, timeout } from 'rxjs';
import {
  DomainError,
  ProblemShape,
  RequestErrors,
  RpcRequest,
  errorEntry,
  RpcInputOf,
  RpcPattern,
  RpcResultOf,
  isProblemShape,
} from '@dvc/contracts';
import { rpcClientOptions } from './rmq-options';

export class RpcTimeoutError extends DomainError {
  constructor(service: string) {
    super(RequestErrors.rpcTimeout, { params: { service } });
  }
}

export class BrokerUnavailableError extends DomainError {
  constructor(service: string) {
    super(RequestErrors.rpcUnavailable, { params: { service } });
  }
}

/**
 * An error reply from another process, rebuilt as the catalogue error it was over there (a
 * code this build does not know keeps the status and wording it came with).
 */
export class RemoteProblemError extends DomainError {
  constructor(problem: ProblemShape) {
    const { status, code, title, detail, errors, params, ...extra } = problem;
    const wording = typeof detail === 'string' && detail.length > 0 ? detail : title;
    super(errorEntry(code) ?? { code, status, vi: wording, en: wording }, {
      params,
      errors,
      extra,
    });
  }
}

/**
 * Request/response to one service over its RPC queue. Every call has a deadline; the
 * request message expires with it, so a service that comes back later does not act on a
 * request nobody waits for any more. A broker that is down answers 503 at once.
 */
export class RpcClient implements OnModuleInit, OnApplicationShutdown {
  private readonly logger: Logger;
  private readonly proxy: ClientProxy;
  private connected = false;

  constructor(
    readonly service: string,
    queue: string,
    amqpUrl: string,
    private readonly timeoutMs: number,
  ) {
    this.logger = new Logger(`RpcClient:${service}`);
    this.proxy = ClientProxyFactory.create(rpcClientOptions({ AMQP_URL: amqpUrl }, queue));
    this.proxy.status.subscribe((status) => {
      this.connected = status === 'connected';
    });
  }

  async onModuleInit(): Promise<void> {
    try {
      await this.proxy.connect();
      this.connected = true;
    } catch (err) {
      // Start anyway: readiness reports the broker, and calls answer 503 until it is back.
      this.logger.warn(`broker not reachable at start: ${(err as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.proxy.close();
  }

  get isConnected(): boolean {
    return this.connected;
  }

  /** One request; the pattern decides, through RpcContract, what it takes and answers. */
  send<P extends RpcPattern>(
    pattern: P,
    request: RpcRequest<RpcInputOf<P>>,
  ): Promise<RpcResultOf<P>> {
    return this.sendUnchecked(pattern, request) as Promise<RpcResultOf<P>>;
  }

  /**
   * Any pattern, any input, the answer unchecked: for tests that probe a service with
   * requests no typed caller could send. Application code uses send().
   */
  async sendUnchecked(pattern: string, request: RpcRequest<unknown>): Promise<unknown> {
    if (!this.connected) {
      // A client that never connected retries here once, so a late broker is picked up.
      await this.proxy.connect().then(
        () => (this.connected = true),
        () => undefined,
      );
      if (!this.connected) throw new BrokerUnavailableError(this.service);
    }
    const record = new RmqRecordBuilder(request)
      .setOptions({
        expiration: String(this.timeoutMs),
        headers: { 'x-correlation-id': request.correlationId ?? '' },
      })
      .build();
    try {
      return await firstValueFrom(
        this.proxy.send<unknown>(pattern, record).pipe(timeout(this.timeoutMs)),
      );
    } catch (err) {
      if (err instanceof TimeoutError) throw new RpcTimeoutError(this.service);
      if (isProblemShape(err)) throw new RemoteProblemError(err);
      if (!this.connected) throw new BrokerUnavailableError(this.service);
      throw err;
    }
  }
}
