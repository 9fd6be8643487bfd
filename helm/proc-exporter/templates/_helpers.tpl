{{/* Chart name, truncated to the 63 characters a label value allows. */}}
{{- define "proc-exporter.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Full name: release-chart, or the release name when it already contains the chart name. */}}
{{- define "proc-exporter.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "proc-exporter.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels that select the pods; never change them after the first install. */}}
{{- define "proc-exporter.selectorLabels" -}}
app.kubernetes.io/name: {{ include "proc-exporter.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "proc-exporter.labels" -}}
helm.sh/chart: {{ include "proc-exporter.chart" . }}
{{ include "proc-exporter.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: metrics
app.kubernetes.io/part-of: {{ include "proc-exporter.name" . }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "proc-exporter.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "proc-exporter.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "proc-exporter.image" -}}
{{- $why := "image.repository is required: no proc-exporter image is published; build one from the repository's Dockerfile," -}}
{{- $why = printf "%s push it and set image.repository (e.g. --set image.repository=registry.example.com/infra/proc-exporter)" $why -}}
{{- $repo := required $why .Values.image.repository -}}
{{- printf "%s:%s" $repo (default .Chart.AppVersion .Values.image.tag | toString) -}}
{{- end -}}

{{/* The exporter's command-line flags. Flags the chart manages cannot also come from extraArgs. */}}
{{- define "proc-exporter.args" -}}
{{- range .Values.extraArgs }}
{{- $flag := regexReplaceAll "=.*$" (toString .) "" }}
{{- if has $flag (list "--path.procfs" "--path.sysfs" "--path.rootfs" "--web.listen-address" "--config" "--web.telemetry-path" "--once") }}
{{- $values := "procfsMountPath, sysfsMountPath, rootfsMountPath, containerPort, config, telemetryPath" }}
{{- fail (printf "extraArgs must not set %s: the chart sets it (see values %s)" $flag $values) }}
{{- end }}
{{- end }}
{{- if and .Values.hostNetwork .Values.listenOnHostIP }}
- --web.listen-address=$(HOST_IP):{{ .Values.containerPort }}
{{- else }}
- --web.listen-address=:{{ .Values.containerPort }}
{{- end }}
- --web.telemetry-path={{ .Values.telemetryPath }}
- --path.procfs={{ .Values.procfsMountPath }}
- --path.sysfs={{ .Values.sysfsMountPath }}
- --path.rootfs={{ .Values.rootfsMountPath }}
- --config=/etc/proc-exporter/config.yaml
- --log.level={{ .Values.logLevel }}
- --log.format={{ .Values.logFormat }}
{{- range .Values.extraArgs }}
- {{ toString . | quote }}
{{- end }}
{{- end -}}

{{/* Refuse settings the image cannot run with. */}}
{{- define "proc-exporter.validate" -}}
{{- $uids := list .Values.podSecurityContext.runAsUser .Values.securityContext.runAsUser -}}
{{- range $uids }}
{{- if and (not (kindIs "invalid" .)) (eq (int .) 0) }}
{{- fail "runAsUser 0 is not supported: the image runs as nobody (65534) and needs no root" }}
{{- end }}
{{- end }}
{{- if and .Values.prometheus.monitor.enabled (not .Values.service.enabled) }}
{{- fail "prometheus.monitor.enabled needs service.enabled: the ServiceMonitor scrapes the Service's endpoints" }}
{{- end }}
{{- end -}}
