#pragma once
// A client of the Pulumi Cloud access-token API, for the rotation flow (verify/rotation.h): the
// user's own credentials, which token a leaked one is, creating a replacement, deleting a token,
// and the console page where a token is revoked by hand.
//
// Endpoints and shapes (Pulumi Cloud REST API, pulumi.com/docs/reference/cloud-rest-api/
// access-tokens and .../personal-access-tokens; the same calls as pulumi/pulumi-pulumiservice's
// provider/pkg/pulumiapi/{accesstokens,orgtokens,teamtokens}.go):
//   personal      GET/POST /api/user/tokens                          DELETE /api/user/tokens/{id}
//   organization  GET/POST /api/orgs/{org}/tokens                    DELETE /api/orgs/{org}/tokens/{id}
//   team          GET/POST /api/orgs/{org}/teams/{team}/tokens       DELETE .../teams/{team}/tokens/{id}
// A list answers {"tokens": [{"id", "name", "description", "lastUsed" (unix seconds, 0: never),
// ...}]}; a create takes {"description", "expires"} (organization and team tokens also "name",
// unique in the organization, at most 40 characters) and answers {"id", "tokenValue"}, the only
// time the token's value is ever returned. Every request carries `Authorization: token <the
// user's credentials>` and `Accept: application/vnd.pulumi+8` (api-basics).
//
// Nothing here ever writes a token, a credential or a response body into an error or a message.

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <memory>
#include <string_view>
#include <vector>

#include "verify/https_client.h"
#include "verify/token_verifier.h"

namespace ptl::verify {

// Overwrites a string's bytes (OPENSSL_cleanse) and empties it: how every secret this library
// held is dropped.
void wipe(std::string& secret);

// `secret` moved into a shared string that is wiped when its last owner lets go of it: for a
// secret a job carries, which is wiped even when the job is dropped before it runs.
std::shared_ptr<std::string> shared_secret(std::string secret);

// Whether two secrets are equal, in time that depends only on their lengths (CRYPTO_memcmp).
bool secrets_equal(std::string_view a, std::string_view b);

// The user's own Pulumi access token, wiped when destroyed. Movable, not copyable.
struct PulumiCredentials {
  std::string token;
  // Where it came from, for messages: "PULUMI_ACCESS_TOKEN" or the credentials file's path.
  std::string source;

  PulumiCredentials() = default;
  PulumiCredentials(PulumiCredentials&& other) noexcept;
  PulumiCredentials& operator=(PulumiCredentials&& other) noexcept;
  PulumiCredentials(const PulumiCredentials&) = delete;
  PulumiCredentials& operator=(const PulumiCredentials&) = delete;
  ~PulumiCredentials();
};

// The value of an environment variable: `overrides` first (a present empty value means unset),
// else the process environment.
std::optional<std::string> environment_value(const std::map<std::string, std::string>& overrides,
                                             const std::string& name);

// The user's credentials for `backend` (resolve_backend's result), found as the Pulumi CLI finds
// them (pulumi/pulumi sdk/go/common/workspace/creds.go): PULUMI_ACCESS_TOKEN when set, else
// `accessTokens[backend]` of credentials.json in PULUMI_HOME (else ~/.pulumi). nullopt with
// `error` set when there are none, saying what to do ("run `pulumi login URL`"; when the file's
// `current` names another backend, that too). The error never holds a token.
std::optional<PulumiCredentials> find_pulumi_credentials(std::string_view backend,
                                                         const std::map<std::string, std::string>& environment,
                                                         std::string& error);

// One entry of a token list. Never a token's value (the API never returns one after creation).
struct AccessTokenEntry {
  std::string id;
  std::string name;
  std::string description;
  std::int64_t last_used = 0;  // unix seconds; 0: never used (or not given)
};

// "last used 2024-05-01" (UTC) or "never used".
std::string last_used_text(std::int64_t last_used);

// Which token a leaked one is, from the list of its owner's tokens.
struct Identification {
  bool identified = false;
  AccessTokenEntry entry;                   // identified: the one entry that matches
  std::vector<AccessTokenEntry> candidates; // not identified: the entries that matched (0 or several)
  std::string reason;                       // not identified: why, for a person
};

// Finds, among `tokens`, the one entry that is the token GET /api/user described in `owner`
// (tokenInfo.name): the entries whose name equals it, else (personal tokens, listed by
// description) whose description equals it. Exactly one match identifies it; none, several, or a
// token without a name do not ("cannot identify": never a guess). Pure.
Identification identify_token(const Verification& owner, const std::vector<AccessTokenEntry>& tokens);

// A token just created: its id and value (wiped when destroyed). Movable, not copyable.
struct CreatedToken {
  std::string id;
  std::string value;
  std::string description;

  CreatedToken() = default;
  CreatedToken(CreatedToken&& other) noexcept;
  CreatedToken& operator=(CreatedToken&& other) noexcept;
  CreatedToken(const CreatedToken&) = delete;
  CreatedToken& operator=(const CreatedToken&) = delete;
  ~CreatedToken();
};

// An API call's answer: a value, or why there is none (short, for a person, safe to log).
template <class T>
struct ApiResult {
  std::optional<T> value;
  std::string error;
  bool ok() const { return value.has_value(); }
};

// The description a replacement carries: "pulumi-token-lsp: replaces the token in infra/index.ts".
std::string replacement_description(std::string_view file);

// Calls the token API of `backend` with the user's credentials (never with a leaked token: the
// rotation flow sends that one only to GET /api/user, through TokenVerifier).
// Thread-safety: one caller at a time; the credentials are wiped when it is destroyed.
class PulumiTokenApi {
 public:
  PulumiTokenApi(std::string backend, PulumiCredentials credentials, HttpsTransport transport,
                 std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));

  const std::string& backend() const { return backend_; }

  // GET /api/user with the user's credentials: their githubLogin.
  ApiResult<std::string> user_login();

  // The tokens of the owner `owner` describes (its kind, organization and team).
  ApiResult<std::vector<AccessTokenEntry>> list_tokens(const Verification& owner);

  // A new token of `owner`'s kind (for an organization or team: of that organization or team),
  // with `description` and `expires` (unix seconds; 0: never). Organization and team tokens are
  // named "pulumi-token-lsp-YYYYMMDD-HHMMSS" (UTC now).
  ApiResult<CreatedToken> create_token(const Verification& owner, std::string_view description,
                                       std::int64_t expires = 0);

  // DELETE of the token `id` of `owner`'s kind. ok (an empty string) on 200 or 204.
  ApiResult<std::string> delete_token(const Verification& owner, std::string_view id);

 private:
  std::string tokens_path(const Verification& owner) const;
  HttpsResult send(std::string method, std::string path, std::string body);

  std::string backend_;
  PulumiCredentials credentials_;
  HttpsTransport transport_;
  std::chrono::milliseconds timeout_;
};

// The Pulumi Console of an API URL, as the Pulumi CLI derives it (pulumi/pulumi
// pkg/backend/httpstate, cloudConsoleURL): PULUMI_CONSOLE_DOMAIN (environment) replaces the
// host when set; else a host "api.X" becomes "app.X", and "localhost:8080" "localhost:3000";
// else empty (unknown). Scheme kept, path dropped.
std::string console_url(std::string_view backend, const std::map<std::string, std::string>& environment);

// Where `owner`'s token is revoked by hand: {console}/account/tokens for a personal token (the
// page api-basics links to), {console}/{org}/settings/tokens for an organization token,
// {console}/{org}/teams/{team} for a team token. Empty when the console is unknown.
std::string token_page_url(std::string_view backend, const Verification& owner,
                           const std::map<std::string, std::string>& environment);

// An API failure in words: "the API refused the request (HTTP 403)", a transport error as is.
// Never the body.
std::string api_failure(const HttpsResult& result);

}  // namespace ptl::verify
