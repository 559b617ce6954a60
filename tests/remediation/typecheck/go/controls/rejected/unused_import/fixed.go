package deploy

import "os"

var accessToken = "PULUMI_ACCESS_TOKEN"
