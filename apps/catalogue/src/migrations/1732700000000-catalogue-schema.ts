import { MigrationInterface, QueryRunner } from 'typeorm';
import { createExtensionSql as createExtension, schemaOf } from '@dvc/database';

/** Agencies, fields (lĩnh vực), procedures with their form template files, and holidays. */
export class CatalogueSchema1732700000000 implements MigrationInterface {
  name = 'CatalogueSchema1732700000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(createExtension('unaccent'));
    await q.query(createExtension('pg_trgm'));

    // unaccent() is only STABLE (its dictionary could change); wrapping it as IMMUTABLE is
    // the usual way to index it. Folds Vietnamese for search: NFC, no diacritics, đ → d, lower case.
    await q.query(`CREATE FUNCTION ${s}.vn_fold(text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, normalize($1, NFC))) $$`);

    await q.query(`CREATE TABLE ${s}.agencies (
      code text PRIMARY KEY,
      name text NOT NULL,
      level text NOT NULL CHECK (level IN ('central', 'province', 'commune')),
      parent_code text REFERENCES ${s}.agencies (code),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);

    await q.query(`CREATE TABLE ${s}.fields (
      code text PRIMARY KEY,
      name text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);

    // The whole record as imported lives in `content` (one read path); the columns beside
    // it are what search, filters and joins need.
    await q.query(`CREATE TABLE ${s}.procedures (
      code text PRIMARY KEY,
      name text NOT NULL,
      field_code text NOT NULL REFERENCES ${s}.fields (code),
      level smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
      agency_code text NOT NULL REFERENCES ${s}.agencies (code),
      content jsonb NOT NULL,
      content_hash text NOT NULL,
      name_folded text GENERATED ALWAYS AS (${s}.vn_fold(name)) STORED,
      search_vector tsvector NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE INDEX procedures_search_vector ON ${s}.procedures USING gin (search_vector)`,
    );
    await q.query(
      `CREATE INDEX procedures_name_trgm ON ${s}.procedures USING gin (name_folded public.gin_trgm_ops)`,
    );
    await q.query(`CREATE INDEX procedures_field ON ${s}.procedures (field_code)`);
    await q.query(`CREATE INDEX procedures_agency ON ${s}.procedures (agency_code)`);

    // The search vector: folded name and code (weight A), folded field name (weight C).
    await q.query(`CREATE FUNCTION ${s}.procedures_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector :=
          setweight(to_tsvector('simple', ${s}.vn_fold(NEW.name)), 'A') ||
          setweight(to_tsvector('simple', NEW.code), 'A') ||
          setweight(to_tsvector('simple', coalesce(
            (SELECT ${s}.vn_fold(f.name) FROM ${s}.fields f WHERE f.code = NEW.field_code), '')), 'C');
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER procedures_search_vector BEFORE INSERT OR UPDATE ON ${s}.procedures
      FOR EACH ROW EXECUTE FUNCTION ${s}.procedures_search_vector()`);
    // A renamed field re-indexes its procedures (the update fires the trigger above).
    await q.query(`CREATE FUNCTION ${s}.fields_reindex_procedures() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE ${s}.procedures SET field_code = NEW.code WHERE field_code = NEW.code;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER fields_reindex_procedures AFTER UPDATE OF name ON ${s}.fields
      FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION ${s}.fields_reindex_procedures()`);

    // Mẫu đơn, tờ khai: generated files served for download (level 2 and up).
    await q.query(`CREATE TABLE ${s}.form_template_files (
      procedure_code text NOT NULL REFERENCES ${s}.procedures (code) ON DELETE CASCADE,
      form_id text NOT NULL,
      format text NOT NULL CHECK (format IN ('docx', 'pdf')),
      file_name text NOT NULL,
      content bytea NOT NULL,
      sha256 text NOT NULL,
      size integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (procedure_code, form_id)
    )`);

    await q.query(`CREATE TABLE ${s}.holidays (
      date date PRIMARY KEY,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('holiday', 'working_day'))
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE ${s}.holidays`);
    await q.query(`DROP TABLE ${s}.form_template_files`);
    await q.query(`DROP TABLE ${s}.procedures`);
    await q.query(`DROP FUNCTION ${s}.procedures_search_vector()`);
    await q.query(`DROP TABLE ${s}.fields`);
    await q.query(`DROP FUNCTION ${s}.fields_reindex_procedures()`);
    await q.query(`DROP TABLE ${s}.agencies`);
    await q.query(`DROP FUNCTION ${s}.vn_fold(text)`);
    // The extensions stay: other schemas of the database use them.
  }
}
