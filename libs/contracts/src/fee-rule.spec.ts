import { caseFee, feeDueAtSubmission, requestedFee } from './fee-rule';

describe('the fee rule', () => {
  it('sums a case’s fees, unknown when one of them depends on the case', () => {
    expect(caseFee([{ amountVnd: 50_000 }, { amountVnd: 15_000 }])).toBe(65_000);
    expect(caseFee([])).toBe(0);
    expect(caseFee([{ amountVnd: 50_000 }, { amountVnd: null }])).toBeNull();
  });

  it('charges at submission only a known fee above 0 of a level-4 procedure that asks for it', () => {
    const due = { level: 4, feeAtSubmission: true, fee: 50_000 };
    expect(feeDueAtSubmission(due)).toBe(true);
    expect(feeDueAtSubmission({ ...due, level: 3 })).toBe(false);
    expect(feeDueAtSubmission({ ...due, feeAtSubmission: false })).toBe(false);
    expect(feeDueAtSubmission({ ...due, fee: 0 })).toBe(false);
    expect(feeDueAtSubmission({ ...due, fee: null })).toBe(false);
  });

  it('asks for the amount the officer typed, else the procedure’s fee when there is one', () => {
    expect(requestedFee(20_000, 50_000)).toBe(20_000);
    expect(requestedFee(undefined, 50_000)).toBe(50_000);
    expect(requestedFee(undefined, 0)).toBeNull();
    expect(requestedFee(undefined, null)).toBeNull();
  });
});
