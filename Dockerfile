# syntax=docker/dockerfile:1
# proc-exporter container image.
#
#   docker build -t proc-exporter:0.1.0 .
#   docker run --rm -p 19100:19100 -v /proc:/host/proc:ro proc-exporter:0.1.0
#
# Three stages: `build` compiles the TypeScript with the dev dependencies, `prod-deps`
# installs only the production dependencies, and the final stage copies dist/, those
# node_modules and config.yaml onto a slim Node 20 base. The final stage runs no
# package manager, runs as nobody (65534:65534) and writes nothing to its filesystem,
# so it works with readOnlyRootFilesystem.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: dev dependencies + tsc ---------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY collectors ./collectors
RUN npx tsc -p tsconfig.json

# ---- prod-deps: production node_modules only -------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# ---- runtime -------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ARG VERSION=0.1.0
ARG REVISION=unknown
LABEL org.opencontainers.image.title="proc-exporter" \
      org.opencontainers.image.description="node_exporter-compatible Prometheus exporter for Linux /proc" \
      org.opencontainers.image.source="https://github.com/proc-exporter/proc-exporter" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.licenses="MIT"
ENV NODE_ENV=production
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY package.json config.yaml ./
USER 65534:65534
EXPOSE 19100
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s \
  CMD ["node", "-e", "require('http').get('http://127.0.0.1:19100/healthz',r=>process.exit(r.statusCode===200?0:1)).on('error',()=>process.exit(1))"]
# Mount the host's /proc read-only at /host/proc: that is what the exporter reads.
# V8 heap flags: a 1 MiB young generation and an old-space cap keep RSS under 80 MB
# under load (V8's defaults let an idle-size heap grow to ~120 MB; see README, Performance).
ENTRYPOINT ["node", "--max-semi-space-size=1", "--max-old-space-size=256", "/app/dist/src/exporter/main.js"]
CMD ["--path.procfs=/host/proc", "--config=/app/config.yaml"]
