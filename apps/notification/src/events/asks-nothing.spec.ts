import { randomUUID } from 'node:crypto';
import { EventEnvelope, Events } from '@dvc/contracts';
import { asksNothing } from './notification-events.consumer';

function envelope(type: string, data: unknown): EventEnvelope {
  return {
    id: randomUUID(),
    type,
    occurredAt: '2026-12-07T03:00:00.000Z',
    version: 1,
    correlationId: null,
    data,
  };
}

const change = (status: string, action: string, from = 'SUBMITTED') =>
  envelope(Events.dossierStatusChanged, { status, action, from, dossierId: randomUUID() });

describe('events the notification consumer ignores (no inbox transaction)', () => {
  it('ignores the status change to SUBMITTED, which dossier.submitted announces', () => {
    expect(asksNothing(change('SUBMITTED', 'submit', 'DRAFT'))).toBe(true);
  });

  it('ignores a payment request (payment.created says it) and an event with no rule', () => {
    expect(asksNothing(change('PAYMENT_REQUIRED', 'request-payment'))).toBe(true);
    expect(asksNothing(envelope('dossier.something_new', {}))).toBe(true);
  });

  it.each([
    ['a status with a notification', change('RECEIVED', 'receive')],
    ['a citizen action officers are told of', change('RECEIVED', 'supplement')],
    ['an event with an email only', envelope(Events.registrationAttempted, {})],
    ['dossier.submitted', envelope(Events.dossierSubmitted, {})],
    ['a deadline warning', envelope(Events.dossierDeadlineWarning, { kind: 'overdue' })],
    ['an unknown status (the handler refuses it)', change('LOST', 'x')],
  ])('handles %s', (_, event) => {
    expect(asksNothing(event)).toBe(false);
  });
});
