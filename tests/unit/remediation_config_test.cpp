// Expected rewrites in shell scripts, .env files, YAML dialects, Dockerfiles,
// HCL and PowerShell.
#include "remediation/remediation.h"

#include <doctest/doctest.h>

#include "tests/remediation/fix_harness.h"

using namespace ptl::remediation;
using namespace ptl::remediation::testing;


TEST_CASE("shell references follow the quoting around the token") {
  check_rows({
      {"export T=@T@\n", Language::Shell, FixKind::Environment, "export T=\"${PULUMI_ACCESS_TOKEN}\"\n"},
      {"curl -H \"token @T@\" x\n", Language::Shell, FixKind::Environment, "curl -H \"token ${PULUMI_ACCESS_TOKEN}\" x\n"},
      {"echo 'token=@T@'\n", Language::Shell, FixKind::Environment, "echo 'token='\"${PULUMI_ACCESS_TOKEN}\"''\n"},
      {"T='@T@'\n", Language::Shell, FixKind::Environment, "T=\"${PULUMI_ACCESS_TOKEN}\"\n"},
      {"cat <<EOF\ntoken @T@\nEOF\n", Language::Shell, FixKind::Environment, "cat <<EOF\ntoken ${PULUMI_ACCESS_TOKEN}\nEOF\n"},
      {"T=@T@\n", Language::Shell, FixKind::AwsSecretsManager,
       "T=\"$(aws secretsmanager get-secret-value --secret-id pulumi-access-token --query SecretString --output text)\"\n"},
      {"T=@T@\n", Language::Shell, FixKind::Vault, "T=\"$(vault kv get -mount=secret -field=api_key pulumi)\"\n"},
  });
}

TEST_CASE("dotenv, compose, actions and gitlab use the reference their tool expands") {
  check_rows({
      {"PULUMI_ACCESS_TOKEN=@T@\n", Language::DotEnv, FixKind::Environment, "PULUMI_ACCESS_TOKEN=${PULUMI_ACCESS_TOKEN}\n"},
      {"URL='https://u:@T@@h'\n", Language::DotEnv, FixKind::Environment, "URL=\"https://u:${PULUMI_ACCESS_TOKEN}@h\"\n"},
      {"services:\n  a:\n    environment:\n      T: @T@\n", Language::DockerCompose, FixKind::Environment,
       "services:\n  a:\n    environment:\n      T: ${PULUMI_ACCESS_TOKEN}\n"},
      {"env:\n  PULUMI_ACCESS_TOKEN: @T@\n", Language::GitHubActions, FixKind::Environment,
       "env:\n  PULUMI_ACCESS_TOKEN: ${{ secrets.PULUMI_ACCESS_TOKEN }}\n"},
      {"variables:\n  T: \"@T@\"\n", Language::GitLabCi, FixKind::Environment, "variables:\n  T: \"${PULUMI_ACCESS_TOKEN}\"\n"},
  });
}

TEST_CASE("pulumi yaml uses a config secret declared once instead of the environment") {
  CHECK(kinds("resources:\n  a:\n    properties:\n      t: @T@\n", Language::PulumiYaml) ==
        std::vector<FixKind>{FixKind::PulumiConfig, FixKind::Suppress});
  check_rows({
      {"name: x\nresources:\n  a:\n    properties:\n      t: @T@\n", Language::PulumiYaml, FixKind::PulumiConfig,
       "name: x\nresources:\n  a:\n    properties:\n      t: ${pulumiAccessToken}\n"
       "config:\n  pulumiAccessToken:\n    type: string\n    secret: true\n"},
      {"config:\n  region: us\nresources:\n  a:\n    properties:\n      t: @T@\n", Language::PulumiYaml,
       FixKind::PulumiConfig,
       "config:\n  pulumiAccessToken:\n    type: string\n    secret: true\n  region: us\nresources:\n  a:\n"
       "    properties:\n      t: ${pulumiAccessToken}\n"},
  });
  CHECK_FALSE(environment_note(Language::PulumiYaml).empty());
}

TEST_CASE("pulumi yaml config entries are added at the file's own indentation (regression: issue 12, defect 2)") {
  // The indentation was taken from the last line of the block (4 here), so the new entry was not
  // a sibling of the others and the file no longer loaded.
  check_rows({
      {"config:\n  region:\n    type: string\nresources:\n  a:\n    properties:\n      t: @T@\n",
       Language::PulumiYaml, FixKind::PulumiConfig,
       "config:\n  pulumiAccessToken:\n    type: string\n    secret: true\n  region:\n    type: string\n"
       "resources:\n  a:\n    properties:\n      t: ${pulumiAccessToken}\n"},
      {"resources:\n    a:\n        properties:\n            t: @T@\n", Language::PulumiYaml, FixKind::PulumiConfig,
       "resources:\n    a:\n        properties:\n            t: ${pulumiAccessToken}\n"
       "config:\n    pulumiAccessToken:\n        type: string\n        secret: true\n"},
  });
}

TEST_CASE("a token that is a pulumi yaml config value is removed and the entry declared secret") {
  // Regression (issue 12, defect 2): `default: ${pulumiAccessToken}` is not resolved by Pulumi YAML.
  check_rows({
      {"config:\n  svc:\n    type: string\n    default: @T@\nresources: {}\n", Language::PulumiYaml,
       FixKind::PulumiConfig, "config:\n  svc:\n    type: string\n    secret: true\nresources: {}\n"},
      {"config:\n  svc:\n    secret: true\n    default: '@T@'\n", Language::PulumiYaml, FixKind::PulumiConfig,
       "config:\n  svc:\n    secret: true\n"},
      {"config:\n  svc: @T@\n  region: us\n", Language::PulumiYaml, FixKind::PulumiConfig,
       "config:\n  svc:\n    type: string\n    secret: true\n  region: us\n"},
  });
  const Doc d = make_doc("config:\n  svc:\n    default: @T@\n");
  const auto fixes = fixes_for(d.text, d.tokens[0].first, d.tokens[0].second, Language::PulumiYaml, Names{});
  REQUIRE_FALSE(fixes.empty());
  CHECK(fixes[0].title.find("pulumi config set --secret svc <value>") != std::string::npos);
}

TEST_CASE("a dockerfile passes the token as a build secret instead of baking it into a layer") {
  check_rows({
      {"FROM node\nENV PULUMI_ACCESS_TOKEN=@T@\nRUN pulumi up\n", Language::Dockerfile, FixKind::Environment,
       "# syntax=docker/dockerfile:1\nFROM node\n"
       "# PULUMI_ACCESS_TOKEN is a build secret: docker build --secret id=pulumi_access_token,env=PULUMI_ACCESS_TOKEN ...\n"
       "RUN --mount=type=secret,id=pulumi_access_token,env=PULUMI_ACCESS_TOKEN pulumi up\n"},
      {"FROM node\nENV A=1 TOKEN=@T@\nRUN x\nFROM alpine\nRUN y\n", Language::Dockerfile, FixKind::Environment,
       "# syntax=docker/dockerfile:1\nFROM node\nENV A=1\nRUN --mount=type=secret,id=pulumi_access_token,env=TOKEN x\n"
       "FROM alpine\nRUN y\n"},
      {"# syntax=docker/dockerfile:1\nFROM node\nRUN curl -H \"token @T@\" x\n", Language::Dockerfile,
       FixKind::Environment,
       "# syntax=docker/dockerfile:1\nFROM node\nRUN --mount=type=secret,id=pulumi_access_token,env=PULUMI_ACCESS_TOKEN "
       "curl -H \"token ${PULUMI_ACCESS_TOKEN}\" x\n"},
  });
  CHECK(kinds("FROM node\nENV T=@T@\n", Language::Dockerfile) == std::vector<FixKind>{FixKind::Environment});
}

TEST_CASE("hcl uses a sensitive variable, declared once") {
  check_rows({
      {"provider \"p\" {\n  token = \"@T@\"\n}\n", Language::Hcl, FixKind::Environment,
       "provider \"p\" {\n  token = var.pulumi_access_token\n}\n\nvariable \"pulumi_access_token\" {\n"
       "  type      = string\n  sensitive = true\n}\n"},
      {"variable \"pulumi_access_token\" {}\nlocals {\n  u = \"https://x/?t=@T@\"\n}\n", Language::Hcl,
       FixKind::Environment,
       "variable \"pulumi_access_token\" {}\nlocals {\n  u = \"https://x/?t=${var.pulumi_access_token}\"\n}\n"},
  });
}

TEST_CASE("powershell reads $env and keeps single-quoted strings literal") {
  check_rows({
      {"$t = \"@T@\"\n", Language::PowerShell, FixKind::Environment, "$t = $env:PULUMI_ACCESS_TOKEN\n"},
      {"$h = \"token @T@\"\n", Language::PowerShell, FixKind::Environment, "$h = \"token ${env:PULUMI_ACCESS_TOKEN}\"\n"},
      {"$h = 'token @T@'\n", Language::PowerShell, FixKind::Environment, "$h = ('token ' + $env:PULUMI_ACCESS_TOKEN)\n"},
  });
}

TEST_CASE("a here-string with text after its header is not split (regression: fuzz_remediation)") {
  // `@'x <token>` is no valid here-string header; splitting the body copied the header line, and
  // the token on it, into both pieces.
  const Doc d = make_doc("$s = @'junk @T@\nbody @T@ tail\n'@\n");
  const auto fixes = fixes_for(d.text, d.tokens[1].first, d.tokens[1].second, Language::PowerShell, Names{});
  for (const Fix& f : fixes) {
    CAPTURE(f.title);
    CHECK(count(apply_edits(d.text, f.edits), d.values[0]) == 1);
  }
}

TEST_CASE("json, markdown and plain text say why there is no environment fix, and redact the token") {
  // Regression (issue 12, defect 7): a token in documentation had no fix at all.
  CHECK(kinds("{\"t\": \"@T@\"}\n", Language::Json) == std::vector<FixKind>{FixKind::Redact});
  CHECK_FALSE(environment_note(Language::Json).empty());
  CHECK(kinds("Token: @T@\n", Language::Markdown) == std::vector<FixKind>{FixKind::Redact, FixKind::Suppress});
  CHECK(fixed("Token: @T@\n", Language::Markdown, FixKind::Redact) == "Token: pul-<your-token>\n");
  CHECK(kinds("Token: @T@\n", Language::PlainText) == std::vector<FixKind>{FixKind::Redact});
  CHECK(fixed("Token: @T@\n", Language::Markdown, FixKind::Suppress) ==
        make_doc("Token: @T@ <!-- pulumi-token-lsp:ignore -->\n").text);
  CHECK(environment_note(Language::Python).empty());
}

TEST_CASE("suppress is not offered where the comment would change the program") {
  CHECK(find_kind(fixes_for(make_doc("x = \"\"\"a @T@\nb\"\"\"\n").text, 10, 54, Language::Python, Names{}),
                  FixKind::Suppress) == nullptr);
  CHECK(kinds("FROM a\nENV T=@T@\n", Language::Dockerfile) == std::vector<FixKind>{FixKind::Environment});
  CHECK(kinds("curl -H \"@T@\" \\\n  x\n", Language::Shell).back() != FixKind::Suppress);
  check_rows({
      {"T=@T@ # dev\n", Language::Shell, FixKind::Suppress, "T=@T@ # dev pulumi-token-lsp:ignore\n"},
      {"t: @T@\n", Language::Yaml, FixKind::Suppress, "t: @T@ # pulumi-token-lsp:ignore\n"},
  });
}

TEST_CASE("a heredoc with a quoted delimiter is unquoted and its body escaped so the reference expands") {
  // Regression: a token in <<'EOF' became ${PULUMI_ACCESS_TOKEN}, which such a heredoc prints as is.
  check_rows({
      {"cat <<'EOF'\ncost $5 `x` \\n @T@\nEOF\n", Language::Shell, FixKind::Environment,
       "cat <<EOF\ncost \\$5 \\`x\\` \\\\n ${PULUMI_ACCESS_TOKEN}\nEOF\n"},
      {"cat <<\"EOF\" >f\n@T@\nEOF\n", Language::Shell, FixKind::Environment, "cat <<EOF >f\n${PULUMI_ACCESS_TOKEN}\nEOF\n"},
      {"cat <<-\\EOF\n\tt=@T@\n\tEOF\n", Language::Shell, FixKind::Environment,
       "cat <<-EOF\n\tt=${PULUMI_ACCESS_TOKEN}\n\tEOF\n"},
      {"cat <<E'O'F\n@T@\nEOF\n", Language::Shell, FixKind::Conjur,
       "cat <<EOF\n$(conjur variable get -i pulumi/access-token)\nEOF\n"},
      // The script of `RUN <<'EOF'` is run by a shell, which expands ${X} in it.
      {"# syntax=docker/dockerfile:1\nFROM a\nRUN <<'EOF'\necho @T@\nEOF\n", Language::Dockerfile,
       FixKind::Environment,
       "# syntax=docker/dockerfile:1\nFROM a\nRUN --mount=type=secret,id=pulumi_access_token,env=PULUMI_ACCESS_TOKEN "
       "<<'EOF'\necho ${PULUMI_ACCESS_TOKEN}\nEOF\n"},
  });
  // A delimiter that would not be a plain word once unquoted: no fix rather than a wrong one.
  CHECK(fixed("cat <<'E F'\n@T@\nE F\n", Language::Shell, FixKind::Environment) == "<no fix>");
}

TEST_CASE("the dockerfile comment never copies an ENV key that can hold a token") {
  // Regression: `ENV X$'<token>` and `ENV <token-A> <token-B>` wrote the token into the comment.
  Names names;
  names.env_var = "MY_TOKEN";
  const std::string note = "# MY_TOKEN is a build secret: docker build --secret id=my_token,env=MY_TOKEN ...";
  for (const char* input : {"FROM a\nENV X$'@T@'\n", "FROM a\nENV @T@ @T@\n", "FROM a\nENV @T@=1\n"}) {
    CAPTURE(input);
    const Doc d = make_doc(input);
    const auto fixes = fixes_for(d.text, d.tokens[0].first, d.tokens[0].second, Language::Dockerfile, names);
    const Fix* f = find_kind(fixes, FixKind::Environment);
    REQUIRE(f != nullptr);
    const std::string out = apply_edits(d.text, f->edits);
    CAPTURE(out);
    CHECK(out.find("pul-") == std::string::npos);
    CHECK(out.find(note) != std::string::npos);
  }
  CHECK(fixed("FROM a\nENV A=1 B-C=@T@\nRUN x\n", Language::Dockerfile, FixKind::Environment) ==
        "# syntax=docker/dockerfile:1\nFROM a\nENV A=1\n"
        "RUN --mount=type=secret,id=pulumi_access_token,env=PULUMI_ACCESS_TOKEN x\n");
}

TEST_CASE("a shell assignment of the token to the variable read requires that variable instead") {
  // Regression: `export PULUMI_ACCESS_TOKEN=<token>` became
  // `export PULUMI_ACCESS_TOKEN="${PULUMI_ACCESS_TOKEN}"`, which does nothing.
  check_rows({
      {"export PULUMI_ACCESS_TOKEN=@T@\n", Language::Shell, FixKind::Environment,
       "export PULUMI_ACCESS_TOKEN=\"${PULUMI_ACCESS_TOKEN:?set PULUMI_ACCESS_TOKEN in the environment}\"\n"},
      {"export PULUMI_ACCESS_TOKEN=\"@T@\"\n", Language::Shell, FixKind::Environment,
       "export PULUMI_ACCESS_TOKEN=\"${PULUMI_ACCESS_TOKEN:?set PULUMI_ACCESS_TOKEN in the environment}\"\n"},
      {"export PULUMI_ACCESS_TOKEN='@T@'  # ci\n", Language::Shell, FixKind::Environment,
       "export PULUMI_ACCESS_TOKEN=\"${PULUMI_ACCESS_TOKEN:?set PULUMI_ACCESS_TOKEN in the environment}\"  # ci\n"},
      {"PULUMI_ACCESS_TOKEN=@T@\n", Language::Shell, FixKind::Environment, "PULUMI_ACCESS_TOKEN=\"${PULUMI_ACCESS_TOKEN:?set PULUMI_ACCESS_TOKEN in the environment}\"\n"},
      {"  declare -x PULUMI_ACCESS_TOKEN=@T@; pulumi up\n", Language::Shell, FixKind::Environment,
       "  declare -x PULUMI_ACCESS_TOKEN=\"${PULUMI_ACCESS_TOKEN:?set PULUMI_ACCESS_TOKEN in the environment}\"; pulumi up\n"},
      {"cd app && PULUMI_ACCESS_TOKEN=@T@ pulumi up\n", Language::Shell, FixKind::Environment,
       "cd app && PULUMI_ACCESS_TOKEN=\"${PULUMI_ACCESS_TOKEN:?set PULUMI_ACCESS_TOKEN in the environment}\" pulumi up\n"},
      // Any other variable, or the token as part of the value, still reads the variable.
      {"export OTHER=@T@\n", Language::Shell, FixKind::Environment, "export OTHER=\"${PULUMI_ACCESS_TOKEN}\"\n"},
      {"export MY_PULUMI_ACCESS_TOKEN=@T@\n", Language::Shell, FixKind::Environment,
       "export MY_PULUMI_ACCESS_TOKEN=\"${PULUMI_ACCESS_TOKEN}\"\n"},
      {"export PULUMI_ACCESS_TOKEN=\"x@T@\"\n", Language::Shell, FixKind::Environment,
       "export PULUMI_ACCESS_TOKEN=\"x${PULUMI_ACCESS_TOKEN}\"\n"},
      {"echo x PULUMI_ACCESS_TOKEN=@T@\n", Language::Shell, FixKind::Environment,
       "echo x PULUMI_ACCESS_TOKEN=\"${PULUMI_ACCESS_TOKEN}\"\n"},
      // The secret stores are lookups, never self-assignments.
      {"export PULUMI_ACCESS_TOKEN=@T@\n", Language::Shell, FixKind::Conjur,
       "export PULUMI_ACCESS_TOKEN=\"$(conjur variable get -i pulumi/access-token)\"\n"},
  });
  Names names;
  names.env_var = "CI_PULUMI_TOKEN";
  CHECK(fixed("export CI_PULUMI_TOKEN=@T@\n", Language::Shell, FixKind::Environment, 0, names) ==
        make_doc("export CI_PULUMI_TOKEN=\"${CI_PULUMI_TOKEN:?set CI_PULUMI_TOKEN in the environment}\"\n").text);
  CHECK(fixed("export PULUMI_ACCESS_TOKEN=@T@\n", Language::Shell, FixKind::Environment, 0, names) ==
        make_doc("export PULUMI_ACCESS_TOKEN=\"${CI_PULUMI_TOKEN}\"\n").text);
}

TEST_CASE("a powershell assignment of the token to the variable read becomes a check that it is set") {
  // Regression: `$env:PULUMI_ACCESS_TOKEN = "<token>"` became `$env:PULUMI_ACCESS_TOKEN = $env:PULUMI_ACCESS_TOKEN`.
  check_rows({
      {"$env:PULUMI_ACCESS_TOKEN = \"@T@\"\n", Language::PowerShell, FixKind::Environment, "if (-not $env:PULUMI_ACCESS_TOKEN) { throw 'Set PULUMI_ACCESS_TOKEN in the environment' }\n"},
      {"  $Env:PULUMI_ACCESS_TOKEN='@T@'  # dev\npulumi up\n", Language::PowerShell, FixKind::Environment,
       "  if (-not $env:PULUMI_ACCESS_TOKEN) { throw 'Set PULUMI_ACCESS_TOKEN in the environment' }  # dev\npulumi up\n"},
      {"cd app; $env:PULUMI_ACCESS_TOKEN = \"@T@\"; pulumi up\n", Language::PowerShell, FixKind::Environment,
       "cd app; if (-not $env:PULUMI_ACCESS_TOKEN) { throw 'Set PULUMI_ACCESS_TOKEN in the environment' }; pulumi up\n"},
      // Any other target, or more than the token, still reads the variable.
      {"$env:OTHER = \"@T@\"\n", Language::PowerShell, FixKind::Environment, "$env:OTHER = $env:PULUMI_ACCESS_TOKEN\n"},
      {"$x = $env:PULUMI_ACCESS_TOKEN = \"@T@\"\n", Language::PowerShell, FixKind::Environment,
       "$x = $env:PULUMI_ACCESS_TOKEN = $env:PULUMI_ACCESS_TOKEN\n"},
      {"$env:PULUMI_ACCESS_TOKEN = \"@T@\" + $suffix\n", Language::PowerShell, FixKind::Environment,
       "$env:PULUMI_ACCESS_TOKEN = $env:PULUMI_ACCESS_TOKEN + $suffix\n"},
      {"$env:PULUMI_ACCESS_TOKEN = \"x@T@\"\n", Language::PowerShell, FixKind::Environment,
       "$env:PULUMI_ACCESS_TOKEN = \"x${env:PULUMI_ACCESS_TOKEN}\"\n"},
  });
}

TEST_CASE("dotenv and gitlab variables keep X=${X} for the variable read: their tools pass it through") {
  check_rows({
      {"PULUMI_ACCESS_TOKEN=@T@\n", Language::DotEnv, FixKind::Environment, "PULUMI_ACCESS_TOKEN=${PULUMI_ACCESS_TOKEN}\n"},
      {"variables:\n  PULUMI_ACCESS_TOKEN: @T@\n", Language::GitLabCi, FixKind::Environment,
       "variables:\n  PULUMI_ACCESS_TOKEN: ${PULUMI_ACCESS_TOKEN}\n"},
  });
}
