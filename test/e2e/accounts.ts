import { waitFor } from '@dvc/testing';
import type { Reply, api } from './http';
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

/** A fresh captcha and its answer, read where the server keeps it (`captcha:<id>` in Redis). */
export async function solvedCaptcha(
  stack: Stack,
  call: Call,
): Promise<{ captchaId: string; captchaAnswer: string }> {
  const { body } = await call<{ captchaId: string }>('GET', '/auth/captcha');
  const captchaAnswer = await stack.redis.get(`captcha:${body.captchaId}`);
  if (!captchaAnswer) throw new Error('no captcha answer in Redis');
  return { captchaId: body.captchaId, captchaAnswer };
}

/** POST /auth/register with a solved captcha. */
export async function register(
  stack: Stack,
  call: Call,
  account: { email: string; password: string; fullName: string; phone?: string },
): Promise<Reply> {
  return call('POST', '/auth/register', {
    body: { ...account, ...(await solvedCaptcha(stack, call)) },
  });
}

/** A new citizen, registered and activated through the emailed link; returns an access token. */
export async function newCitizen(stack: Stack, call: Call, fullName: string): Promise<string> {
  const email = `citizen-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const password = 'mật khẩu của công dân';
  const registered = await register(stack, call, { email, password, fullName });
  if (registered.status !== 202) throw new Error(`register: ${registered.status}`);
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
