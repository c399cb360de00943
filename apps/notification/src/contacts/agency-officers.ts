import { Inject, Injectable } from '@nestjs/common';
import { IdentityRpc } from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { NotificationConfig } from '../notification.config';
import { IDENTITY_RPC } from './account-contacts';

/** Who the officers of an agency are; identity owns the membership. */
export abstract class AgencyOfficers {
  abstract of(agencyCode: string): Promise<string[]>;
}

/**
 * Asks identity (`identity.agencies.officers`, as a service) and keeps the answer for
 * CONTACT_CACHE_SECONDS: a burst of warnings about one agency costs one call.
 */
@Injectable()
export class RpcAgencyOfficers extends AgencyOfficers {
  private readonly cache = new Map<string, { accountIds: string[]; until: number }>();
  private readonly ttlMs: number;

  constructor(
    @Inject(IDENTITY_RPC) private readonly identity: RpcClient,
    config: NotificationConfig,
  ) {
    super();
    this.ttlMs = config.CONTACT_CACHE_SECONDS * 1000;
  }

  async of(agencyCode: string): Promise<string[]> {
    const cached = this.cache.get(agencyCode);
    if (cached && cached.until > Date.now()) return cached.accountIds;
    const { accountIds } = await this.identity.send(IdentityRpc.agencyOfficers, {
      caller: null,
      correlationId: null,
      data: { agencyCode },
    });
    if (this.ttlMs > 0) this.cache.set(agencyCode, { accountIds, until: Date.now() + this.ttlMs });
    return accountIds;
  }
}
