# syntax=docker/dockerfile:1
FROM alpine:3.20
ARG PULUMI_ACCESS_TOKEN
RUN --mount=type=secret,id=pulumi_access_token,env=PULUMI_ACCESS_TOKEN pulumi whoami
