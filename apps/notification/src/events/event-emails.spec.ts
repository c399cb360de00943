import { randomUUID } from 'node:crypto';
import { EventEnvelope, Events } from '@dvc/contracts';
import { MalformedEventError, emailForEvent } from './event-emails';

const holder = {
  accountId: randomUUID(),
  email: 'binh@example.vn',
  fullName: 'Trần Thị Bình',
  locale: 'vi',
};

function envelope(type: string, data: unknown): EventEnvelope {
  return {
    id: randomUUID(),
    type,
    occurredAt: new Date().toISOString(),
    version: 1,
    correlationId: null,
    data,
  };
}

describe('emailForEvent', () => {
  it.each([
    [
      Events.accountRegistered,
      { sealedToken: 't', expiresAt: '2026-11-27T00:00:00Z' },
      'account-registered',
    ],
    [Events.accountActivated, {}, 'account-activated'],
    [Events.registrationAttempted, {}, 'registration-attempted'],
    [
      Events.passwordResetRequested,
      { sealedToken: 't', expiresAt: '2026-11-27T00:00:00Z' },
      'password-reset-requested',
    ],
    [Events.passwordChanged, { via: 'reset' }, 'password-changed'],
  ])('%s sends %s to the account holder', (type, extra, template) => {
    const data = { ...holder, ...extra };
    expect(emailForEvent(envelope(type, data))).toEqual({
      template,
      locale: 'vi',
      to: { address: 'binh@example.vn', name: 'Trần Thị Bình' },
      accountId: holder.accountId,
      data,
    });
  });

  it('writes in English to a citizen who chose English, in Vietnamese otherwise', () => {
    const en = emailForEvent(envelope(Events.accountActivated, { ...holder, locale: 'en' }));
    const unknown = emailForEvent(envelope(Events.accountActivated, { ...holder, locale: 'fr' }));
    const missing = emailForEvent(
      envelope(Events.accountActivated, { ...holder, locale: undefined }),
    );
    expect(en?.locale).toBe('en');
    expect(unknown?.locale).toBe('vi');
    expect(missing?.locale).toBe('vi');
  });

  it('sends nothing for events that ask for no email', () => {
    expect(emailForEvent(envelope(Events.procedureUpserted, { code: '1.000001' }))).toBeNull();
    expect(emailForEvent(envelope('identity.account.locked', holder))).toBeNull();
    expect(emailForEvent(envelope('constructor', holder))).toBeNull();
  });

  it.each([
    ['no address', Events.accountActivated, { ...holder, email: undefined }],
    ['an empty name', Events.accountActivated, { ...holder, fullName: '' }],
    [
      'no activation token',
      Events.accountRegistered,
      { ...holder, expiresAt: '2026-11-27T00:00:00Z' },
    ],
    ['no reset token', Events.passwordResetRequested, { ...holder, sealedToken: 42 }],
    ['a raw, unsealed token', Events.passwordResetRequested, { ...holder, resetToken: 't' }],
    ['an unknown way of change', Events.passwordChanged, { ...holder, via: 'magic' }],
    ['no payload', Events.accountActivated, null],
  ])('refuses an event with %s', (_what, type, data) => {
    expect(() => emailForEvent(envelope(type, data))).toThrow(MalformedEventError);
  });
});
