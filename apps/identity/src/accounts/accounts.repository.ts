import { Injectable } from '@nestjs/common';
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import type { AccountStatus, Locale, Role } from '@dvc/contracts';
import { kyselyOf } from '@dvc/database';
import type { Accounts, DB } from '../database/db.generated';
import { Account, NewAccount, ProfileChanges } from './accounts.dto';

const COLUMNS = [
  'id',
  'email',
  'password_hash',
  'full_name',
  'phone',
  'id_number',
  'address',
  'locale',
  'status',
  'roles',
  'created_at',
] as const satisfies readonly (keyof Accounts)[];

/** Derived columns: the date of birth as written (yyyy-MM-dd) and the VNeID link, if any. */
const derived = (eb: ExpressionBuilder<DB, 'accounts'>) => [
  sql<string | null>`to_char(accounts.birth_date, 'YYYY-MM-DD')`.as('birth_date'),
  eb
    .selectFrom('vneid_links')
    .select('linked_at')
    .whereRef('vneid_links.account_id', '=', 'accounts.id')
    .as('vneid_linked_at'),
];

type Row = Pick<Selectable<Accounts>, (typeof COLUMNS)[number]> & {
  birth_date: string | null;
  vneid_linked_at: Date | null;
};

const toAccount = (r: Row): Account => ({
  id: r.id,
  email: r.email,
  passwordHash: r.password_hash,
  fullName: r.full_name,
  phone: r.phone,
  idNumber: r.id_number,
  address: r.address,
  locale: r.locale as Locale,
  status: r.status as AccountStatus,
  roles: r.roles as Role[],
  birthDate: r.birth_date,
  vneidLinkedAt: r.vneid_linked_at,
  createdAt: r.created_at,
});

const now = sql<Date>`now()`;

const UNIQUE_VIOLATION = '23505';

export class EmailTakenError extends Error {}

/** accounts and account_agencies (officers' agency membership). */
@Injectable()
export class AccountsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts a new account; throws EmailTakenError when the (case-insensitive) email exists. */
  async insert(manager: EntityManager, account: NewAccount): Promise<Account> {
    try {
      const row = await kyselyOf<DB>(manager)
        .insertInto('accounts')
        .values({
          email: account.email,
          password_hash: account.passwordHash,
          full_name: account.fullName,
          phone: account.phone,
          id_number: account.idNumber,
          locale: account.locale,
          status: account.status,
          roles: account.roles,
          birth_date: account.birthDate ?? null,
          address: account.address ?? null,
        })
        .returning(COLUMNS)
        .returning(derived)
        .executeTakeFirstOrThrow();
      return toAccount(row);
    } catch (err) {
      if ((err as { code?: string }).code === UNIQUE_VIOLATION) throw new EmailTakenError();
      throw err;
    }
  }

  async findByEmail(
    email: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Account | null> {
    const row = await kyselyOf<DB>(manager)
      .selectFrom('accounts')
      .select(COLUMNS)
      .select(derived)
      .where(sql`lower(email)`, '=', sql`lower(${email})`)
      .executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  /** Accounts holding this personal identification number, locked for linking to VNeID. */
  async findByIdNumber(manager: EntityManager, idNumber: string): Promise<Account[]> {
    const rows = await kyselyOf<DB>(manager)
      .selectFrom('accounts')
      .select(COLUMNS)
      .select(derived)
      .where('id_number', '=', idNumber)
      .orderBy('created_at')
      .forUpdate()
      .execute();
    return rows.map(toAccount);
  }

  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Account | null> {
    const row = await kyselyOf<DB>(manager)
      .selectFrom('accounts')
      .select(COLUMNS)
      .select(derived)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  /** Same as findById, holding the row until the transaction ends (password changes). */
  async findByIdForUpdate(manager: EntityManager, id: string): Promise<Account | null> {
    const row = await kyselyOf<DB>(manager)
      .selectFrom('accounts')
      .select(COLUMNS)
      .select(derived)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  /** pending → active; returns the account, or null when it was not pending. */
  async activate(manager: EntityManager, id: string): Promise<Account | null> {
    const row = await kyselyOf<DB>(manager)
      .updateTable('accounts')
      .set({ status: 'active', activated_at: now, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returning(COLUMNS)
      .returning(derived)
      .executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  /**
   * Takes a self-declared ID number off every other account holding it (a VNeID identity proved
   * it); answers the accounts that lost it. Rows are locked by findByIdNumber before.
   */
  async releaseIdNumber(
    manager: EntityManager,
    idNumber: string,
    provenHolderId: string,
  ): Promise<Account[]> {
    const rows = await kyselyOf<DB>(manager)
      .updateTable('accounts')
      .set({ id_number: null, updated_at: now })
      .where('id_number', '=', idNumber)
      .where('id', '!=', provenHolderId)
      .returning(COLUMNS)
      .returning(derived)
      .execute();
    return rows.map(toAccount);
  }

  /** The number VNeID proved for this account replaces whatever it had declared. */
  async setIdNumber(manager: EntityManager, id: string, idNumber: string): Promise<void> {
    await kyselyOf<DB>(manager)
      .updateTable('accounts')
      .set({ id_number: idNumber, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  /** The address VNeID gave, for an account that has none yet (never over the holder's own). */
  async fillAddress(manager: EntityManager, id: string, address: string): Promise<void> {
    await kyselyOf<DB>(manager)
      .updateTable('accounts')
      .set({ address, updated_at: now })
      .where('id', '=', id)
      .where('address', 'is', null)
      .execute();
  }

  async updateProfile(id: string, changes: ProfileChanges): Promise<Account | null> {
    const row = await this.db
      .updateTable('accounts')
      .set({
        full_name: changes.fullName,
        phone: changes.phone,
        id_number: changes.idNumber,
        address: changes.address,
        locale: changes.locale,
        updated_at: now,
      })
      .where('id', '=', id)
      .returning(COLUMNS)
      .returning(derived)
      .executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  async updatePasswordHash(
    id: string,
    passwordHash: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await kyselyOf<DB>(manager)
      .updateTable('accounts')
      .set({ password_hash: passwordHash, password_changed_at: now, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  /** A transparent re-hash with stronger parameters; not a password change. */
  async replacePasswordHash(id: string, oldHash: string, newHash: string): Promise<void> {
    await this.db
      .updateTable('accounts')
      .set({ password_hash: newHash })
      .where('id', '=', id)
      .where('password_hash', '=', oldHash)
      .execute();
  }

  async agenciesOf(
    accountId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    const rows = await kyselyOf<DB>(manager)
      .selectFrom('account_agencies')
      .select('agency_code')
      .where('account_id', '=', accountId)
      .orderBy('agency_code')
      .execute();
    return rows.map((r) => r.agency_code);
  }

  /** Active accounts with the officer role that belong to the agency. */
  async activeOfficersOf(agencyCode: string): Promise<string[]> {
    const rows = await kyselyOf<DB>(this.dataSource.manager)
      .selectFrom('account_agencies as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select('a.id')
      .where('m.agency_code', '=', agencyCode)
      .where('a.status', '=', 'active')
      .where(sql<boolean>`'officer' = ANY(a.roles)`)
      .orderBy('a.id')
      .execute();
    return rows.map((r) => r.id);
  }

  async addAgencies(
    manager: EntityManager,
    accountId: string,
    agencyCodes: string[],
  ): Promise<void> {
    if (agencyCodes.length === 0) return;
    await kyselyOf<DB>(manager)
      .insertInto('account_agencies')
      .values(agencyCodes.map((code) => ({ account_id: accountId, agency_code: code })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  private get db() {
    return kyselyOf<DB>(this.dataSource.manager);
  }
}
