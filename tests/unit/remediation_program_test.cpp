// Expected rewrites in the program languages (TypeScript, JavaScript, Python,
// Go, C#, Java), one table row per input.
#include "remediation/remediation.h"

#include <doctest/doctest.h>

#include "tests/remediation/fix_harness.h"

using namespace ptl::remediation;
using namespace ptl::remediation::testing;

namespace {

// The helper the TypeScript environment fix reads the variable through (issue 12, defect 3:
// process.env.X is string | undefined), and its JavaScript twin typed by JSDoc.
const std::string kTsEnvHelper =
    "function requireEnv(name: string): string {\n"
    "    const value = process.env[name];\n"
    "    if (value === undefined || value === \"\") {\n"
    "        throw new Error(`Set the environment variable ${name}`);\n"
    "    }\n"
    "    return value;\n"
    "}\n";
const std::string kJsEnvHelper = "/** @param {string} name @returns {string} */\nfunction requireEnv(name) {\n" +
                                 kTsEnvHelper.substr(kTsEnvHelper.find('\n') + 1);

}  // namespace


TEST_CASE("the environment fix replaces the whole literal, quotes included") {
  CHECK(fixed("const t = \"@T@\";\n", Language::TypeScript, FixKind::Environment) ==
        kTsEnvHelper + "\nconst t = requireEnv(\"PULUMI_ACCESS_TOKEN\");\n");
  CHECK(fixed("const t = '@T@';\n", Language::JavaScript, FixKind::Environment) ==
        kJsEnvHelper + "\nconst t = requireEnv(\"PULUMI_ACCESS_TOKEN\");\n");
  check_rows({
      {"import os\nt = '@T@'\n", Language::Python, FixKind::Environment, "import os\nt = os.environ[\"PULUMI_ACCESS_TOKEN\"]\n"},
      {"class A {\n    String t = \"@T@\";\n}\n", Language::Java, FixKind::Environment,
       "class A {\n    String t = System.getenv(\"PULUMI_ACCESS_TOKEN\");\n}\n"},
      {"using System;\nvar t = \"@T@\";\n", Language::CSharp, FixKind::Environment,
       "using System;\nvar t = Environment.GetEnvironmentVariable(\"PULUMI_ACCESS_TOKEN\");\n"},
  });
}

TEST_CASE("a token inside a larger string becomes interpolation or concatenation") {
  CHECK(fixed("const u = `https://x/?t=@T@&a=${b}`;\n", Language::TypeScript, FixKind::Environment) ==
        kTsEnvHelper + "\nconst u = `https://x/?t=${requireEnv(\"PULUMI_ACCESS_TOKEN\")}&a=${b}`;\n");
  CHECK(fixed("const u = \"https://x/?t=@T@\";\n", Language::TypeScript, FixKind::Environment) ==
        kTsEnvHelper + "\nconst u = (\"https://x/?t=\" + requireEnv(\"PULUMI_ACCESS_TOKEN\"));\n");
  check_rows({
      {"import os\nu = f\"https://{host}/?t=@T@\"\n", Language::Python, FixKind::Environment,
       "import os\nu = f\"https://{host}/?t={os.environ['PULUMI_ACCESS_TOKEN']}\"\n"},
      {"import os\nu = 'a @T@ b'\n", Language::Python, FixKind::Environment,
       "import os\nu = ('a ' + os.environ[\"PULUMI_ACCESS_TOKEN\"] + ' b')\n"},
      {"import os\nu = 'Bearer ' \"@T@\"\n", Language::Python, FixKind::Environment,
       "import os\nu = 'Bearer ' + os.environ[\"PULUMI_ACCESS_TOKEN\"]\n"},
      {"using System;\nvar u = $\"https://{h}/?t=@T@\";\n", Language::CSharp, FixKind::Environment,
       "using System;\nvar u = $\"https://{h}/?t={Environment.GetEnvironmentVariable(\"PULUMI_ACCESS_TOKEN\")}\";\n"},
      {"using System;\nvar u = @\"token @T@\";\n", Language::CSharp, FixKind::Environment,
       "using System;\nvar u = (@\"token \" + Environment.GetEnvironmentVariable(\"PULUMI_ACCESS_TOKEN\"));\n"},
      {"package main\n\nimport \"os\"\n\nvar u = `token @T@`\n", Language::Go, FixKind::Environment,
       "package main\n\nimport \"os\"\n\nvar u = (`token ` + os.Getenv(\"PULUMI_ACCESS_TOKEN\"))\n"},
  });
}

TEST_CASE("a Pulumi Output is embedded in a larger string through apply where a resource input takes it") {
  check_rows({
      {"import * as pulumi from \"@pulumi/pulumi\";\nnew svc.Provider(\"p\", { accessToken: 'token @T@' });\n",
       Language::TypeScript, FixKind::PulumiConfig,
       "import * as pulumi from \"@pulumi/pulumi\";\nnew svc.Provider(\"p\", { accessToken: new pulumi.Config()"
       ".requireSecret(\"pulumiAccessToken\").apply((token) => ('token ' + token)) });\n"},
      {"import pulumi\nsvc.Provider(\"p\", access_token=f\"token @T@\")\n", Language::Python, FixKind::PulumiConfig,
       "import pulumi\nsvc.Provider(\"p\", access_token=pulumi.Config().require_secret('pulumiAccessToken')"
       ".apply(lambda token: f\"token {token}\"))\n"},
      {"package main\n\nimport \"github.com/pulumi/pulumi/sdk/v3/go/pulumi\"\n\nfunc run(ctx *pulumi.Context) {\n"
       "\t_ = &svc.ProviderArgs{AccessToken: pulumi.String(\"token @T@\")}\n}\n",
       Language::Go, FixKind::PulumiConfig,
       "package main\n\nimport (\n\t\"github.com/pulumi/pulumi/sdk/v3/go/pulumi\"\n"
       "\t\"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config\"\n)\n\nfunc run(ctx *pulumi.Context) {\n"
       "\t_ = &svc.ProviderArgs{AccessToken: config.RequireSecret(ctx, \"pulumiAccessToken\").ApplyT(func(token string) "
       "string { return (\"token \" + token) }).(pulumi.StringOutput)}\n}\n"},
  });
}

TEST_CASE("a pulumi.interpolate template takes the Output in a hole and keeps its tag") {
  // Regression (issue 12, defect 1): the tag was glued to the replacement
  // (`pulumi.interpolatenew pulumi.Config()...`).
  const char* input = "import * as pulumi from \"@pulumi/pulumi\";\nconst u = pulumi.interpolate`https://${h}/?t=@T@`;\n";
  CHECK(fixed(input, Language::TypeScript, FixKind::PulumiConfig) ==
        "import * as pulumi from \"@pulumi/pulumi\";\nconst u = pulumi.interpolate`https://${h}/?t="
        "${new pulumi.Config().requireSecret(\"pulumiAccessToken\")}`;\n");
  const std::string aws = fixed(input, Language::TypeScript, FixKind::AwsSecretsManager);
  CHECK(aws.ends_with("const u = pulumi.interpolate`https://${h}/?t=${pulumi.secret(pulumiAccessTokenFromAws())}`;\n"));
  const std::string whole = fixed("import * as pulumi from \"@pulumi/pulumi\";\nconst u = pulumi.interpolate`@T@`;\n",
                                  Language::TypeScript, FixKind::Conjur);
  CHECK(whole.ends_with("const u = pulumi.interpolate`${pulumi.secret(pulumiAccessTokenFromConjur())}`;\n"));
}

TEST_CASE("where a plain string is required, no fix puts a Pulumi Output there") {
  // Regression (issue 12, defects 3 and 4): HTTP headers, fetch URLs, Automation API settings,
  // a package-level Go var, a C# static field, a Java field without a Context.
  const std::vector<FixKind> env_only = {FixKind::Environment, FixKind::Suppress};
  const std::vector<FixKind> stores = {FixKind::Environment, FixKind::AwsSecretsManager, FixKind::Vault,
                                       FixKind::Conjur, FixKind::Suppress};
  // Each file uses a Pulumi SDK, so only the place of the token decides.
  const std::string ts = "import * as pulumi from \"@pulumi/pulumi\";\n";
  CHECK(kinds(ts + "const headers: Record<string, string> = { Authorization: \"token @T@\" };\n", Language::TypeScript) ==
        env_only);
  CHECK(kinds(ts + "const t = \"@T@\";\nfetch(t);\n", Language::TypeScript) == env_only);
  CHECK(kinds(ts + "async function f() {\n  await fetch(\"https://x/?t=@T@\");\n}\n", Language::TypeScript) == stores);
  CHECK(kinds("import pulumi\nheaders = {\"Authorization\": \"token @T@\"}\n", Language::Python) == stores);
  CHECK(kinds("package deploy\n\nimport \"github.com/pulumi/pulumi/sdk/v3/go/pulumi\"\n\nvar defaultToken = \"@T@\"\n",
              Language::Go) == stores);
  // Inside pulumi.Run, ctx is in scope, but a plain string is not a pulumi.String(...) input.
  CHECK(kinds("package main\n\nimport \"github.com/pulumi/pulumi/sdk/v3/go/pulumi\"\n\nfunc main() {\n"
              "\tpulumi.Run(func(ctx *pulumi.Context) error {\n\t\turl := \"@T@\"\n\t\treturn nil\n\t})\n}\n",
              Language::Go) == stores);
  CHECK(kinds("using Pulumi;\nclass A\n{\n    private static readonly string Token = \"@T@\";\n}\n", Language::CSharp) ==
        stores);
  CHECK(kinds("import com.pulumi.Context;\nclass A {\n    static final String T = \"@T@\";\n}\n", Language::Java) == stores);
  // ctx is in scope, but the value is a plain string (a header), not a resource input.
  CHECK(kinds("import com.pulumi.Context;\nclass A {\n    void run(Context ctx) {\n        String h = \"token @T@\";\n"
              "    }\n}\n",
              Language::Java) == stores);
  // A resource input, but no ctx in scope: Go config cannot be read (defect 4).
  CHECK(kinds("package main\n\nimport \"github.com/pulumi/pulumi/sdk/v3/go/pulumi\"\n\n"
              "var args = &svc.ProviderArgs{AccessToken: pulumi.String(\"@T@\")}\n",
              Language::Go) == stores);
}

TEST_CASE("an Automation API program gets no Pulumi config fix and no Output") {
  // Regression (issue 12, defect 5): there is no stack config to read in a LocalWorkspace driver.
  const char* ts = "import { LocalWorkspace } from \"@pulumi/pulumi/automation\";\n"
                   "async function main() {\n  await LocalWorkspace.selectStack({ stackName: \"dev\", workDir: \".\" },\n"
                   "    { envVars: { PULUMI_ACCESS_TOKEN: \"@T@\" } });\n}\n";
  CHECK(kinds(ts, Language::TypeScript) == std::vector<FixKind>{FixKind::Environment, FixKind::AwsSecretsManager,
                                                                FixKind::Vault, FixKind::Conjur, FixKind::Suppress});
  const char* sync = "const { LocalWorkspace } = require(\"@pulumi/pulumi/automation\");\nfunction f() {\n"
                     "    return { token: \"@T@\" };\n}\n";
  CHECK(kinds(sync, Language::JavaScript) == std::vector<FixKind>{FixKind::Environment, FixKind::Suppress});
  CHECK(kinds("from pulumi import automation as auto\nenv = {\"PULUMI_ACCESS_TOKEN\": \"@T@\"}\n", Language::Python) ==
        std::vector<FixKind>{FixKind::Environment, FixKind::AwsSecretsManager, FixKind::Vault, FixKind::Conjur,
                             FixKind::Suppress});
}

TEST_CASE("a variable that flows only into resource inputs may become an Output") {
  const auto offers_config = [](const std::string& templ, Language language) {
    const Doc d = make_doc(templ);
    return find_kind(fixes_for(d.text, d.tokens[0].first, d.tokens[0].second, language, Names{}),
                     FixKind::PulumiConfig) != nullptr;
  };
  const std::string ts = "import * as svc from \"@pulumi/pulumiservice\";\n";
  CHECK(offers_config(ts + "const t = \"@T@\";\nnew svc.Provider(\"p\", { accessToken: t });\n", Language::TypeScript));
  CHECK_FALSE(offers_config(ts + "const t = \"@T@\";\nnew svc.Provider(\"p\", { accessToken: t });\nfetch(t);\n",
                            Language::TypeScript));
  const std::string py = "import pulumi_pulumiservice as svc\nimport pulumi\n";
  CHECK(offers_config(py + "T = \"@T@\"\nsvc.Provider(\"p\", access_token=T)\n", Language::Python));
  CHECK_FALSE(offers_config(py + "T = \"@T@\"\nsvc.Provider(\"p\", access_token=T)\nprint(T.upper())\n", Language::Python));
  // Without a Pulumi SDK in the file, `new Name({...})` is some other class taking plain values.
  CHECK_FALSE(offers_config("const t = \"@T@\";\nnew Client({ accessToken: t });\n", Language::TypeScript));
  CHECK_FALSE(offers_config("Client(access_token=\"@T@\")\n", Language::Python));
}

TEST_CASE("python gets import os after the docstring and __future__ imports when missing") {
  CHECK(fixed("\"\"\"Doc.\"\"\"\nfrom __future__ import annotations\n\nt = \"@T@\"\n", Language::Python,
              FixKind::Environment) ==
        "\"\"\"Doc.\"\"\"\nfrom __future__ import annotations\nimport os\n\nt = os.environ[\"PULUMI_ACCESS_TOKEN\"]\n");
  CHECK(fixed("#!/usr/bin/env python3\nt = \"@T@\"\n", Language::Python, FixKind::Environment) ==
        "#!/usr/bin/env python3\nimport os\nt = os.environ[\"PULUMI_ACCESS_TOKEN\"]\n");
}

TEST_CASE("go adds os to the import block, converts a single import, or creates a block") {
  check_rows({
      {"package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\nvar t = \"@T@\"\n", Language::Go, FixKind::Environment,
       "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"strings\"\n)\n\nvar t = os.Getenv(\"PULUMI_ACCESS_TOKEN\")\n"},
      {"package main\n\nimport \"fmt\"\n\nvar t = \"@T@\"\n", Language::Go, FixKind::Environment,
       "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nvar t = os.Getenv(\"PULUMI_ACCESS_TOKEN\")\n"},
      {"package main\n\nvar t = \"@T@\"\n", Language::Go, FixKind::Environment,
       "package main\n\nimport (\n\t\"os\"\n)\n\nvar t = os.Getenv(\"PULUMI_ACCESS_TOKEN\")\n"},
      {"package main\n\nconst t = \"@T@\"\n", Language::Go, FixKind::Environment,
       "package main\n\nimport (\n\t\"os\"\n)\n\nvar t = os.Getenv(\"PULUMI_ACCESS_TOKEN\")\n"},
  });
}

TEST_CASE("c# adds using System where needed and turns a const field into static readonly") {
  CHECK(fixed("class A\n{\n    const string T = \"@T@\";\n}\n", Language::CSharp, FixKind::Environment) ==
        "using System;\nclass A\n{\n    static readonly string T = Environment.GetEnvironmentVariable(\"PULUMI_ACCESS_TOKEN\");\n}\n");
}

TEST_CASE("secret-store fixes add one named helper and its imports, reused by the next token") {
  const std::string templ = "import pulumi\n\na = \"@T@\"\nb = \"@T@\"\n";
  const Doc d = make_doc(templ);
  auto f1 = fixes_for(d.text, d.tokens[0].first, d.tokens[0].second, Language::Python, Names{});
  const std::string once = apply_edits(d.text, find_kind(f1, FixKind::AwsSecretsManager)->edits);
  const auto b = once.find(d.values[1]);
  REQUIRE(b != std::string::npos);
  auto f2 = fixes_for(once, b, b + 44, Language::Python, Names{});
  const std::string twice = apply_edits(once, find_kind(f2, FixKind::AwsSecretsManager)->edits);
  CHECK(count(twice, "import boto3") == 1);
  CHECK(count(twice, "def pulumi_access_token_from_aws()") == 1);
  CHECK(count(twice, "= pulumi_access_token_from_aws()") == 2);
  CHECK(twice.find("pul-") == std::string::npos);
}

TEST_CASE("a TS/JS secret-store lookup is awaited only inside an async function, else a secret Output") {
  check_rows({
      // Top level: `await` would be TS1378 under Pulumi's CommonJS tsconfig; a resource input
      // takes the secret Output.
      {"import * as svc from \"@pulumi/pulumiservice\";\nnew svc.Provider(\"p\", { accessToken: \"@T@\" });\n",
       Language::TypeScript, FixKind::AwsSecretsManager,
       "import * as svc from \"@pulumi/pulumiservice\";\n"
       "import { GetSecretValueCommand, SecretsManagerClient } from \"@aws-sdk/client-secrets-manager\";\n"
       "import * as pulumi from \"@pulumi/pulumi\";\n"
       "\n"
       "async function pulumiAccessTokenFromAws(): Promise<string> {\n"
       "    const client = new SecretsManagerClient({});\n"
       "    const out = await client.send(new GetSecretValueCommand({ SecretId: \"pulumi-access-token\" }));\n"
       "    if (out.SecretString === undefined) {\n"
       "        throw new Error(\"AWS secret pulumi-access-token has no string value\");\n"
       "    }\n"
       "    return out.SecretString;\n"
       "}\n"
       "\n"
       "new svc.Provider(\"p\", { accessToken: pulumi.secret(pulumiAccessTokenFromAws()) });\n"},
      // Inside an async function the value is a plain string, embedded directly.
      {"async function main() {\n    const u = `x ${a} @T@`;\n}\n", Language::JavaScript, FixKind::Vault,
       "const vault = require(\"node-vault\");\n"
       "async function pulumiAccessTokenFromVault() {\n"
       "    const client = vault({ apiVersion: \"v1\", endpoint: process.env.VAULT_ADDR, token: process.env.VAULT_TOKEN });\n"
       "    const secret = await client.read(\"secret/data/pulumi\");\n"
       "    return secret.data.data[\"api_key\"];\n"
       "}\n"
       "\n"
       "async function main() {\n"
       "    const u = `x ${a} ${await pulumiAccessTokenFromVault()}`;\n"
       "}\n"},
      // node-vault says `export =`: TypeScript imports it with import-equals
      // (a default import is TS1259 without esModuleInterop); the Output goes
      // through apply() under the file's own alias for @pulumi/pulumi.
      {"import * as p from \"@pulumi/pulumi\";\nnew svc.Provider(\"p\", { accessToken: 'token @T@' });\n",
       Language::TypeScript, FixKind::Vault,
       "import * as p from \"@pulumi/pulumi\";\n"
       "import vault = require(\"node-vault\");\n"
       "\n"
       "async function pulumiAccessTokenFromVault(): Promise<string> {\n"
       "    const client = vault({ apiVersion: \"v1\", endpoint: process.env.VAULT_ADDR, token: process.env.VAULT_TOKEN });\n"
       "    const secret = await client.read(\"secret/data/pulumi\");\n"
       "    return secret.data.data[\"api_key\"];\n"
       "}\n"
       "\n"
       "new svc.Provider(\"p\", { accessToken: p.secret(pulumiAccessTokenFromVault()).apply((token) => ('token ' + "
       "token)) });\n"},
  });
  // A function that is not async, in a Pulumi program: the Promise goes into pulumi.secret()
  // where a resource input takes it.
  const std::string cjs = fixed("const svc = require(\"@pulumi/pulumiservice\");\nfunction f() {\n"
                                "    return new svc.Provider(\"p\", { token: \"@T@\" });\n}\n",
                                Language::JavaScript, FixKind::Conjur);
  CHECK(cjs.find("const pulumi = require(\"@pulumi/pulumi\");\n") != std::string::npos);
  CHECK(cjs.find("    return new svc.Provider(\"p\", { token: pulumi.secret(pulumiAccessTokenFromConjur()) });\n") !=
        std::string::npos);
  CHECK(cjs.find("await pulumiAccessTokenFromConjur") == std::string::npos);
}

TEST_CASE("the python conjur lookup awaits the async SDK on its own loop in a worker thread") {
  // conjur_api's Client methods are coroutines, and a Pulumi program already
  // runs inside an event loop, where asyncio.run() is refused.
  const std::string out = fixed("import pulumi\nt = \"@T@\"\n", Language::Python, FixKind::Conjur);
  for (const char* line : {"import asyncio\n", "from concurrent.futures import ThreadPoolExecutor\n",
                           "        value = await client.get(\"pulumi/access-token\")\n",
                           "            raise RuntimeError(\"Conjur variable pulumi/access-token has no value\")\n",
                           "        return pool.submit(asyncio.run, fetch()).result().decode(\"utf-8\")\n",
                           "api_key=os.environ[\"CONJUR_AUTHN_API_KEY\"]", "t = pulumi_access_token_from_conjur()\n"}) {
    CAPTURE(line);
    CHECK(out.find(line) != std::string::npos);
  }
}

TEST_CASE("every program language offers the six fixes in the order of issue 3") {
  const std::vector<FixKind> all = {FixKind::Environment, FixKind::PulumiConfig, FixKind::AwsSecretsManager,
                                    FixKind::Vault,       FixKind::Conjur,       FixKind::Suppress};
  // Where the value is a resource input and the Pulumi context is in scope.
  CHECK(kinds("import * as svc from \"@pulumi/pulumiservice\";\nnew svc.Provider(\"p\", { accessToken: \"@T@\" });\n",
              Language::TypeScript) == all);
  CHECK(kinds("import pulumi_pulumiservice as svc\nsvc.Provider(\"p\", access_token=\"@T@\")\n", Language::Python) == all);
  CHECK(kinds("package main\nimport \"github.com/pulumi/pulumi/sdk/v3/go/pulumi\"\nfunc run(ctx *pulumi.Context) {\n\t_ = &svc.ProviderArgs{AccessToken: pulumi.String(\"@T@\")}\n}\n",
              Language::Go) == all);
  CHECK(kinds("import com.pulumi.Context;\nclass A {\n    void run(Context ctx) {\n        new Provider(\"p\", ProviderArgs.builder().accessToken(\"@T@\")"
              ".build());\n    }\n}\n",
              Language::Java) == all);
  CHECK(kinds("using Pulumi;\nclass A : Stack\n{\n    A()\n    {\n        new Provider(\"p\", new ProviderArgs { AccessToken = \"@T@\" });\n"
              "    }\n}\n",
              Language::CSharp) == all);
}

TEST_CASE("helpers land inside the enclosing class in C# and Java") {
  const std::string out = fixed("public class A\n{\n    string t = \"@T@\";\n}\n", Language::CSharp, FixKind::Vault);
  CHECK(out.find("    string t = PulumiAccessTokenFromVault();\n\n    private static string PulumiAccessTokenFromVault()\n    {\n") !=
        std::string::npos);
  CHECK(out.ends_with("    }\n}\n"));
  const std::string java = fixed("class A {\n    String t = \"@T@\";\n}\n", Language::Java, FixKind::Conjur);
  CHECK(java.starts_with("import com.cyberark.conjur.api.Conjur;\nclass A {\n"));
  CHECK(java.find("    private static String pulumiAccessTokenFromConjur() {\n") != std::string::npos);
}

TEST_CASE("a token in a comment is redacted, not replaced by code") {
  // Regression (issue 12, defect 6): it became `// old token process.env...`.
  const std::vector<FixKind> redact = {FixKind::Redact, FixKind::Suppress};
  CHECK(kinds("// old token @T@\nconst a = 1;\n", Language::TypeScript) == redact);
  CHECK(kinds("# old token @T@\na = 1\n", Language::Python) == redact);
  CHECK(kinds("/* @T@ */\npackage main\n", Language::Go) == redact);
  CHECK(fixed("// old token @T@\nconst a = 1;\n", Language::TypeScript, FixKind::Redact) ==
        "// old token pul-<your-token>\nconst a = 1;\n");
  CHECK(kinds("# old token @T@\nname: x\n", Language::PulumiYaml) == redact);
  CHECK(kinds("# old token @T@\nFROM a\n", Language::Dockerfile).front() == FixKind::Redact);
}

TEST_CASE("suppress appends the ignore marker in the file's comment syntax") {
  check_rows({
      {"const t = \"@T@\";\n", Language::TypeScript, FixKind::Suppress, "const t = \"@T@\"; // pulumi-token-lsp:ignore\n"},
  });
}
