import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

/**
 * Preloaded into each app by `npm run bench -- --profile <operation>` (NODE_OPTIONS=--require):
 * the V8 CPU profile `--cpu-prof` would take, from SIGWINCH (sent when the measured load starts,
 * so start-up is left out; a signal Nest's shutdown hooks ignore and that does nothing by
 * default) until the app is told to stop. Nest ends a process by re-sending
 * itself SIGTERM after closing, and `--cpu-prof` writes nothing for a process that ends by a
 * signal, so the profile is taken through the inspector instead.
 */
const dir = process.env.CPU_PROFILE_DIR;
if (dir) {
  const name = process.env.CPU_PROFILE_NAME ?? 'node';
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  let started = false;
  process.on('SIGWINCH', () => {
    if (started) return;
    started = true;
    session.post('Profiler.start');
  });
  let written = false;
  const write = () => {
    if (written || !started) return;
    written = true;
    session.post('Profiler.stop', (err, result) => {
      if (err) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${name}.${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.prependListener('SIGTERM', write);
  process.on('exit', write);
}
