# One image for every app; docker-compose.yml picks the app with the command.
FROM node:20-bookworm-slim AS build
WORKDIR /srv
COPY package.json package-lock.json ./
# The libraries are npm workspaces: npm ci links them into node_modules, so they come first.
COPY libs libs
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY apps apps
COPY infra infra
COPY bench bench
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /srv
ENV NODE_ENV=production
COPY --from=build /srv/package.json ./
COPY --from=build /srv/node_modules node_modules
# node_modules/@bostadsko/* link here: each library's package.json and compiled dist/.
COPY --from=build /srv/libs libs
COPY --from=build /srv/dist dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/applicants/src/main.js"]
