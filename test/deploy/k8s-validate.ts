/**
 * Validates rendered manifests against the Kubernetes schemas in two ways:
 *  - kubernetes-models' JSON-Schema validators (types, required fields, formats, patterns);
 *  - a strict-fields check, as the API server's field validation does: the manifests are
 *    type-checked by the TypeScript compiler against kubernetes-models' interfaces, whose
 *    excess-property checks reject unknown or misspelled fields at any depth.
 */
import * as path from 'path';
import ts from 'typescript';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { DaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { projectRoot } from '../support/fixtures';
import type { Manifest } from './support';

interface Model {
  validate(): void;
}
type ModelClass = new (data: never) => Model;

/** apiVersion/kind → [model class, module, interface] */
const KINDS: Record<string, [ModelClass, string, string]> = {
  'apps/v1/DaemonSet': [DaemonSet, 'kubernetes-models/apps/v1/DaemonSet', 'IDaemonSet'],
  'v1/Service': [Service, 'kubernetes-models/v1/Service', 'IService'],
  'v1/ServiceAccount': [ServiceAccount, 'kubernetes-models/v1/ServiceAccount', 'IServiceAccount'],
  'v1/ConfigMap': [ConfigMap, 'kubernetes-models/v1/ConfigMap', 'IConfigMap'],
  'networking.k8s.io/v1/NetworkPolicy': [NetworkPolicy, 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy', 'INetworkPolicy'],
  'monitoring.coreos.com/v1/ServiceMonitor': [
    ServiceMonitor,
    '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor',
    'IServiceMonitor',
  ],
  'monitoring.coreos.com/v1/PrometheusRule': [
    PrometheusRule,
    '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule',
    'IPrometheusRule',
  ],
};

function strip(m: Manifest): Record<string, unknown> {
  const { source: _source, ...rest } = m;
  return rest;
}

/** Errors of the JSON-Schema validation, one string per failing manifest. */
export function schemaErrors(manifests: readonly Manifest[]): string[] {
  const errors: string[] = [];
  for (const m of manifests) {
    const entry = KINDS[`${m.apiVersion}/${m.kind}`];
    if (!entry) {
      errors.push(`${m.source}: no schema for ${m.apiVersion} ${m.kind}`);
      continue;
    }
    try {
      new entry[0](strip(m) as never).validate();
    } catch (e) {
      errors.push(`${m.source}: ${(e as Error).message}`);
    }
  }
  return errors;
}

/** Unknown fields and type mismatches found by the TypeScript compiler, as messages. */
export function strictFieldErrors(manifests: readonly Manifest[]): string[] {
  const file = path.join(projectRoot, 'test', 'deploy', '__rendered_manifests__.ts');
  const lines: string[] = [];
  manifests.forEach((m, i) => {
    const entry = KINDS[`${m.apiVersion}/${m.kind}`];
    if (!entry) return;
    lines.push(`import type { ${entry[2]} as T${i} } from ${JSON.stringify(entry[1])};`);
    lines.push(`// ${m.source}`);
    lines.push(`export const m${i}: T${i} = ${JSON.stringify(strip(m), null, 1)};`);
  });
  const text = lines.join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) =>
    path.resolve(name) === file ? ts.createSourceFile(name, text, lang) : getSourceFile(name, lang, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  const source = program.getSourceFile(file)!;
  return ts.getPreEmitDiagnostics(program, source).map((d) => {
    const msg = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return msg;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    let src = '';
    for (let l = line; l >= 0; l--) {
      const t = text.split('\n')[l];
      if (t.startsWith('// ')) {
        src = t.slice(3);
        break;
      }
    }
    return `${src}: ${msg}`;
  });
}
