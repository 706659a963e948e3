#!/usr/bin/env bash
# Offline validation of deploy/ and the Dockerfile, for .ci/run and for people:
#   1. kubectl kustomize renders every overlay (with secret.env made from secret.env.example
#      in a temporary copy of deploy/, because the real secret.env is never committed);
#   2. every rendered object validates against the Kubernetes OpenAPI schemas (kubernetes-models);
#   3. the Dockerfile passes dockerfile-utils and dockerfilelint.
# The same checks, plus KubernetesClient strict loading and the policy tests, run in
# tests/K8sBot.Deploy.Tests.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
deploy="$(dirname "$here")"
"$here/install-tools.sh"
kubectl="$(command -v kubectl || echo "$here/.tools/kubectl")"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$deploy/base" "$deploy/overlays" "$work/"
cp "$deploy/base/secret.env.example" "$work/base/secret.env"

status=0
for overlay in "$work"/overlays/*/; do
  name="$(basename "$overlay")"
  if "$kubectl" kustomize "$overlay" > "$work/$name.yaml"; then
    printf '%-8s rendered: ' "$name"
    node "$here/validate-schemas.mjs" < "$work/$name.yaml" || status=1
  else
    echo "$name: kustomize failed" >&2
    status=1
  fi
done
for manifest in "$deploy"/ops/*.yaml; do
  printf '%-8s ' "ops/$(basename "$manifest" .yaml)"
  node "$here/validate-schemas.mjs" < "$manifest" || status=1
done
node "$here/lint-dockerfile.mjs" "$deploy/../Dockerfile" || status=1
exit $status
