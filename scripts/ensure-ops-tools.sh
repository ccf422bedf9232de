# Sourced by ./mvnw (POSIX sh) when it runs the tests, or run as `sh scripts/ensure-ops-tools.sh`:
# deploy/'s tests check the deployment files with the tools that read them, none of which needs a
# Docker engine or a cluster. From Debian: promtool and a real Prometheus (prometheus), amtool
# (prometheus-alertmanager), docker-compose 1.29 (its `config` validates a compose file without a
# daemon) and Node.js; from npm: the Kubernetes schema validator in deploy/tools (npm ci, from its
# package-lock.json). Installs what is missing (as root, or through sudo); elsewhere says what to
# install, and the tests name it again. kubectl, which renders the kustomize overlays, has no Debian
# package: the tests say so when it is missing.
case "$(basename "$0")" in
  ensure-ops-tools.sh) storeops_root="$(dirname "$0")/.." ;;
  *) storeops_root="$(dirname "$0")" ;;
esac
storeops_ops_missing=""
{ command -v promtool && command -v prometheus; } >/dev/null 2>&1 || storeops_ops_missing="$storeops_ops_missing prometheus"
command -v amtool >/dev/null 2>&1 || storeops_ops_missing="$storeops_ops_missing prometheus-alertmanager"
command -v docker-compose >/dev/null 2>&1 || storeops_ops_missing="$storeops_ops_missing docker-compose"
{ command -v node && command -v npm; } >/dev/null 2>&1 || storeops_ops_missing="$storeops_ops_missing nodejs npm"
if [ -n "$storeops_ops_missing" ]; then
  . "$storeops_root/scripts/apt-packages.sh"
  # shellcheck disable=SC2086 # one word per package
  storeops_apt_install "deploy/'s checks" $storeops_ops_missing || true
fi
command -v kubectl >/dev/null 2>&1 \
  || echo "deploy/'s Kubernetes checks need kubectl 1.27 or newer (it renders the kustomize overlays); it has no Debian package." >&2
# Again whenever package-lock.json changed since the last install (npm ci writes .package-lock.json).
storeops_tools="$storeops_root/deploy/tools"
if command -v npm >/dev/null 2>&1 && [ -f "$storeops_tools/package-lock.json" ] \
    && { [ ! -f "$storeops_tools/node_modules/.package-lock.json" ] \
      || [ "$storeops_tools/package-lock.json" -nt "$storeops_tools/node_modules/.package-lock.json" ]; }; then
  echo "Installing deploy/tools' npm packages (npm ci)" >&2
  (cd "$storeops_tools" && npm ci --no-audit --no-fund --loglevel=error >&2) \
    || echo "npm ci in deploy/tools failed: the Kubernetes schema checks cannot run." >&2
fi
