#pragma once

#include <string_view>

namespace ptl::remediation {

// The kinds of file the fixes know how to rewrite. Several YAML dialects are
// separate because each expands a different reference syntax.
enum class Language {
  TypeScript, JavaScript, Python, Go, CSharp, Java, Shell, DotEnv, DockerCompose,
  GitHubActions, GitLabCi, PulumiYaml, PulumiStackConfig, Yaml, Dockerfile, Hcl, PowerShell, Json, Markdown, PlainText,
  // Formats whose strings hold another language or a command line, each rewritten its own way:
  Notebook,           // Jupyter .ipynb: Python code cells as JSON strings
  MavenPom,           // pom.xml: Maven expands ${env.NAME}
  VsCodeSettings,     // .vscode/settings.json, launch.json, tasks.json, *.code-workspace: ${env:NAME}
  PackageJson,        // package.json: npm scripts are shell command lines
  PulumiCredentials,  // ~/.pulumi/credentials.json: the CLI's own login
};

// The language of a document from its LSP languageId ("typescript", "python",
// "shellscript", "terraform", ...) and its path (file path or URI path; may be
// empty). File-name rules win where they are more specific than the id:
// ".github/workflows/*.yml" is GitHubActions, ".gitlab-ci.yml" GitLabCi,
// "Pulumi.yaml" PulumiYaml, "Pulumi.<stack>.yaml" PulumiStackConfig (a stack's
// settings, not a program), "docker-compose*.yml" and
// "compose.yaml" DockerCompose, "Dockerfile*" Dockerfile, ".env*" DotEnv,
// "*.tf"/"*.hcl" Hcl, "*.ps1" PowerShell, "*.sh" Shell, "*.ipynb" Notebook,
// "pom.xml" MavenPom, ".vscode/{settings,launch,tasks}.json" and "*.code-workspace"
// VsCodeSettings, "package.json" PackageJson, ".pulumi/credentials.json" PulumiCredentials.
// Unknown ids and paths give PlainText. Never throws.
Language detect_language(std::string_view language_id, std::string_view path);

// Whether the language is a YAML dialect (Compose, GitHub Actions, GitLab CI, Pulumi YAML,
// Pulumi stack configuration, plain YAML).
bool is_yaml(Language language);

// A short human name ("TypeScript", "GitHub Actions", ...), for messages.
std::string_view language_name(Language language);

}  // namespace ptl::remediation
