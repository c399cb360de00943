import { Manifest, podTemplate } from './kustomize';
import { strongSecret } from './ops-support';

/**
 * What Kubernetes would make of rendered manifests, for the tests: a container's environment
 * (ConfigMaps, Secret references, `$(VAR)` expansion) and what NetworkPolicies allow.
 */

type Json = Record<string, unknown>;

export interface Container {
  name: string;
  image: string;
  args?: string[];
  command?: string[];
  ports?: { name?: string; containerPort: number; protocol?: string }[];
  env?: EnvVar[];
  envFrom?: {
    configMapRef?: { name: string; optional?: boolean };
    secretRef?: { name: string };
  }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  resources?: {
    requests?: Record<string, string | number>;
    limits?: Record<string, string | number>;
  };
  securityContext?: Json & { capabilities?: { drop?: string[]; add?: string[] } };
  volumeMounts?: { name: string; mountPath: string }[];
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    fieldRef?: unknown;
    resourceFieldRef?: unknown;
  };
}

interface Probe {
  httpGet?: { path: string; port: number | string };
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  volumes?: { name: string; emptyDir?: unknown }[];
  securityContext?: Json & { seccompProfile?: { type: string } };
  automountServiceAccountToken?: boolean;
  enableServiceLinks?: boolean;
  restartPolicy?: string;
}

export function podSpecOf(workload: Manifest): PodSpec {
  return podTemplate(workload).spec as unknown as PodSpec;
}

export function podLabelsOf(workload: Manifest): Record<string, string> {
  return ((podTemplate(workload).metadata as Json | undefined)?.labels ?? {}) as Record<
    string,
    string
  >;
}

export interface ResolvedEnv {
  env: Record<string, string>;
  /** Variables whose value comes from a Secret (directly or through `$(VAR)`). */
  fromSecret: Set<string>;
  /** Variables used only to compose others (`$(POSTGRES_PASSWORD)` in DATABASE_URL). */
  helpers: Set<string>;
  /** Secrets referenced, as `name/key`. */
  secretRefs: Set<string>;
  problems: string[];
}

/**
 * A container's environment as the kubelet builds it: envFrom first, then env in order with
 * `$(VAR)` expanded from what is defined before. Secret values (never in the repository) are
 * stood in for by strong random values; optional Secret keys are left out.
 */
export function resolveEnv(container: Container, manifests: Manifest[]): ResolvedEnv {
  const result: ResolvedEnv = {
    env: {},
    fromSecret: new Set(),
    helpers: new Set(),
    secretRefs: new Set(),
    problems: [],
  };
  const configMap = (name: string): Record<string, string> | undefined =>
    (manifests.find((m) => m.kind === 'ConfigMap' && m.metadata.name === name)?.data ??
      undefined) as Record<string, string> | undefined;

  for (const source of container.envFrom ?? []) {
    if (source.secretRef) {
      result.problems.push(
        `envFrom secretRef ${source.secretRef.name}: use secretKeyRef, one key at a time`,
      );
    } else if (source.configMapRef) {
      const data = configMap(source.configMapRef.name);
      if (!data && !source.configMapRef.optional) {
        result.problems.push(`envFrom: no ConfigMap ${source.configMapRef.name}`);
      }
      Object.assign(result.env, data ?? {});
    }
  }
  for (const variable of container.env ?? []) {
    const from = variable.valueFrom;
    if (variable.value !== undefined) {
      let secret = false;
      result.env[variable.name] = variable.value.replace(
        /\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g,
        (whole, name: string) => {
          result.helpers.add(name);
          if (result.fromSecret.has(name)) secret = true;
          if (result.env[name] === undefined) {
            result.problems.push(`${variable.name}: $(${name}) is not defined before it`);
            return whole;
          }
          return result.env[name];
        },
      );
      if (secret) result.fromSecret.add(variable.name);
    } else if (from?.configMapKeyRef) {
      const { name, key, optional } = from.configMapKeyRef;
      const value = configMap(name)?.[key];
      if (value === undefined) {
        if (!optional) result.problems.push(`${variable.name}: no key ${key} in ConfigMap ${name}`);
      } else {
        result.env[variable.name] = String(value);
      }
    } else if (from?.secretKeyRef) {
      const { name, key, optional } = from.secretKeyRef;
      result.secretRefs.add(`${name}/${key}`);
      if (!optional) {
        result.env[variable.name] = strongSecret(key);
        result.fromSecret.add(variable.name);
      }
    } else if (from?.fieldRef || from?.resourceFieldRef) {
      result.env[variable.name] = 'from-the-pod';
    } else {
      result.problems.push(`${variable.name}: no value`);
    }
  }
  return result;
}

// ---- NetworkPolicy ----

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

interface Peer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string };
}

interface PolicyPort {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}

interface Rule {
  from?: Peer[];
  to?: Peer[];
  ports?: PolicyPort[];
}

interface PolicySpec {
  podSelector: LabelSelector;
  policyTypes?: string[];
  ingress?: Rule[];
  egress?: Rule[];
}

export function selects(selector: LabelSelector | undefined, labels: Record<string, string>) {
  if (!selector) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== value) return false;
  }
  for (const e of selector.matchExpressions ?? []) {
    const has = e.key in labels;
    const inValues = has && (e.values ?? []).includes(labels[e.key]);
    if (e.operator === 'In' && !inValues) return false;
    if (e.operator === 'NotIn' && inValues) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** The other end of a connection: a pod (namespace and labels) or something outside the cluster. */
export type Endpoint =
  | { namespace: string; namespaceLabels?: Record<string, string>; labels: Record<string, string> }
  | 'outside-the-cluster';

export interface Connection {
  /** The pod whose policies are asked (the source for egress, the destination for ingress). */
  pod: Record<string, string>;
  namespace: string;
  peer: Endpoint;
  port: number;
  protocol?: 'TCP' | 'UDP';
  /** Named ports of the pod (for ingress rules that name a port). */
  portNames?: Record<string, number>;
}

function peerMatches(peers: Peer[] | undefined, endpoint: Endpoint, ownNamespace: string) {
  if (!peers || peers.length === 0) return true;
  return peers.some((peer) => {
    if (endpoint === 'outside-the-cluster') return peer.ipBlock !== undefined;
    if (peer.ipBlock) return false;
    const namespaceLabels = {
      'kubernetes.io/metadata.name': endpoint.namespace,
      ...endpoint.namespaceLabels,
    };
    const namespaceOk = peer.namespaceSelector
      ? selects(peer.namespaceSelector, namespaceLabels)
      : endpoint.namespace === ownNamespace;
    return namespaceOk && selects(peer.podSelector, endpoint.labels);
  });
}

function portMatches(ports: PolicyPort[] | undefined, c: Connection): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== (c.protocol ?? 'TCP')) return false;
    if (p.port === undefined) return true;
    const port = typeof p.port === 'string' ? c.portNames?.[p.port] : p.port;
    if (port === undefined) return false;
    return p.endPort ? c.port >= port && c.port <= p.endPort : c.port === port;
  });
}

function policiesFor(policies: Manifest[], c: Connection, type: 'Ingress' | 'Egress') {
  return policies
    .map((p) => ({ namespace: p.metadata.namespace, spec: p.spec as PolicySpec }))
    .filter(
      ({ namespace, spec }) =>
        namespace === c.namespace &&
        selects(spec.podSelector, c.pod) &&
        (spec.policyTypes ?? ['Ingress']).includes(type),
    )
    .map(({ spec }) => spec);
}

/** Whether the NetworkPolicies let `pod` open the connection (egress side only). */
export function egressAllowed(policies: Manifest[], c: Connection): boolean {
  const applying = policiesFor(policies, c, 'Egress');
  if (applying.length === 0) return true;
  return applying.some((spec) =>
    (spec.egress ?? []).some(
      (r) => portMatches(r.ports, c) && peerMatches(r.to, c.peer, c.namespace),
    ),
  );
}

/** Whether the NetworkPolicies let `pod` receive the connection (ingress side only). */
export function ingressAllowed(policies: Manifest[], c: Connection): boolean {
  const applying = policiesFor(policies, c, 'Ingress');
  if (applying.length === 0) return true;
  return applying.some((spec) =>
    (spec.ingress ?? []).some(
      (r) => portMatches(r.ports, c) && peerMatches(r.from, c.peer, c.namespace),
    ),
  );
}

export function isolated(policies: Manifest[], pod: Record<string, string>, namespace: string) {
  const c: Connection = { pod, namespace, peer: 'outside-the-cluster', port: 0 };
  return {
    ingress: policiesFor(policies, c, 'Ingress').length > 0,
    egress: policiesFor(policies, c, 'Egress').length > 0,
  };
}
