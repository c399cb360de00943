import { closedLoop } from '../measure';
import { PROCEDURE, PortalClient, pdfOf } from '../portal-client';

export interface ReadFigure {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
}

export interface Reader {
  citizen: PortalClient;
  officer: PortalClient;
  /** A dossier the public lookup finds: its code and the applicant's ID number. */
  lookup: { code: string; key: string };
}

/**
 * The reads that grow with the data, as the portal makes them, each through the gateway with
 * 16 concurrent clients; plus submit, whose code counter and indexes grow too.
 */
export const READS: Record<string, (r: Reader) => Promise<unknown>> = {
  'catalogue search': (r) => r.citizen.json('GET', '/procedures?q=giay%20phep%20lai%20xe'),
  'catalogue search, by agency and level': (r) =>
    r.citizen.json('GET', '/procedures?agency=L7.H26&level=4'),
  'procedure detail': (r) => r.citizen.json('GET', `/procedures/${PROCEDURE}`),
  'officer queue (default view)': (r) => r.officer.json('GET', '/officer/dossiers'),
  'officer queue, one status': (r) => r.officer.json('GET', '/officer/dossiers?status=PROCESSING'),
  'officer queue, overdue': (r) => r.officer.json('GET', '/officer/dossiers?overdue=true'),
  'officer queue, search by name': (r) => r.officer.json('GET', '/officer/dossiers?q=nguyen%20van'),
  'public lookup': (r) =>
    r.citizen.json(
      'GET',
      `/public/dossiers/lookup?code=${encodeURIComponent(r.lookup.code)}&key=${r.lookup.key}`,
    ),
  "citizen's dossier list": (r) => r.citizen.json('GET', '/dossiers'),
  'agency statistics (this year)': (r) => r.officer.json('GET', '/officer/stats'),
};

const ATTACHMENT = pdfOf(20 * 1024);

export async function measureReads(
  reader: Reader,
  seconds: number,
): Promise<Record<string, ReadFigure>> {
  const figures: Record<string, ReadFigure> = {};
  for (const [name, read] of Object.entries(READS)) {
    await read(reader).catch(() => undefined); // warm: plans cached, pages in memory
    figures[name] = figure(await closedLoop(16, seconds * 1000, () => read(reader).then(() => {})));
  }
  figures['submit (draft, form, 2 × 20 KB, submit)'] = figure(
    await closedLoop(16, seconds * 1000, () =>
      reader.citizen.submitDossier(ATTACHMENT).then(() => {}),
    ),
  );
  return figures;
}

function figure(r: Awaited<ReturnType<typeof closedLoop>>): ReadFigure {
  return {
    perSecond: r.perSecond,
    p50Ms: r.latencyMs.p50,
    p99Ms: r.latencyMs.p99,
    failures: r.failures,
  };
}
