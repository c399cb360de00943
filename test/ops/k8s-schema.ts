import { join } from 'node:path';
import * as ts from 'typescript';
import * as appsV1 from 'kubernetes-models/apps/v1';
import * as autoscalingV2 from 'kubernetes-models/autoscaling/v2';
import * as batchV1 from 'kubernetes-models/batch/v1';
import * as networkingV1 from 'kubernetes-models/networking.k8s.io/v1';
import * as policyV1 from 'kubernetes-models/policy/v1';
import * as coreV1 from 'kubernetes-models/v1';
import type { Manifest } from './kustomize';

/**
 * Validation of rendered manifests against the Kubernetes API schemas, twice:
 * - the JSON schemas of `kubernetes-models` (`.validate()`: required fields, types, formats);
 * - unknown fields, which those schemas let through but `kubectl apply` (strict field
 *   validation) refuses: every field is looked up in the models' TypeScript declarations.
 */

interface ModelClass {
  apiVersion: string;
  kind: string;
  new (data: unknown): { validate(): void };
}

const groups: Record<string, unknown>[] = [
  coreV1,
  appsV1,
  batchV1,
  autoscalingV2,
  policyV1,
  networkingV1,
];

/** Model classes by `apiVersion/kind`. */
const models = new Map<string, { model: ModelClass; module: string }>();
for (const group of groups) {
  for (const value of Object.values(group)) {
    const model = value as Partial<ModelClass>;
    if (typeof value === 'function' && model.apiVersion && model.kind) {
      const apiVersion = model.apiVersion;
      const module = apiVersion.includes('/')
        ? `kubernetes-models/${apiVersion}/${model.kind}`
        : `kubernetes-models/v1/${model.kind}`;
      models.set(`${apiVersion}/${model.kind}`, { model: value as ModelClass, module });
    }
  }
}

export function isKnownKind(m: Manifest): boolean {
  return models.has(`${m.apiVersion}/${m.kind}`);
}

/** Schema errors of one manifest (empty when valid). */
export function schemaErrors(m: Manifest): string[] {
  const entry = models.get(`${m.apiVersion}/${m.kind}`);
  if (!entry) return [`no schema for ${m.apiVersion} ${m.kind}`];
  try {
    new entry.model(m).validate();
    return [];
  } catch (err) {
    return [(err as Error).message];
  }
}

// ---- unknown fields, from the models' type declarations ----

const VIRTUAL_FILE = join(__dirname, '__kubernetes_model_types__.ts');
let checker: ts.TypeChecker | undefined;
const typeCache = new Map<string, ts.Type>();

/** One program over the declarations of every kind in use; types looked up by kind. */
function modelType(apiVersion: string, kind: string): ts.Type {
  const key = `${apiVersion}/${kind}`;
  const cached = typeCache.get(key);
  if (cached) return cached;
  if (!checker) {
    const entries = [...models.entries()];
    const source = [
      ...entries.map(([, e], i) => `import type { I${e.model.kind} as T${i} } from '${e.module}';`),
      `export interface Models {`,
      ...entries.map(([k], i) => `  ${JSON.stringify(k)}: T${i};`),
      `}`,
    ].join('\n');
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
    };
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    host.getSourceFile = (file, language, ...rest) =>
      file === VIRTUAL_FILE
        ? ts.createSourceFile(file, source, language)
        : getSourceFile(file, language, ...rest);
    host.fileExists = (file) => file === VIRTUAL_FILE || fileExists(file);
    const program = ts.createProgram([VIRTUAL_FILE], options, host);
    const problems = ts.getPreEmitDiagnostics(program);
    if (problems.length > 0) {
      throw new Error(
        problems.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n'),
      );
    }
    checker = program.getTypeChecker();
    const file = program.getSourceFile(VIRTUAL_FILE)!;
    const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(file)!);
    const modelsType = checker.getDeclaredTypeOfSymbol(exports.find((s) => s.name === 'Models')!);
    for (const property of modelsType.getProperties()) {
      typeCache.set(property.name, checker.getTypeOfSymbol(property));
    }
  }
  const type = typeCache.get(key);
  if (!type) throw new Error(`no type for ${key}`);
  return type;
}

/** Paths of fields the Kubernetes API does not know, e.g. `spec.template.spec.containers[0].readinesProbe`. */
export function unknownFields(m: Manifest): string[] {
  const out: string[] = [];
  walk(m, modelType(m.apiVersion, m.kind), '', out);
  return out;
}

function walk(value: unknown, declared: ts.Type, path: string, out: string[]): void {
  const c = checker!;
  const type = c.getNonNullableType(declared);
  if (Array.isArray(value)) {
    const element = c.getIndexTypeOfType(type, ts.IndexKind.Number);
    if (!element) out.push(`${path} (not a list)`);
    else value.forEach((item, i) => walk(item, element, `${path}[${i}]`, out));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  // Objects inside a union (IntOrString never holds one; unions of object types are rare).
  const candidates = type.isUnion() ? type.types.filter((t) => t.getProperties().length) : [type];
  const target = candidates[0] ?? type;
  const index = c.getIndexTypeOfType(target, ts.IndexKind.String);
  for (const [key, child] of Object.entries(value)) {
    const property = target.getProperty(key);
    const at = path ? `${path}.${key}` : key;
    if (property) walk(child, c.getTypeOfSymbol(property), at, out);
    else if (index) walk(child, index, at, out);
    else out.push(at);
  }
}
