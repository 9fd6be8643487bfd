# syntax=docker/dockerfile:1
# proc-exporter container image.
#
#   docker build -t proc-exporter:0.1.0 --build-arg REVISION=$(git rev-parse HEAD) --build-arg BRANCH=$(git branch --show-current) .
#   docker run -d --name proc-exporter --net host --read-only \
#     -v /proc:/host/proc:ro -v /sys:/host/sys:ro -v /:/host/root:ro,rslave \
#     proc-exporter:0.1.0
#
# The mounts, as node_exporter's: the host's /proc at /host/proc (what every collector reads), /sys at
# /host/sys (network interfaces, clock sources) and / at /host/root (filesystem sizes, os-release;
# rslave so that later host mounts show up), all read-only. --net host is needed: /proc/net and
# /sys/class/net show the network namespace of the reader, so without it the network metrics
# silently come from the container. Arguments after the image replace the default ones (CMD
# below), so repeat those when adding flags.
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
# What --version reports (src/version.ts): the context has no .git, so the branch and revision come from
# build arguments (docker build --build-arg REVISION=$(git rev-parse HEAD) --build-arg BRANCH=…), unknown when not given.
ARG BRANCH=unknown
ARG REVISION=unknown
RUN node -e 'const d = new Date().toISOString(); require("fs").writeFileSync("dist/build-info.json", JSON.stringify({ \
      branch: process.env.BRANCH, revision: process.env.REVISION, \
      date: `${d.slice(0, 4)}${d.slice(5, 7)}${d.slice(8, 10)}-${d.slice(11, 19)}` }) + "\n")'

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
# No HEALTHCHECK: the exporter listens where its flags or config say (any address or port, TLS,
# basic auth that also covers /healthz), which no fixed command here can know. Kubernetes ignores
# HEALTHCHECK; the chart's probes check /healthz on the port and scheme it configures. With
# docker run, give --health-cmd for your flags (README, Deployment, Container image).
# V8 heap flags: a 1 MiB young generation and an old-space cap keep RSS under 80 MB
# under load (V8's defaults let an idle-size heap grow to ~120 MB; see README, Performance).
# --no-memory-reducer: no full collections started after each cycle to shrink the heap, which
# cost ~30 % of the CPU at a 15 s cadence for ~4 MB of RSS (src/exporter/memory-settings.ts).
ENTRYPOINT ["node", "--max-semi-space-size=1", "--max-old-space-size=256", "--no-memory-reducer", "/app/dist/src/exporter/main.js"]
CMD ["--path.procfs=/host/proc", "--path.sysfs=/host/sys", "--path.rootfs=/host/root", "--config=/app/config.yaml"]
