#!/usr/bin/env bash
set -euo pipefail

export PULUMI_ACCESS_TOKEN=@TOKEN@
curl -sf -H "Authorization: token @TOKEN@" https://api.pulumi.com/api/user
echo 'token=@TOKEN@' > /tmp/token.txt
cat <<EOF > ~/.pulumi/credentials.json
{"current": "https://api.pulumi.com", "accessTokens": {"https://api.pulumi.com": "@TOKEN@"}}
EOF
pulumi up --yes   # deploy
