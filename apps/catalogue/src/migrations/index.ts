import { OutboxInbox1732600000000 } from '@dvc/messaging';
import { CatalogueSchema1732700000000 } from './1732700000000-catalogue-schema';

export const migrations = [OutboxInbox1732600000000, CatalogueSchema1732700000000];
