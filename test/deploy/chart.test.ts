import Ajv from 'ajv';
import { expect } from 'chai';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { fixturesRoot, projectRoot } from '../support/fixtures';
import { schemaErrors, strictFieldErrors } from './k8s-validate';
import { chartDir, helmRender, type Manifest, needRenderer, renderManifests as renderWith, tempDir, valuesFile } from './support';
import { tableInDoc, valuesRows, valuesTable } from '../../scripts/chart-values';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

const schema = JSON.parse(fs.readFileSync(path.join(chartDir, 'values.schema.json'), 'utf8')) as object;
const defaults = parseYaml(fs.readFileSync(path.join(chartDir, 'values.yaml'), 'utf8')) as Obj;
const chartYaml = parseYaml(fs.readFileSync(path.join(chartDir, 'Chart.yaml'), 'utf8')) as Obj;
const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as Obj;
const validateValues = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);
const mixinDir = path.join(projectRoot, 'deploy', 'mixin');
const mixinDashboard = JSON.parse(fs.readFileSync(path.join(mixinDir, 'dashboard.json'), 'utf8')) as Obj;
const mixinAlerts = fs.readFileSync(path.join(mixinDir, 'alerts.yaml'), 'utf8');

/** No image is published, so every render names one, as a user must. */
const REPOSITORY = 'registry.example.com/infra/proc-exporter';
const renderManifests = (args: readonly string[] = []): Manifest[] => renderWith(['--set', `image.repository=${REPOSITORY}`, ...args]);

/** Every optional feature switched on. */
const ALL_ON = {
  hostNetwork: false,
  hostPID: true,
  image: { repository: 'registry.example.com/infra/proc-exporter', tag: '0.1.0-rc.1', pullPolicy: 'Always' },
  imagePullSecrets: [{ name: 'regcred' }],
  serviceAccount: { annotations: { 'example.com/owner': 'sre' } },
  extraArgs: ['--collector.diskstats.device-exclude=^(ram|loop)\\d+$', '--no-collector.softirqs'],
  env: [
    { name: 'UV_THREADPOOL_SIZE', value: '2' },
    { name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
  ],
  podAnnotations: { 'example.com/team': 'sre' },
  podLabels: { tier: 'monitoring' },
  commonLabels: { env: 'prod' },
  priorityClassName: 'system-node-critical',
  resources: { requests: { cpu: '20m', memory: '64Mi' }, limits: { cpu: '200m', memory: '256Mi' } },
  tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }, { operator: 'Exists' }],
  affinity: {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: 'eks.amazonaws.com/compute-type', operator: 'NotIn', values: ['fargate'] }] }],
      },
    },
  },
  updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%' } },
  service: {
    clusterIP: 'None',
    internalTrafficPolicy: 'Local',
    labels: { scrape: 'yes' },
    annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/scheme': 'http' },
  },
  prometheus: {
    monitor: {
      enabled: true,
      namespace: 'monitoring',
      additionalLabels: { release: 'kube-prometheus-stack' },
      jobLabel: 'app.kubernetes.io/name',
      interval: '15s',
      scrapeTimeout: '10s',
      honorLabels: true,
      sampleLimit: 20000,
      relabelings: [{ sourceLabels: ['__meta_kubernetes_pod_host_ip'], targetLabel: 'host_ip', action: 'replace' }],
      metricRelabelings: [{ sourceLabels: ['__name__'], regex: 'node_softirqs_.*', action: 'drop' }],
    },
  },
  mixin: {
    dashboard: {
      enabled: true,
      namespace: 'grafana',
      labels: { grafana_dashboard: '1', team: 'sre' },
      annotations: { grafana_folder: 'Exporters' },
    },
    rules: {
      enabled: true,
      namespace: 'monitoring',
      additionalLabels: { release: 'kube-prometheus-stack' },
      selector: 'job="node-procs", cluster="eu1"',
    },
  },
  networkPolicy: {
    enabled: true,
    ingressFrom: [
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
        podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } },
      },
    ],
  },
  logLevel: 'debug',
  logFormat: 'logfmt',
  config: { ...defaults.config, interval: '10s' },
};

/** The one manifest of a kind (the dashboard's ConfigMap aside: ConfigMap means the exporter's config). */
const byKind = (ms: Manifest[], kind: string): Obj => {
  const found = ms.filter((m) => m.kind === kind && m.source !== 'proc-exporter/templates/grafana-dashboard.yaml');
  expect(found, kind).to.have.length(1);
  return found[0];
};

/** stderr of a render that must fail; the image is named unless `withImage` is false. */
function renderError(args: string[], withImage = true): string {
  const r = helmRender(withImage ? ['--set', `image.repository=${REPOSITORY}`, ...args] : args);
  expect(r.status, `render should fail; stdout: ${r.stdout.slice(0, 200)}`).to.equal(1);
  return r.stderr;
}

const mainJs = path.join(projectRoot, 'dist', 'src', 'exporter', 'main.js');

/**
 * The rendered DaemonSet's args and ConfigMap for a run on this machine: the fixture procfs for
 * /host/proc, empty directories for /host/sys and /host/root, 127.0.0.1:<port> for the node IP.
 */
function localArgs(manifests: Manifest[], port: number): string[] {
  const dir = tempDir('proc-exporter-cm-');
  const cfg = path.join(dir, 'config.yaml');
  fs.writeFileSync(cfg, byKind(manifests, 'ConfigMap').data['config.yaml']);
  for (const sub of ['sys', 'root']) fs.mkdirSync(path.join(dir, sub));
  const args = byKind(manifests, 'DaemonSet').spec.template.spec.containers[0].args as string[];
  return args.map((a) =>
    a
      .replace(/^--web\.listen-address=\$\(HOST_IP\):\d+$/, `--web.listen-address=127.0.0.1:${port}`)
      .replace(/^--path\.procfs=.*/, `--path.procfs=${path.join(fixturesRoot, 'proc')}`)
      .replace(/^--path\.sysfs=.*/, `--path.sysfs=${path.join(dir, 'sys')}`)
      .replace(/^--path\.rootfs=.*/, `--path.rootfs=${path.join(dir, 'root')}`)
      .replace(/^--config=.*/, `--config=${cfg}`),
  );
}

describe('deploy: Helm chart, read without rendering', () => {
  describe('values and Chart.yaml', () => {
    it('values.yaml passes values.schema.json', () => {
      expect(validateValues(defaults), JSON.stringify(validateValues.errors)).to.equal(true);
    });

    it("holds deploy/mixin's files as they are (cp deploy/mixin/{dashboard.json,alerts.yaml} helm/proc-exporter/files/mixin/)", () => {
      for (const name of ['dashboard.json', 'alerts.yaml']) {
        const copy = fs.readFileSync(path.join(chartDir, 'files', 'mixin', name), 'utf8');
        expect(copy, name).to.equal(fs.readFileSync(path.join(mixinDir, name), 'utf8'));
      }
      expect(fs.readdirSync(path.join(chartDir, 'files', 'mixin')).sort()).to.deep.equal(['alerts.yaml', 'dashboard.json']);
    });

    it('Chart.yaml: apiVersion v2, appVersion = package.json version', () => {
      expect(chartYaml.apiVersion).to.equal('v2');
      expect(chartYaml.name).to.equal('proc-exporter');
      expect(chartYaml.version).to.match(/^\d+\.\d+\.\d+/);
      expect(chartYaml.appVersion).to.equal(pkg.version);
    });
  });

  describe('the exporter and the chart agree', () => {
    const repoConfig = path.join(projectRoot, 'config.yaml');

    it("the chart's default config uses only keys of the repository's config.yaml", function () {
      const repo = parseYaml(fs.readFileSync(repoConfig, 'utf8')) as Obj;
      const missing: string[] = [];
      const walk = (ours: Obj, theirs: Obj, prefix: string) => {
        for (const [k, v] of Object.entries(ours)) {
          if (!(k in theirs)) missing.push(prefix + k);
          else if (v && typeof v === 'object' && !Array.isArray(v) && theirs[k] && typeof theirs[k] === 'object')
            walk(v, theirs[k], `${prefix}${k}.`);
        }
      };
      walk(defaults.config, repo, '');
      expect(missing, 'keys of .Values.config not in config.yaml').to.deep.equal([]);
      // ... and has every section and every collector of it.
      expect(Object.keys(defaults.config).sort()).to.deep.equal(Object.keys(repo).sort());
      expect(Object.keys(defaults.config.collectors).sort()).to.deep.equal(Object.keys(repo.collectors ?? {}).sort());
      expect(defaults.config.procfs).to.equal('/host/proc');
    });
  });

  describe('docs/reference/chart-values.md', () => {
    it('has the values table generated from values.yaml (npm run readme)', () => {
      expect(tableInDoc()).to.equal(valuesTable());
    });

    it('the table covers every key of values.yaml', () => {
      const rows = valuesRows().map((r) => r.key);
      const leaves = (o: Obj, prefix: string): string[] =>
        Object.entries(o).flatMap(([k, v]) =>
          rows.includes(prefix + k)
            ? [prefix + k]
            : v && typeof v === 'object' && !Array.isArray(v)
              ? leaves(v, `${prefix}${k}.`)
              : [prefix + k],
        );
      for (const key of leaves(defaults, '')) expect(rows, key).to.include(key);
    });
  });
});

describe('deploy: Helm chart, rendered (helm-render)', function () {
  this.timeout(120000);
  let defaultsOut: Manifest[];
  let allOn: Manifest[];
  let allOnFile: string;

  before(function () {
    needRenderer(this);
    allOnFile = valuesFile(ALL_ON);
    defaultsOut = renderManifests([]);
    allOn = renderManifests([
      '-f',
      allOnFile,
      '--name',
      'pe',
      '--namespace',
      'observability',
      '--api-versions',
      'monitoring.coreos.com/v1',
    ]);
  });

  describe('values', () => {
    it('the all-features values, merged as helm merges them, pass the schema', () => {
      const r = helmRender(['-f', allOnFile, '--show-values']);
      expect(r.status, r.stderr).to.equal(0);
      const merged = JSON.parse(r.stdout) as Obj;
      expect(merged.prometheus.monitor.enabled).to.equal(true);
      expect(merged.prometheus.monitor.scheme).to.equal('http'); // kept from values.yaml
      expect(validateValues(merged), JSON.stringify(validateValues.errors)).to.equal(true);
    });

    for (const [what, bad] of [
      ['an unknown top-level key', { hostNetwrok: true }],
      ['a log format the exporter lacks', { logFormat: 'xml' }],
      ['runAsUser 0', { securityContext: { runAsUser: 0 } }],
      ['an invalid update strategy', { updateStrategy: { type: 'Recreate' } }],
      ['a port out of range', { containerPort: 70000 }],
      ['a malformed maxUnavailable', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 'half' } } }],
      ['a bad scrape interval', { prometheus: { monitor: { interval: 'often' } } }],
    ] as const) {
      it(`the schema rejects ${what}`, () => {
        const r = helmRender(['-f', valuesFile(bad), '--show-values']);
        expect(r.status, r.stderr).to.equal(0);
        expect(validateValues(JSON.parse(r.stdout))).to.equal(false);
      });
    }
  });

  describe('rendered with default values', () => {
    it('gives a ConfigMap, DaemonSet, Service and ServiceAccount, and nothing optional', () => {
      expect(defaultsOut.map((m) => m.kind).sort()).to.deep.equal(['ConfigMap', 'DaemonSet', 'Service', 'ServiceAccount']);
      for (const m of defaultsOut) {
        expect(m.source).to.match(/^proc-exporter\/templates\/\w+\.yaml$/);
        expect(m.metadata.namespace).to.equal('default');
        expect(m.metadata.labels!['app.kubernetes.io/managed-by']).to.equal('Helm');
      }
    });

    it('passes the Kubernetes schemas', () => {
      expect(schemaErrors(defaultsOut)).to.deep.equal([]);
    });

    it('has no unknown fields (strict field validation)', () => {
      expect(strictFieldErrors(defaultsOut)).to.deep.equal([]);
    });

    it('carries the security settings in the DaemonSet', () => {
      const ds = byKind(defaultsOut, 'DaemonSet');
      const pod = ds.spec.template.spec;
      const c = pod.containers[0];
      expect(pod.securityContext).to.deep.include({ runAsNonRoot: true, runAsUser: 65534 });
      expect(pod.securityContext.seccompProfile).to.deep.equal({ type: 'RuntimeDefault' });
      expect(c.securityContext).to.deep.include({
        runAsNonRoot: true,
        runAsUser: 65534,
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
      });
      expect(c.securityContext.capabilities).to.deep.equal({ drop: ['ALL'] });
      expect(c.securityContext.seccompProfile).to.deep.equal({ type: 'RuntimeDefault' });
      expect(c.securityContext.privileged ?? false).to.equal(false);
      expect(pod.automountServiceAccountToken).to.equal(false);
      expect(byKind(defaultsOut, 'ServiceAccount').automountServiceAccountToken).to.equal(false);
    });

    it('mounts the host /proc, /sys and / read-only at /host/{proc,sys,root} and passes the --path.* flags', () => {
      const pod = byKind(defaultsOut, 'DaemonSet').spec.template.spec;
      const c = pod.containers[0];
      const hostMounts = pod.volumes
        .filter((v: Obj) => v.hostPath)
        .map((v: Obj) => ({ host: v.hostPath, ...c.volumeMounts.find((m: Obj) => m.name === v.name) }));
      // As the prometheus-node-exporter chart: root with HostToContainer so that later host mounts show up.
      const mount = (host: string, name: string) => ({
        host: { path: host, type: 'Directory' },
        name,
        mountPath: `/host/${name}`,
        readOnly: true,
        mountPropagation: 'HostToContainer',
      });
      expect(hostMounts).to.deep.equal([mount('/proc', 'proc'), mount('/sys', 'sys'), mount('/', 'root')]);
      expect(c.args).to.include.members(['--path.procfs=/host/proc', '--path.sysfs=/host/sys', '--path.rootfs=/host/root']);
      for (const m of c.volumeMounts) expect(m.readOnly, `${m.name} read-only`).to.equal(true);
    });

    it('the mount paths follow their values', () => {
      const c = byKind(
        renderManifests(['--set', 'sysfsMountPath=/node/sys', '--set', 'rootfsMountPath=/node/root', '--set', 'hostRootPath=/var/host']),
        'DaemonSet',
      ).spec.template.spec.containers[0];
      expect(c.args).to.include.members(['--path.sysfs=/node/sys', '--path.rootfs=/node/root']);
      expect(c.volumeMounts.map((m: Obj) => m.mountPath)).to.include.members(['/node/sys', '/node/root']);
      const pod = byKind(renderManifests(['--set', 'hostRootPath=/var/host']), 'DaemonSet').spec.template.spec;
      expect(pod.volumes.find((v: Obj) => v.name === 'root').hostPath.path).to.equal('/var/host');
    });

    it('reaches every Linux node, updates node by node, probes /healthz', () => {
      const ds = byKind(defaultsOut, 'DaemonSet');
      const pod = ds.spec.template.spec;
      const c = pod.containers[0];
      expect(pod.tolerations).to.deep.equal([{ operator: 'Exists' }]);
      expect(pod.nodeSelector).to.deep.equal({ 'kubernetes.io/os': 'linux' });
      expect(ds.spec.updateStrategy.type).to.equal('RollingUpdate');
      expect(ds.spec.updateStrategy.rollingUpdate.maxUnavailable).to.equal(1);
      for (const probe of [c.livenessProbe, c.readinessProbe]) {
        expect(probe.httpGet).to.deep.include({ path: '/healthz', port: 'metrics' });
      }
      expect(c.ports).to.deep.include({ name: 'metrics', containerPort: 19100, hostPort: 19100, protocol: 'TCP' });
      expect(c.image).to.equal(`${REPOSITORY}:${chartYaml.appVersion}`);
    });

    it('runs on the host network, listening on the node IP only', () => {
      const pod = byKind(defaultsOut, 'DaemonSet').spec.template.spec;
      const c = pod.containers[0];
      expect(pod.hostNetwork).to.equal(true);
      expect(pod.hostPID).to.equal(false);
      expect(pod.dnsPolicy).to.equal('ClusterFirstWithHostNet');
      expect(c.args).to.include('--web.listen-address=$(HOST_IP):19100');
      expect(c.env).to.deep.include({ name: 'HOST_IP', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } });
      expect(c.args).to.include.members(['--web.telemetry-path=/metrics', '--config=/etc/proc-exporter/config.yaml', '--log.format=json']);
    });

    it('turns /dump off in the ConfigMap; config.dump.enabled=true turns it on', () => {
      expect(parseYaml(byKind(defaultsOut, 'ConfigMap').data['config.yaml']).dump).to.deep.equal({ enabled: false, perProcess: false });
      const on = byKind(renderManifests(['--set', 'config.dump.enabled=true']), 'ConfigMap');
      expect(parseYaml(on.data['config.yaml']).dump).to.deep.equal({ enabled: true, perProcess: false });
      // The repository's config.yaml, for local use, keeps it on.
      expect((parseYaml(fs.readFileSync(path.join(projectRoot, 'config.yaml'), 'utf8')) as Obj).dump.enabled).to.equal(true);
    });

    it('holds .Values.config in the ConfigMap, mounted where --config points, and rolls pods on change', () => {
      const cm = byKind(defaultsOut, 'ConfigMap');
      expect(parseYaml(cm.data['config.yaml'])).to.deep.equal(defaults.config);
      const pod = byKind(defaultsOut, 'DaemonSet').spec.template.spec;
      const vol = pod.volumes.find((v: Obj) => v.configMap?.name === cm.metadata.name);
      expect(pod.containers[0].volumeMounts.find((m: Obj) => m.name === vol.name).mountPath).to.equal('/etc/proc-exporter');
      const sum = (ms: Manifest[]) => byKind(ms, 'DaemonSet').spec.template.metadata.annotations['checksum/config'];
      expect(sum(defaultsOut)).to.match(/^[0-9a-f]{64}$/);
      expect(sum(renderManifests(['--set', 'config.interval=30s']))).to.not.equal(sum(defaultsOut));
      expect(sum(renderManifests(['--set', 'logLevel=debug']))).to.equal(sum(defaultsOut));
    });

    it('exposes a Service that selects the pods, annotated for Prometheus discovery', () => {
      const svc = byKind(defaultsOut, 'Service');
      const ds = byKind(defaultsOut, 'DaemonSet');
      expect(ds.spec.template.metadata.labels).to.deep.include(svc.spec.selector);
      expect(ds.spec.selector.matchLabels).to.deep.equal(svc.spec.selector);
      expect(svc.spec.ports).to.deep.equal([{ name: 'metrics', port: 19100, targetPort: 'metrics', protocol: 'TCP' }]);
      expect(svc.metadata.annotations).to.deep.equal({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': '19100',
        'prometheus.io/path': '/metrics',
      });
    });

    it('renders NOTES.txt: curl on the node IP, no port-forward that cannot work, /dump off', () => {
      const r = helmRender(['--notes', '--set', `image.repository=${REPOSITORY}`]);
      expect(r.status, r.stderr).to.equal(0);
      expect(r.stdout).to.include('daemonset/release-name-proc-exporter');
      expect(r.stdout).to.include('get pods -o wide -l app.kubernetes.io/name=proc-exporter,app.kubernetes.io/instance=release-name');
      expect(r.stdout).to.match(/curl http:\/\/<IP column of a pod, its node's IP>:19100\/metrics/);
      expect(r.stdout).to.not.match(/^\s*kubectl .*port-forward/m); // no such command, only the note why
      expect(r.stdout).to.include('/dump is off; --set config.dump.enabled=true turns it on.');
      expect(r.stdout).to.include('prometheus.io/scrape');
      expect(r.stdout).to.not.include('<no value>');
    });

    it('NOTES.txt gives port-forward where it works: without listenOnHostIP, or without hostNetwork', () => {
      for (const set of ['listenOnHostIP=false', 'hostNetwork=false']) {
        const r = helmRender(['--notes', '--set', `image.repository=${REPOSITORY}`, '--set', set, '--set', 'config.dump.enabled=true']);
        expect(r.status, r.stderr).to.equal(0);
        expect(r.stdout, set).to.include(
          'kubectl -n default port-forward daemonset/release-name-proc-exporter 19100\n  curl http://127.0.0.1:19100/metrics',
        );
        expect(r.stdout, set).to.not.include('<node-ip>');
        expect(r.stdout, set).to.include('/dump is on (config.dump.enabled)');
      }
    });
  });

  describe('rendered with every optional feature on', () => {
    it('adds the ServiceMonitor, the NetworkPolicy, the dashboard ConfigMap and the PrometheusRule', () => {
      expect(allOn.map((m) => m.kind).sort()).to.deep.equal([
        'ConfigMap',
        'ConfigMap',
        'DaemonSet',
        'NetworkPolicy',
        'PrometheusRule',
        'Service',
        'ServiceAccount',
        'ServiceMonitor',
      ]);
      for (const m of allOn) expect(m.metadata.labels).to.deep.include({ env: 'prod', 'app.kubernetes.io/instance': 'pe' });
    });

    it('passes the Kubernetes and Prometheus Operator schemas', () => {
      expect(schemaErrors(allOn)).to.deep.equal([]);
    });

    it('has no unknown fields (strict field validation)', () => {
      expect(strictFieldErrors(allOn)).to.deep.equal([]);
    });

    it('the strict check catches a misspelled field and the schema check a wrong type', () => {
      const broken = JSON.parse(JSON.stringify(allOn)) as Manifest[];
      const ds = broken.find((m) => m.kind === 'DaemonSet') as Obj;
      ds.spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem = true;
      expect(strictFieldErrors(broken).join('\n')).to.match(/readOnlyRootFileSystem/);
      ds.spec.template.spec.containers[0].ports[0].containerPort = '19100';
      expect(schemaErrors(broken).join('\n')).to.match(/containerPort must be integer/);
    });

    it('puts every switch into the DaemonSet', () => {
      const ds = byKind(allOn, 'DaemonSet');
      const pod = ds.spec.template.spec;
      const c = pod.containers[0];
      expect(ds.metadata).to.deep.include({ name: 'pe-proc-exporter', namespace: 'observability' });
      expect(pod.hostNetwork).to.equal(false);
      expect(pod.hostPID).to.equal(true);
      expect(pod.dnsPolicy).to.equal(undefined);
      expect(pod.priorityClassName).to.equal('system-node-critical');
      expect(pod.imagePullSecrets).to.deep.equal([{ name: 'regcred' }]);
      expect(pod.tolerations).to.deep.equal(ALL_ON.tolerations);
      expect(pod.affinity).to.deep.equal(ALL_ON.affinity);
      expect(ds.spec.template.metadata.annotations).to.deep.include({ 'example.com/team': 'sre' });
      expect(ds.spec.template.metadata.labels).to.deep.include({ tier: 'monitoring' });
      expect(ds.spec.updateStrategy.rollingUpdate.maxUnavailable).to.equal('10%');
      expect(c.image).to.equal('registry.example.com/infra/proc-exporter:0.1.0-rc.1');
      expect(c.imagePullPolicy).to.equal('Always');
      expect(c.resources).to.deep.equal(ALL_ON.resources);
      expect(c.env).to.deep.equal(ALL_ON.env); // no HOST_IP without hostNetwork
      expect(c.ports[0]).to.not.have.property('hostPort');
      expect(c.args).to.deep.equal([
        '--web.listen-address=:19100',
        '--web.telemetry-path=/metrics',
        '--path.procfs=/host/proc',
        '--path.sysfs=/host/sys',
        '--path.rootfs=/host/root',
        '--config=/etc/proc-exporter/config.yaml',
        '--log.level=debug',
        '--log.format=logfmt',
        ...ALL_ON.extraArgs,
      ]);
      // The security settings do not depend on the switches.
      expect(c.securityContext).to.deep.equal(byKind(defaultsOut, 'DaemonSet').spec.template.spec.containers[0].securityContext);
    });

    it('points the ServiceMonitor at the Service port and telemetry path', () => {
      const sm = byKind(allOn, 'ServiceMonitor');
      const svc = byKind(allOn, 'Service');
      expect(sm.metadata.namespace).to.equal('monitoring');
      expect(sm.metadata.labels).to.deep.include({ release: 'kube-prometheus-stack' });
      expect(sm.spec.namespaceSelector).to.deep.equal({ matchNames: ['observability'] });
      expect(svc.metadata.labels).to.deep.include(sm.spec.selector.matchLabels);
      const ep = sm.spec.endpoints[0];
      expect(ep).to.deep.include({
        port: svc.spec.ports[0].name,
        path: '/metrics',
        scheme: 'http',
        interval: '15s',
        scrapeTimeout: '10s',
        honorLabels: true,
      });
      expect(ep.relabelings[0]).to.deep.equal({
        sourceLabels: ['__meta_kubernetes_pod_node_name'],
        targetLabel: 'node',
        action: 'replace',
      });
      expect(ep.relabelings[1]).to.deep.equal(ALL_ON.prometheus.monitor.relabelings[0]);
      expect(ep.metricRelabelings).to.deep.equal(ALL_ON.prometheus.monitor.metricRelabelings);
      expect(sm.spec.sampleLimit).to.equal(20000);
      expect(svc.spec.clusterIP).to.equal('None');
      expect(svc.spec.internalTrafficPolicy).to.equal('Local');
    });

    it("ships deploy/mixin's dashboard in a ConfigMap labelled for Grafana's sidecar", () => {
      const cm = allOn.find((m) => m.source === 'proc-exporter/templates/grafana-dashboard.yaml') as Obj;
      expect(cm.metadata).to.deep.include({
        name: 'pe-proc-exporter-dashboard',
        namespace: 'grafana',
        annotations: { grafana_folder: 'Exporters' },
      });
      expect(cm.metadata.labels).to.deep.include({ grafana_dashboard: '1', team: 'sre', 'app.kubernetes.io/instance': 'pe' });
      expect(Object.keys(cm.data)).to.deep.equal(['proc-exporter.json']);
      expect(JSON.parse(cm.data['proc-exporter.json'])).to.deep.equal(mixinDashboard);
    });

    it('ships deploy/mixin\'s alerting rules in a PrometheusRule, with the selector in place of job="proc-exporter"', () => {
      const rule = byKind(allOn, 'PrometheusRule');
      expect(rule.metadata).to.deep.include({ name: 'pe-proc-exporter', namespace: 'monitoring' });
      expect(rule.metadata.labels).to.deep.include({ release: 'kube-prometheus-stack' });
      const expected = parseYaml(mixinAlerts.replaceAll('job="proc-exporter"', 'job="node-procs", cluster="eu1"')) as Obj;
      expect(rule.spec).to.deep.equal(expected);
      expect(JSON.stringify(rule.spec)).to.not.include('job=\\"proc-exporter\\"');
      expect(rule.spec.groups[0].rules.map((r: Obj) => r.alert)).to.deep.equal([
        'ProcExporterCollectorFailing',
        'ProcExporterParseErrors',
        'ProcExporterProcessGroupEmpty',
        'ProcExporterMemoryHigh',
      ]);
    });

    it("the rules' default selector is the job the chart's ServiceMonitor gives (the chart name)", () => {
      const rule = byKind(renderManifests(['--set', 'mixin.rules.enabled=true', '--set', 'nameOverride=procs']), 'PrometheusRule');
      expect(rule.spec).to.deep.equal(parseYaml(mixinAlerts.replaceAll('job="proc-exporter"', 'job="procs"')));
    });

    it('limits ingress to the metrics port from the listed peers, and egress to nothing', () => {
      const np = byKind(allOn, 'NetworkPolicy');
      expect(np.spec.podSelector.matchLabels).to.deep.equal(byKind(allOn, 'DaemonSet').spec.selector.matchLabels);
      expect(np.spec.policyTypes).to.deep.equal(['Ingress', 'Egress']);
      expect(np.spec.ingress).to.deep.equal([{ ports: [{ port: 19100, protocol: 'TCP' }], from: ALL_ON.networkPolicy.ingressFrom }]);
      expect(np.spec.egress).to.deep.equal([]);
    });

    it("NOTES.txt warns that /proc/net is the pod's own without hostNetwork, names the rules and dashboard", () => {
      const r = helmRender(['--notes', '-f', allOnFile]);
      expect(r.stdout).to.include('Alerts: the PrometheusRule release-name-proc-exporter holds the rules of deploy/mixin/alerts.yaml');
      expect(r.stdout).to.include('WARNING: this cluster does not list monitoring.coreos.com/v1');
      expect(r.stdout).to.include('Dashboard: the ConfigMap release-name-proc-exporter-dashboard holds the Grafana dashboard');
      expect(r.stdout).to.include('port-forward daemonset/release-name-proc-exporter 19100');
      expect(r.status, r.stderr).to.equal(0);
      expect(r.stdout).to.match(/hostNetwork is off/);
      expect(r.stdout).to.match(/ServiceMonitor/);
    });
  });

  describe('--set, required and fail', () => {
    it('--set overrides values.yaml like helm', () => {
      const ds = byKind(
        renderManifests([
          '--set',
          'image.tag=1.2.3',
          '--set',
          'hostNetwork=false',
          '--set',
          'updateStrategy.rollingUpdate.maxUnavailable=3',
        ]),
        'DaemonSet',
      );
      expect(ds.spec.template.spec.containers[0].image).to.equal(`${REPOSITORY}:1.2.3`);
      expect(ds.spec.template.spec.hostNetwork).to.equal(false);
      expect(ds.spec.updateStrategy.rollingUpdate.maxUnavailable).to.equal(3);
    });

    it('OnDelete drops rollingUpdate', () => {
      const ds = byKind(renderManifests(['--set', 'updateStrategy.type=OnDelete']), 'DaemonSet');
      expect(ds.spec.updateStrategy).to.deep.equal({ type: 'OnDelete' });
    });

    it('without image.repository (the default: no image is published) rendering fails, saying what to do', () => {
      expect(defaults.image.repository).to.equal('');
      const message = renderError([], false);
      expect(message).to.match(/^Error: execution error at \(proc-exporter\/templates\/daemonset\.yaml\)/);
      expect(message).to.include(
        "image.repository is required: no proc-exporter image is published; build one from the repository's Dockerfile, push it and set " +
          'image.repository (e.g. --set image.repository=registry.example.com/infra/proc-exporter)',
      );
      expect(renderError(['--set', 'image.repository='])).to.include('image.repository is required');
    });

    it('extraArgs cannot override the flags the chart manages (`fail`)', () => {
      expect(renderError(['--set', 'extraArgs[0]=--path.procfs=/proc'])).to.match(/extraArgs must not set --path\.procfs/);
      expect(renderError(['--set', 'extraArgs[0]=--web.listen-address=:9100'])).to.match(/extraArgs must not set --web\.listen-address/);
      expect(renderError(['--set', 'extraArgs[0]=--path.rootfs=/'])).to.match(/extraArgs must not set --path\.rootfs/);
      expect(renderError(['--set', 'extraArgs[0]=--path.sysfs=/sys'])).to.match(/extraArgs must not set --path\.sysfs/);
    });

    it('root is refused (`fail`)', () => {
      expect(renderError(['--set', 'securityContext.runAsUser=0'])).to.match(/runAsUser 0 is not supported/);
    });

    it('a ServiceMonitor without the Service is refused (`fail`)', () => {
      expect(renderError(['--set', 'prometheus.monitor.enabled=true', '--set', 'service.enabled=false'])).to.match(
        /needs service\.enabled/,
      );
    });

    it('serviceAccount.create=false uses the named account and renders none', () => {
      const ms = renderManifests(['--set', 'serviceAccount.create=false', '--set', 'serviceAccount.name=node-exporters']);
      expect(ms.map((m) => m.kind)).to.not.include('ServiceAccount');
      expect(byKind(ms, 'DaemonSet').spec.template.spec.serviceAccountName).to.equal('node-exporters');
    });
  });

  describe('the exporter and the chart agree', () => {
    it("the exporter accepts the ConfigMap's config.yaml and the DaemonSet's flags (--once, fixture procfs)", function () {
      if (!fs.existsSync(mainJs)) this.skip(); // the exporter is not built yet
      const args = [mainJs, ...localArgs(defaultsOut, 0), '--once'];
      const r = spawnSync(process.execPath, args, { cwd: projectRoot, encoding: 'utf8', timeout: 45000 });
      expect(r.status, r.stderr).to.equal(0);
      expect(r.stdout).to.match(/^node_disk_reads_completed_total\{/m);
    });
  });

  describe('the probes and the Service port against the running exporter', () => {
    it("answers the DaemonSet's probe and telemetry paths on 127.0.0.1 with the DaemonSet's flags; /dump is off", async function () {
      if (!fs.existsSync(mainJs)) this.skip(); // the exporter is not built yet
      this.timeout(40000);
      const port = await new Promise<number>((resolve) => {
        const srv = net.createServer().listen(0, '127.0.0.1', () => {
          const p = (srv.address() as net.AddressInfo).port;
          srv.close(() => resolve(p));
        });
      });
      const c = byKind(defaultsOut, 'DaemonSet').spec.template.spec.containers[0];
      const args = localArgs(defaultsOut, port);
      expect(args).to.include(`--web.listen-address=127.0.0.1:${port}`);
      const child = spawn(process.execPath, [mainJs, ...args], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      const base = `http://127.0.0.1:${port}`;
      try {
        let status = 0;
        for (let i = 0; i < 100 && status !== 200; i++) {
          status = await fetch(base + c.readinessProbe.httpGet.path).then(
            (r) => r.status,
            () => 0,
          );
          expect(child.exitCode, `exporter exited: ${stderr}`).to.equal(null);
          if (status !== 200) await new Promise((r) => setTimeout(r, 200));
        }
        expect(status, `readiness ${c.readinessProbe.httpGet.path}`).to.equal(200);
        expect((await fetch(base + c.livenessProbe.httpGet.path)).status).to.equal(200);
        const metrics = await fetch(base + '/metrics');
        expect(metrics.status).to.equal(200);
        expect(await metrics.text()).to.match(/^node_sockstat_sockets_used /m);
        expect((await fetch(base + '/dump/loadavg')).status, '/dump off in the chart').to.equal(404);
      } finally {
        child.kill('SIGTERM');
        await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      }
    });
  });
});
