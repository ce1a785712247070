# The web client: static files behind nginx, which also proxies /api to the api service.
FROM node:20.20-bookworm-slim AS build
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npx nx build web --configuration=production
# <file>.br and <file>.gz beside the bundles, styles and translations: nginx sends them as they are.
RUN npx tsx tools/stack/precompress.ts dist/apps/web/browser

FROM nginx:1.27-alpine
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /workspace/dist/apps/web/browser /usr/share/nginx/html
EXPOSE 8080
