import { randomUUID } from 'node:crypto';
import {
  DossierStatus,
  DossierStatusChangedEvent,
  DossierStatusName,
  EventEnvelope,
  Events,
} from '@dvc/contracts';
import { MalformedEventError } from '../events/event-emails';
import {
  EVENT_RULES,
  STATUS_CHANGE_ACTION_RULES,
  STATUS_CHANGE_RULES,
  notificationForEvent,
} from './notification-rules';
import { NOTIFICATION_TEXTS } from './notification-texts';

const applicantId = randomUUID();
const dossierId = randomUUID();
const paymentId = randomUUID();

function envelope(type: string, data: unknown): EventEnvelope {
  return {
    id: randomUUID(),
    type,
    occurredAt: '2026-11-26T03:00:00.000Z',
    version: 1,
    correlationId: null,
    data,
  };
}

const base = {
  dossierId,
  code: '000.00.01.H26-261126-0007',
  procedureCode: '3.000347',
  procedureName: 'Đổi giấy phép lái xe',
  agencyCode: '000.00.01.H26',
  applicantId,
  at: '2026-11-26T03:00:00.000Z',
};

function statusChanged(
  status: DossierStatusName,
  extra: Readonly<Partial<Omit<DossierStatusChangedEvent, 'missing'>>> & {
    missing?: readonly string[];
  } = {},
): EventEnvelope {
  return envelope(Events.dossierStatusChanged, {
    ...base,
    status,
    statusCode: DossierStatus[status],
    from: 'SUBMITTED',
    action: 'officer-action',
    note: null,
    byRole: 'officer',
    dueAt: null,
    deliveryMethod: 'online',
    deliveryTracking: null,
    ...extra,
  });
}

const payment = {
  paymentId,
  dossierId,
  dossierCode: base.code,
  applicantId,
  agencyCode: base.agencyCode,
  procedureName: base.procedureName,
  amount: 135000,
};
const nextPaymentId = randomUUID();

describe('event → notification rules (as data)', () => {
  it('has words in both locales for every notification a rule can make', () => {
    const rules = [
      ...Object.values(STATUS_CHANGE_RULES),
      ...Object.values(STATUS_CHANGE_ACTION_RULES),
      ...Object.values(EVENT_RULES),
    ].filter((r) => r !== null);
    for (const rule of rules) {
      expect(Object.keys(NOTIFICATION_TEXTS[rule.type])).toEqual(['vi', 'en']);
    }
  });

  it('covers every dossier status, saying which ones another event announces', () => {
    expect(Object.keys(STATUS_CHANGE_RULES).sort()).toEqual(Object.keys(DossierStatus).sort());
    const silent = Object.entries(STATUS_CHANGE_RULES)
      .filter(([, rule]) => rule === null)
      .map(([status]) => status);
    expect(silent.sort()).toEqual(['DRAFT', 'PAYMENT_REQUIRED', 'SUBMITTED']);
  });

  const due = '2026-12-04T10:00:00.000Z';
  it.each([
    ['RECEIVED', 'dossier.received', { dueAt: due }, { dueAt: due }, false],
    ['PROCESSING', 'dossier.processing', { dueAt: due }, { dueAt: due }, false],
    [
      'SUPPLEMENT_REQUESTED',
      'dossier.supplement_requested',
      { missing: ['Giấy khám sức khỏe', ''], note: 'Bổ sung bản gốc' },
      { missing: ['Giấy khám sức khỏe'], note: 'Bổ sung bản gốc' },
      true,
    ],
    ['REFUSED', 'dossier.refused', { note: 'Sai thẩm quyền' }, { reason: 'Sai thẩm quyền' }, true],
    ['WITHDRAWAL_REQUESTED', 'dossier.withdrawal_requested', {}, {}, false],
    ['STOPPED', 'dossier.stopped', { note: null }, { reason: null }, false],
    [
      'RESULT_READY',
      'dossier.result_ready',
      { deliveryMethod: 'desk' },
      { deliveryMethod: 'desk', deliveryTracking: null },
      true,
    ],
    [
      'RETURNED',
      'dossier.returned',
      { deliveryMethod: 'post', deliveryTracking: 'EV123456789VN' },
      { deliveryMethod: 'post', deliveryTracking: 'EV123456789VN' },
      false,
    ],
  ] as const)('%s rings the applicant as %s, with its email', (status, type, event, facts, sms) => {
    expect(notificationForEvent(statusChanged(status, event))).toEqual({
      accountId: applicantId,
      type,
      category: 'dossier',
      locale: 'vi',
      link: `/ho-so/${dossierId}`,
      data: { dossierId, code: base.code, procedureName: base.procedureName, ...facts },
      email: 'dossier-status-changed',
      sms,
    });
  });

  it("a citizen's supplement is a supplement, not a new receipt; a paid fee is payment.succeeded's", () => {
    const supplemented = notificationForEvent(
      statusChanged('RECEIVED', {
        from: 'SUPPLEMENT_REQUESTED',
        action: 'supplement',
        byRole: 'citizen',
      }),
    );
    expect(supplemented?.type).toBe('dossier.supplemented');
    expect(
      notificationForEvent(
        statusChanged('PROCESSING', { from: 'PAYMENT_REQUIRED', action: 'payment-succeeded' }),
      ),
    ).toBeNull();
  });

  it('submission rings the applicant with its email, once (not again as a status change)', () => {
    const submitted = notificationForEvent(
      envelope(Events.dossierSubmitted, {
        ...base,
        status: 'SUBMITTED',
        statusCode: 1,
        submittedAt: base.at,
        lookupKey: 'K7P2QX',
      }),
    );
    expect(submitted).toMatchObject({
      type: 'dossier.submitted',
      accountId: applicantId,
      link: `/ho-so/${dossierId}`,
      email: 'dossier-submitted',
      data: { lookupKey: 'K7P2QX' },
    });
    expect(
      notificationForEvent(statusChanged('SUBMITTED', { from: 'DRAFT', action: 'submit' })),
    ).toBeNull();
  });

  it('a fee rings once, as the payment to open (payment.created), not as dossier.payment_required', () => {
    const required = envelope(Events.dossierPaymentRequired, {
      ...base,
      status: 'PAYMENT_REQUIRED',
      statusCode: 6,
      amount: 135000,
      description: 'Lệ phí',
      atSubmission: false,
    });
    expect(notificationForEvent(required)).toBeNull();
    const created = { ...payment, description: 'Lệ phí', retryOf: null };
    expect(notificationForEvent(envelope(Events.paymentCreated, created))).toEqual({
      accountId: applicantId,
      type: 'payment.required',
      category: 'payment',
      locale: 'vi',
      link: `/giao-dich/${paymentId}`,
      data: {
        paymentId,
        dossierId,
        dossierCode: base.code,
        procedureName: base.procedureName,
        amount: 135000,
      },
      email: 'payment-required',
      sms: true,
    });
    // A retry: the failure or expiry that opened it links to it already.
    expect(
      notificationForEvent(envelope(Events.paymentCreated, { ...created, retryOf: randomUUID() })),
    ).toBeNull();
  });

  it('payment outcomes ring the payer, linking to the payment to pay again when there is one', () => {
    const facts = { paymentId, dossierId, dossierCode: base.code, amount: 135000 };
    expect(
      notificationForEvent(
        envelope(Events.paymentSucceeded, {
          ...payment,
          receiptNumber: 'BL-2026-000001',
          transactionNo: '14123456',
          paidAt: base.at,
        }),
      ),
    ).toEqual({
      accountId: applicantId,
      type: 'payment.succeeded',
      category: 'payment',
      locale: 'vi',
      link: `/giao-dich/${paymentId}`,
      data: facts,
      email: 'payment-succeeded',
      sms: false,
    });
    const failed = { ...payment, status: 'cancelled', reason: '24', nextPaymentId };
    expect(notificationForEvent(envelope(Events.paymentFailed, failed))).toMatchObject({
      type: 'payment.failed',
      link: `/giao-dich/${nextPaymentId}`,
      data: { ...facts, status: 'cancelled' },
      email: 'payment-failed',
    });
    expect(
      notificationForEvent(
        envelope(Events.paymentExpired, { ...payment, expiredAt: base.at, nextPaymentId }),
      ),
    ).toMatchObject({ type: 'payment.expired', link: `/giao-dich/${nextPaymentId}`, data: facts });
  });

  it.each(['superseded', 'dossier_changed'])(
    'a payment we ended ourselves (%s) rings nothing: another notification says it',
    (reason) => {
      const ended = { ...payment, status: 'cancelled', reason, nextPaymentId: null };
      expect(notificationForEvent(envelope(Events.paymentFailed, ended))).toBeNull();
    },
  );

  it('account events ring the holder in their language, keep no token, and email through event-emails', () => {
    const accountId = randomUUID();
    const holder = { accountId, email: 'an@example.vn', fullName: 'Nguyễn Văn An', locale: 'en' };
    const reset = notificationForEvent(
      envelope(Events.passwordResetRequested, {
        ...holder,
        sealedToken: 'secret-token',
        expiresAt: base.at,
      }),
    );
    expect(reset).toEqual({
      accountId,
      type: 'account.password_reset_requested',
      category: 'account',
      locale: 'en',
      link: '/tai-khoan',
      data: {},
      email: null,
      sms: false,
    });
    expect(JSON.stringify(reset)).not.toContain('secret-token');
    expect(
      notificationForEvent(envelope(Events.passwordChanged, { ...holder, via: 'reset' }))?.data,
    ).toEqual({ via: 'reset' });
    expect(notificationForEvent(envelope(Events.accountActivated, holder))?.type).toBe(
      'account.activated',
    );
    expect(
      notificationForEvent(envelope(Events.accountRegistered, { ...holder, sealedToken: 't' })),
    ).toBeNull();
    expect(notificationForEvent(envelope(Events.registrationAttempted, holder))).toBeNull();
  });

  it('makes nothing of events nobody sees', () => {
    expect(
      notificationForEvent(envelope(Events.procedureUpserted, { code: '1.000001' })),
    ).toBeNull();
    expect(notificationForEvent(envelope('storage.file.rejected', {}))).toBeNull();
    expect(notificationForEvent(envelope('toString', {}))).toBeNull();
  });

  it.each([
    ['no payload', envelope(Events.dossierSubmitted, null)],
    ['no applicant', envelope(Events.dossierSubmitted, { ...base, applicantId: undefined })],
    ['an empty dossier code', statusChanged('RECEIVED', { code: ' ' })],
    ['an unknown status', statusChanged('LOST' as DossierStatusName)],
    ['an amount that is not VND', envelope(Events.paymentSucceeded, { ...payment, amount: 12.5 })],
    ['a negative amount', envelope(Events.paymentFailed, { ...payment, amount: -1 })],
    ['no payer', envelope(Events.paymentExpired, { ...payment, applicantId: null })],
    [
      'a fee for no procedure',
      envelope(Events.paymentCreated, { ...payment, procedureName: '', retryOf: null }),
    ],
  ])('refuses an event with %s', (_what, event) => {
    expect(() => notificationForEvent(event)).toThrow(MalformedEventError);
  });
});
