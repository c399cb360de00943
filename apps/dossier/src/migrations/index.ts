import { OutboxInbox1732600000000 } from '@dvc/messaging';
import { DossierSchema1732800000000 } from './1732800000000-dossier-schema';
import { AgencySystemResults1733000000000 } from './1733000000000-agency-system-results';
import { SignedResults1765200000000 } from './1765200000000-signed-results';

export const migrations = [
  OutboxInbox1732600000000,
  DossierSchema1732800000000,
  AgencySystemResults1733000000000,
  SignedResults1765200000000,
];
