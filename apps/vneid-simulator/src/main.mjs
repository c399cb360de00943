// VNeID simulator: a local OpenID Connect provider playing the national e-ID (VNeID) for
// development and tests. oidc-provider ships as ESM only, so this app is plain ESM JavaScript
// run as its own process. Never started in production.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';
import { demoIdentities } from './demo-identities.mjs';
import { loginPage } from './login-page.mjs';

if (process.env.NODE_ENV === 'production') {
  console.error('vneid-simulator: refusing to start with NODE_ENV=production (development only).');
  process.exit(1);
}

const issuer = process.env.OIDC_ISSUER ?? 'http://127.0.0.1:3090';
const publicUrl = process.env.PUBLIC_URL ?? 'http://localhost:3000';
const redirectUri = `${publicUrl}/api/v1/auth/oidc/vneid/callback`;
// It listens where the relying party looks for it: the issuer's own port.
const port = Number(new URL(issuer).port || 80);
const host = process.env.HTTP_HOST ?? '127.0.0.1';

const byNumber = new Map(demoIdentities.map((identity) => [identity.idNumber, identity]));
const claimsOf = (identity) => ({
  sub: identity.sub,
  name: identity.name,
  birthdate: identity.birthdate,
  idNumber: identity.idNumber,
  ...(identity.email ? { email: identity.email } : {}),
  ...(identity.phone ? { phone_number: identity.phone } : {}),
  ...(identity.address ? { address: { formatted: identity.address } } : {}),
});

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID ?? 'dvc-portal',
      client_secret: process.env.OIDC_CLIENT_SECRET ?? 'dev-only-oidc-secret-change-me',
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'email', 'phone', 'address'],
  claims: {
    openid: ['sub'],
    profile: ['name', 'birthdate', 'idNumber'],
    email: ['email'],
    phone: ['phone_number'],
    address: ['address'],
  },
  // The relying party reads the person from the ID token alone.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  cookies: { keys: ['dev-only-vneid-simulator-cookie-key'] },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (_ctx, sub) => {
    const identity = demoIdentities.find((candidate) => candidate.sub === sub);
    return identity && { accountId: sub, claims: () => claimsOf(identity) };
  },
  // Consent is implied: VNeID asks the citizen once, at login.
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid profile email phone address');
    await grant.save();
    return grant;
  },
});
const handleProtocol = provider.callback();

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

async function interaction(req, res, uid) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  if (req.method !== 'POST') return send(res, 200, loginPage(uid, null));
  const form = await readForm(req);
  const identity = byNumber.get(form.get('idNumber') ?? '');
  if (!identity || identity.password !== form.get('password')) {
    return send(res, 200, loginPage(uid, 'Số định danh cá nhân hoặc mật khẩu không đúng.'));
  }
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: identity.sub } },
    { mergeWithLastSubmission: false },
  );
}

function send(res, status, html) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
}

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', issuer).pathname;
  if (path === '/health/live' || path === '/health/ready') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end('{"status":"ok"}');
  }
  const match = /^\/interaction\/([\w-]+)$/.exec(path);
  if (!match) return handleProtocol(req, res);
  interaction(req, res, match[1]).catch((err) => {
    send(res, 400, `<p>${String(err.message).replace(/[<>&]/g, '')}</p>`);
  });
});
server.listen(port, host, () => {
  console.log(`vneid-simulator: issuer ${issuer}, listening on ${host}:${port}`);
  for (const identity of demoIdentities) {
    console.log(`  ${identity.idNumber}  ${identity.name}  password ${identity.password}`);
  }
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
