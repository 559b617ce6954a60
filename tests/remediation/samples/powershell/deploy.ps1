# Deploys the stack from a workstation.
$env:PULUMI_ACCESS_TOKEN = "@TOKEN@"
$headers = @{ Authorization = "token @TOKEN@" }
$login = 'https://user:@TOKEN@@api.pulumi.com'
Invoke-RestMethod -Uri https://api.pulumi.com/api/user -Headers $headers
pulumi up --yes
