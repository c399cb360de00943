import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run screenshots`: refreshes docs/screenshots/ (shown in the README) by running the
 * browser journeys, which photograph the key pages as they go. Needs what `npm test` needs:
 * Postgres, RabbitMQ, Redis and /usr/bin/chromium.
 */
const root = join(__dirname, '..', '..');
const target = join(root, 'docs', 'screenshots');

mkdirSync(target, { recursive: true });
for (const file of readdirSync(target)) {
  if (file.endsWith('.png')) rmSync(join(target, file));
}
const run = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--selectProjects', 'browser'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, SCREENSHOT_DIR: target } },
);
for (const file of readdirSync(target)) {
  // A failed step photographs the browsers for debugging; those pictures are not documentation.
  if (file.startsWith('failed-')) rmSync(join(target, file));
}
console.log(`Screenshots in ${target}`);
process.exit(run.status ?? 1);
