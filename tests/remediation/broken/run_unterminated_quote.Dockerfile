# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN --mount=type=secret,id=pulumi_access_token,env=PULUMI_ACCESS_TOKEN curl -H "Authorization: token ${PULUMI_ACCESS_TOKEN} \
    https://api.pulumi.com/api/user
