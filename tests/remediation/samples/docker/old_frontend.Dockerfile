# syntax=docker/dockerfile:1.4
# The frontend pinned above predates env= on secret mounts (1.10): the fix must raise it.
FROM node:20-bookworm AS build
WORKDIR /app
ARG PULUMI_ACCESS_TOKEN=@TOKEN@
COPY package*.json ./
RUN npm ci && npx pulumi whoami
