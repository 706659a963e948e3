// Lints a Dockerfile with two independent npm linters: dockerfile-utils (the VS Code Docker
// language server's validator) and dockerfilelint. Any diagnostic fails the run.
// Usage: node lint-dockerfile.mjs [path/to/Dockerfile]   (default: the repository's Dockerfile)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { validate } from "dockerfile-utils";

const here = dirname(fileURLToPath(import.meta.url));
const path = resolve(process.argv[2] ?? resolve(here, "../../Dockerfile"));
const content = readFileSync(path, "utf8");
const problems = [];

for (const d of validate(content)) {
  problems.push(`dockerfile-utils: line ${d.range.start.line + 1}: ${d.message}`);
}

const require = createRequire(import.meta.url);
const dockerfilelint = require("dockerfilelint");
for (const item of dockerfilelint.run(here, content)) {
  problems.push(`dockerfilelint: line ${item.line}: ${item.category}: ${item.title}: ${item.description}`);
}

for (const p of problems) console.error(p);
console.log(`${path}: ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
