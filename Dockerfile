# The images of the docker-compose demo and the Helm chart, from one workspace build:
#   --target server --build-arg SERVER=<folder under servers/>  one server and only what it
#                     needs at run time (`pnpm deploy --prod` of its package, its runtime's binary
#                     included), as user node
#   --target bench    the built workspace: writes the demo's plan and its report with the code
#                     `pnpm bench:all` uses
#   --target loadtests  k6 with loadtests/ at /loadtests: the k6-operator runner (deploy/helm)
# The base images are build arguments, pinned by their exact version tags (the Node these servers
# are tested on, the k6 the benchmark runs); no digest, because none could be checked against a
# registry when this was written. Where no registry is reachable, scripts/standin-images.sh builds
# local stand-ins from the machine (mcp-runtimes-standin/...) and passes them here.
# No `# syntax=` line: BuildKit's built-in Dockerfile frontend, not one pulled from a registry.
ARG NODE_VERSION=20.20.2
ARG NODE_IMAGE=node:${NODE_VERSION}-bookworm-slim
ARG K6_IMAGE=grafana/k6:1.8.1

FROM ${NODE_IMAGE} AS workspace
# pnpm exactly as package.json pins it, installed by npm (scripts/setup.sh explains why not corepack).
ARG PNPM_VERSION=10.34.8
RUN npm install --global --no-fund --no-audit "pnpm@${PNPM_VERSION}"
WORKDIR /repo
# The package store comes from the lockfile alone, so this layer survives source edits.
COPY pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
RUN pnpm fetch
COPY . .
RUN pnpm install --offline --frozen-lockfile

FROM workspace AS server-build
ARG SERVER
RUN test -n "${SERVER}" && test -f "servers/${SERVER}/package.json" \
  || { echo "build with --build-arg SERVER=<a folder under servers/>, got '${SERVER}'" >&2; exit 1; }
# Only this server and the workspace packages it depends on are built and deployed.
RUN pnpm --filter "{./servers/${SERVER}}..." run build \
  && pnpm --filter "./servers/${SERVER}" deploy --legacy --prod /out

FROM ${NODE_IMAGE} AS server
ENV NODE_ENV=production
# Deno's cache goes where a read-only root still lets it write (the Helm chart mounts /tmp).
ENV DENO_DIR=/tmp/deno
WORKDIR /app
COPY --from=server-build --chown=node:node /out ./
USER node
EXPOSE 3000
# GET /health over loopback (plain HTTP, else TLS for node:http2's listener); the image has no curl.
HEALTHCHECK --interval=2s --timeout=5s --start-period=15s --retries=5 \
  CMD ["node", "node_modules/@mcp-runtimes/server-kit/dist/host/health-check.js"]
# The server's start script: its own runtime's pinned binary from its deployed packages (Node 24,
# Node 20 for uWS, Bun, Deno), then its main; exec, so SIGTERM reaches the server. The image's
# Node runs only pnpm and the HEALTHCHECK.
CMD ["sh", "-c", "exec $(node -p \"require('./package.json').scripts.start\")"]

FROM workspace AS bench
RUN pnpm --filter "@mcp-runtimes/bench..." run build
USER node
CMD ["node", "packages/bench/dist/demo/report-cli.js", "/results"]

FROM ${K6_IMAGE} AS loadtests
COPY loadtests /loadtests
WORKDIR /loadtests
ENV K6_NO_USAGE_REPORT=true
