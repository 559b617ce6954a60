#pragma once
// Server settings: defaults, and how client JSON (initializationOptions, the pulumiTokenLsp
// section of workspace/configuration, workspace/didChangeConfiguration) updates them.

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ptl::server {

enum class Severity { Error = 1, Warning = 2, Information = 3, Hint = 4 };

struct Settings {
  Severity severity = Severity::Error;   // "severity": "error" | "warning" | "information" | "hint"
  bool report_placeholders = true;       // "placeholders": "hint" (default) | "off"
  std::string env_var = "PULUMI_ACCESS_TOKEN";     // "environmentVariable"
  std::string config_key = "pulumiAccessToken";    // "configKey"
  std::string aws_secret_id = "pulumi-access-token";  // "awsSecretId"
  std::string vault_mount = "secret";    // "vault.mount"
  std::string vault_path = "pulumi";     // "vault.path"
  std::string vault_field = "api_key";   // "vault.field"
  std::string conjur_variable = "pulumi/access-token";  // "conjurVariable"
  std::string console_url = "https://app.pulumi.com";   // "consoleUrl" (self-hosted backends)
  std::size_t max_findings = 1000;       // "maxFindingsPerDocument"
  std::size_t max_document_bytes = std::size_t{512} << 20;  // "maxDocumentSize"
};

// Applies the members of `section` that it recognises; a member of the wrong type or value is
// left at its current setting and described in the returned warnings. Never throws.
std::vector<std::string> apply_settings(Settings& s, const nlohmann::json& section);

std::string_view severity_name(Severity s);

}  // namespace ptl::server
