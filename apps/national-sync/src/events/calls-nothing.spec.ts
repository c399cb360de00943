import { EventEnvelope, Events } from '@dvc/contracts';
import { callsNothing } from './dossier-events.consumer';

const event = (type: string, data: unknown): EventEnvelope => ({
  id: '5b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  type,
  occurredAt: '2026-12-07T02:00:00.000Z',
  version: 1,
  correlationId: null,
  data,
});

const base = {
  dossierId: '7d3f0c2e-3b1a-4c55-9d7e-0a1b2c3d4e5f',
  code: '000.00.01.H26-261207-0001',
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  agencyCode: '000.00.01.H26',
  applicantId: 'a',
  at: '2026-12-07T02:00:00.000Z',
  action: 'x',
  note: null,
  byRole: 'officer',
  dueAt: null,
  deliveryMethod: 'online',
  deliveryTracking: null,
};

describe('dossier events that queue no hub call (skipped without the inbox transaction)', () => {
  it('are the status changes out of DRAFT or into SUBMITTED', () => {
    const submitted = { ...base, from: 'DRAFT', status: 'SUBMITTED', statusCode: 1 };
    expect(callsNothing(event(Events.dossierStatusChanged, submitted))).toBe(true);
  });

  it('are not a later status change, nor a payload the handler must refuse', () => {
    const received = { ...base, from: 'SUBMITTED', status: 'RECEIVED', statusCode: 2 };
    expect(callsNothing(event(Events.dossierStatusChanged, received))).toBe(false);
    expect(callsNothing(event(Events.dossierStatusChanged, null))).toBe(false);
  });
});
