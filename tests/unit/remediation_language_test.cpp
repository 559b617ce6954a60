#include "remediation/language.h"

#include <doctest/doctest.h>

#include <string>

using ptl::remediation::detect_language;
using ptl::remediation::Language;

TEST_CASE("detect_language prefers the more specific file name rule over the languageId") {
  struct Row {
    std::string id, path;
    Language expected;
  };
  const Row rows[] = {
      {"yaml", "/repo/.github/workflows/deploy.yml", Language::GitHubActions},
      {"yaml", "/repo/.gitlab-ci.yml", Language::GitLabCi},
      {"yaml", "/repo/Pulumi.yaml", Language::PulumiYaml},
      {"yaml", "/repo/Pulumi.dev.yaml", Language::PulumiStackConfig},
      {"yaml", "/repo/Pulumi.prod.yml", Language::PulumiStackConfig},
      {"", "C:\\repo\\PULUMI.YML", Language::PulumiYaml},
      {"yaml", "/repo/docker-compose.override.yml", Language::DockerCompose},
      {"yaml", "/repo/compose.yaml", Language::DockerCompose},
      {"yaml", "/repo/k8s/secret.yaml", Language::Yaml},
      {"plaintext", "/repo/Dockerfile.dev", Language::Dockerfile},
      {"plaintext", "/repo/.env.local", Language::DotEnv},
      {"plaintext", "/repo/main.tf", Language::Hcl},
      {"plaintext", "/repo/deploy.ps1", Language::PowerShell},
      {"plaintext", "/repo/deploy.sh", Language::Shell},
      {"typescript", "/repo/index.ts", Language::TypeScript},
      {"javascriptreact", "", Language::JavaScript},
      {"python", "", Language::Python},
      {"go", "", Language::Go},
      {"csharp", "", Language::CSharp},
      {"java", "", Language::Java},
      {"shellscript", "", Language::Shell},
      {"terraform", "", Language::Hcl},
      {"json", "", Language::Json},
      {"markdown", "", Language::Markdown},
      {"", "/repo/app.py", Language::Python},
      {"something-else", "", Language::PlainText},
      {"", "", Language::PlainText},
  };
  for (const auto& row : rows) {
    CAPTURE(row.id);
    CAPTURE(row.path);
    CHECK(detect_language(row.id, row.path) == row.expected);
  }
}

TEST_CASE("every language has a human name") {
  CHECK(ptl::remediation::language_name(Language::GitHubActions) == "GitHub Actions");
  CHECK(ptl::remediation::language_name(Language::CSharp) == "C#");
}
