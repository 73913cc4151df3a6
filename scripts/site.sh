#!/usr/bin/env bash
# Builds the playground's editor: CodeMirror 6 (exact versions in package.json), bundled and
# minified by Vite into www/vendor/codemirror.js, which the site loads as a same-origin module.
# The site stays static and offline: no CDN, nothing fetched at run time. The bundle is build
# output (gitignored), like www/pkg/ that scripts/build.sh writes.
#
# One change to a dependency, made here at build time: CodeMirror's styles come from style-mod,
# which mounts them on a document as a <style> element, and the playground's CSP (style-src
# 'self', no 'unsafe-inline') blocks that. style-mod already mounts them as a constructed style
# sheet (document.adoptedStyleSheets, which CSP does not govern) inside a shadow root; the
# transform below makes it do so for a document too. The build fails if the line it rewrites
# is no longer there, so a new style-mod cannot quietly bring the <style> element back.
set -euo pipefail
cd "$(dirname "$0")/.."

node --input-type=module -e '
import { build } from "vite";
const adoptSheets = {
  name: "style-mod-adopted-sheets",
  transform(code, id) {
    if (!/[\\/]style-mod[\\/]/.test(id)) return null;
    const from = "if (!root.head && root.adoptedStyleSheets && win.CSSStyleSheet) {";
    if (!code.includes(from)) throw new Error(`site: style-mod changed; ${id} no longer has: ${from}`);
    return code.replace(from, "if (root.adoptedStyleSheets && win.CSSStyleSheet) {");
  },
};
await build({
  configFile: false,
  plugins: [adoptSheets],
  logLevel: "warn",
  publicDir: false,
  build: {
    outDir: "www/vendor",
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: { output: { minify: true } },
    lib: { entry: "www/codemirror.entry.js", formats: ["es"], fileName: () => "codemirror.js" },
  },
});
'
raw=$(wc -c < www/vendor/codemirror.js); gz=$(gzip -9c www/vendor/codemirror.js | wc -c)
echo "site: www/vendor/codemirror.js ${raw} bytes, ${gz} gzipped"
