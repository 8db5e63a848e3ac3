// French typography in the interface (issue 12): every text of app/ and components/ — JSX text and
// string literals — sets a narrow no-break space (U+202F) before ; : ! ? » and after «, never a
// plain or no-break space, which a line could break at or which looks too wide. Rendered texts get
// theirs from the Markdown pipeline (test/unit/french-spacing.test.ts); lib/'s messages also serve
// the JSON API, whose clients get plain text.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOTS = ["app", "components"];
// A text may start or end at an expression: `{label} :`, `« {title}`.
const WIDE_BEFORE = /(^|\S)[ \u00A0][:;!?»](?=[\s"'`)\]}<]|$)/;
const WIDE_AFTER = /«[ \u00A0](\S|$)/;
const TEXT_KINDS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.JsxText,
]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** The texts of a file that set a wide space where French wants a narrow one. */
function wideSpacesIn(file: string) {
  const source = fs.readFileSync(file, "utf8");
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    // Tagged templates are code (SQL), imports are paths.
    if (ts.isTaggedTemplateExpression(node) || ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (TEXT_KINDS.has(node.kind)) {
      // JSX text's own leading spaces are part of it (getText would skip them as trivia).
      const text = node.kind === ts.SyntaxKind.JsxText ? source.slice(node.pos, node.end) : node.getText(tree);
      if (WIDE_BEFORE.test(text) || WIDE_AFTER.test(text)) found.push(`${file}: ${text.trim().slice(0, 80)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

describe("the interface's French typography", () => {
  it("sets a narrow no-break space before ; : ! ? » and after « in every text of app/ and components/", () => {
    const files = ROOTS.flatMap((root) => sourceFiles(root));
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap(wideSpacesIn)).toEqual([]);
  });

  it("finds a wide space where there is one (the check itself)", () => {
    const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "typography-")), "probe.tsx");
    fs.writeFileSync(probe, 'export const A = ({ b }: { b: string }) => <p title="Titre : oui">Pourquoi ? « Parce que »<span>{b} :</span></p>;\n');
    try {
      expect(wideSpacesIn(probe)).toHaveLength(3);
    } finally {
      fs.rmSync(path.dirname(probe), { recursive: true });
    }
  });
});
