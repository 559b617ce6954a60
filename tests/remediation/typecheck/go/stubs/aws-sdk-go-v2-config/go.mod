// Stub of github.com/aws/aws-sdk-go-v2/config (a separate module in the real repository).
module github.com/aws/aws-sdk-go-v2/config

go 1.19

require github.com/aws/aws-sdk-go-v2 v1.30.0
