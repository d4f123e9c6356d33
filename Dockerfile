# syntax=docker/dockerfile:1
# The careers site as a container: a multi-stage build of the standalone Next.js server,
# run as the unprivileged `node` user. Configure it with environment variables only (see
# .env.example); several replicas share one PostgreSQL database through DATABASE_URL.
# compose.yaml runs two replicas behind a reverse proxy.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# better-sqlite3 is a native module: built here, for the same Debian as the runtime image.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
# Every replica must run one build: build the image once and run it N times. When the same
# release is built more than once, pass the same values to each build.
ARG NEXT_SERVER_ACTIONS_ENCRYPTION_KEY
ARG NEXT_BUILD_ID
ENV NEXT_TELEMETRY_DISABLED=1 \
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY=${NEXT_SERVER_ACTIONS_ENCRYPTION_KEY} \
    NEXT_BUILD_ID=${NEXT_BUILD_ID}
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=node:node /app/.next/standalone ./.next/standalone
COPY --from=build --chown=node:node /app/scripts/server.mjs /app/scripts/body-admission.mjs /app/scripts/upload-gate.mjs /app/scripts/request-hygiene.mjs ./scripts/
COPY --from=build --chown=node:node /app/lib/next-adapter.mjs /app/lib/process-state.mjs ./lib/
COPY --from=build --chown=node:node /app/lib/metrics/tally.mjs ./lib/metrics/
RUN mkdir -p /data && chown node:node /data
USER node
# Only SQLite (no DATABASE_URL) keeps anything here; with PostgreSQL the container is stateless.
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "scripts/server.mjs"]
