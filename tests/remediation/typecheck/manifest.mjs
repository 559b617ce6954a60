// What every type checker (typecheck/<lang>/check.mjs) shares: its command line, the manifests
// it reads, and the comparison that keeps only the errors a fix introduced.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

// `[--expect-failures] MANIFEST...`: the mode and the manifest lines whose language is in
// `langs` (a Set). A line is "<lang>\t<original>\t<fixed>\t<display>[\t<expect>]", paths relative
// to the manifest's folder; blank lines and "#" comments are skipped. Entries are
// {lang, original, fixed, display, expect} with absolute paths and expect "" when absent.
// Calls die(message) on a usage error, an unreadable manifest or a line with too few columns.
export function readManifests(argv, langs, die) {
  const expectFailures = argv.includes("--expect-failures");
  const manifests = argv.filter((a) => a !== "--expect-failures");
  if (manifests.length === 0 || manifests.some((a) => a.startsWith("--"))) {
    die("usage: node check.mjs [--expect-failures] MANIFEST...");
  }
  const entries = [];
  for (const manifest of manifests) {
    let text;
    try {
      text = readFileSync(manifest, "utf8");
    } catch (e) {
      die(`cannot read manifest ${manifest}: ${e.message}`);
    }
    const base = dirname(resolve(manifest));
    for (const raw of text.split("\n")) {
      if (raw.trim() === "" || raw.startsWith("#")) continue;
      const cols = raw.replace(/\r$/, "").split("\t");
      if (!langs.has(cols[0])) continue;
      if (cols.length < 4) die(`${manifest}: malformed line (needs 4 tab-separated columns): ${raw}`);
      entries.push({
        lang: cols[0],
        original: resolve(base, cols[1]),
        fixed: resolve(base, cols[2]),
        display: cols[3],
        expect: cols[4] ?? "",
      });
    }
  }
  return { expectFailures, entries };
}

// The errors of `fixed` that `original` does not have, as a multiset difference by key (the
// same error twice in the fixed file counts once more than in the original), in `fixed`'s
// order. keyOfOriginal/keyOfFixed give an error's key (code and message, no position).
export function introducedErrors(original, fixed, keyOfOriginal = (e) => e.key, keyOfFixed = keyOfOriginal) {
  const budget = new Map();
  for (const e of original) {
    const k = keyOfOriginal(e);
    budget.set(k, (budget.get(k) ?? 0) + 1);
  }
  return fixed.filter((e) => {
    const k = keyOfFixed(e);
    const n = budget.get(k) ?? 0;
    if (n > 0) budget.set(k, n - 1);
    return n === 0;
  });
}
