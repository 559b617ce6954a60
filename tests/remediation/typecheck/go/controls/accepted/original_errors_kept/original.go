package deploy

// The original already has an error (an undefined name); the fix keeps it and adds none.
var region = defaultRegion

var accessToken = "pul-<redacted>"
