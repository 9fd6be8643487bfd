// helm-render renders a Helm chart the way `helm template` does, with the same
// Go text/template engine and function map (sprig minus env/expandenv, plus
// include, tpl, required, fail, toYaml, fromYaml, toJson, fromJson, lookup),
// for tests on machines where helm itself cannot be installed.
//
// Build (GOPATH mode, Debian's golang-go + golang-github-masterminds-sprig-dev):
//
//	GO111MODULE=off GOPATH=$TMP:/usr/share/gocode go build -o helm-render .
//
// Usage:
//
//	helm-render [--name N] [--namespace NS] [--api-versions G/V]... [--kube-version v1.30.0]
//	            [-f values.yaml]... [--set a.b=c]... [--set-string a.b=c]...
//	            [--show-values] [--notes] CHART_DIR
//
// .Files holds the chart's other files (not Chart.yaml, values*, templates/, charts/, nor what
// .helmignore names), with Get and GetBytes as in helm.
//
// Output: like `helm template`, each rendered file as "---\n# Source: CHART/templates/F\n..."
// (files whose output is only whitespace are left out, NOTES.txt and _* files too).
// --show-values prints the merged values as JSON instead; --notes prints the rendered NOTES.txt.
// Errors go to stderr as "Error: ..." with exit status 1, like helm.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig"
	yamlv2 "gopkg.in/yaml.v2"
	yamlv3 "gopkg.in/yaml.v3"
)

// ---- .Chart, .Release, .Capabilities -------------------------------------------------

type Chart struct {
	Name        string   `json:"name"`
	Version     string   `json:"version"`
	AppVersion  string   `json:"appVersion"`
	Description string   `json:"description"`
	APIVersion  string   `json:"apiVersion"`
	Type        string   `json:"type"`
	KubeVersion string   `json:"kubeVersion"`
	Home        string   `json:"home"`
	Sources     []string `json:"sources"`
	Keywords    []string `json:"keywords"`
	Icon        string   `json:"icon"`
}

type Release struct {
	Name      string
	Namespace string
	Service   string
	IsInstall bool
	IsUpgrade bool
	Revision  int
}

type VersionSet []string

func (v VersionSet) Has(apiVersion string) bool {
	for _, x := range v {
		if x == apiVersion {
			return true
		}
	}
	return false
}

type KubeVersion struct {
	Version    string
	Major      string
	Minor      string
	GitVersion string
}

func (k KubeVersion) String() string { return k.Version }

type Capabilities struct {
	APIVersions VersionSet
	KubeVersion KubeVersion
	HelmVersion map[string]string
}

type TemplateInfo struct {
	Name     string
	BasePath string
}

// Files is .Files: the chart's non-template files by path relative to the chart directory.
type Files map[string][]byte

func (f Files) Get(name string) string      { return string(f[name]) }
func (f Files) GetBytes(name string) []byte { return f[name] }

// ignored says whether a .helmignore pattern list names rel (a slash-separated path): a
// pattern matches the path or its base name, a pattern ending in "/" a directory on the way.
func ignored(patterns []string, rel string, isDir bool) bool {
	for _, p := range patterns {
		dirOnly := strings.HasSuffix(p, "/")
		p = strings.TrimSuffix(p, "/")
		if dirOnly && !isDir {
			continue
		}
		if ok, _ := filepath.Match(p, rel); ok {
			return true
		}
		if ok, _ := filepath.Match(p, filepath.Base(rel)); ok {
			return true
		}
	}
	return false
}

func loadFiles(chartDir string) (Files, error) {
	var patterns []string
	if b, err := os.ReadFile(filepath.Join(chartDir, ".helmignore")); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSpace(line)
			if line != "" && !strings.HasPrefix(line, "#") {
				patterns = append(patterns, line)
			}
		}
	}
	special := map[string]bool{"Chart.yaml": true, "values.yaml": true, "values.schema.json": true, "Chart.lock": true, ".helmignore": true}
	files := Files{}
	err := filepath.Walk(chartDir, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(chartDir, path)
		if err != nil || rel == "." {
			return err
		}
		rel = filepath.ToSlash(rel)
		if info.IsDir() {
			if rel == "templates" || rel == "charts" || ignored(patterns, rel, true) {
				return filepath.SkipDir
			}
			return nil
		}
		if special[rel] || ignored(patterns, rel, false) {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files[rel] = b
		return nil
	})
	return files, err
}

// ---- values ---------------------------------------------------------------------------

// Values are plain JSON-shaped data, as helm gets from sigs.k8s.io/yaml: maps of
// string keys and float64 numbers.
func readYAMLFile(path string) (map[string]interface{}, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parseYAMLMap(b)
}

func parseYAMLMap(b []byte) (map[string]interface{}, error) {
	var raw interface{}
	if err := yamlv3.Unmarshal(b, &raw); err != nil {
		return nil, err
	}
	if raw == nil {
		return map[string]interface{}{}, nil
	}
	j, err := json.Marshal(raw)
	if err != nil {
		return nil, err
	}
	out := map[string]interface{}{}
	if err := json.Unmarshal(j, &out); err != nil {
		return nil, fmt.Errorf("values must be a map: %v", err)
	}
	return out, nil
}

// mergeValues merges src into dst the way helm merges -f files and --set:
// maps merge deeply, anything else replaces, and null deletes the key.
func mergeValues(dst, src map[string]interface{}) map[string]interface{} {
	for k, v := range src {
		if v == nil {
			delete(dst, k)
			continue
		}
		if sm, ok := v.(map[string]interface{}); ok {
			if dm, ok := dst[k].(map[string]interface{}); ok {
				dst[k] = mergeValues(dm, sm)
				continue
			}
		}
		dst[k] = v
	}
	return dst
}

var indexRe = regexp.MustCompile(`^(.*)\[(\d+)\]$`)

// parseSetValue types a --set value as helm's strvals does: null, true/false, integers,
// everything else a string. --set-string keeps strings. "{a,b}" is a list.
func parseSetValue(s string, asString bool) interface{} {
	if asString {
		return s
	}
	if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
		inner := s[1 : len(s)-1]
		list := []interface{}{}
		if inner != "" {
			for _, p := range strings.Split(inner, ",") {
				list = append(list, parseSetValue(p, false))
			}
		}
		return list
	}
	switch s {
	case "null":
		return nil
	case "true":
		return true
	case "false":
		return false
	}
	if i, err := strconv.ParseInt(s, 10, 64); err == nil && !(len(s) > 1 && s[0] == '0') {
		return float64(i)
	}
	return s
}

// applySet sets a dotted path ("a.b[0].c=v"; "\." escapes a dot) in vals.
func applySet(vals map[string]interface{}, expr string, asString bool) error {
	eq := strings.Index(expr, "=")
	if eq < 0 {
		return fmt.Errorf("key %q has no value", expr)
	}
	key, raw := expr[:eq], expr[eq+1:]
	var parts []string
	cur := ""
	for i := 0; i < len(key); i++ {
		if key[i] == '\\' && i+1 < len(key) {
			cur += string(key[i+1])
			i++
		} else if key[i] == '.' {
			parts = append(parts, cur)
			cur = ""
		} else {
			cur += string(key[i])
		}
	}
	parts = append(parts, cur)
	val := parseSetValue(raw, asString)
	var node interface{} = vals
	for i, p := range parts {
		last := i == len(parts)-1
		m, ok := node.(map[string]interface{})
		if !ok {
			return fmt.Errorf("cannot set %q: parent is not a map", key)
		}
		if mm := indexRe.FindStringSubmatch(p); mm != nil {
			idx, _ := strconv.Atoi(mm[2])
			list, _ := m[mm[1]].([]interface{})
			for len(list) <= idx {
				list = append(list, nil)
			}
			if last {
				list[idx] = val
				m[mm[1]] = list
				return nil
			}
			if _, ok := list[idx].(map[string]interface{}); !ok {
				list[idx] = map[string]interface{}{}
			}
			m[mm[1]] = list
			node = list[idx]
			continue
		}
		if last {
			if val == nil {
				delete(m, p)
			} else {
				m[p] = val
			}
			return nil
		}
		if _, ok := m[p].(map[string]interface{}); !ok {
			m[p] = map[string]interface{}{}
		}
		node = m[p]
	}
	return nil
}

// ---- functions helm adds --------------------------------------------------------------

// toYAML is sigs.k8s.io/yaml.Marshal: JSON first (sorted keys), then YAML.
func toYAML(v interface{}) string {
	j, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	var ms yamlv2.MapSlice
	var out interface{}
	if len(j) > 0 && j[0] == '{' {
		if err := yamlv2.Unmarshal(j, &ms); err != nil {
			return ""
		}
		out = ms
	} else if err := yamlv2.Unmarshal(j, &out); err != nil {
		return ""
	}
	y, err := yamlv2.Marshal(out)
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(string(y), "\n")
}

func fromYAML(s string) map[string]interface{} {
	m, err := parseYAMLMap([]byte(s))
	if err != nil {
		return map[string]interface{}{"Error": err.Error()}
	}
	return m
}

func toJSON(v interface{}) string {
	j, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(j)
}

func fromJSON(s string) map[string]interface{} {
	m := map[string]interface{}{}
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		m["Error"] = err.Error()
	}
	return m
}

func required(msg string, val interface{}) (interface{}, error) {
	if val == nil {
		return val, errors.New(msg)
	}
	if s, ok := val.(string); ok && s == "" {
		return val, errors.New(msg)
	}
	return val, nil
}

func fail(msg string) (string, error) { return "", errors.New(msg) }

// ---- rendering ------------------------------------------------------------------------

type renderer struct {
	t        *template.Template
	chart    Chart
	files    Files
	values   map[string]interface{}
	release  Release
	caps     Capabilities
	includes map[string]int
}

func (r *renderer) funcMap() template.FuncMap {
	f := sprig.TxtFuncMap()
	delete(f, "env")
	delete(f, "expandenv")
	f["toYaml"] = toYAML
	f["fromYaml"] = fromYAML
	f["toJson"] = toJSON
	f["fromJson"] = fromJSON
	f["mustToJson"] = func(v interface{}) (string, error) {
		j, err := json.Marshal(v)
		return string(j), err
	}
	f["required"] = required
	f["fail"] = fail
	f["lookup"] = func(apiVersion, kind, namespace, name string) (map[string]interface{}, error) {
		return map[string]interface{}{}, nil // like `helm template`: no cluster
	}
	f["include"] = func(name string, data interface{}) (string, error) {
		r.includes[name]++
		defer func() { r.includes[name]-- }()
		if r.includes[name] > 1000 {
			return "", fmt.Errorf("rendering template has a nested reference name: %s", name)
		}
		var buf bytes.Buffer
		if err := r.t.ExecuteTemplate(&buf, name, data); err != nil {
			return "", err
		}
		return buf.String(), nil
	}
	f["tpl"] = func(text string, data interface{}) (string, error) {
		clone, err := r.t.Clone()
		if err != nil {
			return "", err
		}
		nt, err := clone.New("tpl").Option("missingkey=zero").Parse(text)
		if err != nil {
			return "", fmt.Errorf("cannot parse template %q: %v", text, err)
		}
		var buf bytes.Buffer
		if err := nt.Execute(&buf, data); err != nil {
			return "", fmt.Errorf("error during tpl function execution for %q: %v", text, err)
		}
		return strings.ReplaceAll(buf.String(), "<no value>", ""), nil
	}
	return f
}

func (r *renderer) context(name string) map[string]interface{} {
	return map[string]interface{}{
		"Values":       r.values,
		"Chart":        r.chart,
		"Release":      r.release,
		"Capabilities": r.caps,
		"Template":     TemplateInfo{Name: name, BasePath: r.chart.Name + "/templates"},
		"Files":        r.files,
	}
}

func die(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "Error: "+format+"\n", args...)
	os.Exit(1)
}

func main() {
	var valueFiles, sets, setStrings, apiVersions []string
	name, namespace, kubeVersion := "release-name", "default", "v1.30.0"
	showValues, notes := false, false
	chartDir := ""
	args := os.Args[1:]
	next := func(i *int, flag string) string {
		if *i+1 >= len(args) {
			die("flag %s needs a value", flag)
		}
		*i++
		return args[*i]
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		val := ""
		flag := a
		if eq := strings.Index(a, "="); strings.HasPrefix(a, "--") && eq > 0 {
			flag, val = a[:eq], a[eq+1:]
		}
		get := func() string {
			if val != "" {
				return val
			}
			return next(&i, flag)
		}
		switch flag {
		case "-f", "--values":
			valueFiles = append(valueFiles, get())
		case "--set":
			sets = append(sets, get())
		case "--set-string":
			setStrings = append(setStrings, get())
		case "--name":
			name = get()
		case "--namespace", "-n":
			namespace = get()
		case "--api-versions", "-a":
			apiVersions = append(apiVersions, get())
		case "--kube-version":
			kubeVersion = get()
		case "--show-values":
			showValues = true
		case "--notes":
			notes = true
		default:
			if strings.HasPrefix(a, "-") {
				die("unknown flag: %s", a)
			}
			chartDir = a
		}
	}
	if chartDir == "" {
		die("usage: helm-render [flags] CHART_DIR")
	}

	var chart Chart
	cb, err := os.ReadFile(filepath.Join(chartDir, "Chart.yaml"))
	if err != nil {
		die("%v", err)
	}
	cm, err := parseYAMLMap(cb)
	if err != nil {
		die("Chart.yaml: %v", err)
	}
	cj, _ := json.Marshal(cm)
	if err := json.Unmarshal(cj, &chart); err != nil {
		die("Chart.yaml: %v", err)
	}
	if chart.Name == "" || chart.Version == "" {
		die("Chart.yaml: name and version are required")
	}

	values := map[string]interface{}{}
	if _, err := os.Stat(filepath.Join(chartDir, "values.yaml")); err == nil {
		if values, err = readYAMLFile(filepath.Join(chartDir, "values.yaml")); err != nil {
			die("values.yaml: %v", err)
		}
	}
	for _, f := range valueFiles {
		o, err := readYAMLFile(f)
		if err != nil {
			die("%s: %v", f, err)
		}
		values = mergeValues(values, o)
	}
	for _, s := range sets {
		if err := applySet(values, s, false); err != nil {
			die("failed parsing --set data: %v", err)
		}
	}
	for _, s := range setStrings {
		if err := applySet(values, s, true); err != nil {
			die("failed parsing --set-string data: %v", err)
		}
	}
	if showValues {
		j, _ := json.MarshalIndent(values, "", "  ")
		fmt.Println(string(j))
		return
	}

	kv := strings.TrimPrefix(kubeVersion, "v")
	kparts := strings.SplitN(kv, ".", 3)
	for len(kparts) < 2 {
		kparts = append(kparts, "0")
	}
	base := []string{"v1", "apps/v1", "batch/v1", "networking.k8s.io/v1", "policy/v1",
		"rbac.authorization.k8s.io/v1", "apiextensions.k8s.io/v1"}
	files, err := loadFiles(chartDir)
	if err != nil {
		die("%v", err)
	}
	r := &renderer{
		chart:    chart,
		files:    files,
		values:   values,
		release:  Release{Name: name, Namespace: namespace, Service: "Helm", IsInstall: true, Revision: 1},
		caps:     Capabilities{APIVersions: append(base, apiVersions...), KubeVersion: KubeVersion{Version: "v" + kv, Major: kparts[0], Minor: kparts[1], GitVersion: "v" + kv}, HelmVersion: map[string]string{"Version": "v3.16.0"}},
		includes: map[string]int{},
	}
	r.t = template.New("gotpl").Option("missingkey=zero")
	r.t.Funcs(r.funcMap())

	tdir := filepath.Join(chartDir, "templates")
	entries, err := os.ReadDir(tdir)
	if err != nil {
		die("%v", err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		fname := e.Name()
		b, err := os.ReadFile(filepath.Join(tdir, fname))
		if err != nil {
			die("%v", err)
		}
		tname := chart.Name + "/templates/" + fname
		if _, err := r.t.New(tname).Parse(string(b)); err != nil {
			die("parse error in %q: %v", tname, err)
		}
		names = append(names, tname)
	}
	sort.Strings(names)

	var out bytes.Buffer
	for _, tname := range names {
		base := filepath.Base(tname)
		isNotes := base == "NOTES.txt"
		if strings.HasPrefix(base, "_") || isNotes != notes {
			continue
		}
		var buf bytes.Buffer
		if err := r.t.ExecuteTemplate(&buf, tname, r.context(tname)); err != nil {
			die("execution error at (%s): %v", tname, err)
		}
		s := strings.ReplaceAll(buf.String(), "<no value>", "")
		if notes {
			out.WriteString(s)
			continue
		}
		if strings.TrimSpace(s) == "" {
			continue
		}
		fmt.Fprintf(&out, "---\n# Source: %s\n%s\n", tname, strings.TrimLeft(s, "\n"))
	}
	os.Stdout.Write(out.Bytes())
}
