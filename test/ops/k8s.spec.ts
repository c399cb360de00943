import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { schemaErrors, unknownFields } from './k8s-schema';
import {
  Connection,
  Container,
  egressAllowed,
  ingressAllowed,
  isolated,
  podLabelsOf,
  podSpecOf,
  resolveEnv,
  selects,
} from './k8s-support';
import { kustomize, Manifest, parseImage } from './kustomize';
import { envFor } from '../../scripts/app-env';
import { SERVICE_ACCOUNTS } from '../../scripts/service-accounts';
import {
  AppInfo,
  APP_NAMES,
  configProblem,
  deployedApps,
  internalUrls,
  migratedApps,
  repoRoot,
  requiredInProduction,
  secretNames,
} from './ops-support';

/**
 * k8s/ rendered (base and both overlays) by test/ops/kustomize.ts, every object validated
 * against the Kubernetes schemas, then the policies: probes, resources, security contexts,
 * ports, configuration each app needs in production, secrets by reference only, HPA,
 * PodDisruptionBudgets, NetworkPolicies, Ingress and the migration Job.
 */

jest.setTimeout(60_000);

const NAMESPACE = 'dvc';
/** Secrets the manifests reference; they are created in the cluster, never kept here. */
const EXTERNAL_SECRETS = new Set(['dvc-secrets', 'dvc-tls']);
const AUTOSCALED = ['gateway', 'dossier', 'catalogue'];
/** Apps the gateway calls over internal HTTP (docs/design.md §2). */
const GATEWAY_HTTP_TARGETS = ['catalogue', 'document-storage', 'payment'];

const kustomizations = {
  base: join(repoRoot, 'k8s', 'base'),
  dev: join(repoRoot, 'k8s', 'overlays', 'dev'),
  prod: join(repoRoot, 'k8s', 'overlays', 'prod'),
};

const rendered = Object.fromEntries(
  Object.entries(kustomizations).map(([name, dir]) => [name, kustomize(dir)]),
) as Record<keyof typeof kustomizations, Manifest[]>;

const apps = deployedApps();
const accountOf = (app: string) => SERVICE_ACCOUNTS.find((a) => a.app === app)!;
const userOf = (url: string | undefined) => /^[a-z]+:\/\/([^:]+):/.exec(url ?? '')?.[1] ?? null;

describe.each(Object.keys(kustomizations) as (keyof typeof kustomizations)[])(
  'k8s/%s rendered',
  (variant) => {
    const manifests = rendered[variant];
    const ofKind = (kind: string) => manifests.filter((m) => m.kind === kind);
    const named = (kind: string, name: string) =>
      manifests.find((m) => m.kind === kind && m.metadata.name === name);
    const deployments = ofKind('Deployment');
    const policies = ofKind('NetworkPolicy');
    const job = named('Job', 'dvc-migrate');
    const container = (workload: Manifest): Container => podSpecOf(workload).containers[0];

    it('validates every object against the Kubernetes JSON schemas', () => {
      const errors = manifests.flatMap((m) =>
        schemaErrors(m).map((e) => `${m.kind}/${m.metadata.name}: ${e}`),
      );
      expect(errors).toEqual([]);
    });

    it('uses no field the Kubernetes API does not know', () => {
      const unknown = manifests.flatMap((m) =>
        unknownFields(m).map((path) => `${m.kind}/${m.metadata.name}: ${path}`),
      );
      expect(unknown).toEqual([]);
    });

    it('puts everything in the dvc namespace, restricted by Pod Security', () => {
      const namespace = named('Namespace', NAMESPACE);
      expect(namespace?.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
      for (const m of manifests.filter((o) => o.kind !== 'Namespace')) {
        expect(`${m.kind}/${m.metadata.name} in ${m.metadata.namespace}`).toBe(
          `${m.kind}/${m.metadata.name} in ${NAMESPACE}`,
        );
      }
    });

    it('keeps no Secret in the repository and references only the expected ones', () => {
      expect(ofKind('Secret')).toEqual([]);
      const referenced = new Set<string>();
      for (const workload of [...deployments, ...(job ? [job] : [])]) {
        for (const ref of resolveEnv(container(workload), manifests).secretRefs) {
          referenced.add(ref.split('/')[0]);
        }
      }
      for (const ingress of ofKind('Ingress')) {
        for (const tls of (ingress.spec as { tls?: { secretName: string }[] }).tls ?? []) {
          referenced.add(tls.secretName);
        }
      }
      expect([...referenced].sort()).toEqual([...EXTERNAL_SECRETS].sort());
    });

    it('has exactly one Deployment, Service and PodDisruptionBudget per app', () => {
      for (const kind of ['Deployment', 'Service', 'PodDisruptionBudget']) {
        expect(
          ofKind(kind)
            .map((m) => m.metadata.name)
            .sort(),
        ).toEqual([...APP_NAMES].sort());
      }
    });

    it('runs one image, the same for every app and the migration Job', () => {
      const images = new Set(
        [...deployments, job!].flatMap((w) => podSpecOf(w).containers.map((c) => c.image)),
      );
      expect(images.size).toBe(1);
      if (variant !== 'base') {
        const { name, suffix } = parseImage([...images][0]);
        expect(name).toMatch(/\//); // a registry path, not the bare local name
        expect(suffix).toMatch(/^(:|@)/);
        expect(suffix).not.toBe(':latest');
      }
    });

    describe.each(apps.map((app) => [app.name, app] as const))('%s', (name, app: AppInfo) => {
      const deployment = named('Deployment', name)!;
      const spec = podSpecOf(deployment);
      const c = spec.containers[0];
      const labels = podLabelsOf(deployment);

      it('runs its app from the image, on its HTTP_PORT', () => {
        expect(spec.containers).toHaveLength(1);
        expect(c.command).toBeUndefined(); // the image's entrypoint chooses the app
        expect(c.args).toEqual([name]);
        expect(c.ports).toEqual([{ name: 'http', containerPort: app.port }]);
        const { env } = resolveEnv(c, manifests);
        expect(env.HTTP_PORT).toBe(String(app.port));
        expect(
          (deployment.spec as { selector: { matchLabels: Record<string, string> } }).selector,
        ).toEqual({ matchLabels: { 'app.kubernetes.io/name': name } });
        expect(labels['app.kubernetes.io/name']).toBe(name);
        expect(labels['app.kubernetes.io/part-of']).toBe('dvc');
      });

      it('has readiness and liveness probes on /health', () => {
        const port = (p: number | string | undefined) =>
          typeof p === 'string' ? c.ports?.find((cp) => cp.name === p)?.containerPort : p;
        expect(c.readinessProbe?.httpGet?.path).toBe('/health/ready');
        expect(c.livenessProbe?.httpGet?.path).toBe('/health/live');
        expect(port(c.readinessProbe?.httpGet?.port)).toBe(app.port);
        expect(port(c.livenessProbe?.httpGet?.port)).toBe(app.port);
        if (c.startupProbe) expect(port(c.startupProbe.httpGet?.port)).toBe(app.port);
      });

      it('has resource requests and limits', () => {
        for (const kind of ['requests', 'limits'] as const) {
          expect(c.resources?.[kind]).toEqual(
            expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }),
          );
        }
      });

      it('runs as non-root on a read-only root filesystem, no privileges, /tmp in memory', () => {
        expectLockedDown(spec);
      });

      it('gets every variable its config requires in production, secrets by reference', () => {
        const resolved = resolveEnv(c, manifests);
        expect(resolved.problems).toEqual([]);
        expect(configProblem(app.config, resolved.env)).toBeNull();
        const required = requiredInProduction(app.config, resolved.env);
        const missing = [...required].filter((v) => resolved.env[v] === undefined);
        expect(missing).toEqual([]);
        const notFromSecret = secretNames(app.config, resolved.env).filter(
          (v) => resolved.env[v] !== undefined && !resolved.fromSecret.has(v),
        );
        expect(notFromSecret).toEqual([]);
        if (name === 'document-storage') expect(resolved.env.MINIO_ENDPOINT).toBeTruthy();
      });

      it('connects to Postgres and RabbitMQ with its own credentials (its keys of dvc-secrets)', () => {
        const { secretRefs } = resolveEnv(c, manifests);
        const own = accountOf(name).env;
        const credentials = [...secretRefs].filter((ref) =>
          /(POSTGRES|RABBITMQ)_(USER|PASSWORD)$/.test(ref),
        );
        const expected = ['RABBITMQ_USER', 'RABBITMQ_PASSWORD'];
        if (accountOf(name).db) expected.push('POSTGRES_USER', 'POSTGRES_PASSWORD');
        expect(credentials.sort()).toEqual(expected.map((k) => `dvc-secrets/${own}_${k}`).sort());
      });

      it('gets no variable its config does not know (but the parts of composed URLs)', () => {
        const resolved = resolveEnv(c, manifests);
        const unknown = Object.keys(resolved.env).filter(
          (v) => !app.variables.has(v) && !resolved.helpers.has(v),
        );
        expect(unknown).toEqual([]);
        expect(spec.enableServiceLinks).toBe(false);
      });

      it('reaches other apps by their Service', () => {
        const { env } = resolveEnv(c, manifests);
        for (const [variable, target] of internalUrls(app)) {
          expect({ variable, url: env[variable] }).toEqual({
            variable,
            url: `http://${target.name}:${target.port}`,
          });
        }
      });

      it('has a Service on its port selecting its pods', () => {
        const service = named('Service', name)!;
        const s = service.spec as {
          selector: Record<string, string>;
          ports: { port: number; targetPort: string | number }[];
        };
        expect(selects({ matchLabels: s.selector }, labels)).toBe(true);
        expect(s.ports).toHaveLength(1);
        expect(s.ports[0].port).toBe(app.port);
        const target = s.ports[0].targetPort;
        expect(
          typeof target === 'string'
            ? c.ports?.find((p) => p.name === target)?.containerPort
            : target,
        ).toBe(app.port);
      });

      it('has a PodDisruptionBudget selecting its pods', () => {
        const pdb = named('PodDisruptionBudget', name)!;
        const s = pdb.spec as {
          selector: { matchLabels: Record<string, string> };
          maxUnavailable?: unknown;
          minAvailable?: unknown;
        };
        expect(selects(s.selector, labels)).toBe(true);
        // One replica in dev must not block node drains: maxUnavailable, not minAvailable.
        expect(s.maxUnavailable).toBeDefined();
      });
    });

    it('autoscales gateway, dossier and catalogue on CPU', () => {
      const hpas = ofKind('HorizontalPodAutoscaler');
      expect(hpas.map((h) => h.metadata.name).sort()).toEqual([...AUTOSCALED].sort());
      for (const hpa of hpas) {
        const s = hpa.spec as {
          scaleTargetRef: { apiVersion: string; kind: string; name: string };
          minReplicas: number;
          maxReplicas: number;
          metrics: { type: string; resource?: { name: string } }[];
        };
        const target = named(s.scaleTargetRef.kind, s.scaleTargetRef.name);
        expect(target?.apiVersion).toBe(s.scaleTargetRef.apiVersion);
        expect(s.metrics).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              type: 'Resource',
              resource: expect.objectContaining({ name: 'cpu' }),
            }),
          ]),
        );
        expect(s.minReplicas).toBeLessThanOrEqual(s.maxReplicas);
        // The HPA owns the replica count: a fixed one would fight it on every apply.
        expect((target!.spec as { replicas?: number }).replicas).toBeUndefined();
        // CPU utilisation is relative to the request: there must be one.
        expect(container(target!).resources?.requests?.cpu).toBeDefined();
      }
    });

    describe('NetworkPolicies', () => {
      const pod = (name: string) => podLabelsOf(named('Deployment', name)!);
      const inNamespace = (labels: Record<string, string>) => ({ namespace: NAMESPACE, labels });
      const out = (from: string, port: number, peer: Connection['peer'] = 'outside-the-cluster') =>
        egressAllowed(policies, { pod: pod(from), namespace: NAMESPACE, peer, port });
      const into = (to: string, port: number, peer: Connection['peer']) =>
        ingressAllowed(policies, {
          pod: pod(to),
          namespace: NAMESPACE,
          peer,
          port,
          portNames: { http: port },
        });
      const ingressController = {
        namespace: 'ingress-nginx',
        labels: { 'app.kubernetes.io/name': 'ingress-nginx' },
      };
      const dns = {
        namespace: 'kube-system',
        labels: { 'k8s-app': 'kube-dns' },
      };

      it('deny everything by default, both ways, for every pod', () => {
        for (const workload of [...deployments, job!]) {
          expect(isolated(policies, podLabelsOf(workload), NAMESPACE)).toEqual({
            ingress: true,
            egress: true,
          });
        }
      });

      it('let every pod resolve names', () => {
        for (const workload of [...deployments, job!]) {
          expect(
            egressAllowed(policies, {
              pod: podLabelsOf(workload),
              namespace: NAMESPACE,
              peer: dns,
              port: 53,
              protocol: 'UDP',
            }),
          ).toBe(true);
        }
      });

      it('let only the ingress controller reach the gateway', () => {
        expect(into('gateway', 3000, ingressController)).toBe(true);
        expect(into('gateway', 3000, inNamespace(pod('identity')))).toBe(false);
        expect(into('gateway', 3000, { namespace: 'default', labels: {} })).toBe(false);
        expect(into('gateway', 3000, 'outside-the-cluster')).toBe(false);
      });

      it('let the gateway call catalogue, document-storage and payment over HTTP, and nothing else', () => {
        for (const app of apps) {
          const allowedBothWays =
            out('gateway', app.port, inNamespace(pod(app.name))) &&
            into(app.name, app.port, inNamespace(pod('gateway')));
          expect({ app: app.name, allowed: allowedBothWays }).toEqual({
            app: app.name,
            allowed: GATEWAY_HTTP_TARGETS.includes(app.name),
          });
          // No app but the gateway calls another over HTTP.
          for (const other of apps.filter((a) => a.name !== 'gateway' && a.name !== app.name)) {
            expect(into(app.name, app.port, inNamespace(pod(other.name)))).toBe(false);
          }
        }
      });

      it('let each app reach the infrastructure it uses, and no more', () => {
        const infra: Record<string, { port: number; apps: string[] }> = {
          postgres: { port: 5432, apps: APP_NAMES.filter((a) => a !== 'gateway') },
          rabbitmq: { port: 5672, apps: [...APP_NAMES] },
          redis: { port: 6379, apps: [...APP_NAMES] },
          minio: { port: 9000, apps: ['document-storage'] },
          clamd: { port: 3310, apps: ['document-storage'] },
          smtp: { port: 587, apps: ['notification'] },
          'payment provider, national hub (HTTPS)': {
            port: 443,
            apps: ['payment', 'national-sync'],
          },
        };
        for (const [service, { port, apps: users }] of Object.entries(infra)) {
          for (const app of APP_NAMES) {
            expect({ app, service, allowed: out(app, port) }).toEqual({
              app,
              service,
              allowed: users.includes(app),
            });
          }
        }
        const migrate = podLabelsOf(job!);
        const jobOut = (port: number) =>
          egressAllowed(policies, {
            pod: migrate,
            namespace: NAMESPACE,
            peer: 'outside-the-cluster',
            port,
          });
        expect(jobOut(5432)).toBe(true);
        expect(jobOut(5672)).toBe(false);
      });

      it('let Prometheus in the monitoring namespace scrape every app', () => {
        for (const app of apps) {
          expect(into(app.name, app.port, { namespace: 'monitoring', labels: {} })).toBe(true);
        }
      });
    });

    describe('Ingress', () => {
      interface IngressSpec {
        ingressClassName?: string;
        tls: { hosts: string[]; secretName: string }[];
        rules: {
          host: string;
          http: {
            paths: {
              path: string;
              pathType: string;
              backend: { service: { name: string; port: { name?: string; number?: number } } };
            }[];
          };
        }[];
      }
      const ingress = (name: string) => named('Ingress', name);
      const specOf = (name: string) => ingress(name)!.spec as IngressSpec;
      const routes = (name: string) =>
        specOf(name).rules.flatMap((rule) =>
          rule.http.paths.map((p) => ({
            host: rule.host,
            path: p.path,
            type: p.pathType,
            backend: p.backend,
          })),
        );
      const expectToGateway = (name: string) => {
        for (const { backend } of routes(name)) {
          const service = named('Service', backend.service.name);
          expect(service?.metadata.name).toBe('gateway');
          const ports = (service!.spec as { ports: { name: string; port: number }[] }).ports;
          expect(
            ports.some(
              (p) => p.name === backend.service.port.name || p.port === backend.service.port.number,
            ),
          ).toBe(true);
        }
      };

      it('routes / and /api to the gateway, over TLS only', () => {
        expect(
          ofKind('Ingress')
            .map((i) => i.metadata.name)
            .sort(),
        ).toEqual(['dvc', 'dvc-internal-paths']);
        const spec = specOf('dvc');
        const tlsHosts = spec.tls.flatMap((t) => t.hosts);
        for (const tls of spec.tls) expect(EXTERNAL_SECRETS).toContain(tls.secretName);
        for (const rule of spec.rules) expect(tlsHosts).toContain(rule.host);
        expect(
          routes('dvc')
            .map((r) => `${r.path} ${r.type}`)
            .sort(),
        ).toEqual(['/ Prefix', '/api Prefix']);
        expectToGateway('dvc');
        expect(
          ingress('dvc')!.metadata.annotations?.['nginx.ingress.kubernetes.io/ssl-redirect'],
        ).toBe('true');
        // Uploads of MAX_FILE_BYTES (10 MiB) plus the multipart envelope get through.
        expect(
          ingress('dvc')!.metadata.annotations?.['nginx.ingress.kubernetes.io/proxy-body-size'],
        ).toBe('12m');
      });

      it('refuses /metrics and /health from outside, on the same host', () => {
        const spec = specOf('dvc-internal-paths');
        expect(spec.rules.map((r) => r.host)).toEqual(specOf('dvc').rules.map((r) => r.host));
        expect(spec.tls).toEqual(specOf('dvc').tls);
        expect(spec.ingressClassName).toBe(specOf('dvc').ingressClassName);
        expect(
          routes('dvc-internal-paths')
            .map((r) => r.path)
            .sort(),
        ).toEqual(['/health', '/metrics']);
        expectToGateway('dvc-internal-paths');
        expect(
          ingress('dvc-internal-paths')!.metadata.annotations?.[
            'nginx.ingress.kubernetes.io/whitelist-source-range'
          ],
        ).toBe('127.0.0.1/32');
      });
    });

    describe('migration Job', () => {
      const spec = () => podSpecOf(job!);

      it('runs node dist/scripts/migrate.js with the apps image, once', () => {
        expect(job).toBeDefined();
        const c = spec().containers[0];
        expect(c.command).toEqual(['node', 'dist/scripts/migrate.js']);
        expect(c.image).toBe(container(named('Deployment', 'gateway')!).image);
        expect(['Never', 'OnFailure']).toContain(spec().restartPolicy);
        expect((job!.spec as { backoffLimit?: number }).backoffLimit).toBeGreaterThan(0);
      });

      it('is locked down like the apps', () => {
        expectLockedDown(spec());
      });

      it("satisfies every app's config in production, without a schema or port of its own", () => {
        const resolved = resolveEnv(spec().containers[0], manifests);
        expect(resolved.problems).toEqual([]);
        expect(resolved.env.DB_SCHEMA).toBeUndefined();
        expect(resolved.env.HTTP_PORT).toBeUndefined();
        for (const app of migratedApps()) {
          // Each app's migrations see `<APP>_X` as X: its own role and broker user.
          const env = envFor(app, resolved.env);
          expect({ app: app.name, problem: configProblem(app.config, env) }).toEqual({
            app: app.name,
            problem: null,
          });
          const prefix = `${accountOf(app.name).env}_`;
          const notFromSecret = secretNames(app.config, env).filter(
            (v) => !resolved.fromSecret.has(v) && !resolved.fromSecret.has(prefix + v),
          );
          expect({ app: app.name, notFromSecret }).toEqual({ app: app.name, notFromSecret: [] });
          expect(userOf(env.DATABASE_URL)).toBe(resolved.env[`${prefix}POSTGRES_USER`]);
          expect(userOf(env.AMQP_URL)).toBe(resolved.env[`${prefix}RABBITMQ_USER`]);
        }
        const known = new Set(apps.flatMap((a) => [...a.variables]));
        const prefixes = SERVICE_ACCOUNTS.map((a) => `${a.env}_`);
        const unknown = Object.keys(resolved.env).filter(
          (v) =>
            !known.has(v) &&
            !resolved.helpers.has(v) &&
            !prefixes.some((p) => v.startsWith(p) && known.has(v.slice(p.length))),
        );
        expect(unknown).toEqual([]);
      });
    });
  },
);

describe('k8s overlays', () => {
  const hostOf = (manifests: Manifest[]) =>
    (
      manifests.find((m) => m.kind === 'Ingress' && m.metadata.name === 'dvc')!.spec as {
        rules: { host: string }[];
      }
    ).rules[0].host;
  const replicasOf = (manifests: Manifest[], name: string) => {
    const hpa = manifests.find(
      (m) => m.kind === 'HorizontalPodAutoscaler' && m.metadata.name === name,
    );
    if (hpa) return (hpa.spec as { minReplicas: number }).minReplicas;
    const deployment = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === name)!;
    return (deployment.spec as { replicas?: number }).replicas ?? 1;
  };
  const publicUrlOf = (manifests: Manifest[]) =>
    (
      manifests.find((m) => m.kind === 'ConfigMap' && m.metadata.name === 'dvc-config')!
        .data as Record<string, string>
    ).PUBLIC_URL;

  it('give each environment its own hostname, public URL and image tag', () => {
    expect(hostOf(rendered.dev)).not.toBe(hostOf(rendered.prod));
    for (const variant of ['dev', 'prod'] as const) {
      expect(publicUrlOf(rendered[variant])).toBe(`https://${hostOf(rendered[variant])}`);
    }
    const image = (manifests: Manifest[]) =>
      podSpecOf(manifests.find((m) => m.kind === 'Deployment')!).containers[0].image;
    expect(image(rendered.dev)).not.toBe(image(rendered.prod));
  });

  it('run at least two replicas of everything in prod, one in dev', () => {
    for (const app of APP_NAMES) {
      expect({ app, replicas: replicasOf(rendered.prod, app) >= 2 }).toEqual({
        app,
        replicas: true,
      });
      expect({ app, replicas: replicasOf(rendered.dev, app) }).toEqual({ app, replicas: 1 });
    }
  });

  it('keep no Secret object in any file under k8s/', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((entry) => {
        const path = join(dir, entry);
        return statSync(path).isDirectory() ? files(path) : [path];
      });
    for (const file of files(join(repoRoot, 'k8s')).filter((f) => /\.ya?ml$/.test(f))) {
      for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
        const object = doc.toJS() as { kind?: string } | null;
        expect({ file, kind: object?.kind }).not.toEqual({ file, kind: 'Secret' });
      }
    }
  });
});

/** The pod and its containers cannot escalate, write their image or run as root. */
function expectLockedDown(spec: ReturnType<typeof podSpecOf>): void {
  expect(spec.securityContext).toEqual(
    expect.objectContaining({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }),
  );
  expect(spec.securityContext?.runAsUser).not.toBe(0);
  expect(spec.automountServiceAccountToken).toBe(false);
  for (const c of [...spec.containers, ...(spec.initContainers ?? [])]) {
    expect(c.securityContext).toEqual(
      expect.objectContaining({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        capabilities: { drop: ['ALL'] },
      }),
    );
    expect(c.resources?.limits?.memory).toBeDefined();
    const tmp = c.volumeMounts?.find((m) => m.mountPath === '/tmp');
    expect(tmp).toBeDefined();
    expect(spec.volumes?.find((v) => v.name === tmp!.name)?.emptyDir).toBeDefined();
  }
}
