#pragma once
// Where the secret stores of the rotation flow (verify/secret_stores.h) find their credentials
// when the environment does not give them: the files the stores' own CLIs leave behind after a
// login. The one place that reads those files; make_secret_store calls it.
//
// - Vault: VAULT_TOKEN, else the token the Vault CLI's default token helper keeps in
//   $HOME/.vault-token (`vault login` writes it), whitespace trimmed.
// - AWS: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (/ AWS_SESSION_TOKEN), else the profile
//   AWS_PROFILE (else `default`) of the shared credentials file (AWS_SHARED_CREDENTIALS_FILE, else
//   $HOME/.aws/credentials) and config file (AWS_CONFIG_FILE, else $HOME/.aws/config), the
//   credentials file winning; the region: AWS_REGION, else AWS_DEFAULT_REGION, else the profile's
//   `region` in the config file. Static keys only: a profile that assumes a role, signs in with
//   IAM Identity Center or runs a credential process is refused by name; instance roles (IMDS)
//   are not looked for.
//
// Every variable (HOME too) is read through environment_value (verify/pulumi_tokens.h), so the
// overrides of StoreConfig::environment apply. Guarantee: no credential is ever in a source, an
// error or a note; they name variables, files and profiles only. File buffers are wiped.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "verify/sigv4.h"

namespace ptl::verify {

// ---- the AWS shared files (pure) ---------------------------------------------------------------

enum class AwsFileKind { Credentials, Config };

// One profile's settings: key (lowercased) -> value.
using AwsProfile = std::map<std::string, std::string>;

// The profiles of the text of a shared credentials or config file, by name, as the AWS SDKs
// read them (the SDKs' shared "config and credentials files" format; the reference parsers are
// the SDKs' profile-file parsers):
//  - a line whose first character is '#' or ';' is a comment; in a property line, '#' or ';'
//    after a space or tab starts a comment ("key = a#b" keeps "a#b"); in a section line, anything
//    after ']' is ignored;
//  - `[name]` starts a profile; in the config file only `[default]` and `[profile name]` do
//    (`[profile default]` wins over `[default]`), other sections (`[sso-session x]`,
//    `[services x]`) and bare names are skipped; in the credentials file `[profile name]` is
//    skipped. Profile names are case-sensitive; a section repeated is merged;
//  - `key = value`, spaces and tabs around both trimmed, the first '=' splits; keys are
//    lowercased (the AWS CLI reads `AWS_ACCESS_KEY_ID = ...` as `aws_access_key_id`); a line
//    that starts with a space or tab continues the previous value (joined with "\n");
//  - a line that fits none of these (no '=', a property before any section) is skipped.
// Linear in the text.
std::map<std::string, AwsProfile> parse_aws_profiles(std::string_view text, AwsFileKind kind);

// Why a profile cannot be used for static keys: "" when it can; else the first setting of it
// that makes the SDKs use another provider ("role_arn", "source_profile", "credential_process",
// "sso_session", "sso_start_url", ..., "web_identity_token_file"). credential_process counts only
// without aws_access_key_id (static keys come first in the SDKs' order).
std::string unsupported_aws_profile_setting(const AwsProfile& profile);

// ---- finding the credentials (reads files) -----------------------------------------------------

// The Vault token, and where it came from.
struct VaultTokenLookup {
  std::string token;   // empty: not found
  std::string source;  // found: "VAULT_TOKEN" or "/home/a/.vault-token"
  // Not found (VAULT_TOKEN is not set): where else it looked, never a value:
  // "/home/a/.vault-token (where `vault login` keeps the token): it does not exist".
  std::string looked_at;
};

// VAULT_TOKEN, else $HOME/.vault-token (a file that cannot be read, is empty after trimming or
// holds control characters is "not found", and `looked_at` names the file).
VaultTokenLookup find_vault_token(const std::map<std::string, std::string>& environment);

// The AWS credentials and region, and where each came from.
struct AwsLookup {
  AwsCredentials credentials;       // access_key_id empty: not found (see missing)
  std::string credentials_source;   // "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY", "the AWS profile `dev` in /home/a/.aws/credentials"
  std::string region;               // empty: not found (see missing)
  std::string region_source;        // "AWS_REGION", "AWS_DEFAULT_REGION", "the AWS profile `dev` in /home/a/.aws/config"
  // What is missing, each a phrase to end with "is not set" ("AWS_SECRET_ACCESS_KEY", "AWS_REGION
  // (nor AWS_DEFAULT_REGION)"), and the places looked at besides, each a clause: "the AWS profile
  // `default` is neither in /home/a/.aws/credentials (it does not exist) nor in
  // /home/a/.aws/config", "instance roles (IMDS) are not supported", "the AWS profile `default`
  // in /home/a/.aws/config has no region".
  std::vector<std::string> missing;
  std::vector<std::string> looked_at;
  // A profile that is there but cannot be used (a role, SSO, a credential process, half a key
  // pair, a control character): the whole error, which stops here.
  std::string error;
};

// The environment first, then the shared files (read only when the environment is not enough).
// With AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY set, the credentials come from the environment
// only (the other is missing if unset), as the SDKs' environment provider does.
AwsLookup find_aws_credentials(const std::map<std::string, std::string>& environment);

}  // namespace ptl::verify
