import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * A small kustomize for the tests (no kustomize binary here): enough of `kubectl kustomize`
 * for k8s/ — resources (files and directories), namespace, labels, images, replicas and
 * strategic-merge patches given by file. Anything else in a kustomization is refused, so the
 * manifests cannot quietly use a feature these tests would not render.
 */

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SUPPORTED = new Set([
  'apiVersion',
  'kind',
  'resources',
  'namespace',
  'labels',
  'images',
  'replicas',
  'patches',
]);

/** Kinds that are not namespaced (only those k8s/ could contain). */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
]);

/** Kinds with a pod template at spec.template (Deployment, Job, …), for images and labels. */
const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

interface Kustomization {
  apiVersion?: string;
  kind?: string;
  resources?: string[];
  namespace?: string;
  labels?: {
    pairs: Record<string, string>;
    includeSelectors?: boolean;
    includeTemplates?: boolean;
  }[];
  images?: { name: string; newName?: string; newTag?: string; digest?: string }[];
  replicas?: { name: string; count: number }[];
  patches?: { path?: string; patch?: string; target?: unknown }[];
}

export class KustomizeError extends Error {}

/** Renders the kustomization in `dir`, like `kubectl kustomize dir`. */
export function kustomize(dir: string): Manifest[] {
  const file = ['kustomization.yaml', 'kustomization.yml', 'Kustomization']
    .map((name) => join(dir, name))
    .find((path) => existsSync(path));
  if (!file) throw new KustomizeError(`no kustomization in ${dir}`);
  const k = parseOne(file) as Kustomization;
  const unsupported = Object.keys(k).filter((key) => !SUPPORTED.has(key));
  if (unsupported.length > 0) {
    throw new KustomizeError(`${file}: unsupported fields ${unsupported.join(', ')}`);
  }
  if (k.apiVersion !== 'kustomize.config.k8s.io/v1beta1' || k.kind !== 'Kustomization') {
    throw new KustomizeError(`${file}: not a kustomize.config.k8s.io/v1beta1 Kustomization`);
  }

  let out: Manifest[] = [];
  for (const entry of k.resources ?? []) {
    const path = resolve(dir, entry);
    if (!existsSync(path)) throw new KustomizeError(`${file}: missing resource ${entry}`);
    out.push(...(statSync(path).isDirectory() ? kustomize(path) : readManifests(path)));
  }
  assertUnique(out, file);

  // Same order as kustomize's built-in transformers: patches, namespace, labels, replicas, images.
  for (const patch of k.patches ?? []) out = applyPatch(out, patch, dir, file);
  if (k.namespace) {
    for (const m of out) if (!CLUSTER_SCOPED.has(m.kind)) m.metadata.namespace = k.namespace;
  }
  for (const label of k.labels ?? []) applyLabels(out, label, file);
  for (const r of k.replicas ?? []) {
    const targets = out.filter(
      (m) =>
        ['Deployment', 'StatefulSet', 'ReplicaSet'].includes(m.kind) && m.metadata.name === r.name,
    );
    if (targets.length === 0) throw new KustomizeError(`${file}: replicas for unknown ${r.name}`);
    for (const m of targets) (m.spec as JsonObject).replicas = r.count;
  }
  for (const image of k.images ?? []) applyImage(out, image);
  return out;
}

function parseOne(path: string): unknown {
  const docs = parseAllDocuments(readFileSync(path, 'utf8'));
  if (docs.length !== 1) throw new KustomizeError(`${path}: expected one YAML document`);
  return toJs(docs[0], path);
}

function toJs(doc: ReturnType<typeof parseAllDocuments>[number], path: string): unknown {
  if ('errors' in doc && doc.errors.length > 0) {
    throw new KustomizeError(`${path}: ${doc.errors.map((e) => e.message).join('; ')}`);
  }
  return doc.toJS();
}

/** Every non-empty document of a YAML file, each a Kubernetes object. */
export function readManifests(path: string): Manifest[] {
  return parseAllDocuments(readFileSync(path, 'utf8'))
    .map((doc) => toJs(doc, path))
    .filter((m) => m !== null && m !== undefined)
    .map((m) => {
      const manifest = m as Manifest;
      if (!manifest.apiVersion || !manifest.kind || !manifest.metadata?.name) {
        throw new KustomizeError(`${path}: an object without apiVersion, kind or metadata.name`);
      }
      return manifest;
    });
}

export function idOf(m: Manifest): string {
  return `${m.apiVersion}/${m.kind}/${m.metadata.namespace ?? '~'}/${m.metadata.name}`;
}

function assertUnique(manifests: Manifest[], file: string): void {
  const seen = new Set<string>();
  for (const m of manifests) {
    const id = idOf(m);
    if (seen.has(id)) throw new KustomizeError(`${file}: ${id} appears twice`);
    seen.add(id);
  }
}

function applyPatch(
  manifests: Manifest[],
  entry: NonNullable<Kustomization['patches']>[number],
  dir: string,
  file: string,
): Manifest[] {
  if (entry.target !== undefined || entry.patch !== undefined || !entry.path) {
    throw new KustomizeError(`${file}: only strategic-merge patches by path are supported`);
  }
  const patch = parseOne(resolve(dir, entry.path)) as Manifest;
  const matches = manifests.filter(
    (m) =>
      m.apiVersion === patch.apiVersion &&
      m.kind === patch.kind &&
      m.metadata.name === patch.metadata?.name,
  );
  if (matches.length !== 1) {
    throw new KustomizeError(
      `${file}: patch ${entry.path} matches ${matches.length} objects (${patch.kind} ${patch.metadata?.name})`,
    );
  }
  return manifests.map((m) =>
    m === matches[0]
      ? (strategicMerge(m as unknown as JsonObject, patch as unknown as JsonObject, []) as Manifest)
      : m,
  );
}

/**
 * The merge keys of the lists these manifests patch, as in the Kubernetes API's
 * `patchMergeKey`. Every other list is replaced whole, as strategic merge does for lists
 * without a merge key (Ingress rules, HPA metrics, args, …).
 */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
};

export function strategicMerge(target: Json, patch: Json, path: string[]): Json {
  if (!isObject(patch) || !isObject(target)) return clone(patch);
  const out: JsonObject = { ...target };
  const removed = new Set<string>();
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) {
      throw new KustomizeError(`patch directive ${key} at ${path.join('.')} is not supported`);
    }
    if (value === null) {
      removed.add(key);
    } else if (Array.isArray(value) && Array.isArray(out[key]) && MERGE_KEYS[key]) {
      out[key] = mergeList(out[key] as Json[], value, MERGE_KEYS[key], [...path, key]);
    } else if (isObject(value) && isObject(out[key])) {
      out[key] = strategicMerge(out[key], value, [...path, key]);
    } else {
      out[key] = clone(value);
    }
  }
  return Object.fromEntries(Object.entries(out).filter(([key]) => !removed.has(key)));
}

function mergeList(target: Json[], patch: Json[], key: string, path: string[]): Json[] {
  const out = target.map(clone);
  for (const item of patch) {
    if (!isObject(item) || typeof item[key] !== 'string') {
      throw new KustomizeError(`${path.join('.')}: every item needs its ${key}`);
    }
    const index = out.findIndex((t) => isObject(t) && t[key] === item[key]);
    if (index >= 0) out[index] = strategicMerge(out[index], item, [...path, String(item[key])]);
    else out.push(clone(item));
  }
  return out;
}

function applyLabels(
  manifests: Manifest[],
  label: NonNullable<Kustomization['labels']>[number],
  file: string,
): void {
  if (label.includeSelectors) {
    throw new KustomizeError(`${file}: labels with includeSelectors are not supported`);
  }
  for (const m of manifests) {
    m.metadata.labels = { ...m.metadata.labels, ...label.pairs };
    if (label.includeTemplates && WORKLOADS.has(m.kind)) {
      const template = podTemplate(m);
      template.metadata = {
        ...(template.metadata as JsonObject),
        labels: { ...((template.metadata as JsonObject)?.labels as JsonObject), ...label.pairs },
      };
    }
  }
}

function applyImage(manifests: Manifest[], image: NonNullable<Kustomization['images']>[number]) {
  for (const m of manifests.filter((w) => WORKLOADS.has(w.kind))) {
    const spec = podTemplate(m).spec as JsonObject;
    for (const list of ['containers', 'initContainers']) {
      for (const container of (spec[list] as JsonObject[] | undefined) ?? []) {
        const ref = parseImage(String(container.image));
        if (ref.name !== image.name) continue;
        const name = image.newName ?? ref.name;
        if (image.digest) container.image = `${name}@${image.digest}`;
        else if (image.newTag) container.image = `${name}:${image.newTag}`;
        else container.image = `${name}${ref.suffix}`;
      }
    }
  }
}

/** `registry/name:tag@digest` → the name and what follows it. */
export function parseImage(image: string): { name: string; suffix: string } {
  const at = image.indexOf('@');
  const beforeDigest = at >= 0 ? image.slice(0, at) : image;
  const colon = beforeDigest.lastIndexOf(':');
  const end = colon > beforeDigest.lastIndexOf('/') ? colon : beforeDigest.length;
  return { name: image.slice(0, end), suffix: image.slice(end) };
}

export function podTemplate(m: Manifest): JsonObject {
  const template = (m.spec as JsonObject | undefined)?.template;
  if (!isObject(template)) throw new KustomizeError(`${idOf(m)} has no spec.template`);
  return template;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clone<T extends Json>(value: T): T {
  return structuredClone(value);
}
