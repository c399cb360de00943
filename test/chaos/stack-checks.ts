import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { waitFor } from '@dvc/testing';

/** What a process stack named `name` must show after a run, whatever was broken during it. */
export class StackChecks {
  constructor(
    private readonly db: Client,
    private readonly name: string,
  ) {}

  /**
   * Each of `codes` is stored once, and each (agency, day) numbering they belong to runs 1…n
   * without a gap.
   */
  async expectCodesStoredOnceWithoutGaps(codes: string[]): Promise<void> {
    const stored = await this.db.query<{ code: string }>(
      `SELECT code FROM ${this.name}_dossier.dossiers WHERE code IS NOT NULL`,
    );
    const all = stored.rows.map((r) => r.code);
    expect(all.filter((c) => codes.includes(c)).sort()).toEqual([...codes].sort());
    const series = (code: string) => code.slice(0, code.lastIndexOf('-'));
    const touched = new Set(codes.map(series));
    const numbers = new Map<string, number[]>();
    for (const code of all.filter((c) => touched.has(series(c)))) {
      const used = numbers.get(series(code)) ?? [];
      used.push(Number(code.slice(code.lastIndexOf('-') + 1)));
      numbers.set(series(code), used);
    }
    for (const [name, used] of numbers) {
      expect({ name, used: used.sort((a, b) => a - b) }).toEqual({
        name,
        used: Array.from({ length: used.length }, (_, i) => i + 1),
      });
    }
  }

  /** Every `dossier.submitted` of these dossiers became exactly one notification. */
  async expectOneSubmittedNotificationEach(dossierIds: string[]): Promise<void> {
    await waitFor(
      async () => {
        const r = await this.db.query<{ n: number; dossiers: number }>(
          `SELECT count(*)::int AS n, count(DISTINCT data->>'dossierId')::int AS dossiers
             FROM ${this.name}_notification.notifications
            WHERE type = 'dossier.submitted' AND data->>'dossierId' = ANY($1)`,
          [dossierIds],
        );
        return r.rows[0].n === dossierIds.length && r.rows[0].dossiers === dossierIds.length;
      },
      { timeoutMs: 120_000, intervalMs: 500, what: 'one notification per submitted dossier' },
    );
    const twice = await this.db.query(
      `SELECT event_id, account_id FROM ${this.name}_notification.notifications
        GROUP BY event_id, account_id HAVING count(*) > 1`,
    );
    expect(twice.rows).toEqual([]);
  }

  /** Every outbox drained and every dead-letter queue of the stack's vhost empty. */
  async expectNothingLeftBehind(): Promise<void> {
    await waitFor(
      async () => {
        const schemas = await this.db.query<{ schema: string }>(
          `SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'outbox' AND table_schema LIKE $1`,
          [`${this.name}\\_%`],
        );
        for (const { schema } of schemas.rows) {
          const r = await this.db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM "${schema}".outbox WHERE published_at IS NULL`,
          );
          if (r.rows[0].n > 0) return false;
        }
        return true;
      },
      { timeoutMs: 60_000, intervalMs: 500, what: 'empty outboxes' },
    );
    const queues = execFileSync(
      'rabbitmqctl',
      ['-q', 'list_queues', '-p', `dvc_${this.name}`, 'name', 'messages'],
      { encoding: 'utf8' },
    )
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/))
      .filter(([queue]) => queue?.endsWith('.dlq'));
    expect(queues.length).toBeGreaterThan(0);
    expect(queues.filter(([, messages]) => messages !== '0')).toEqual([]);
  }
}
