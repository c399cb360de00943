import { OutboxInbox1732600000000 } from '@dvc/messaging';
import { StorageSchema1732800000000 } from './1732800000000-storage-schema';
import { PresignedUploads1733000000000 } from './1733000000000-presigned-uploads';
import { IssuedDocuments1765200000000 } from './1765200000000-issued-documents';
import { DrawnDocuments1765410000000 } from './1765410000000-drawn-documents';

/** This service's schema, in order. */
export const migrations = [
  OutboxInbox1732600000000,
  StorageSchema1732800000000,
  PresignedUploads1733000000000,
  IssuedDocuments1765200000000,
  DrawnDocuments1765410000000,
];
