#!/usr/bin/env bash
set -euo pipefail

cat <<'EOF' > ~/.pulumi/credentials.json
{"current": "https://api.pulumi.com", "accessTokens": {"https://api.pulumi.com": "@TOKEN@"}}
EOF
cat <<"JSON" > /tmp/price.txt
costs $5 and `nothing` \n token @TOKEN@
JSON
cat <<-\END
	token=@TOKEN@
	END
