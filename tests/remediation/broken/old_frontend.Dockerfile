# syntax=docker/dockerfile:1.4
FROM alpine:3.20
RUN --mount=type=secret,id=pulumi_access_token,env=PULUMI_ACCESS_TOKEN pulumi whoami
