{{/* The name of a server's Deployment, Service and HPA: <release>-<server>. */}}
{{- define "mcp.name" -}}
{{- printf "%s-%s" .root.Release.Name .server | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "mcp.labels" -}}
app.kubernetes.io/name: mcp-runtimes
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .server }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "mcp.selector" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .server }}
{{- end -}}

{{/* <registry>/<name>:<tag> from `image`. */}}
{{- define "mcp.image" -}}
{{- $v := .root.Values.image -}}
{{- printf "%s%s:%s" (ternary "" (printf "%s/" $v.registry) (empty $v.registry)) .name $v.tag -}}
{{- end -}}

{{/* The servers the load tests target: loadtest.servers, else every enabled one. */}}
{{- define "mcp.loadtestServers" -}}
{{- $picked := .Values.loadtest.servers -}}
{{- range $name, $s := .Values.servers -}}
{{- if and $s.enabled (or (empty $picked) (has $name $picked)) }}{{ $name }} {{ end -}}
{{- end -}}
{{- end -}}
