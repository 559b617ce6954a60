#include "verify/store_credentials.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "verify/pulumi_tokens.h"

namespace ptl::verify {

namespace {

constexpr std::string_view kBlanks = " \t";

std::string_view trim(std::string_view s, std::string_view blanks) {
  const std::size_t begin = s.find_first_not_of(blanks);
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(blanks) - begin + 1);
}

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool has_control_characters(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

// `line` up to its first '#' or ';' that follows a blank (`anywhere`: any '#' or ';').
std::string_view without_comment(std::string_view line, bool anywhere) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if ((line[i] == '#' || line[i] == ';') && (anywhere || (i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t')))) {
      return line.substr(0, i);
    }
  }
  return line;
}

// ---- reading the files -------------------------------------------------------------------------

// A credentials file as read: its path for messages, and its text or why there is none.
struct FileRead {
  std::string path;     // as shown in messages ("~/.vault-token" when there is no home directory)
  std::string problem;  // "" when read: "it does not exist", "it cannot be read", "HOME is not set"
  std::string text;

  FileRead() = default;
  FileRead(const FileRead&) = delete;
  FileRead& operator=(const FileRead&) = delete;
  ~FileRead() { wipe(text); }
};

std::optional<std::string> home_directory(const std::map<std::string, std::string>& environment) {
  return environment_value(environment, "HOME");
}

// The file `variable` names (a leading "~/" is the home directory), else `relative` in the home
// directory.
void read_file(const std::map<std::string, std::string>& environment, const char* variable, std::string_view relative,
               FileRead& file) {
  const std::optional<std::string> home = home_directory(environment);
  std::optional<std::string> named = variable != nullptr ? environment_value(environment, variable) : std::nullopt;
  std::filesystem::path path;
  if (named) {
    if (named->starts_with("~/")) {
      if (!home) {
        file.path = *named;
        file.problem = "HOME is not set";
        return;
      }
      path = std::filesystem::path(*home) / named->substr(2);
    } else {
      path = *named;
    }
  } else if (home) {
    path = std::filesystem::path(*home) / relative;
  } else {
    file.path = fmt::format("~/{}", relative);
    file.problem = "HOME is not set";
    return;
  }
  file.path = path.string();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    file.problem = "it does not exist";
    return;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path, ec)) {
    file.problem = "it cannot be read";
    return;
  }
  file.text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    wipe(file.text);
    file.problem = "it cannot be read";
  }
}

// "P (it does not exist)", or P when it was read.
std::string where(const FileRead& file) {
  return file.problem.empty() ? file.path : fmt::format("{} ({})", file.path, file.problem);
}

}  // namespace

// ---- the AWS shared files ----------------------------------------------------------------------

std::map<std::string, AwsProfile> parse_aws_profiles(std::string_view text, AwsFileKind kind) {
  std::map<std::string, AwsProfile> profiles;
  // `[profile default]` wins over `[default]` in the config file: kept apart until the end.
  AwsProfile prefixed_default;
  bool has_prefixed_default = false;
  AwsProfile* section = nullptr;  // the section being read; nullptr: none, or one that is skipped
  std::string* value = nullptr;   // the last property's value, for continuation lines
  std::size_t at = 0;
  while (at <= text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line, kBlanks).empty() || line.front() == '#' || line.front() == ';') continue;
    if (line.front() == ' ' || line.front() == '\t') {
      if (value != nullptr) {
        *value += '\n';
        *value += trim(without_comment(line, false), kBlanks);
      }
      continue;
    }
    value = nullptr;
    if (line.front() == '[') {
      section = nullptr;
      const std::string_view heading = without_comment(line, true);
      const std::size_t close = heading.find(']');
      if (close == std::string_view::npos) continue;
      const std::string_view inside = trim(heading.substr(1, close - 1), kBlanks);
      const std::size_t blank = inside.find_first_of(kBlanks);
      const std::string_view prefix = blank == std::string_view::npos ? std::string_view() : inside.substr(0, blank);
      const std::string_view name =
          blank == std::string_view::npos ? inside : trim(inside.substr(blank + 1), kBlanks);
      if (name.empty()) continue;
      if (kind == AwsFileKind::Credentials) {
        if (prefix.empty()) section = &profiles[std::string(name)];
      } else if (prefix == "profile" && name == "default") {
        section = &prefixed_default;
        has_prefixed_default = true;
      } else if (prefix == "profile" || (prefix.empty() && name == "default")) {
        section = &profiles[std::string(name)];
      }
      continue;
    }
    if (section == nullptr) continue;
    const std::string_view property = without_comment(line, false);
    const std::size_t equals = property.find('=');
    if (equals == std::string_view::npos) continue;
    const std::string_view key = trim(property.substr(0, equals), kBlanks);
    if (key.empty()) continue;
    std::string& slot = (*section)[lowercase(key)];
    wipe(slot);
    slot = std::string(trim(property.substr(equals + 1), kBlanks));
    value = &slot;
  }
  if (has_prefixed_default) {
    AwsProfile& plain = profiles["default"];
    for (auto& [key, v] : plain) wipe(v);
    plain = std::move(prefixed_default);
  }
  return profiles;
}

std::string unsupported_aws_profile_setting(const AwsProfile& profile) {
  for (const char* key : {"role_arn", "source_profile", "web_identity_token_file"}) {
    if (profile.contains(key)) return key;
  }
  for (const auto& [key, value] : profile) {
    if (key.starts_with("sso_")) return key;
  }
  if (profile.contains("credential_process") && !profile.contains("aws_access_key_id")) return "credential_process";
  return {};
}

// ---- Vault -------------------------------------------------------------------------------------

VaultTokenLookup find_vault_token(const std::map<std::string, std::string>& environment) {
  VaultTokenLookup out;
  if (auto token = environment_value(environment, "VAULT_TOKEN")) {
    out.token = std::move(*token);
    out.source = "VAULT_TOKEN";
    wipe(*token);
    return out;
  }
  FileRead file;
  read_file(environment, nullptr, ".vault-token", file);
  const std::string_view token = trim(file.text, " \t\r\n\f\v");
  std::string problem = file.problem;
  if (problem.empty() && token.empty()) problem = "it is empty";
  if (problem.empty() && has_control_characters(token)) problem = "it holds control characters, not a token";
  if (!problem.empty()) {
    out.looked_at = fmt::format("{} (where `vault login` keeps the token): {}", file.path, problem);
    return out;
  }
  out.token = std::string(token);
  out.source = fmt::format("{} (the Vault CLI's token)", file.path);
  return out;
}

// ---- AWS ---------------------------------------------------------------------------------------

AwsLookup find_aws_credentials(const std::map<std::string, std::string>& environment) {
  AwsLookup out;
  std::optional<std::string> id = environment_value(environment, "AWS_ACCESS_KEY_ID");
  std::optional<std::string> secret = environment_value(environment, "AWS_SECRET_ACCESS_KEY");
  const bool from_environment = id || secret;
  if (from_environment) {
    if (!id) out.missing.emplace_back("AWS_ACCESS_KEY_ID");
    if (!secret) out.missing.emplace_back("AWS_SECRET_ACCESS_KEY");
    if (id && secret) {
      out.credentials.access_key_id = std::move(*id);
      out.credentials.secret_access_key = std::move(*secret);
      out.credentials.session_token = environment_value(environment, "AWS_SESSION_TOKEN").value_or("");
      out.credentials_source = "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";
    }
    if (secret) wipe(*secret);
  }
  for (const char* variable : {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
    if (auto region = environment_value(environment, variable); region && out.region.empty()) {
      out.region = std::move(*region);
      out.region_source = variable;
    }
  }
  if (from_environment && !out.region.empty()) return out;

  // The shared files, read only now that the environment is not enough.
  const std::string profile_name = environment_value(environment, "AWS_PROFILE").value_or("default");
  FileRead credentials_file, config_file;
  read_file(environment, "AWS_SHARED_CREDENTIALS_FILE", ".aws/credentials", credentials_file);
  read_file(environment, "AWS_CONFIG_FILE", ".aws/config", config_file);
  auto in_credentials = parse_aws_profiles(credentials_file.text, AwsFileKind::Credentials);
  auto in_config = parse_aws_profiles(config_file.text, AwsFileKind::Config);
  const auto credentials_it = in_credentials.find(profile_name);
  const auto config_it = in_config.find(profile_name);
  const AwsProfile* from_credentials = credentials_it != in_credentials.end() ? &credentials_it->second : nullptr;
  const AwsProfile* from_config = config_it != in_config.end() ? &config_it->second : nullptr;
  const std::string profile = fmt::format("the AWS profile `{}`", profile_name);
  const auto wipe_all = [&] {
    for (auto* profiles : {&in_credentials, &in_config}) {
      for (auto& [name, settings] : *profiles) {
        for (auto& [key, v] : settings) wipe(v);
      }
    }
  };

  if (!from_environment) {
    // The credentials file wins over the config file, setting by setting.
    AwsProfile merged;
    if (from_config != nullptr) merged = *from_config;
    if (from_credentials != nullptr) {
      for (const auto& [key, v] : *from_credentials) merged[key] = v;
    }
    const auto setting_file = [&](const std::string& key) -> const FileRead& {
      return from_credentials != nullptr && from_credentials->contains(key) ? credentials_file : config_file;
    };
    const std::string unsupported = unsupported_aws_profile_setting(merged);
    const bool has_id = merged.contains("aws_access_key_id");
    const bool has_secret = merged.contains("aws_secret_access_key");
    if (!unsupported.empty()) {
      out.error = fmt::format("{} uses {} (in {}), which is not supported: set AWS_ACCESS_KEY_ID, "
                              "AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN instead (the AWS CLI prints them: `aws "
                              "configure export-credentials --profile {} --format env`)",
                              profile, unsupported, setting_file(unsupported).path, profile_name);
    } else if (has_id != has_secret) {
      out.error = fmt::format("{} in {} has {} but no {}", profile,
                              setting_file(has_id ? "aws_access_key_id" : "aws_secret_access_key").path,
                              has_id ? "aws_access_key_id" : "aws_secret_access_key",
                              has_id ? "aws_secret_access_key" : "aws_access_key_id");
    } else if (has_id) {
      for (const char* key : {"aws_access_key_id", "aws_secret_access_key", "aws_session_token"}) {
        const auto it = merged.find(key);
        if (it != merged.end() && (it->second.empty() || has_control_characters(it->second))) {
          out.error = fmt::format("{} in {}: {} is empty or holds control characters", profile, setting_file(key).path, key);
          break;
        }
      }
      if (out.error.empty()) {
        out.credentials.access_key_id = merged["aws_access_key_id"];
        out.credentials.secret_access_key = merged["aws_secret_access_key"];
        if (const auto it = merged.find("aws_session_token"); it != merged.end()) {
          out.credentials.session_token = it->second;
        }
        out.credentials_source = fmt::format("{} in {}", profile, setting_file("aws_access_key_id").path);
      }
    } else {
      out.missing.emplace_back("AWS_ACCESS_KEY_ID");
      out.missing.emplace_back("AWS_SECRET_ACCESS_KEY");
      if (from_credentials == nullptr && from_config == nullptr) {
        out.looked_at.push_back(fmt::format("{} is neither in {} nor in {}", profile, where(credentials_file),
                                            where(config_file)));
      } else {
        out.looked_at.push_back(fmt::format("{} has no aws_access_key_id in {} nor in {}", profile,
                                            where(credentials_file), where(config_file)));
      }
      out.looked_at.emplace_back("instance roles (IMDS) are not supported");
    }
    for (auto& [key, v] : merged) wipe(v);
  }

  if (out.region.empty() && out.error.empty()) {
    if (from_config != nullptr && from_config->contains("region")) {
      out.region = from_config->at("region");
      out.region_source = fmt::format("{} in {}", profile, config_file.path);
    } else {
      out.missing.emplace_back("AWS_REGION (nor AWS_DEFAULT_REGION)");
      if (!config_file.problem.empty()) {
        out.looked_at.push_back(fmt::format("no region from {}", where(config_file)));
      } else if (from_config == nullptr) {
        out.looked_at.push_back(fmt::format("{} is not in {} for a region", profile, config_file.path));
      } else {
        out.looked_at.push_back(fmt::format("{} in {} has no region", profile, config_file.path));
      }
    }
  }
  wipe_all();
  return out;
}

}  // namespace ptl::verify
