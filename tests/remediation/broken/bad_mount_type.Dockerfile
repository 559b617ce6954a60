# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN --mount=type=secrett,id=pulumi_access_token,env=PULUMI_ACCESS_TOKEN pulumi whoami
