# syntax=docker/dockerfile:1.7
#
# One image for every DVC app. The app is chosen at run time, by argument or by APP:
#   docker run dvc gateway            docker run -e APP=gateway dvc
#   docker run dvc migrate            (= node dist/scripts/migrate.js)
# Runs as uid 1000 with a read-only root filesystem in mind: it writes only to /tmp.
# docs/operations.md has the whole story (compose, Kubernetes, secrets).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- deps: every dependency, for the build ----
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# No telemetry, update notices or audit calls during installs.
ENV SCARF_ANALYTICS=false \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci

# ---- build: one tsc for the monorepo into dist/ ----
FROM deps AS build
COPY . .
RUN npm run build

# ---- prod-deps: production dependencies only (no s3rver, MailDev, jest, …) ----
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
ENV SCARF_ANALYTICS=false \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
# tini as PID 1: forwards SIGTERM to node (graceful shutdown) and reaps zombies.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# An app baked in at build time (--build-arg APP=gateway) is optional; the default image runs any.
ARG APP=""
ENV NODE_ENV=production \
    APP=${APP}
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./

# Chooses the app: first argument, else $APP. Anything else is run as a command (`node …`).
COPY --chmod=0555 <<'EOF' /usr/local/bin/dvc-entrypoint
#!/bin/sh
set -eu
usage() {
  echo "usage: dvc-entrypoint <app> | migrate | <command> [args…]" >&2
  echo "  apps: gateway identity catalogue notification dossier document-storage payment national-sync" >&2
  echo "  (or set APP=<app>)" >&2
}
target="${1:-${APP:-}}"
if [ "$#" -gt 0 ]; then shift; fi
case "$target" in
  gateway|identity|catalogue|notification|dossier|document-storage|payment|national-sync)
    main="dist/apps/$target/src/main.js"
    if [ ! -f "$main" ]; then
      echo "dvc-entrypoint: $main is not in this image" >&2
      exit 66
    fi
    exec node "$main" "$@"
    ;;
  migrate)
    exec node dist/scripts/migrate.js "$@"
    ;;
  "")
    usage
    exit 64
    ;;
  *)
    if command -v "$target" >/dev/null 2>&1; then
      exec "$target" "$@"
    fi
    echo "dvc-entrypoint: unknown app or command: $target" >&2
    usage
    exit 64
    ;;
esac
EOF

# GET /health/live (or the path given) on the app's port: HTTP_PORT, else the app's default
# port, the app being $APP or the one this container runs (read from /proc).
COPY --chmod=0555 <<'EOF' /usr/local/bin/dvc-healthcheck
#!/usr/bin/env node
'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const ports = {
  gateway: 3000,
  identity: 3001,
  catalogue: 3002,
  notification: 3003,
  dossier: 3004,
  'document-storage': 3005,
  payment: 3006,
  'national-sync': 3007,
};
function runningApp() {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const match = /dist\/apps\/([a-z-]+)\/src\/main\.js/.exec(cmdline);
      if (match) return match[1];
    } catch {
      // the process ended meanwhile
    }
  }
  return undefined;
}
const path = process.argv[2] || '/health/live';
const port = process.env.HTTP_PORT || ports[process.env.APP] || ports[runningApp()];
if (!port) {
  console.error('dvc-healthcheck: no HTTP_PORT, APP or running app');
  process.exit(1);
}
// The gateway's /health/ready and /metrics want OPS_TOKEN when it is set.
const headers = process.env.OPS_TOKEN ? { authorization: `Bearer ${process.env.OPS_TOKEN}` } : {};
fetch(`http://127.0.0.1:${port}${path}`, { headers, signal: AbortSignal.timeout(4000) }).then(
  (res) => process.exit(res.ok ? 0 : 1),
  (err) => {
    console.error(`dvc-healthcheck: ${err.message}`);
    process.exit(1);
  },
);
EOF

# The `node` user of the base image, by number so that Kubernetes can check runAsNonRoot.
USER 1000:1000
EXPOSE 3000 3001 3002 3003 3004 3005 3006
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD ["dvc-healthcheck"]
ENTRYPOINT ["/usr/bin/tini", "--", "dvc-entrypoint"]
CMD []
