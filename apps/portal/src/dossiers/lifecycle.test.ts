import { describe, expect, it } from 'vitest';
import { officerButtons, statusTone } from './lifecycle';

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
