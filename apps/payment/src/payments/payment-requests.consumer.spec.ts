import { randomUUID } from 'node:crypto';
import { EventEnvelope, Events } from '@dvc/contracts';
import {
  MalformedRequestError,
  concernsPayments,
  paymentRequestOf,
} from './payment-requests.consumer';

const valid = {
  dossierId: randomUUID(),
  code: '000.00.01.H26-261126-0007',
  procedureCode: '3.000347',
  procedureName: 'Đổi giấy phép lái xe',
  agencyCode: '000.00.01.H26',
  applicantId: randomUUID(),
  status: 'PAYMENT_REQUIRED',
  statusCode: 6,
  at: '2026-11-26T07:30:00.000Z',
  amount: 135_000,
  description: 'Lệ phí hồ sơ 000.00.01.H26-261126-0007',
  atSubmission: false,
};

describe('dossier.payment_required payload', () => {
  it('is taken as it is when complete', () => {
    expect(paymentRequestOf(valid)).toEqual(valid);
  });

  it.each([
    ['amount', { amount: 0 }],
    ['amount', { amount: 1.5 }],
    ['amount', { amount: '135000' }],
    ['dossierId', { dossierId: 'hs-1' }],
    ['applicantId', { applicantId: undefined }],
    ['code', { code: '' }],
    ['at', { at: 'yesterday' }],
    ['atSubmission', { atSubmission: 'no' }],
  ])('is refused (to the DLQ) without a valid %s', (field, change) => {
    expect(() => paymentRequestOf({ ...valid, ...change })).toThrow(MalformedRequestError);
    expect(() => paymentRequestOf({ ...valid, ...change })).toThrow(field);
  });

  it('is refused when there is none', () => {
    expect(() => paymentRequestOf(null)).toThrow(MalformedRequestError);
  });
});

describe('events that concern payments (the others skip the inbox transaction)', () => {
  const event = (type: string, data: unknown): EventEnvelope => ({
    id: randomUUID(),
    type,
    occurredAt: valid.at,
    version: 1,
    correlationId: null,
    data,
  });
  const change = (from: string, action: string, dossierId: unknown = valid.dossierId) =>
    event(Events.dossierStatusChanged, { from, action, dossierId, status: 'STOPPED' });

  it('are a payment request and a change away from PAYMENT_REQUIRED other than by paying', () => {
    expect(concernsPayments(event(Events.dossierPaymentRequired, valid))).toBe(true);
    expect(concernsPayments(change('PAYMENT_REQUIRED', 'stop'))).toBe(true);
  });

  it.each([
    ['a submission', change('DRAFT', 'submit')],
    ['the payment itself', change('PAYMENT_REQUIRED', 'payment-succeeded')],
    ['a change without a dossier id', change('PAYMENT_REQUIRED', 'stop', 'hs-1')],
    ['another event', event(Events.dossierSubmitted, {})],
  ])('are not %s', (_, envelope) => {
    expect(concernsPayments(envelope)).toBe(false);
  });
});
