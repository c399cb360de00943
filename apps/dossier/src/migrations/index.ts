import { OutboxInbox1732600000000 } from '@dvc/messaging';
import { DossierSchema1732800000000 } from './1732800000000-dossier-schema';
import { AgencySystemResults1733000000000 } from './1733000000000-agency-system-results';
import { Ratings1733200000000 } from './1733200000000-ratings';
import { Feedback1733300000000 } from './1733300000000-feedback';
import { SignedResults1765200000000 } from './1765200000000-signed-results';
import { DossierLookupKey1765240000000 } from './1765240000000-dossier-lookup-key';
import { DeadlineWarnings1765400000000 } from './1765400000000-deadline-warnings';
import { Letters1765410000000 } from './1765410000000-letters';
import { LargeVolumeIndexes1765900000000 } from './1765900000000-large-volume-indexes';
import { AgencyScores1766000000000 } from './1766000000000-agency-scores';
import { FeedbackAttachments1766010000000 } from './1766010000000-feedback-attachments';
import { StatusTallies1766100000000 } from './1766100000000-status-tallies';

export const migrations = [
  OutboxInbox1732600000000,
  DossierSchema1732800000000,
  AgencySystemResults1733000000000,
  Ratings1733200000000,
  Feedback1733300000000,
  SignedResults1765200000000,
  DossierLookupKey1765240000000,
  DeadlineWarnings1765400000000,
  Letters1765410000000,
  LargeVolumeIndexes1765900000000,
  AgencyScores1766000000000,
  FeedbackAttachments1766010000000,
  StatusTallies1766100000000,
];
