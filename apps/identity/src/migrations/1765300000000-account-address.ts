import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * The citizen's address (nơi cư trú), typed on Trang cá nhân or given by VNeID, prefilled into
 * the online forms. At most 255 characters: the shortest address field of a form takes that.
 */
export class AccountAddress1765300000000 implements MigrationInterface {
  name = 'AccountAddress1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE ${schemaOf(q)}.accounts ADD COLUMN address text
         CONSTRAINT accounts_address_length CHECK (char_length(address) BETWEEN 1 AND 255)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${schemaOf(q)}.accounts DROP COLUMN address`);
  }
}
