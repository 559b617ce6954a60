// verify/store_credentials.h: the AWS shared files' format (parse_aws_profiles, fed text), which
// profiles are refused, and where the stores' credentials are found (environment over files,
// AWS_PROFILE, the config file's region, ~/.vault-token) with HOME and the file variables pointed
// at a temporary directory. Every error names variables, files and profiles, never a value.
#include "verify/store_credentials.h"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "tests/unit/temp_dir.h"

using ptl::verify::AwsFileKind;
using ptl::verify::AwsLookup;
using ptl::verify::AwsProfile;
using ptl::verify::find_aws_credentials;
using ptl::verify::find_vault_token;
using ptl::verify::parse_aws_profiles;
using ptl::verify::unsupported_aws_profile_setting;
using ptl::verify::VaultTokenLookup;
using Profiles = std::map<std::string, AwsProfile>;

namespace {

constexpr const char* kKeyId = "AKIAFILETEST00000001";
constexpr const char* kSecret = "file/secret+access/key/0000000000000001";
constexpr const char* kSession = "file-session-token-0001";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Every variable the lookups read, hidden unless set, with HOME at `home`.
std::map<std::string, std::string> environment(const ptl::testing::TempDir& home,
                                               std::map<std::string, std::string> set = {}) {
  std::map<std::string, std::string> env;
  for (const char* name : {"VAULT_TOKEN", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION",
                           "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE"}) {
    env[name] = "";
  }
  env["HOME"] = home.path().string();
  for (auto& [name, value] : set) env[name] = value;
  return env;
}

std::string static_keys(const std::string& section) {
  return "[" + section + "]\naws_access_key_id = " + kKeyId + "\naws_secret_access_key = " + kSecret + "\n";
}

// No credential in anything a lookup says.
void check_says_no_value(const AwsLookup& found) {
  std::vector<std::string> said = {found.credentials_source, found.region_source, found.error};
  said.insert(said.end(), found.missing.begin(), found.missing.end());
  said.insert(said.end(), found.looked_at.begin(), found.looked_at.end());
  for (const std::string& s : said) {
    CAPTURE(s);
    for (const char* value : {kKeyId, kSecret, kSession}) CHECK_FALSE(contains(s, value));
  }
}

// The whole error a store would show: missing, then where it looked.
std::string all_said(const AwsLookup& found) {
  std::string text = found.error;
  for (const std::string& s : found.missing) text += " | " + s;
  for (const std::string& s : found.looked_at) text += " | " + s;
  return text;
}

}  // namespace

// ---- the format --------------------------------------------------------------------------------

TEST_CASE("parse_aws_profiles reads sections, trims around '=', lowercases keys and drops comments") {
  struct Row {
    const char* name;
    std::string text;
    AwsFileKind kind;
    Profiles expected;
  };
  const std::vector<Row> rows = {
      {"plain", "[default]\naws_access_key_id=A\naws_secret_access_key=B\n", AwsFileKind::Credentials,
       {{"default", {{"aws_access_key_id", "A"}, {"aws_secret_access_key", "B"}}}}},
      {"spaces and tabs around '=' and the line", "[dev]\n  \naws_access_key_id\t =  A  \nregion =eu-west-1\t\n",
       AwsFileKind::Credentials, {{"dev", {{"aws_access_key_id", "A"}, {"region", "eu-west-1"}}}}},
      {"keys of any case", "[dev]\nAWS_Access_Key_ID = A\nRegion = eu-west-1\n", AwsFileKind::Credentials,
       {{"dev", {{"aws_access_key_id", "A"}, {"region", "eu-west-1"}}}}},
      {"comment lines with # and ;", "# top\n; top\n[dev]\n# aws_access_key_id = X\n;region = y\nregion = z\n",
       AwsFileKind::Credentials, {{"dev", {{"region", "z"}}}}},
      {"a comment after a blank ends a value; one inside it does not",
       "[dev]\nregion = eu-west-1 # where\nkey_a = a#b\nkey_b = a;b ; note\n", AwsFileKind::Credentials,
       {{"dev", {{"region", "eu-west-1"}, {"key_a", "a#b"}, {"key_b", "a;b"}}}}},
      {"a comment after a section heading", "[dev] # mine\nregion = r\n[ other ];x\nregion = s\n",
       AwsFileKind::Credentials, {{"dev", {{"region", "r"}}}, {"other", {{"region", "s"}}}}},
      {"CRLF line ends", "[dev]\r\nregion = r\r\n", AwsFileKind::Credentials, {{"dev", {{"region", "r"}}}}},
      {"a value may be empty, or hold '='", "[dev]\nempty =\nkey = a=b==\n", AwsFileKind::Credentials,
       {{"dev", {{"empty", ""}, {"key", "a=b=="}}}}},
      {"properties before any section, lines without '=' and unclosed headings are skipped",
       "region = x\n[dev]\njunk\n[broken\nregion = y\n", AwsFileKind::Credentials, {{"dev", {}}}},
      {"a section repeated is merged, the later value winning", "[dev]\na = 1\nb = 1\n[dev]\nb = 2\n",
       AwsFileKind::Credentials, {{"dev", {{"a", "1"}, {"b", "2"}}}}},
      {"an indented line continues the value", "[profile dev]\ns3 =\n  max_concurrent_requests = 10 # c\nregion = r\n",
       AwsFileKind::Config, {{"dev", {{"s3", "\nmax_concurrent_requests = 10"}, {"region", "r"}}}}},
      {"an indented line before any property is skipped", "[dev]\n\tregion = r\n", AwsFileKind::Credentials,
       {{"dev", {}}}},
      {"credentials file: [profile x] is not a profile", "[profile dev]\nregion = r\n[dev]\nregion = s\n",
       AwsFileKind::Credentials, {{"dev", {{"region", "s"}}}}},
      {"config file: [default] and [profile x]; bare names and other kinds skipped",
       "[default]\nregion = a\n[profile dev]\nregion = b\n[dev]\nregion = c\n[sso-session corp]\nsso_region = d\n"
       "[services local]\nx = e\n",
       AwsFileKind::Config, {{"default", {{"region", "a"}}}, {"dev", {{"region", "b"}}}}},
      {"config file: [profile default] wins over [default]",
       "[profile default]\nregion = a\n[default]\nregion = b\noutput = json\n", AwsFileKind::Config,
       {{"default", {{"region", "a"}}}}},
      {"profile names are case-sensitive", "[Dev]\nregion = a\n[dev]\nregion = b\n", AwsFileKind::Credentials,
       {{"Dev", {{"region", "a"}}}, {"dev", {{"region", "b"}}}}},
      {"empty text", "", AwsFileKind::Config, {}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    CHECK(parse_aws_profiles(row.text, row.kind) == row.expected);
  }
}

TEST_CASE("a profile that assumes a role, uses SSO or a credential process is named as unsupported") {
  struct Row {
    AwsProfile profile;
    const char* setting;
  };
  const std::vector<Row> rows = {
      {{{"aws_access_key_id", "A"}, {"aws_secret_access_key", "B"}}, ""},
      {{{"region", "eu-west-1"}}, ""},
      {{{"role_arn", "arn:aws:iam::1:role/x"}, {"source_profile", "base"}}, "role_arn"},
      {{{"source_profile", "base"}}, "source_profile"},
      {{{"role_arn", "arn"}, {"web_identity_token_file", "/t"}}, "role_arn"},
      {{{"web_identity_token_file", "/t"}}, "web_identity_token_file"},
      {{{"sso_session", "corp"}, {"sso_account_id", "1"}}, "sso_account_id"},
      {{{"sso_start_url", "https://x"}}, "sso_start_url"},
      {{{"credential_process", "/bin/creds"}}, "credential_process"},
      // Static keys come before a credential process in the SDKs' order.
      {{{"credential_process", "/bin/creds"}, {"aws_access_key_id", "A"}, {"aws_secret_access_key", "B"}}, ""},
      // ... but a role comes before static keys.
      {{{"role_arn", "arn"}, {"aws_access_key_id", "A"}, {"aws_secret_access_key", "B"}}, "role_arn"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.setting);
    CHECK(unsupported_aws_profile_setting(row.profile) == row.setting);
  }
}

// ---- AWS: where the credentials come from ------------------------------------------------------

TEST_CASE("AWS: the environment's keys win over the shared files, which are then not read for them") {
  const ptl::testing::TempDir home;
  home.write(".aws/credentials", static_keys("default"));
  home.write(".aws/config", "[default]\nregion = eu-central-1\n");
  const AwsLookup found = find_aws_credentials(environment(
      home, {{"AWS_ACCESS_KEY_ID", "AKIAENV"}, {"AWS_SECRET_ACCESS_KEY", "env-secret"}, {"AWS_SESSION_TOKEN", "env-session"},
             {"AWS_REGION", "us-east-2"}}));
  CHECK(found.error.empty());
  CHECK(found.missing.empty());
  CHECK(found.credentials.access_key_id == "AKIAENV");
  CHECK(found.credentials.secret_access_key == "env-secret");
  CHECK(found.credentials.session_token == "env-session");
  CHECK(found.credentials_source == "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
  CHECK(found.region == "us-east-2");
  CHECK(found.region_source == "AWS_REGION");

  SUBCASE("half a pair in the environment is missing the other half, not mixed with a file") {
    const AwsLookup half = find_aws_credentials(environment(home, {{"AWS_ACCESS_KEY_ID", "AKIAENV"}}));
    CHECK(half.credentials.access_key_id.empty());
    CHECK(half.missing == std::vector<std::string>{"AWS_SECRET_ACCESS_KEY"});
    CHECK(half.region == "eu-central-1");  // the region still comes from the config file
  }
  SUBCASE("AWS_DEFAULT_REGION when AWS_REGION is unset, before the config file") {
    const AwsLookup r = find_aws_credentials(environment(home, {{"AWS_DEFAULT_REGION", "ap-south-1"}}));
    CHECK(r.region == "ap-south-1");
    CHECK(r.region_source == "AWS_DEFAULT_REGION");
    CHECK(r.credentials.access_key_id == kKeyId);
  }
}

TEST_CASE("AWS: the default profile of ~/.aws/credentials, with the region of ~/.aws/config") {
  const ptl::testing::TempDir home;
  const auto credentials = home.write(".aws/credentials", static_keys("default") + "aws_session_token = " + kSession + "\n" +
                                                              static_keys("dev"));
  const auto config = home.write(".aws/config", "[default]\nregion = eu-west-3\n[profile dev]\nregion = us-west-1\n");
  const AwsLookup found = find_aws_credentials(environment(home));
  CHECK(found.error.empty());
  CHECK(found.missing.empty());
  CHECK(found.credentials.access_key_id == kKeyId);
  CHECK(found.credentials.secret_access_key == kSecret);
  CHECK(found.credentials.session_token == kSession);
  CHECK(found.credentials_source == "the AWS profile `default` in " + credentials.string());
  CHECK(found.region == "eu-west-3");
  CHECK(found.region_source == "the AWS profile `default` in " + config.string());
  check_says_no_value(found);

  SUBCASE("AWS_PROFILE picks another profile, in both files") {
    const AwsLookup dev = find_aws_credentials(environment(home, {{"AWS_PROFILE", "dev"}}));
    CHECK(dev.credentials_source == "the AWS profile `dev` in " + credentials.string());
    CHECK(dev.credentials.session_token.empty());
    CHECK(dev.region == "us-west-1");
  }
  SUBCASE("AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE move the files (~/ is HOME)") {
    const auto other = home.write("elsewhere/creds", static_keys("default"));
    home.write("elsewhere/conf", "[default]\nregion = sa-east-1\n");
    const AwsLookup moved = find_aws_credentials(environment(
        home, {{"AWS_SHARED_CREDENTIALS_FILE", other.string()}, {"AWS_CONFIG_FILE", "~/elsewhere/conf"}}));
    CHECK(moved.credentials_source == "the AWS profile `default` in " + other.string());
    CHECK(moved.credentials.session_token.empty());
    CHECK(moved.region == "sa-east-1");
  }
}

TEST_CASE("AWS: the keys may sit in the config file, and the credentials file wins setting by setting") {
  const ptl::testing::TempDir home;
  const auto config = home.write(".aws/config", "[profile ops]\nregion = eu-north-1\n" + std::string("aws_access_key_id = ") +
                                                    kKeyId + "\naws_secret_access_key = old-one\n");
  SUBCASE("only the config file") {
    const AwsLookup found = find_aws_credentials(environment(home, {{"AWS_PROFILE", "ops"}}));
    CHECK(found.error.empty());
    CHECK(found.credentials_source == "the AWS profile `ops` in " + config.string());
    CHECK(found.credentials.secret_access_key == "old-one");
    CHECK(found.region == "eu-north-1");
  }
  SUBCASE("the credentials file overrides the secret") {
    home.write(".aws/credentials", std::string("[ops]\naws_secret_access_key = ") + kSecret + "\n");
    const AwsLookup found = find_aws_credentials(environment(home, {{"AWS_PROFILE", "ops"}}));
    CHECK(found.error.empty());
    CHECK(found.credentials.access_key_id == kKeyId);
    CHECK(found.credentials.secret_access_key == kSecret);
    CHECK(found.credentials_source == "the AWS profile `ops` in " + config.string());  // where the key id is
  }
}

TEST_CASE("AWS: a profile of another kind is refused by name, with what to do instead") {
  const ptl::testing::TempDir home;
  const auto config = home.write(
      ".aws/config",
      "[profile sso]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Admin\nregion = us-east-1\n"
      "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n"
      "[profile proc]\ncredential_process = /usr/bin/creds --secret\n"
      "[profile role]\nrole_arn = arn:aws:iam::111122223333:role/deploy\nsource_profile = default\n");
  home.write(".aws/credentials", static_keys("default") + "[role]\n");
  struct Row {
    const char* profile;
    const char* setting;
  };
  for (const Row row : {Row{"sso", "sso_account_id"}, Row{"proc", "credential_process"}, Row{"role", "role_arn"}}) {
    CAPTURE(row.profile);
    const AwsLookup found = find_aws_credentials(environment(home, {{"AWS_PROFILE", row.profile}}));
    CHECK(found.credentials.access_key_id.empty());
    CHECK(found.error == "the AWS profile `" + std::string(row.profile) + "` uses " + row.setting + " (in " +
                             config.string() +
                             "), which is not supported: set AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and "
                             "AWS_SESSION_TOKEN instead (the AWS CLI prints them: `aws configure export-credentials "
                             "--profile " + row.profile + " --format env`)");
    CHECK_FALSE(contains(found.error, "--secret"));
  }
}

TEST_CASE("AWS: nothing found lists where it looked; half a key pair and bad values name the file, not the value") {
  const ptl::testing::TempDir home;
  const std::string credentials = (home.path() / ".aws/credentials").string();
  const std::string config = (home.path() / ".aws/config").string();

  SUBCASE("no files") {
    const AwsLookup found = find_aws_credentials(environment(home));
    CHECK(found.missing == std::vector<std::string>{"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                                                    "AWS_REGION (nor AWS_DEFAULT_REGION)"});
    CHECK(found.looked_at ==
          std::vector<std::string>{"the AWS profile `default` is neither in " + credentials + " (it does not exist) nor in " +
                                       config + " (it does not exist)",
                                   "instance roles (IMDS) are not supported",
                                   "no region from " + config + " (it does not exist)"});
  }
  SUBCASE("the files exist but hold another profile") {
    home.write(".aws/credentials", static_keys("dev"));
    home.write(".aws/config", "[profile dev]\nregion = eu-west-1\n");
    const AwsLookup found = find_aws_credentials(environment(home));
    CHECK(found.looked_at.at(0) == "the AWS profile `default` is neither in " + credentials + " nor in " + config);
    CHECK(found.looked_at.at(2) == "the AWS profile `default` is not in " + config + " for a region");
    check_says_no_value(found);
  }
  SUBCASE("a profile without keys or region") {
    home.write(".aws/config", "[default]\noutput = json\n");
    const AwsLookup found = find_aws_credentials(environment(home));
    CHECK(found.looked_at.at(0) == "the AWS profile `default` has no aws_access_key_id in " + credentials +
                                       " (it does not exist) nor in " + config);
    CHECK(found.looked_at.at(2) == "the AWS profile `default` in " + config + " has no region");
  }
  SUBCASE("half a key pair") {
    home.write(".aws/credentials", std::string("[default]\naws_secret_access_key = ") + kSecret + "\n");
    const AwsLookup found = find_aws_credentials(environment(home));
    CHECK(found.error == "the AWS profile `default` in " + credentials + " has aws_secret_access_key but no aws_access_key_id");
    check_says_no_value(found);
  }
  SUBCASE("an empty secret") {
    home.write(".aws/credentials", std::string("[default]\naws_access_key_id = ") + kKeyId + "\naws_secret_access_key =\n");
    const AwsLookup found = find_aws_credentials(environment(home));
    CHECK(found.error == "the AWS profile `default` in " + credentials + ": aws_secret_access_key is empty or holds control "
                                                                         "characters");
    check_says_no_value(found);
  }
  SUBCASE("no home directory") {
    auto env = environment(home);
    env["HOME"] = "";
    const AwsLookup found = find_aws_credentials(env);
    CHECK(contains(all_said(found), "is neither in ~/.aws/credentials (HOME is not set) nor in ~/.aws/config (HOME is not set)"));
  }
}

// ---- Vault -------------------------------------------------------------------------------------

TEST_CASE("Vault: VAULT_TOKEN wins; else HOME/.vault-token, trimmed; an empty or absent file is named, not its content") {
  const ptl::testing::TempDir home;
  const std::string file = (home.path() / ".vault-token").string();
  const std::string where = file + " (where `vault login` keeps the token): ";

  SUBCASE("VAULT_TOKEN, even with a file") {
    home.write(".vault-token", "hvs.from-file");
    const VaultTokenLookup found = find_vault_token(environment(home, {{"VAULT_TOKEN", "hvs.from-env"}}));
    CHECK(found.token == "hvs.from-env");
    CHECK(found.source == "VAULT_TOKEN");
  }
  SUBCASE("the file, with whitespace around the token") {
    home.write(".vault-token", " \t hvs.CAESIfile-token\r\n\n");
    const VaultTokenLookup found = find_vault_token(environment(home));
    CHECK(found.token == "hvs.CAESIfile-token");
    CHECK(found.source == file + " (the Vault CLI's token)");
    CHECK(found.looked_at.empty());
  }
  struct Row {
    const char* content;  // nullptr: no file
    const char* problem;
  };
  const std::vector<Row> rows = {
      {nullptr, "it does not exist"},
      {"", "it is empty"},
      {" \n\t\n", "it is empty"},
      {"hvs.secret-part\nsecond-line", "it holds control characters, not a token"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.problem);
    const ptl::testing::TempDir dir;
    if (row.content != nullptr) dir.write(".vault-token", row.content);
    const VaultTokenLookup found = find_vault_token(environment(dir));
    CHECK(found.token.empty());
    CHECK(found.source.empty());
    CHECK(found.looked_at ==
          (dir.path() / ".vault-token").string() + " (where `vault login` keeps the token): " + row.problem);
    CHECK_FALSE(contains(found.looked_at, "secret-part"));
  }
  SUBCASE("a directory where the file should be cannot be read") {
    std::filesystem::create_directories(home.path() / ".vault-token");
    CHECK(find_vault_token(environment(home)).looked_at == where + "it cannot be read");
  }
  SUBCASE("no home directory") {
    auto env = environment(home);
    env["HOME"] = "";
    CHECK(find_vault_token(env).looked_at == "~/.vault-token (where `vault login` keeps the token): HOME is not set");
  }
}
