#include "server/settings.h"

namespace ptl::server {
namespace {

using nlohmann::json;

void take_string(const json& j, const char* key, std::string& out, std::vector<std::string>& warnings,
                 const std::string& prefix = "") {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return;
  if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
    warnings.push_back(prefix + key + ": expected a non-empty string; setting ignored");
    return;
  }
  out = it->get<std::string>();
}

void take_size(const json& j, const char* key, std::size_t& out, std::vector<std::string>& warnings) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return;
  if (!it->is_number_unsigned() && !(it->is_number_integer() && it->get<long long>() > 0)) {
    warnings.push_back(std::string(key) + ": expected a positive integer; setting ignored");
    return;
  }
  out = it->get<std::size_t>();
}

void take_bool(const json& j, const char* key, bool& out, std::vector<std::string>& warnings) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return;
  if (!it->is_boolean()) {
    warnings.push_back(std::string(key) + ": expected true or false; setting ignored");
    return;
  }
  out = it->get<bool>();
}

// "on" | "off".
void take_on_off(const json& j, const char* key, bool& out, std::vector<std::string>& warnings) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return;
  const std::string v = it->is_string() ? it->get<std::string>() : "";
  if (v == "on" || v == "off") out = v == "on";
  else warnings.push_back(std::string(key) + ": expected \"on\" or \"off\"; setting ignored");
}

}  // namespace

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Information: return "information";
    case Severity::Hint: return "hint";
  }
  return "error";
}

bool parse_severity(std::string_view name, Severity& out) {
  for (Severity s : {Severity::Error, Severity::Warning, Severity::Information, Severity::Hint}) {
    if (severity_name(s) == name) {
      out = s;
      return true;
    }
  }
  return false;
}

Settings with_project_config(const Settings& client, const scan::ProjectConfig& config) {
  Settings s = client;
  if (config.severity && !client.severity_from_client) parse_severity(*config.severity, s.severity);
  if (config.report_placeholders && !client.placeholders_from_client) s.report_placeholders = *config.report_placeholders;
  return s;
}

std::vector<std::string> apply_settings(Settings& s, const json& section) {
  std::vector<std::string> warnings;
  if (section.is_null()) return warnings;
  if (!section.is_object()) {
    warnings.push_back("pulumiTokenLsp: expected an object; settings unchanged");
    return warnings;
  }
  if (auto it = section.find("severity"); it != section.end() && !it->is_null()) {
    if (it->is_string() && parse_severity(it->get_ref<const std::string&>(), s.severity))
      s.severity_from_client = true;
    else
      warnings.push_back("severity: expected \"error\", \"warning\", \"information\" or \"hint\"; setting ignored");
  }
  if (auto it = section.find("placeholders"); it != section.end() && !it->is_null()) {
    std::string v = it->is_string() ? it->get<std::string>() : "";
    if (v == "hint") s.report_placeholders = true;
    else if (v == "off") s.report_placeholders = false;
    else warnings.push_back("placeholders: expected \"hint\" or \"off\"; setting ignored");
    if (v == "hint" || v == "off") s.placeholders_from_client = true;
  }
  take_string(section, "environmentVariable", s.env_var, warnings);
  take_string(section, "configKey", s.config_key, warnings);
  take_string(section, "awsSecretId", s.aws_secret_id, warnings);
  take_string(section, "conjurVariable", s.conjur_variable, warnings);
  take_string(section, "consoleUrl", s.console_url, warnings);
  if (auto v = section.find("vault"); v != section.end() && v->is_object()) {
    take_string(*v, "mount", s.vault_mount, warnings, "vault.");
    take_string(*v, "path", s.vault_path, warnings, "vault.");
    take_string(*v, "field", s.vault_field, warnings, "vault.");
  }
  take_size(section, "maxFindingsPerDocument", s.max_findings, warnings);
  take_size(section, "maxDocumentSize", s.max_document_bytes, warnings);
  take_on_off(section, "workspaceDiagnostics", s.workspace_diagnostics, warnings);
  take_size(section, "workspaceMaxFiles", s.workspace_max_files, warnings);
  take_size(section, "workspaceMaxBytes", s.workspace_max_bytes, warnings);
  take_bool(section, "historyCheck", s.history_check, warnings);
  take_on_off(section, "verify", s.verify, warnings);
  take_string(section, "verifyBackend", s.verify_backend, warnings);
  take_size(section, "verifyTimeout", s.verify_timeout_seconds, warnings);
  return warnings;
}

}  // namespace ptl::server
