#!/bin/sh
# The token assigned to the very variable the fix reads, quoted three ways.
set -eu
export PULUMI_ACCESS_TOKEN='@TOKEN@'
PULUMI_ACCESS_TOKEN="@TOKEN@"; export PULUMI_ACCESS_TOKEN
cd infra && PULUMI_ACCESS_TOKEN=@TOKEN@ pulumi preview
