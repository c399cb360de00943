import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AccountStatus, Locale, Role } from '@dvc/contracts';
import { Account, NewAccount, ProfileChanges } from './accounts.dto';
import { updatedRows } from '@dvc/database';

interface Row {
  id: string;
  email: string;
  password_hash: string;
  full_name: string;
  phone: string | null;
  id_number: string | null;
  locale: Locale;
  status: AccountStatus;
  roles: Role[];
  created_at: Date;
}

const COLUMNS =
  'id, email, password_hash, full_name, phone, id_number, locale, status, roles, created_at';

const toAccount = (r: Row): Account => ({
  id: r.id,
  email: r.email,
  passwordHash: r.password_hash,
  fullName: r.full_name,
  phone: r.phone,
  idNumber: r.id_number,
  locale: r.locale,
  status: r.status,
  roles: r.roles,
  createdAt: r.created_at,
});

const UNIQUE_VIOLATION = '23505';

export class EmailTakenError extends Error {}

/** accounts and account_agencies (officers' agency membership). */
@Injectable()
export class AccountsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts a new account; throws EmailTakenError when the (case-insensitive) email exists. */
  async insert(manager: EntityManager, account: NewAccount): Promise<Account> {
    try {
      const rows: Row[] = await manager.query(
        `INSERT INTO accounts (email, password_hash, full_name, phone, id_number, locale, status, roles)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
        [
          account.email,
          account.passwordHash,
          account.fullName,
          account.phone,
          account.idNumber,
          account.locale,
          account.status,
          account.roles,
        ],
      );
      return toAccount(rows[0]);
    } catch (err) {
      if ((err as { code?: string }).code === UNIQUE_VIOLATION) throw new EmailTakenError();
      throw err;
    }
  }

  async findByEmail(
    email: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Account | null> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} FROM accounts WHERE lower(email) = lower($1)`,
      [email],
    );
    return rows.length > 0 ? toAccount(rows[0]) : null;
  }

  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Account | null> {
    const rows: Row[] = await manager.query(`SELECT ${COLUMNS} FROM accounts WHERE id = $1`, [id]);
    return rows.length > 0 ? toAccount(rows[0]) : null;
  }

  /** Same as findById, holding the row until the transaction ends (password changes). */
  async findByIdForUpdate(manager: EntityManager, id: string): Promise<Account | null> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} FROM accounts WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows.length > 0 ? toAccount(rows[0]) : null;
  }

  /** pending → active; returns the account, or null when it was not pending. */
  async activate(manager: EntityManager, id: string): Promise<Account | null> {
    const rows = updatedRows<Row>(
      await manager.query(
        `UPDATE accounts SET status = 'active', activated_at = now(), updated_at = now()
        WHERE id = $1 AND status = 'pending' RETURNING ${COLUMNS}`,
        [id],
      ),
    );
    return rows.length > 0 ? toAccount(rows[0]) : null;
  }

  async updateProfile(id: string, changes: ProfileChanges): Promise<Account | null> {
    const sets: string[] = [];
    const values: unknown[] = [id];
    const columns: Record<keyof ProfileChanges, string> = {
      fullName: 'full_name',
      phone: 'phone',
      idNumber: 'id_number',
      locale: 'locale',
    };
    for (const key of Object.keys(columns) as (keyof ProfileChanges)[]) {
      if (changes[key] === undefined) continue;
      values.push(changes[key]);
      sets.push(`${columns[key]} = $${values.length}`);
    }
    const rows = updatedRows<Row>(
      await this.dataSource.query(
        `UPDATE accounts SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING ${COLUMNS}`,
        values,
      ),
    );
    return rows.length > 0 ? toAccount(rows[0]) : null;
  }

  async updatePasswordHash(
    id: string,
    passwordHash: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `UPDATE accounts SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1`,
      [id, passwordHash],
    );
  }

  /** A transparent re-hash with stronger parameters; not a password change. */
  async replacePasswordHash(id: string, oldHash: string, newHash: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE accounts SET password_hash = $3 WHERE id = $1 AND password_hash = $2`,
      [id, oldHash, newHash],
    );
  }

  async agenciesOf(
    accountId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    const rows: { agency_code: string }[] = await manager.query(
      `SELECT agency_code FROM account_agencies WHERE account_id = $1 ORDER BY agency_code`,
      [accountId],
    );
    return rows.map((r) => r.agency_code);
  }

  async addAgencies(
    manager: EntityManager,
    accountId: string,
    agencyCodes: string[],
  ): Promise<void> {
    if (agencyCodes.length === 0) return;
    await manager.query(
      `INSERT INTO account_agencies (account_id, agency_code) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
      [accountId, agencyCodes],
    );
  }
}
