import { describe, expect, it } from "vitest";
import { renderTemplates, TemplateError } from "./go-template";

const render = (text: string, data: unknown = {}, helpers = "") => renderTemplates({ "_helpers.tpl": helpers, "t.yaml": text }, data)["t.yaml"];

describe("the Go template subset the chart is rendered with", () => {
  it("trims whitespace at {{- and -}}, drops comments and prints missing values as nothing", () => {
    expect(render("a  \n  {{- .X -}}  \n b", { X: 1 })).toBe("a1b");
    expect(render("a{{/* note */}}b{{ .Missing.Deeper }}c", {})).toBe("abc");
  });

  it("branches with if / else if / else, with (rebinding the dot) and range over lists and maps", () => {
    const t = "{{ if .A }}a{{ else if .B }}b{{ else }}c{{ end }}";
    expect([render(t, { A: 1 }), render(t, { B: "x" }), render(t, { A: 0, B: [] })]).toEqual(["a", "b", "c"]);
    expect(render("{{ with .M }}{{ .k }}{{ else }}none{{ end }}", { M: { k: "v" } })).toBe("v");
    expect(render("{{ with .M }}{{ .k }}{{ else }}none{{ end }}", { M: {} })).toBe("none");
    expect(render("{{ range .L }}[{{ . }}]{{ end }}", { L: [1, 2] })).toBe("[1][2]");
    expect(render("{{ range $k, $v := .M }}{{ $k }}={{ $v }};{{ end }}", { M: { b: 2, a: 1 } })).toBe("a=1;b=2;");
    expect(render("{{ range .L }}x{{ else }}empty{{ end }}", { L: [] })).toBe("empty");
  });

  it("pipes into Helm's functions: include, quote, toYaml, nindent, default, printf, trunc, add", () => {
    const helpers = '{{- define "name" -}}{{ printf "%s-%s" .R "app" | trunc 8 | trimSuffix "-" }}{{- end }}';
    expect(render('{{ include "name" . | quote }}', { R: "release" }, helpers)).toBe('"release"');
    expect(render("x:{{- toYaml .M | nindent 2 }}", { M: { a: [1, "b"] } })).toBe("x:\n  a:\n    - 1\n    - b");
    expect(render('{{ .T | default "latest" }} {{ .U | default "latest" }}', { T: "", U: "1.2" })).toBe("latest 1.2");
    expect(render("{{ add .A 10 }} {{ $.A }}", { A: 5 })).toBe("15 5");
    expect(render('{{ if contains "cru" .N }}yes{{ end }}{{ if not .N }}no{{ end }}', { N: "crucible" })).toBe("yes");
  });

  it("refuses what it does not know instead of rendering it differently from Helm", () => {
    expect(() => render("{{ lookup .A }}")).toThrow(TemplateError);
    expect(() => render("{{ if .A }}open")).toThrow(/no \{\{ end \}\}/);
    expect(() => render("{{ .M }}", { M: { a: 1 } })).toThrow(/toYaml/);
    expect(() => render('{{ required "secret.name is required" .S }}', {})).toThrow("secret.name is required");
    expect(() => render('{{ include "nothing" . }}')).toThrow(/no template named/);
  });
});
