#pragma once
// Where the rotation flow (issue 15) stores a replacement token: HashiCorp Vault KV v2, AWS Secrets
// Manager or CyberArk Conjur. The interface the flow (verify/rotation.h) drives; the stores are
// made by make_secret_store (verify/secret_stores.h). Every call goes through an HttpsTransport, so
// tests pass a stand-in and --dry-run passes a recorder.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "verify/https_client.h"

namespace ptl::verify {

// What a store call did: ok, or why not. `detail` is one sentence for a person ("stored version 3
// of secret/pulumi, field api_key", "Vault refused the token (HTTP 403)"); it never holds the
// secret, a credential, or a response body.
struct StoreOutcome {
  bool ok = false;
  std::string detail;
};

class SecretStore {
 public:
  virtual ~SecretStore() = default;

  // Which store and which entry, for messages and the dry run: "Vault KV v2 secret/pulumi (field
  // api_key) at https://vault.example:8200", "AWS Secrets Manager secret pulumi-access-token in
  // eu-west-1", "Conjur variable pulumi/access-token (account acme) at https://conjur.example".
  virtual std::string describe() const = 0;

  // Where its credentials came from, for messages; never a credential: "VAULT_TOKEN",
  // "/home/a/.vault-token (the Vault CLI's token)", "the AWS profile `dev` in
  // /home/a/.aws/credentials (the region from the AWS profile `dev` in /home/a/.aws/config)",
  // "CONJUR_AUTHN_LOGIN and CONJUR_AUTHN_API_KEY". Empty when unknown.
  virtual std::string credentials_source() const { return {}; }

  // Writes `secret` as the entry's new value (a new version; Vault with check-and-set against the
  // version read just before, so a concurrent writer is not overwritten).
  virtual StoreOutcome put(std::string_view secret) = 0;

  // Reads the entry back and compares it with `secret` (constant time). ok only when equal: the
  // flow never revokes the old token before this succeeded.
  virtual StoreOutcome read_back(std::string_view secret) = 0;

  // For a dry run (the transport is a RecordingTransport, which answers nothing): sends every
  // request that put and then read_back would send for `secret` when each answer is the expected
  // one, in order, and ignores the answers; a value that a real run takes from an answer is shown
  // as a placeholder in angle brackets ("<the version read>", "<the access token>"). A request a
  // real run sends only on some answer is sent too, with HttpsRequest::condition saying when (AWS:
  // CreateSecret, "only if the secret does not exist yet"). The default, put then read_back, suits
  // a store whose requests do not depend on earlier answers.
  virtual void rehearse(std::string_view secret) {
    put(secret);
    read_back(secret);
  }
};

// Which store and entry, and how to reach it. Unset fields come from the environment each store's
// own CLI reads (VAULT_ADDR, VAULT_TOKEN, VAULT_NAMESPACE; AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_REGION / AWS_DEFAULT_REGION,
// AWS_ENDPOINT_URL_SECRETS_MANAGER / AWS_ENDPOINT_URL; CONJUR_APPLIANCE_URL, CONJUR_ACCOUNT,
// CONJUR_AUTHN_LOGIN, CONJUR_AUTHN_API_KEY) and, without VAULT_TOKEN or the AWS keys, from the
// files those CLIs log in to (~/.vault-token; the AWS profile of ~/.aws/credentials and
// ~/.aws/config: verify/store_credentials.h); the entry names default to the ones the code actions
// write (remediation/names.h, passed in by server/).
struct StoreConfig {
  enum class Kind { Vault, AwsSecretsManager, Conjur } kind = Kind::Vault;
  std::string vault_mount = "secret", vault_path = "pulumi", vault_field = "api_key";
  std::string aws_secret_id = "pulumi-access-token";
  std::string conjur_variable = "pulumi/access-token";
  // Overrides of the environment, by the variable's name (tests, settings; HOME too, which the
  // CLIs' files are found in); "" means unset: an entry wins over the process's variable, and an
  // entry holding "" hides it.
  std::map<std::string, std::string> environment;
};

// The store `config` names, sending through `transport`; nullptr with `error` set when the
// configuration is incomplete ("VAULT_ADDR is not set") or a CLI's profile cannot be used. The
// error names variables, files and profiles, never values.
std::unique_ptr<SecretStore> make_secret_store(const StoreConfig& config, HttpsTransport transport,
                                               std::string& error);

}  // namespace ptl::verify
