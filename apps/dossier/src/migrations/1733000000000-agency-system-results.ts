import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * Results added by an agency's own system (ministry `command.complete`) have no account
 * behind them: `added_by` is null for those, as `by_account_id` is in their history rows.
 */
export class AgencySystemResults1733000000000 implements MigrationInterface {
  name = 'AgencySystemResults1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${schemaOf(q)}.results ALTER COLUMN added_by DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DELETE FROM ${s}.results WHERE added_by IS NULL`);
    await q.query(`ALTER TABLE ${s}.results ALTER COLUMN added_by SET NOT NULL`);
  }
}
