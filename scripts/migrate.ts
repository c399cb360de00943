import { apps, envFor } from './apps';

/** Applies every app's pending migrations (also the Kubernetes migration Job's command). */
export async function migrateAll(env: Record<string, string | undefined>): Promise<void> {
  for (const app of apps) {
    if (!app.migrate) continue;
    const applied = await app.migrate(envFor(app, env));
    console.log(`  ${app.name}: ${applied.length ? applied.join(', ') : 'up to date'}`);
  }
}

if (require.main === module) {
  migrateAll(process.env).catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
}
