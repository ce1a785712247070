# One image for the api and the worker: `node apps/api/main.js` or `node apps/worker/main.js`.
FROM node:20.20-bookworm-slim AS build
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p api worker --configuration=production \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20.20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /workspace/node_modules ./node_modules
COPY --from=build /workspace/dist/apps/api ./apps/api
COPY --from=build /workspace/dist/apps/worker ./apps/worker
COPY docker/api-entrypoint.sh /usr/local/bin/api-entrypoint
USER node
EXPOSE 3000
CMD ["api-entrypoint"]
