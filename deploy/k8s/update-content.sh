#!/usr/bin/env bash
# Creates or updates the ConfigMaps that hold content/ in the cluster:
#   fangfei-content      the files directly in content/   -> mounted at /app/content
#   fangfei-content-faq  the files in content/faq/         -> mounted at /app/content/faq
# A ConfigMap holds files without folders (kubectl --from-file=<dir> skips subdirectories), hence two.
# Kubernetes updates the mounted files in about a minute; the app then reloads them by itself.
# Usage: deploy/k8s/update-content.sh [content-dir]     (default: the repository's content/)
# Environment: NAMESPACE (default fangfei); kubectl must point at the cluster.
set -euo pipefail
ns=${NAMESPACE:-fangfei}
content=${1:-"$(dirname "$0")/../../content"}
[ -d "$content/faq" ] || { echo "not a content directory (no faq/ inside): $content" >&2; exit 2; }

# A new subfolder would need its own ConfigMap and mount in deployment.yaml: refuse rather than drop it.
for dir in "$content"/*/; do
  name=$(basename "$dir")
  if [ "$name" != faq ]; then
    echo "content/$name/ is not mounted by deploy/k8s/deployment.yaml; add a ConfigMap and a volume for it first" >&2
    exit 2
  fi
done

kubectl create namespace "$ns" --dry-run=client -o yaml | kubectl apply -f - >/dev/null
# --server-side: no last-applied copy in an annotation (that annotation is limited to 256 KB).
kubectl -n "$ns" create configmap fangfei-content --from-file="$content" --dry-run=client -o yaml \
  | kubectl apply --server-side --force-conflicts -f -
kubectl -n "$ns" create configmap fangfei-content-faq --from-file="$content/faq" --dry-run=client -o yaml \
  | kubectl apply --server-side --force-conflicts -f -
