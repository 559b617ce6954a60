#pragma once
// Server settings: defaults, and how client JSON (initializationOptions, the pulumiTokenLsp
// section of workspace/configuration, workspace/didChangeConfiguration) updates them.

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scan/project_config.h"

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
  // Diagnostics for the workspace's files that are not open (workspace_diagnostics.h).
  bool workspace_diagnostics = true;                     // "workspaceDiagnostics": "on" | "off"
  std::size_t workspace_max_files = 100000;              // "workspaceMaxFiles": files scanned at most
  std::size_t workspace_max_bytes = std::size_t{2} << 30;  // "workspaceMaxBytes": bytes read at most
  // "historyCheck": read each workspace repository's git history (off the server's thread) and
  // say when a token is already committed.
  bool history_check = true;
  // Opt-in verification against the Pulumi API (live_checks.h): "verify": "off" (default) | "on";
  // "verifyBackend": the API's URL (empty: PULUMI_BACKEND_URL, else https://api.pulumi.com);
  // "verifyTimeout": seconds per request.
  bool verify = false;
  std::string verify_backend;
  std::size_t verify_timeout_seconds = 10;
  // Whether the client itself set "severity" / "placeholders" (apply_settings): only those keys
  // of the client's override a project config file.
  bool severity_from_client = false;
  bool placeholders_from_client = false;
};

// Applies the members of `section` that it recognises; a member of the wrong type or value is
// left at its current setting and described in the returned warnings. Never throws.
std::vector<std::string> apply_settings(Settings& s, const nlohmann::json& section);

// The settings for documents under a project config file (.pulumi-token-lsp.json): its
// "severity" and "placeholders" replace those of `client` unless the client set them itself.
// Precedence, lowest first: the defaults (and --placeholders), the file, the client's settings.
Settings with_project_config(const Settings& client, const scan::ProjectConfig& config);

std::string_view severity_name(Severity s);
// "error" | "warning" | "information" | "hint"; false (and `out` unchanged) on anything else.
bool parse_severity(std::string_view name, Severity& out);

}  // namespace ptl::server
