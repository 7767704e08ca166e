# One image for every app; docker-compose.yml picks the app with the command.
FROM node:20-bookworm-slim AS build
WORKDIR /srv
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY apps apps
COPY libs libs
COPY infra infra
COPY bench bench
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /srv
ENV NODE_ENV=production
COPY --from=build /srv/package.json ./
COPY --from=build /srv/node_modules node_modules
COPY --from=build /srv/dist dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/applicants/src/main.js"]
