// Stub of github.com/cyberark/conjur-api-go (declarations only; package conjurapi).
module github.com/cyberark/conjur-api-go

go 1.19
