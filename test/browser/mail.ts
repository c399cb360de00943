import { waitFor } from '@dvc/testing';
import type { Stack } from '../e2e/stack';

/**
 * The portal path of the link in the latest email to `email` matching `path` (e.g.
 * `/activate`), as a person would open it: the stack's PUBLIC_URL is not the test's origin.
 */
export async function linkInEmail(stack: Stack, email: string, path: string): Promise<string> {
  const pattern = new RegExp(
    `https?://[^\\s"<>]+(${path.replace('/', '\\/')}\\?token=[A-Za-z0-9_%.~-]+)`,
  );
  const mail = await waitFor(
    () =>
      [...stack.smtp.messages]
        .reverse()
        .find((m) => JSON.stringify(m.to).includes(email) && pattern.test(m.text ?? '')),
    { timeoutMs: 20_000, what: `the ${path} email to ${email}` },
  );
  return pattern.exec(mail.text ?? '')![1];
}
