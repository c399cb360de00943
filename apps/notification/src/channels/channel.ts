/**
 * One way of reaching a citizen outside the portal (email, SMS). A channel sends one
 * message and answers the provider's message id; it throws when the message was not taken,
 * with `permanent: true` when retrying cannot help (e.g. an address the provider refuses).
 */
export interface Channel<M> {
  readonly name: 'email' | 'sms';
  send(message: M): Promise<string>;
}

/** The provider refused the message for good: a retry would be refused too. */
export class PermanentChannelError extends Error {
  override name = 'PermanentChannelError';
  readonly permanent = true;
}
