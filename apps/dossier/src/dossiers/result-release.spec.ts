import { DossierStatus, DossierStatusName } from '@dvc/contracts';
import { isResultReleased } from './result-release';
import { TRANSITIONS } from './status-machine';

describe('result release', () => {
  it('releases the result to the applicant from RESULT_READY on, and in no other status', () => {
    const released = (Object.keys(DossierStatus) as DossierStatusName[]).filter(isResultReleased);
    expect(released).toEqual(['RESULT_READY', 'RETURNED']);
  });

  it('reaches a released status only through PROCESSING, which an unpaid fee never is', () => {
    const into = TRANSITIONS.filter((t) => isResultReleased(t.to) && !isResultReleased(t.from[0]));
    expect(into.map((t) => [t.action, t.from])).toEqual([['complete', ['PROCESSING']]]);
    const outOfPayment = TRANSITIONS.filter((t) => t.from.includes('PAYMENT_REQUIRED'));
    expect(outOfPayment.map((t) => [t.action, t.to])).toEqual([
      ['payment-succeeded', 'SUBMITTED'],
      ['payment-succeeded', 'PROCESSING'],
      ['withdraw', 'WITHDRAWAL_REQUESTED'],
    ]);
  });
});
