import { Injectable } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { DomainError, PaymentErrors } from '@dvc/contracts';
import { PaymentConfig, SIMULATOR_API_PATH, SIMULATOR_PAY_PATH } from '../payment.config';

/**
 * Where the provider is. Configured URLs win; left empty (development, tests), the provider is
 * the simulator on this app's own HTTP server, whose address is known once it listens (port 0
 * in tests picks a free one).
 */
@Injectable()
export class ProviderEndpoints {
  private own: { browser: string; server: string } | null = null;

  constructor(private readonly config: PaymentConfig) {}

  /** Called by startPayment once the HTTP server listens. */
  bindOwnAddress(address: AddressInfo | string | null): void {
    if (!address || typeof address === 'string') return;
    const wildcard = ['0.0.0.0', '::', ''].includes(this.config.HTTP_HOST);
    const host = (name: string) => (name.includes(':') ? `[${name}]` : name);
    this.own = {
      // The citizen's browser on this machine; a server-to-server call takes the loopback.
      browser: `http://${wildcard ? 'localhost' : host(this.config.HTTP_HOST)}:${address.port}`,
      server: `http://${wildcard ? '127.0.0.1' : host(this.config.HTTP_HOST)}:${address.port}`,
    };
  }

  /** The provider's payment page. */
  payUrl(): string {
    return this.config.VNPAY_PAY_URL || `${this.ownAddress().browser}${SIMULATOR_PAY_PATH}`;
  }

  /** The provider's query API. */
  apiUrl(): string {
    return this.config.VNPAY_API_URL || `${this.ownAddress().server}${SIMULATOR_API_PATH}`;
  }

  private ownAddress(): { browser: string; server: string } {
    if (!this.own) {
      throw new DomainError(PaymentErrors.providerUnavailable);
    }
    return this.own;
  }
}
