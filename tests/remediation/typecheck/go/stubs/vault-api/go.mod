// Stub of github.com/hashicorp/vault/api (a separate module in the real repository).
module github.com/hashicorp/vault/api

go 1.19
