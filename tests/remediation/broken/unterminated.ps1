$env:PULUMI_ACCESS_TOKEN = "unterminated
pulumi up --yes
