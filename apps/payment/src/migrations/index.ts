import { OutboxInbox1732600000000 } from '@dvc/messaging';
import { PaymentSchema1733000000000 } from './1733000000000-payment-schema';
import { UnsignedCallbacks1734000000000 } from './1734000000000-unsigned-callbacks';
import { SignedReceipts1765410000000 } from './1765410000000-signed-receipts';

export const migrations = [
  OutboxInbox1732600000000,
  PaymentSchema1733000000000,
  UnsignedCallbacks1734000000000,
  SignedReceipts1765410000000,
];
