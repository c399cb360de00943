import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { environmentOf, operatorEnv, renderCompose } from './compose-file';
import { deployedApps, repoRoot } from './ops-support';

/**
 * Internal HTTP ports (health, metrics, file streams, receipts) stay on this machine under
 * `npm start`; containers bind every interface on purpose, where the published ports and the
 * network policies decide who reaches them.
 */
describe('HTTP bind address', () => {
  it.each(deployedApps().map((app) => [app.name, app] as const))(
    '%s binds 127.0.0.1 by default',
    (_name, app) => {
      expect(new app.config().HTTP_HOST).toBe('127.0.0.1');
    },
  );

  it('binds 0.0.0.0 in docker-compose, where only the gateway is published', () => {
    const services = renderCompose(operatorEnv()).services;
    for (const app of deployedApps()) {
      expect({ app: app.name, host: environmentOf(services[app.name]).HTTP_HOST }).toEqual({
        app: app.name,
        host: '0.0.0.0',
      });
    }
  });

  it('binds 0.0.0.0 in Kubernetes, for every app (dvc-config)', () => {
    const docs = parseAllDocuments(readFileSync(join(repoRoot, 'k8s/base/config.yaml'), 'utf8'));
    const config = docs
      .map((d) => d.toJS() as { metadata: { name: string }; data: Record<string, string> })
      .find((d) => d.metadata.name === 'dvc-config')!;
    expect(config.data.HTTP_HOST).toBe('0.0.0.0');
  });
});
