import { Client } from 'pg';
import { rebuildStatusTalliesSql } from '../../apps/dossier/src/stats/status-tallies';

export interface Volume {
  procedures: number;
  dossiers: number;
  agencies: number;
}

/** What `npm run bench -- --large` loads: a national catalogue and a large province's dossiers. */
export const LARGE: Volume = {
  procedures: Number(process.env.LARGE_PROCEDURES ?? 10_000),
  dossiers: Number(process.env.LARGE_DOSSIERS ?? 1_000_000),
  agencies: 100,
};

const CHUNK = 100_000;
/** Applicants' names, accented and folded (họ, tên đệm, tên): 14 × 7 × 12 combinations. */
const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh'];
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Hà',
  'Hùng',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phương',
  'Tuấn',
];
const fold = (words: string[]) =>
  words.map((w) =>
    w.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase(),
  );
/** One dossier in this many belongs to the demo citizen (a citizen with a long history). */
const DEMO_CITIZEN_SHARE = 10_000;

/**
 * Loads a synthetic but realistic volume straight into a process stack's schemas (`<name>_…`),
 * in SQL, varied from what is there: procedures copied from the seeded ones under new codes and
 * names, spread over extra agencies; dossiers copied from a submitted one across every agency,
 * status and the last two years, with their status history. Statistics are refreshed at the end
 * (VACUUM ANALYZE), as autovacuum would do on a live system.
 */
export async function loadLargeVolume(
  db: Client,
  name: string,
  volume: Volume,
  demoCitizenId: string,
  log: (line: string) => void,
): Promise<void> {
  const catalogue = `${name}_catalogue`;
  const dossier = `${name}_dossier`;

  await db.query(
    `INSERT INTO ${catalogue}.agencies (code, name, level, parent_code)
     SELECT 'L' || g || '.H26', 'Ủy ban nhân dân xã thử nghiệm số ' || g, 'commune', NULL
       FROM generate_series(1, $1) g ON CONFLICT (code) DO NOTHING`,
    [volume.agencies],
  );
  const agencies = (
    await db.query<{ code: string }>(`SELECT code FROM ${catalogue}.agencies ORDER BY code`)
  ).rows.map((r) => r.code);

  const seeded = Number(
    (await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${catalogue}.procedures`)).rows[0].n,
  );
  const copies = Math.ceil(Math.max(0, volume.procedures - seeded) / seeded);
  await db.query(
    `INSERT INTO ${catalogue}.procedures
       (code, name, agency_code, field_code, level, content, content_hash)
     SELECT p.code || '.' || g, p.name || ' (' || a.name || ')', a.code, p.field_code, p.level,
            jsonb_set(jsonb_set(p.content, '{code}', to_jsonb(p.code || '.' || g)),
                      '{name}', to_jsonb(p.name || ' (' || a.name || ')')),
            md5(p.code || g)
       FROM ${catalogue}.procedures p
      CROSS JOIN generate_series(1, $1) g
       JOIN ${catalogue}.agencies a ON a.code = ($2::text[])[1 + (g + length(p.code)) % $3]`,
    [copies, agencies, agencies.length],
  );
  log(`procedures: ${seeded} seeded + ${seeded * copies} copies`);

  const template = await db.query<{ id: string }>(
    `SELECT id FROM ${dossier}.dossiers WHERE status = 1 ORDER BY submitted_at LIMIT 1`,
  );
  if (!template.rows[0]) throw new Error('no submitted dossier to copy');
  const from = template.rows[0].id;
  for (let start = 1; start <= volume.dossiers; start += CHUNK) {
    const end = Math.min(volume.dossiers, start + CHUNK - 1);
    await db.query('BEGIN');
    // As in a province's archive: two years, settled but for the last month's working set.
    await db.query(
      `WITH g AS (
         SELECT n, submitted,
                CASE WHEN submitted > now() - interval '30 days'
                     THEN (ARRAY[1,2,4,4,4,5,6,9])[1 + n % 8]
                     ELSE (ARRAY[10,10,10,10,10,9,3,8])[1 + n % 8] END AS status,
                agency, s, m, g
           FROM (SELECT n,
                        now() - (random() * interval '730 days') AS submitted,
                        ($2::text[])[1 + (n * 7) % $3] AS agency,
                        1 + n % 14 AS s, 1 + (n / 14) % 7 AS m, 1 + (n / 98) % 12 AS g
                   FROM generate_series($4::int, $5::int) n) r)
       INSERT INTO ${dossier}.dossiers
         (id, code, lookup_key_hash, applicant_id, applicant, applicant_name_folded, procedure,
          procedure_code, case_id, agency_code, status, form_data, delivery_method,
          submitted_at, received_at, due_at, created_at, updated_at, version)
       SELECT gen_random_uuid(),
              g.agency || '-' || to_char(g.submitted, 'YYMMDD') || '-L' || lpad(g.n::text, 7, '0'),
              t.lookup_key_hash,
              CASE WHEN g.n % ${DEMO_CITIZEN_SHARE} = 0 THEN $6::uuid
                   ELSE md5('citizen-' || (g.n % 200000))::uuid END,
              jsonb_set(t.applicant, '{fullName}',
                        to_jsonb(($7::text[])[g.s] || ' ' || ($8::text[])[g.m] || ' ' || ($9::text[])[g.g])),
              ($10::text[])[g.s] || ' ' || ($11::text[])[g.m] || ' ' || ($12::text[])[g.g],
              t.procedure, t.procedure_code, t.case_id,
              g.agency, g.status, t.form_data, t.delivery_method,
              g.submitted,
              CASE WHEN g.status > 1 THEN g.submitted + interval '2 hours' END,
              CASE WHEN g.status > 1 THEN g.submitted + interval '15 days' END,
              g.submitted, g.submitted, 3
         FROM g, ${dossier}.dossiers t WHERE t.id = $1`,
      [
        from,
        agencies,
        agencies.length,
        start,
        end,
        demoCitizenId,
        SURNAMES,
        MIDDLE,
        GIVEN,
        fold(SURNAMES),
        fold(MIDDLE),
        fold(GIVEN),
      ],
    );
    await db.query('COMMIT');
    log(`dossiers: ${end} / ${volume.dossiers}`);
  }
  // History: submitted, then received, then the status it is in now (a returned one through
  // result ready, as the status machine has it).
  await db.query(
    `INSERT INTO ${dossier}.status_history (dossier_id, from_status, to_status, action, by_role, at)
     SELECT d.id, s.from_status, s.to_status, s.action, s.by_role, d.submitted_at + s.after
       FROM ${dossier}.dossiers d
      CROSS JOIN LATERAL (VALUES
        (0::smallint, 1::smallint, 'submit', 'citizen', interval '0'),
        (1::smallint, 2::smallint, 'receive', 'officer', interval '2 hours'),
        (2::smallint, CASE WHEN d.status = 10 THEN 9::smallint ELSE d.status END, 'settle',
         'officer', interval '3 days'),
        (9::smallint, 10::smallint, 'return', 'officer', interval '4 days'))
        s(from_status, to_status, action, by_role, after)
      WHERE d.code LIKE '%-L%' AND (s.to_status = 1 OR d.status > 1)
        AND NOT (s.from_status = 2 AND d.status = 2)
        AND (s.from_status <> 9 OR d.status = 10)`,
  );
  log('status history written');
  // As the migration backfills them: what the status changes would have tallied.
  for (const statement of rebuildStatusTalliesSql(dossier)) await db.query(statement);
  log('status tallies rebuilt');
  // What autovacuum does on a live system: statistics, and the visibility map that lets the
  // queue's counts and pages come from the indexes alone (index-only scans).
  for (const table of [
    `${catalogue}.procedures`,
    `${dossier}.dossiers`,
    `${dossier}.status_history`,
    `${dossier}.dossier_status_counts`,
    `${dossier}.agency_stats_days`,
  ])
    await db.query(`VACUUM (ANALYZE) ${table}`);
}
