import type { DossierStatusName } from '@dvc/contracts';
import { Dossier, ProcedureSnapshot, mapDossierView, mapOfficerDossierView } from './dossiers.dto';

const procedure: ProcedureSnapshot = {
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  level: 4,
  agency: { code: '000.00.01.H26', name: 'UBND phường Ba Đình' },
  case: { id: 'mac-dinh', name: 'Mặc định' },
  components: [],
  processingTime: { value: 1, unit: 'day' },
  fees: [],
  fee: 50_000,
  feeAtSubmission: false,
  formSchema: null,
};

function dossierIn(status: DossierStatusName, changes: Partial<Dossier> = {}): Dossier {
  const at = new Date('2026-11-26T03:00:00Z');
  return {
    id: '6f1c3a52-8d7e-4f0b-9a11-2c3d4e5f6a7b',
    code: status === 'DRAFT' ? null : '000.00.01.H26-261126-0007',
    lookupKeyHash: null,
    lookupKey: null,
    applicantId: 'a7d1e2f3-0000-4000-8000-000000000001',
    applicant: {
      accountId: 'a7d1e2f3-0000-4000-8000-000000000001',
      fullName: 'Nguyễn Văn An',
      idNumber: '001090000001',
      email: 'an@example.vn',
      phone: null,
    },
    procedure,
    caseId: 'mac-dinh',
    agencyCode: procedure.agency.code,
    status,
    pausedFrom: null,
    formData: {},
    deliveryMethod: 'online',
    deliveryAddress: null,
    deliveryTracking: null,
    receiptNumber: null,
    submittedAt: null,
    receivedAt: null,
    dueAt: null,
    warnAt: null,
    pausedAt: null,
    pausedWorkingMinutesRemaining: null,
    paymentAmount: null,
    supplementRequest: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
    originalDueAt: null,
    receipt: null,
    ...changes,
  };
}

const viewOf = (d: Dossier) => mapDossierView(d, [], [], [], null, [], new Date());

describe('allowedActions of the dossier view (from the transition table)', () => {
  it('lets the applicant submit a draft, and nothing else', () => {
    expect(viewOf(dossierIn('DRAFT')).allowedActions).toEqual(['submit']);
  });

  it('lets the applicant pay or withdraw while a fee is due', () => {
    const due = dossierIn('PAYMENT_REQUIRED', { pausedFrom: 'PROCESSING', paymentAmount: 50_000 });
    expect(viewOf(due).allowedActions).toEqual(['withdraw', 'pay']);
  });

  it('lets the applicant send a supplement back where the dossier came from', () => {
    const asked = dossierIn('SUPPLEMENT_REQUESTED', { pausedFrom: 'RECEIVED' });
    expect(viewOf(asked).allowedActions).toEqual(['supplement', 'withdraw']);
  });

  it('offers the applicant nothing once the result is ready', () => {
    expect(viewOf(dossierIn('RESULT_READY')).allowedActions).toEqual([]);
  });

  it('gives an officer the officer rows of the status instead of the applicant’s', () => {
    const d = dossierIn('PROCESSING');
    expect(viewOf(d).allowedActions).toEqual(['withdraw']);
    expect(mapOfficerDossierView(viewOf(d), d).allowedActions).toEqual([
      'request-supplement',
      'request-payment',
      'refuse',
      'complete',
      'stop',
    ]);
  });
});
