import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { idOf, kustomize, KustomizeError, Manifest, parseImage, strategicMerge } from './kustomize';
import { repoRoot } from './ops-support';

/** The test renderer behaves like kustomize on what k8s/ uses, and refuses the rest. */
describe('test kustomize renderer', () => {
  let dir: string;
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const header = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kustomize-'));
    write(
      'base/app.yaml',
      `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  selector:
    matchLabels: { app: app }
  template:
    metadata:
      labels: { app: app }
    spec:
      containers:
        - name: app
          image: dvc
          env:
            - { name: A, value: "1" }
            - { name: B, value: "2" }
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: conf
data:
  X: "1"
  Y: "2"
---
apiVersion: v1
kind: Namespace
metadata:
  name: dvc
`,
    );
    write(
      'base/kustomization.yaml',
      `${header}namespace: dvc
labels:
  - pairs: { part-of: dvc }
    includeTemplates: true
resources: [app.yaml]
`,
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('renders resources with namespace, labels, images, replicas and patches', () => {
    write(
      'overlay/env.yaml',
      `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    spec:
      containers:
        - name: app
          env:
            - { name: B, value: "20" }
            - { name: C, value: "3" }
`,
    );
    write(
      'overlay/conf.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: conf\ndata:\n  Y: "3"\n',
    );
    write(
      'overlay/kustomization.yaml',
      `${header}resources: [../base]
images:
  - { name: dvc, newName: registry.example/dvc, newTag: "1.2.3" }
replicas:
  - { name: app, count: 3 }
patches:
  - path: env.yaml
  - path: conf.yaml
`,
    );
    const [deployment, conf, namespace] = kustomize(join(dir, 'overlay'));
    expect(deployment.metadata).toEqual({
      name: 'app',
      namespace: 'dvc',
      labels: { 'part-of': 'dvc' },
    });
    const spec = deployment.spec as {
      replicas: number;
      selector: unknown;
      template: {
        metadata: { labels: unknown };
        spec: { containers: { image: string; env: unknown }[] };
      };
    };
    expect(spec.replicas).toBe(3);
    expect(spec.selector).toEqual({ matchLabels: { app: 'app' } }); // selectors untouched
    expect(spec.template.metadata.labels).toEqual({ app: 'app', 'part-of': 'dvc' });
    expect(spec.template.spec.containers[0].image).toBe('registry.example/dvc:1.2.3');
    expect(spec.template.spec.containers[0].env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '20' },
      { name: 'C', value: '3' },
    ]);
    expect(conf.data).toEqual({ X: '1', Y: '3' });
    expect(namespace.metadata.namespace).toBeUndefined();
  });

  it('refuses what it does not implement', () => {
    write('bad/kustomization.yaml', `${header}resources: [../base]\nnamePrefix: x-\n`);
    expect(() => kustomize(join(dir, 'bad'))).toThrow(/unsupported fields namePrefix/);
    write(
      'bad/kustomization.yaml',
      `${header}resources: [../base]\npatches:\n  - path: p.yaml\n    target: { kind: Deployment }\n`,
    );
    expect(() => kustomize(join(dir, 'bad'))).toThrow(KustomizeError);
    write('bad/p.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nothing\n');
    write('bad/kustomization.yaml', `${header}resources: [../base]\npatches:\n  - path: p.yaml\n`);
    expect(() => kustomize(join(dir, 'bad'))).toThrow(/matches 0 objects/);
    write('bad/kustomization.yaml', `${header}resources: [../base, ../base/app.yaml]\n`);
    expect(() => kustomize(join(dir, 'bad'))).toThrow(/appears twice/);
  });

  it('merges like a strategic-merge patch: maps deep, keyed lists by key, other lists whole', () => {
    expect(
      strategicMerge(
        {
          a: { b: 1, c: 2 },
          rules: [{ host: 'x' }, { host: 'y' }],
          volumes: [{ name: 'v', emptyDir: {} }],
        },
        { a: { c: null, d: 4 }, rules: [{ host: 'z' }], volumes: [{ name: 'w', emptyDir: {} }] },
        [],
      ),
    ).toEqual({
      a: { b: 1, d: 4 },
      rules: [{ host: 'z' }],
      volumes: [
        { name: 'v', emptyDir: {} },
        { name: 'w', emptyDir: {} },
      ],
    });
  });

  it('reads image references', () => {
    expect(parseImage('dvc')).toEqual({ name: 'dvc', suffix: '' });
    expect(parseImage('registry:5000/dvc/dvc:1.0')).toEqual({
      name: 'registry:5000/dvc/dvc',
      suffix: ':1.0',
    });
    expect(parseImage('dvc@sha256:abc')).toEqual({ name: 'dvc', suffix: '@sha256:abc' });
  });

  // Where kubectl is installed, its kustomize must render k8s/ exactly like this one.
  const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  const withKubectl = kubectl.status === 0 ? it : it.skip;
  withKubectl.each(['k8s/base', 'k8s/overlays/dev', 'k8s/overlays/prod'])(
    'renders %s exactly like kubectl kustomize',
    (folder) => {
      const real = spawnSync('kubectl', ['kustomize', join(repoRoot, folder)], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(real.stderr).toBe('');
      const byId = (manifests: Manifest[]) =>
        Object.fromEntries(manifests.map((m) => [idOf(m), m]));
      const theirs = parseAllDocuments(real.stdout).map((d) => d.toJS() as Manifest);
      expect(byId(kustomize(join(repoRoot, folder)))).toEqual(byId(theirs));
    },
    30_000,
  );
});
