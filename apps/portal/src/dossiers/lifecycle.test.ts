import { describe, expect, it } from 'vitest';
import type { DossierStatusName } from '@dvc/contracts';
import { TRANSITIONS } from '../../../dossier/src/dossiers/status-machine';
import { ACTIONS, actionsFor, officerActionsFor } from './lifecycle';

const STATUSES: DossierStatusName[] = [
  'DRAFT',
  'SUBMITTED',
  'RECEIVED',
  'REFUSED',
  'PROCESSING',
  'SUPPLEMENT_REQUESTED',
  'PAYMENT_REQUIRED',
  'WITHDRAWAL_REQUESTED',
  'STOPPED',
  'RESULT_READY',
  'RETURNED',
];

describe('the portal action table', () => {
  it('offers an officer exactly the actions the dossier service accepts, status by status', () => {
    for (const status of STATUSES) {
      const server = [
        ...new Set(
          TRANSITIONS.filter((t) => t.by === 'officer' && t.from.includes(status)).map(
            (t) => t.action,
          ),
        ),
      ].sort();
      expect({ status, actions: [...officerActionsFor(status)].sort() }).toEqual({
        status,
        actions: server,
      });
    }
  });

  it('offers a citizen the submit, supplement and withdraw the service accepts', () => {
    for (const status of STATUSES) {
      const server = [
        ...new Set(
          TRANSITIONS.filter((t) => t.by === 'citizen' && t.from.includes(status)).map(
            (t) => t.action,
          ),
        ),
      ].sort();
      const portal = actionsFor('citizen', status).filter((a) => a !== 'pay');
      expect({ status, actions: portal.sort() }).toEqual({ status, actions: server });
    }
  });

  it('lets a citizen pay only while a fee is due', () => {
    expect(ACTIONS.find((row) => row.action === 'pay')?.from).toEqual(['PAYMENT_REQUIRED']);
  });

  it('shows no officer button on a finished dossier', () => {
    for (const status of ['REFUSED', 'STOPPED', 'RETURNED'] as const) {
      expect(officerActionsFor(status)).toEqual([]);
    }
    expect(officerActionsFor('RESULT_READY')).toEqual(['return']);
    expect(officerActionsFor('SUBMITTED')).toEqual(['receive', 'refuse']);
  });
});
