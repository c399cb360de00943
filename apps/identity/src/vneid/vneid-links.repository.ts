import { Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import { EntityManager } from 'typeorm';
import { kyselyOf } from '@dvc/database';
import type { DB, VneidLinks } from '../database/db.generated';

export interface VneidLink {
  accountId: string;
  subject: string;
  idNumber: string;
  linkedAt: Date;
}

const COLUMNS = [
  'account_id',
  'subject',
  'id_number',
  'linked_at',
] as const satisfies readonly (keyof VneidLinks)[];

const toLink = (r: Pick<Selectable<VneidLinks>, (typeof COLUMNS)[number]>): VneidLink => ({
  accountId: r.account_id,
  subject: r.subject,
  idNumber: r.id_number,
  linkedAt: r.linked_at,
});

/** vneid_links: one VNeID identity (subject) per account and one account per identity. */
@Injectable()
export class VneidLinksRepository {
  async findBySubject(manager: EntityManager, subject: string): Promise<VneidLink | null> {
    const row = await kyselyOf<DB>(manager)
      .selectFrom('vneid_links')
      .select(COLUMNS)
      .where('subject', '=', subject)
      .executeTakeFirst();
    return row ? toLink(row) : null;
  }

  /** Links, or answers null when the account or the subject is linked already. */
  async insert(
    manager: EntityManager,
    link: Omit<VneidLink, 'linkedAt'>,
  ): Promise<VneidLink | null> {
    const row = await kyselyOf<DB>(manager)
      .insertInto('vneid_links')
      .values({ account_id: link.accountId, subject: link.subject, id_number: link.idNumber })
      .onConflict((oc) => oc.doNothing())
      .returning(COLUMNS)
      .executeTakeFirst();
    return row ? toLink(row) : null;
  }
}
