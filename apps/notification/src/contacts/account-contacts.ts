import { Inject, Injectable } from '@nestjs/common';
import { AccountContactView, IdentityRpc, RpcQueues } from '@dvc/contracts';
import { RemoteProblemError, RpcClient } from '@dvc/messaging';
import { NotificationConfig } from '../notification.config';

export const IDENTITY_RPC = Symbol('IDENTITY_RPC');

/** identity's RPC client: own AMQP connection, a deadline on every call. */
export const identityRpcClient = {
  provide: IDENTITY_RPC,
  inject: [NotificationConfig],
  useFactory: (config: NotificationConfig) =>
    new RpcClient('identity', RpcQueues.identity, config.AMQP_URL, config.RPC_TIMEOUT_MS),
};

/** The account does not exist (any more): retrying cannot find its address. */
export class UnknownAccountError extends Error {
  override name = 'UnknownAccountError';
}

/** Where to reach an account holder; dossier and payment events name the account only. */
export abstract class AccountContacts {
  /** Throws UnknownAccountError for an account identity does not know, anything else to retry. */
  abstract of(accountId: string): Promise<AccountContactView>;
}

const MAX_CACHED = 10_000;

/**
 * Asks identity (`identity.accounts.contact`, as a service: no caller) and keeps the answer
 * for CONTACT_CACHE_SECONDS, so a burst of events about one citizen costs one call. Concurrent
 * asks for one account share a call; failures are not kept.
 */
@Injectable()
export class RpcAccountContacts extends AccountContacts {
  private readonly cache = new Map<string, { contact: AccountContactView; until: number }>();
  private readonly inFlight = new Map<string, Promise<AccountContactView>>();
  private readonly ttlMs: number;

  constructor(
    @Inject(IDENTITY_RPC) private readonly identity: RpcClient,
    config: NotificationConfig,
  ) {
    super();
    this.ttlMs = config.CONTACT_CACHE_SECONDS * 1000;
  }

  of(accountId: string): Promise<AccountContactView> {
    const cached = this.cache.get(accountId);
    if (cached && cached.until > Date.now()) return Promise.resolve(cached.contact);
    const pending = this.inFlight.get(accountId);
    if (pending) return pending;
    const ask = this.ask(accountId).finally(() => this.inFlight.delete(accountId));
    this.inFlight.set(accountId, ask);
    return ask;
  }

  private async ask(accountId: string): Promise<AccountContactView> {
    let contact: AccountContactView;
    try {
      contact = await this.identity.send(IdentityRpc.contact, {
        caller: null,
        correlationId: null,
        data: { accountId },
      });
    } catch (err) {
      if (err instanceof RemoteProblemError && err.status === 404) {
        throw new UnknownAccountError(`account ${accountId} is unknown to identity`);
      }
      throw err;
    }
    if (this.ttlMs > 0) {
      this.cache.delete(accountId);
      if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(accountId, { contact, until: Date.now() + this.ttlMs });
    }
    return contact;
  }
}
