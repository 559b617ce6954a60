#include "remediation/titles.h"

#include <fmt/format.h>

#include "remediation/lookup_snippets.h"
#include "remediation/remediation.h"

namespace ptl::remediation {

std::string fix_title(FixKind kind, Language language, const Names& names) {
  const std::string env = safe_env_var(names);
  switch (kind) {
    case FixKind::Environment:
      switch (language) {
        case Language::GitHubActions:
          return fmt::format("Use the repository secret {} (${{{{ secrets.{} }}}})", env, env);
        case Language::GitLabCi: return fmt::format("Use the masked CI/CD variable {} (${{{}}})", env, env);
        case Language::Dockerfile:
          return fmt::format("Pass it as a build secret (docker build --secret id={},env={})",
                             hcl_variable_name(names), env);
        case Language::Hcl:
          return fmt::format("Use the sensitive variable var.{} (set TF_VAR_{} in the environment)",
                             hcl_variable_name(names), hcl_variable_name(names));
        default: return fmt::format("Read it from the environment variable {}", env);
      }
    case FixKind::PulumiConfig:
      return fmt::format("Make it a Pulumi config secret (run: pulumi config set --secret {} <value>)",
                         names.config_key);
    case FixKind::AwsSecretsManager:
      return fmt::format("Read it from AWS Secrets Manager (secret {})", names.aws_secret_id);
    case FixKind::Vault:
      return fmt::format("Read it from HashiCorp Vault (KV v2 {}/{}, field {})", names.vault_mount, names.vault_path,
                         names.vault_field);
    case FixKind::Conjur: return fmt::format("Read it from CyberArk Conjur (variable {})", names.conjur_variable);
    case FixKind::Redact:
      return fmt::format("Redact the token (replace it with {}); it was exposed, so rotate it", kRedacted);
    case FixKind::Suppress: return fmt::format("Ignore this token on this line ({})", kIgnoreMarker);
    case FixKind::RecreateSecret:
      return "Take the value out of this Secret (create the Secret with kubectl create secret generic "
             "--from-env-file)";
  }
  return {};
}

std::string recreate_secret_title(std::string_view key, std::string_view name) {
  return fmt::format("Take {} out of this Secret (then: kubectl create secret generic {} --from-env-file=...)", key,
                     name);
}

std::string stack_config_title(std::string_view key, bool path) {
  return fmt::format("Remove the plain-text value (then run: pulumi config set --secret {}{} <value>)",
                     path ? "--path " : "", key);
}

std::string pulumi_yaml_default_title(std::string_view key) {
  return fmt::format("Declare it secret, without a value (then run: pulumi config set --secret {} <value>)", key);
}

std::string package_script_title(std::string_view env_var) {
  return fmt::format("Drop the inline {0}=...: the Pulumi CLI reads {0} from the environment", env_var);
}

}  // namespace ptl::remediation
