package deploy

var accessToken = os.Getenv("PULUMI_ACCESS_TOKEN")
