package deploy

var accessToken = "pul-<redacted>"
