type Env = Record<string, string | undefined>;

/**
 * The environment of one app when several share one (`npm start`, the migration step):
 * everything, with `<APP>_X` (e.g. IDENTITY_HTTP_PORT) overriding X for that app only.
 */
export function envFor(app: { name: string }, env: Env): Env {
  const prefix = `${app.name.toUpperCase().replace(/-/g, '_')}_`;
  const own = Object.entries(env)
    .filter(([key]) => key.startsWith(prefix))
    .map(([key, value]) => [key.slice(prefix.length), value]);
  return { ...env, ...Object.fromEntries(own) };
}
