// Fixes for tokens inside formats that hold another language or a command line: Jupyter
// notebooks, Maven POMs, VS Code settings, package.json scripts, the Pulumi CLI's credentials
// (issue 12, defect 7: these had no fix at all).
#include "remediation/remediation.h"

#include <doctest/doctest.h>

#include "tests/remediation/fix_harness.h"

using namespace ptl::remediation;
using namespace ptl::remediation::testing;

TEST_CASE("the file kinds are told by their names") {
  CHECK(detect_language("json", "/w/analysis.ipynb") == Language::Notebook);
  CHECK(detect_language("xml", "/w/pom.xml") == Language::MavenPom);
  CHECK(detect_language("jsonc", "/w/.vscode/settings.json") == Language::VsCodeSettings);
  CHECK(detect_language("json", "/w/.vscode/launch.json") == Language::VsCodeSettings);
  CHECK(detect_language("", "/w/app.code-workspace") == Language::VsCodeSettings);
  CHECK(detect_language("json", "/w/package.json") == Language::PackageJson);
  CHECK(detect_language("json", "/home/u/.pulumi/credentials.json") == Language::PulumiCredentials);
  CHECK(detect_language("json", "/w/settings.json") == Language::Json);
}

TEST_CASE("a token in a notebook code cell gets the Python fixes, JSON-escaped in the cell source") {
  const std::string nb = "{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [],\n"
                         "  \"source\": [\n    \"import json\\n\",\n    \"h = {\\\"t\\\": \\\"@T@\\\"}\\n\",\n"
                         "    \"print(h)\"\n  ]}], \"nbformat\": 4}\n";
  CHECK(fixed(nb, Language::Notebook, FixKind::Environment) ==
        "{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [],\n"
        "  \"source\": [\n    \"import json\\n\",\n    \"import os\\n\",\n"
        "    \"h = {\\\"t\\\": os.environ[\\\"PULUMI_ACCESS_TOKEN\\\"]}\\n\",\n    \"print(h)\"\n  ]}], \"nbformat\": 4}\n");
  // A source held as one string stays one string.
  CHECK(fixed("{\"cells\": [{\"cell_type\": \"code\", \"source\": \"t = '@T@'\\n\"}]}", Language::Notebook,
              FixKind::Environment) ==
        "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"import os\\nt = os.environ[\\\"PULUMI_ACCESS_TOKEN\\\"]\\n\"}]}");
  CHECK(kinds(nb, Language::Notebook).front() == FixKind::Environment);
}

TEST_CASE("a notebook fix edits only what changes, so it never copies another token of the cell") {
  // Regression: the first version rewrote the whole "source" array, and with it the bytes of a
  // second token in the same cell (the transcripts' secret-hygiene check caught it).
  const Doc d = make_doc("{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"a = '@T@'\\n\", \"b = '@T@'\\n\"]}]}");
  for (const Fix& f : fixes_for(d.text, d.tokens[0].first, d.tokens[0].second, Language::Notebook, Names{})) {
    CAPTURE(f.title);
    for (const TextEdit& e : f.edits) {
      CHECK(e.new_text.find(d.values[1]) == std::string::npos);
      CHECK(e.new_text.find(d.values[0]) == std::string::npos);
    }
  }
}

TEST_CASE("a token in a notebook output or Markdown cell is redacted") {
  const std::string out = "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"print(1)\"],\n"
                          " \"outputs\": [{\"text\": [\"token @T@\\n\"]}]}]}";
  CHECK(kinds(out, Language::Notebook) == std::vector<FixKind>{FixKind::Redact});
  CHECK(fixed("{\"cells\": [{\"cell_type\": \"markdown\", \"source\": [\"Token `@T@`\"]}]}", Language::Notebook,
              FixKind::Redact) == "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": [\"Token `pul-<your-token>`\"]}]}");
}

TEST_CASE("a helper another notebook cell defines is not defined again") {
  const std::string nb = "{\"cells\": [\n"
                         "{\"cell_type\": \"code\", \"source\": [\"def pulumi_access_token_from_aws() -> str:\\n\", "
                         "\"    return ''\\n\"]},\n"
                         "{\"cell_type\": \"code\", \"source\": [\"t = '@T@'\\n\"]}]}";
  const std::string out = fixed(nb, Language::Notebook, FixKind::AwsSecretsManager);
  CHECK(count(out, "def pulumi_access_token_from_aws()") == 1);
  CHECK(out.find("t = pulumi_access_token_from_aws()") != std::string::npos);
}

TEST_CASE("a Maven POM reads the token through ${env.NAME}, and a comment is redacted") {
  check_rows({
      {"<project><properties><t>@T@</t></properties></project>\n", Language::MavenPom, FixKind::Environment,
       "<project><properties><t>${env.PULUMI_ACCESS_TOKEN}</t></properties></project>\n"},
      {"<project><!-- old @T@ --></project>\n", Language::MavenPom, FixKind::Redact,
       "<project><!-- old pul-<your-token> --></project>\n"},
  });
}

TEST_CASE("VS Code settings and launch configurations read the token through ${env:NAME}") {
  check_rows({
      {"{\n  \"terminal.integrated.env.linux\": { \"PULUMI_ACCESS_TOKEN\": \"@T@\" }\n}\n", Language::VsCodeSettings,
       FixKind::Environment,
       "{\n  \"terminal.integrated.env.linux\": { \"PULUMI_ACCESS_TOKEN\": \"${env:PULUMI_ACCESS_TOKEN}\" }\n}\n"},
  });
}

TEST_CASE("a package.json script drops an inline assignment the CLI reads anyway, and quotes other uses") {
  check_rows({
      {"{\n  \"scripts\": {\n    \"up\": \"PULUMI_ACCESS_TOKEN=@T@ pulumi up\"\n  }\n}\n", Language::PackageJson,
       FixKind::Environment, "{\n  \"scripts\": {\n    \"up\": \"pulumi up\"\n  }\n}\n"},
      {"{\n  \"scripts\": {\n    \"who\": \"curl -H 'token @T@' x\"\n  }\n}\n", Language::PackageJson,
       FixKind::Environment,
       "{\n  \"scripts\": {\n    \"who\": \"curl -H 'token '\\\"${PULUMI_ACCESS_TOKEN}\\\"'' x\"\n  }\n}\n"},
  });
  // Outside scripts there is no command line to read the environment.
  CHECK(kinds("{\n  \"config\": {\n    \"t\": \"@T@\"\n  }\n}\n", Language::PackageJson).empty());
}

TEST_CASE("the Pulumi CLI's credentials file gets no edit, and the diagnostic says pulumi logout") {
  CHECK(kinds("{\"accessTokens\": {\"https://api.pulumi.com\": \"@T@\"}}\n", Language::PulumiCredentials).empty());
  CHECK(std::string(environment_note(Language::PulumiCredentials)).find("pulumi logout") != std::string::npos);
}
