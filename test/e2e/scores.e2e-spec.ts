import ExcelJS from 'exceljs';
import { waitFor } from '@dvc/testing';
import { DEMO_PASSWORD, login } from './accounts';
import { dossierFactory } from './dossier-factory';
import { api, uploader } from './http';
import { OFFICER_AGENCY, Stack, startStack } from './stack';

interface Score {
  agency: { code: string; name: string };
  dossiers: number;
  onTimeRate: number | null;
  satisfaction: number | null;
}

/** Vietnam's month now, `YYYY-MM`. */
const thisMonth = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);

/**
 * Public scores through the gateway: a dossier settled and rated reaches its agency's row from
 * the events, the answer is cached and revalidated, and the officer exports the month as CSV and
 * XLSX that open with the same figures.
 */
describe('public scores and the officers’ export (e2e)', () => {
  let stack: Stack;
  let call: ReturnType<typeof api>;
  let officer: string;
  let citizen: string;

  beforeAll(async () => {
    // Signing the result on `complete` is the slow step on a busy machine: room beyond the 5 s.
    stack = await startStack({ RPC_TIMEOUT_MS: '20000' });
    call = api(stack.url);
    officer = await login(call, 'officer@dvc.local', DEMO_PASSWORD);
    citizen = await login(call, 'citizen@dvc.local', DEMO_PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('counts a settled, rated dossier in its agency’s month, cached for a minute with an ETag', async () => {
    const factory = dossierFactory(call, uploader(stack.url));
    const returned = await factory.newReturnedDossier(citizen, officer);
    const rated = await call('POST', `/dossiers/${returned.id}/rating`, {
      token: citizen,
      body: { score: 5 },
    });
    expect(rated.status).toBe(201);

    const path = `/public/scores?period=${thisMonth()}&agency=${OFFICER_AGENCY}`;
    const score = await waitFor(
      async () => {
        const reply = await call<{ period: string; items: Score[] }>('GET', path);
        const item = reply.body.items[0];
        return item?.dossiers === 1 && item.satisfaction !== null && reply;
      },
      { what: 'the dossier in the scores' },
    );
    expect(score.body.period).toBe(thisMonth());
    expect(score.body.items).toEqual([
      expect.objectContaining({
        agency: { code: OFFICER_AGENCY, name: expect.any(String) },
        dossiers: 1,
        onTimeRate: 1,
        satisfaction: 1,
      }),
    ]);
    expect(score.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = score.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await fetch(`${stack.url}/api/v1${path}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);

    expect((await call('GET', '/public/scores?period=2026-13')).status).toBe(400);
  });

  it('exports the officer’s agency as a CSV with a BOM and as an XLSX with the same figures', async () => {
    const exportOf = (format: string, token = officer) =>
      fetch(`${stack.url}/api/v1/officer/stats/export?period=${thisMonth()}&format=${format}`, {
        headers: { authorization: `Bearer ${token}` },
      });

    const csv = await exportOf('csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="chi-so-phuc-vu-${thisMonth()}.csv"`,
    );
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row] = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(header).toContain('Tỷ lệ đúng hạn');
    expect(row.startsWith(`${thisMonth()},${OFFICER_AGENCY},`)).toBe(true);

    const xlsx = await exportOf('xlsx');
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(6).value).toBe('Tỷ lệ đúng hạn');
    const cells = sheet.getRow(2);
    expect(cells.getCell(2).value).toBe(OFFICER_AGENCY);
    expect(cells.getCell(4).value).toBe(1); // settled
    expect(cells.getCell(6).value).toBe(1); // on time
    expect(cells.getCell(17).value).toBe(1); // satisfied

    expect((await exportOf('pdf')).status).toBe(400);
    expect((await exportOf('csv', citizen)).status).toBe(403);
  });
});
