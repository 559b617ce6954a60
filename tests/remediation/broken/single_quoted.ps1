$login = 'https://user:$env:PULUMI_ACCESS_TOKEN@api.pulumi.com'
