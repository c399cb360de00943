import { IPN_ANSWERS, IpnFacts, decideIpn } from './ipn-decision';

/** A genuine first IPN for a pending attempt of an open payment. */
const GENUINE: IpnFacts = {
  signature: 'valid',
  wellFormed: true,
  attemptKnown: true,
  attemptSettled: false,
  payDatePlausible: true,
  amountMatches: true,
  paymentSettled: false,
};

describe('IPN answers (first matching rule wins)', () => {
  it.each<[string, Partial<IpnFacts>, string, string]>([
    ['genuine', {}, '00', 'settle'],
    ['no signature', { signature: 'missing', wellFormed: false }, '97', 'none'],
    ['forged signature', { signature: 'invalid' }, '97', 'none'],
    ['signed but missing parameters', { wellFormed: false, attemptKnown: false }, '99', 'none'],
    ['unknown TxnRef', { attemptKnown: false }, '01', 'none'],
    ['replay of a settled attempt', { attemptSettled: true }, '02', 'none'],
    [
      'replay, even with another amount',
      { attemptSettled: true, amountMatches: false },
      '02',
      'none',
    ],
    ['pay date far in the past or future', { payDatePlausible: false }, '99', 'none'],
    ['amount changed', { amountMatches: false }, '04', 'amountMismatch'],
    [
      'amount changed on a settled payment',
      { amountMatches: false, paymentSettled: true },
      '04',
      'amountMismatch',
    ],
    ['payment settled by another attempt', { paymentSettled: true }, '02', 'lateAttempt'],
  ])('%s → %s', (_case, facts, rspCode, action) => {
    const decision = decideIpn({ ...GENUINE, ...facts });
    expect(IPN_ANSWERS[decision.answer].RspCode).toBe(rspCode);
    expect(decision.action).toBe(action);
  });

  it('answers with the messages the provider expects', () => {
    expect(Object.values(IPN_ANSWERS)).toEqual([
      { RspCode: '00', Message: 'Confirm Success' },
      { RspCode: '01', Message: 'Order not found' },
      { RspCode: '02', Message: 'Order already confirmed' },
      { RspCode: '04', Message: 'Invalid amount' },
      { RspCode: '97', Message: 'Invalid signature' },
      { RspCode: '99', Message: 'Unknown error' },
    ]);
  });
});
