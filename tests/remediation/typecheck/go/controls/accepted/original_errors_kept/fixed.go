package deploy

import "os"

// The original already has an error (an undefined name); the fix keeps it and adds none.
var region = defaultRegion

var accessToken = os.Getenv("PULUMI_ACCESS_TOKEN")
