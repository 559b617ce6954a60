#include "remediation/language.h"

#include <array>
#include <string>

namespace ptl::remediation {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }

std::string_view base_name(std::string_view path) {
  const auto slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool is_yaml_name(std::string_view name) { return ends_with(name, ".yml") || ends_with(name, ".yaml"); }

// File-name rules, checked before the languageId because they are more specific
// (a workflow file arrives as plain "yaml").
bool from_path(std::string_view path, Language& out) {
  const std::string p = lower(path);
  const std::string_view name = base_name(p);
  if (name.empty()) return false;
  if (is_yaml_name(name)) {
    if (p.find(".github/workflows/") != std::string::npos) return out = Language::GitHubActions, true;
    if (name.starts_with(".gitlab-ci")) return out = Language::GitLabCi, true;
    if (name == "pulumi.yaml" || name == "pulumi.yml") return out = Language::PulumiYaml, true;
    if (name.starts_with("pulumi.")) return out = Language::PulumiStackConfig, true;
    if (name.starts_with("docker-compose") || name.starts_with("compose.")) {
      return out = Language::DockerCompose, true;
    }
    return false;
  }
  if (ends_with(name, ".ipynb")) return out = Language::Notebook, true;
  if (name == "pom.xml") return out = Language::MavenPom, true;
  if (name == "package.json") return out = Language::PackageJson, true;
  if (ends_with(name, ".code-workspace") ||
      (p.find(".vscode/") != std::string::npos &&
       (name == "settings.json" || name == "launch.json" || name == "tasks.json"))) {
    return out = Language::VsCodeSettings, true;
  }
  if (name == "credentials.json" && p.find(".pulumi/") != std::string::npos) return out = Language::PulumiCredentials, true;
  if (name.starts_with("dockerfile") || ends_with(name, ".dockerfile") || name == "containerfile") {
    return out = Language::Dockerfile, true;
  }
  if (name == ".env" || name.starts_with(".env.") || ends_with(name, ".env")) return out = Language::DotEnv, true;
  if (ends_with(name, ".tf") || ends_with(name, ".hcl") || ends_with(name, ".tfvars")) {
    return out = Language::Hcl, true;
  }
  if (ends_with(name, ".ps1") || ends_with(name, ".psm1")) return out = Language::PowerShell, true;
  if (ends_with(name, ".sh") || ends_with(name, ".bash") || ends_with(name, ".zsh")) {
    return out = Language::Shell, true;
  }
  return false;
}

struct IdRule {
  std::string_view id;
  Language language;
};

constexpr std::array kIdRules{
    IdRule{"typescript", Language::TypeScript},        IdRule{"typescriptreact", Language::TypeScript},
    IdRule{"javascript", Language::JavaScript},        IdRule{"javascriptreact", Language::JavaScript},
    IdRule{"python", Language::Python},                IdRule{"go", Language::Go},
    IdRule{"csharp", Language::CSharp},                IdRule{"java", Language::Java},
    IdRule{"shellscript", Language::Shell},            IdRule{"sh", Language::Shell},
    IdRule{"bash", Language::Shell},                   IdRule{"zsh", Language::Shell},
    IdRule{"dotenv", Language::DotEnv},                IdRule{"env", Language::DotEnv},
    IdRule{"dockercompose", Language::DockerCompose},  IdRule{"github-actions-workflow", Language::GitHubActions},
    IdRule{"yaml", Language::Yaml},                    IdRule{"dockerfile", Language::Dockerfile},
    IdRule{"terraform", Language::Hcl},                IdRule{"hcl", Language::Hcl},
    IdRule{"terraform-vars", Language::Hcl},           IdRule{"powershell", Language::PowerShell},
    IdRule{"json", Language::Json},                    IdRule{"jsonc", Language::Json},
    IdRule{"markdown", Language::Markdown},            IdRule{"plaintext", Language::PlainText},
};

// Used when the id is unknown: the extension decides.
struct ExtensionRule {
  std::string_view extension;
  Language language;
};

constexpr std::array kExtensionRules{
    ExtensionRule{".ts", Language::TypeScript},  ExtensionRule{".tsx", Language::TypeScript},
    ExtensionRule{".mts", Language::TypeScript}, ExtensionRule{".js", Language::JavaScript},
    ExtensionRule{".mjs", Language::JavaScript}, ExtensionRule{".cjs", Language::JavaScript},
    ExtensionRule{".py", Language::Python},      ExtensionRule{".go", Language::Go},
    ExtensionRule{".cs", Language::CSharp},      ExtensionRule{".java", Language::Java},
    ExtensionRule{".yml", Language::Yaml},       ExtensionRule{".yaml", Language::Yaml},
    ExtensionRule{".json", Language::Json},      ExtensionRule{".md", Language::Markdown},
};

}  // namespace

Language detect_language(std::string_view language_id, std::string_view path) {
  Language by_path = Language::PlainText;
  if (from_path(path, by_path)) return by_path;
  const std::string id = lower(language_id);
  for (const auto& rule : kIdRules) {
    if (rule.id == id) return rule.language;
  }
  const std::string p = lower(base_name(path));
  for (const auto& rule : kExtensionRules) {
    if (ends_with(p, rule.extension)) return rule.language;
  }
  return Language::PlainText;
}

bool is_yaml(Language language) {
  switch (language) {
    case Language::DockerCompose:
    case Language::GitHubActions:
    case Language::GitLabCi:
    case Language::PulumiYaml:
    case Language::PulumiStackConfig:
    case Language::Yaml: return true;
    default: return false;
  }
}

std::string_view language_name(Language language) {
  switch (language) {
    case Language::TypeScript: return "TypeScript";
    case Language::JavaScript: return "JavaScript";
    case Language::Python: return "Python";
    case Language::Go: return "Go";
    case Language::CSharp: return "C#";
    case Language::Java: return "Java";
    case Language::Shell: return "shell script";
    case Language::DotEnv: return ".env file";
    case Language::DockerCompose: return "Docker Compose";
    case Language::GitHubActions: return "GitHub Actions";
    case Language::GitLabCi: return "GitLab CI";
    case Language::PulumiYaml: return "Pulumi YAML";
    case Language::PulumiStackConfig: return "Pulumi stack configuration";
    case Language::Yaml: return "YAML";
    case Language::Dockerfile: return "Dockerfile";
    case Language::Hcl: return "HCL";
    case Language::PowerShell: return "PowerShell";
    case Language::Json: return "JSON";
    case Language::Markdown: return "Markdown";
    case Language::PlainText: return "plain text";
    case Language::Notebook: return "Jupyter notebook";
    case Language::MavenPom: return "Maven POM";
    case Language::VsCodeSettings: return "VS Code settings";
    case Language::PackageJson: return "package.json";
    case Language::PulumiCredentials: return "Pulumi CLI credentials";
  }
  return "plain text";
}

}  // namespace ptl::remediation
