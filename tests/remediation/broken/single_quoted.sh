#!/usr/bin/env bash
curl -H 'Authorization: token ${PULUMI_ACCESS_TOKEN}' https://api.pulumi.com/api/user
