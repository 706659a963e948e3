// Validates every object of a rendered kustomize stream against the Kubernetes OpenAPI schemas
// shipped in the npm package kubernetes-models (types, enums, required fields, quantities).
// Usage: node validate-schemas.mjs < rendered.yaml   (exit 1 and one line per problem on failure)
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const text = readFileSync(0, "utf8");
const problems = [];
let count = 0;

for (const doc of parseAllDocuments(text)) {
  if (doc.errors.length > 0) {
    problems.push(`YAML: ${doc.errors.map((e) => e.message).join("; ")}`);
    continue;
  }
  const obj = doc.toJS();
  if (obj === null || obj === undefined) continue;
  count++;
  const { apiVersion, kind } = obj;
  const name = `${kind ?? "?"}/${obj.metadata?.name ?? "?"}`;
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    problems.push(`${name}: apiVersion and kind are required`);
    continue;
  }
  // core "v1" lives at kubernetes-models/v1; "apps/v1" at kubernetes-models/apps/v1.
  let mod;
  try {
    mod = await import(`kubernetes-models/${apiVersion}/${kind}`);
  } catch {
    problems.push(`${name}: no schema for ${apiVersion} ${kind} in kubernetes-models`);
    continue;
  }
  const Model = mod[kind] ?? mod.default;
  try {
    new Model(obj).validate();
  } catch (err) {
    const details = err?.errors ? JSON.stringify(err.errors) : String(err?.message ?? err);
    problems.push(`${name}: ${details}`);
  }
}

for (const p of problems) console.error(p);
if (count === 0) {
  console.error("no objects in input");
  process.exit(1);
}
console.log(`${count} objects checked, ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
