import { waitFor } from '@dvc/testing';
import type { api } from './http';
import type { Stack } from './stack';

export const DEMO_PASSWORD = 'ChangeMe!2026';
type Call = ReturnType<typeof api>;

export async function login(call: Call, email: string, password = DEMO_PASSWORD): Promise<string> {
  const reply = await call<{ accessToken: string }>('POST', '/auth/login', {
    body: { email, password },
  });
  if (reply.status !== 200)
    throw new Error(`login ${email}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.accessToken;
}

/** A new citizen, registered and activated through the emailed link; returns an access token. */
export async function newCitizen(stack: Stack, call: Call, fullName: string): Promise<string> {
  const email = `citizen-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const password = 'mật khẩu của công dân';
  const registered = await call('POST', '/auth/register', { body: { email, password, fullName } });
  if (registered.status !== 201) throw new Error(`register: ${registered.status}`);
  const mail = await waitFor(
    () =>
      stack.smtp.messages.find(
        (m) => JSON.stringify(m.to).includes(email) && /activate\?token=/.test(m.text ?? ''),
      ),
    { timeoutMs: 15_000, what: `the activation email of ${email}` },
  );
  const token = decodeURIComponent(/activate\?token=([A-Za-z0-9_%-]+)/.exec(mail.text ?? '')![1]);
  await call('POST', '/auth/activate', { body: { token } });
  return login(call, email, password);
}
