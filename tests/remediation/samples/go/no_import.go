package deploy

var accessToken = "@TOKEN@"
