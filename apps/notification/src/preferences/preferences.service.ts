import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  Caller,
  EmailPreferencesInput,
  NotificationCategory,
  NotificationPreferencesView,
} from '@dvc/contracts';
import { PreferencesRepository } from './preferences.repository';

/**
 * Which emails a citizen wants: per category, dossier and payment. The bell always rings,
 * and account/security emails always go (they are not a preference).
 */
@Injectable()
export class PreferencesService {
  constructor(private readonly preferences: PreferencesRepository) {}

  async get(caller: Caller): Promise<NotificationPreferencesView> {
    return { email: await this.preferences.get(caller.accountId) };
  }

  async set(caller: Caller, email: EmailPreferencesInput): Promise<NotificationPreferencesView> {
    return { email: await this.preferences.set(caller.accountId, email) };
  }

  /** Read in the event's transaction, so a change committed before the event counts. */
  async emailWanted(
    manager: EntityManager,
    accountId: string,
    category: NotificationCategory,
  ): Promise<boolean> {
    if (category === 'account') return true;
    return (await this.preferences.get(accountId, manager))[category];
  }
}
