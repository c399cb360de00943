import { describe, expect, it } from 'vitest';
import { historyEvent, officerButtons, statusTone } from './lifecycle';

// The legal actions come from the API (`allowedActions`, in the transition table's order);
// these are what it answers for a dossier in PROCESSING, RECEIVED and SUBMITTED.
describe('the officer buttons', () => {
  it('keeps the API order and puts refusing and stopping last', () => {
    expect(
      officerButtons(['request-supplement', 'request-payment', 'refuse', 'complete', 'stop']),
    ).toEqual(['request-supplement', 'request-payment', 'complete', 'refuse', 'stop']);
    expect(
      officerButtons(['start', 'request-supplement', 'request-payment', 'refuse', 'stop']),
    ).toEqual(['start', 'request-supplement', 'request-payment', 'refuse', 'stop']);
  });

  it('offers exactly what the API allows, nothing on a finished dossier', () => {
    expect(officerButtons(['receive', 'refuse'])).toEqual(['receive', 'refuse']);
    expect(officerButtons([])).toEqual([]);
  });
});

describe('the status colours', () => {
  it('marks waiting on the citizen, success and failure apart', () => {
    expect(statusTone('SUPPLEMENT_REQUESTED')).toBe('warning');
    expect(statusTone('RESULT_READY')).toBe('success');
    expect(statusTone('REFUSED')).toBe('error');
    expect(statusTone('PROCESSING')).toBe('processing');
  });
});

describe('the name of a history entry', () => {
  it("calls the citizen's supplement a supplement, whichever status it returns to", () => {
    expect(historyEvent({ from: 'SUPPLEMENT_REQUESTED', to: 'RECEIVED' })).toBe('supplemented');
    expect(historyEvent({ from: 'SUPPLEMENT_REQUESTED', to: 'PROCESSING' })).toBe('supplemented');
  });

  it('calls a payment a payment, also when it sends the dossier on at submission', () => {
    expect(historyEvent({ from: 'PAYMENT_REQUIRED', to: 'PROCESSING' })).toBe('paid');
    expect(historyEvent({ from: 'PAYMENT_REQUIRED', to: 'SUBMITTED' })).toBe('paid');
  });

  it('names the other steps by what was done', () => {
    expect(historyEvent({ from: null, to: 'DRAFT' })).toBe('created');
    expect(historyEvent({ from: 'DRAFT', to: 'SUBMITTED' })).toBe('submitted');
    expect(historyEvent({ from: 'SUBMITTED', to: 'RECEIVED' })).toBe('received');
    expect(historyEvent({ from: 'RECEIVED', to: 'PROCESSING' })).toBe('started');
    expect(historyEvent({ from: 'PROCESSING', to: 'SUPPLEMENT_REQUESTED' })).toBe(
      'supplementRequested',
    );
    expect(historyEvent({ from: 'SUPPLEMENT_REQUESTED', to: 'STOPPED' })).toBe('stopped');
    expect(historyEvent({ from: 'PROCESSING', to: 'RESULT_READY' })).toBe('completed');
  });
});
