import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@dvc/database';

/**
 * provider_callbacks stays append-only for what the provider signed; an IPN whose signature
 * does not check (anyone on the internet can send one) may be deleted, so the reconciliation
 * job keeps those only for a short while.
 */
export class UnsignedCallbacks1734000000000 implements MigrationInterface {
  name = 'UnsignedCallbacks1734000000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE OR REPLACE FUNCTION ${s}.provider_callbacks_append_only() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND NOT OLD.signature_valid THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'provider_callbacks is append-only: % refused', TG_OP
          USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await q.query(
      `CREATE INDEX provider_callbacks_unsigned ON ${s}.provider_callbacks (received_at)
        WHERE NOT signature_valid`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP INDEX ${s}.provider_callbacks_unsigned`);
    await q.query(`CREATE OR REPLACE FUNCTION ${s}.provider_callbacks_append_only() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'provider_callbacks is append-only: % refused', TG_OP
          USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
  }
}
