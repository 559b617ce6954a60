#include "remediation/lookup_snippets.h"

#include <fmt/format.h>

#include <string_view>

#include "remediation/edit_set.h"

namespace ptl::remediation {
namespace {

// Replace every "@KEY@" of a snippet by its value (a tiny template, because the
// snippets are full of braces that fmt would take for fields).
std::string fill(std::string_view snippet, std::initializer_list<std::pair<std::string_view, std::string>> values) {
  std::string out(snippet);
  for (const auto& [key, value] : values) {
    const std::string marker = fmt::format("@{}@", key);
    for (auto at = out.find(marker); at != std::string::npos; at = out.find(marker, at + value.size())) {
      out.replace(at, marker.size(), value);
    }
  }
  return out;
}

std::string lit(std::string_view s) { return escape_double_quoted(s); }

// Escape for a literal delimited by quote (Python may use either quote).
std::string lit_quoted(std::string_view s, char quote) {
  std::string out;
  for (char c : s) {
    if (c == quote || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

// ---- TypeScript / JavaScript -------------------------------------------------

constexpr std::string_view kTsAws = R"(async function pulumiAccessTokenFromAws()@RET@ {
    const client = new SecretsManagerClient({});
    const out = await client.send(new GetSecretValueCommand({ SecretId: "@ID@" }));
    if (out.SecretString === undefined) {
        throw new Error("AWS secret @ID@ has no string value");
    }
    return out.SecretString;
}
)";

// KV v2 is read at <mount>/data/<path>; the answer nests the fields under
// data.data (data.metadata holds the version).
constexpr std::string_view kTsVault = R"(async function pulumiAccessTokenFromVault()@RET@ {
    const client = vault({ apiVersion: "v1", endpoint: process.env.VAULT_ADDR, token: process.env.VAULT_TOKEN });
    const secret = await client.read("@MOUNT@/data/@PATH@");
    return secret.data.data["@FIELD@"];
}
)";

// Conjur has no official Node SDK: its REST API with fetch (Node 18+).
constexpr std::string_view kTsConjur = R"(async function pulumiAccessTokenFromConjur()@RET@ {
    const url = process.env.CONJUR_APPLIANCE_URL;
    const account = encodeURIComponent(process.env.CONJUR_ACCOUNT ?? "");
    const login = encodeURIComponent(process.env.CONJUR_AUTHN_LOGIN ?? "");
    const auth = await fetch(`${url}/authn/${account}/${login}/authenticate`, {
        method: "POST",
        headers: { "Accept-Encoding": "base64" },
        body: process.env.CONJUR_AUTHN_API_KEY,
    });
    if (!auth.ok) {
        throw new Error(`Conjur authentication failed: ${auth.status}`);
    }
    const token = await auth.text();
    const id = encodeURIComponent("@VARIABLE@");
    const secret = await fetch(`${url}/secrets/${account}/variable/${id}`, {
        headers: { Authorization: `Token token="${token}"` },
    });
    if (!secret.ok) {
        throw new Error(`Conjur secret lookup failed: ${secret.status}`);
    }
    return await secret.text();
}
)";

// process.env.X is `string | undefined`: where a string is required it does not type-check,
// and where it does (a template) an unset variable silently becomes "undefined". The fix reads
// it through this helper, which fails clearly instead.
constexpr std::string_view kTsEnv = R"(@DOC@function requireEnv(name@PARAM@)@RET@ {
    const value = process.env[name];
    if (value === undefined || value === "") {
        throw new Error(`Set the environment variable ${name}`);
    }
    return value;
}
)";

// A secret-store helper returns a Promise. Where `await` is valid the call is
// awaited and gives a plain string; elsewhere (the top level of a CommonJS
// file or of a TypeScript program compiled as CommonJS, as Pulumi's templates
// are, or a function that is not async) it is wrapped in pulumi.secret(),
// which takes the Promise as an Input and gives a secret Output.
void js_call(Lookup& l, const std::string& helper, const FileFacts& facts) {
  l.helper_name = helper;
  if (facts.await_allowed) {
    l.expression = "await " + helper + "()";
    return;
  }
  l.expression = fmt::format("{}.secret({}())", facts.pulumi_alias, helper);
  l.pulumi_output = true;
  l.imports.push_back("@pulumi/pulumi|* as " + facts.pulumi_alias);
}

Lookup js_lookup(FixKind kind, bool typescript, const Names& n, const FileFacts& facts) {
  const std::string ret = typescript ? ": Promise<string>" : "";
  Lookup l;
  switch (kind) {
    case FixKind::Environment:
      l.expression = fmt::format("requireEnv(\"{}\")", safe_env_var(n));
      l.helper_name = "requireEnv";
      // JavaScript gets its types from JSDoc, which checkJs (and editors) read.
      l.helper_code = fill(kTsEnv, {{"DOC", typescript ? "" : "/** @param {string} name @returns {string} */\n"},
                                    {"PARAM", typescript ? ": string" : ""},
                                    {"RET", typescript ? ": string" : ""}});
      break;
    case FixKind::PulumiConfig:
      l.expression = fmt::format("new {}.Config().requireSecret(\"{}\")", facts.pulumi_alias, lit(n.config_key));
      l.pulumi_output = true;
      l.imports = {"@pulumi/pulumi|* as " + facts.pulumi_alias};
      break;
    case FixKind::AwsSecretsManager:
      l.imports = {"@aws-sdk/client-secrets-manager|{ GetSecretValueCommand, SecretsManagerClient }"};
      js_call(l, "pulumiAccessTokenFromAws", facts);
      l.helper_code = fill(kTsAws, {{"RET", ret}, {"ID", lit(n.aws_secret_id)}});
      break;
    case FixKind::Vault:
      // node-vault's types say `export = NodeVault`: TypeScript without
      // esModuleInterop (Pulumi's templates) takes it only as import-equals.
      l.imports = {typescript ? "node-vault|= vault" : "node-vault|vault"};
      js_call(l, "pulumiAccessTokenFromVault", facts);
      l.helper_code = fill(kTsVault, {{"RET", ret}, {"MOUNT", lit(n.vault_mount)}, {"PATH", lit(n.vault_path)},
                                      {"FIELD", lit(n.vault_field)}});
      break;
    case FixKind::Conjur:
      js_call(l, "pulumiAccessTokenFromConjur", facts);
      l.helper_code = fill(kTsConjur, {{"RET", ret}, {"VARIABLE", lit(n.conjur_variable)}});
      break;
    case FixKind::Redact:
    case FixKind::Suppress:
    case FixKind::RecreateSecret: break;
  }
  return l;
}

// ---- Python -------------------------------------------------------------------

constexpr std::string_view kPyAws = R"(def pulumi_access_token_from_aws() -> str:
    client = boto3.client("secretsmanager")
    return client.get_secret_value(SecretId="@ID@")["SecretString"]
)";

constexpr std::string_view kPyVault = R"(def pulumi_access_token_from_vault() -> str:
    client = hvac.Client(url=os.environ["VAULT_ADDR"], token=os.environ["VAULT_TOKEN"])
    secret = client.secrets.kv.v2.read_secret_version(
        path="@PATH@", mount_point="@MOUNT@", raise_on_deleted_version=True
    )
    return secret["data"]["data"]["@FIELD@"]
)";

// conjur_api's Client methods are coroutines. A Pulumi program already runs
// inside an event loop, where asyncio.run() is refused, so the lookup gets its
// own loop in a worker thread; that works in plain scripts too. The API key
// goes in api_key: with only a password the SDK makes an extra login call. Client.get returns
// Optional[bytes] and ConjurConnectionInfo's cert_file is a str (conjur-api-python's
// signatures): an unset certificate is not passed, and a missing value fails clearly.
constexpr std::string_view kPyConjur = R"(def pulumi_access_token_from_conjur() -> str:
    async def fetch() -> bytes:
        url = os.environ["CONJUR_APPLIANCE_URL"]
        account = os.environ["CONJUR_ACCOUNT"]
        cert_file = os.environ.get("CONJUR_CERT_FILE")
        if cert_file:
            connection = ConjurConnectionInfo(conjur_url=url, account=account, cert_file=cert_file)
        else:
            connection = ConjurConnectionInfo(conjur_url=url, account=account)
        credentials = SimpleCredentialsProvider()
        credentials.save(
            CredentialsData(
                machine=url, username=os.environ["CONJUR_AUTHN_LOGIN"], api_key=os.environ["CONJUR_AUTHN_API_KEY"]
            )
        )
        client = Client(connection, authn_strategy=AuthnAuthenticationStrategy(credentials))
        value = await client.get("@VARIABLE@")
        if value is None:
            raise RuntimeError("Conjur variable @VARIABLE@ has no value")
        return value

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, fetch()).result().decode("utf-8")
)";

Lookup python_lookup(FixKind kind, const Names& n, char quote) {
  Lookup l;
  const std::string q(1, quote == '\'' ? '\'' : '"');
  switch (kind) {
    case FixKind::Environment:
      l.expression = fmt::format("os.environ[{}{}{}]", q, safe_env_var(n), q);
      l.imports = {"import os"};
      break;
    case FixKind::PulumiConfig:
      l.expression = fmt::format("pulumi.Config().require_secret({}{}{})", q, lit_quoted(n.config_key, q[0]), q);
      l.pulumi_output = true;
      l.imports = {"import pulumi"};
      break;
    case FixKind::AwsSecretsManager:
      l.expression = "pulumi_access_token_from_aws()";
      l.imports = {"import boto3"};
      l.helper_name = "pulumi_access_token_from_aws";
      l.helper_code = fill(kPyAws, {{"ID", lit(n.aws_secret_id)}});
      break;
    case FixKind::Vault:
      l.expression = "pulumi_access_token_from_vault()";
      l.imports = {"import os", "import hvac"};
      l.helper_name = "pulumi_access_token_from_vault";
      l.helper_code = fill(kPyVault, {{"MOUNT", lit(n.vault_mount)}, {"PATH", lit(n.vault_path)},
                                      {"FIELD", lit(n.vault_field)}});
      break;
    case FixKind::Conjur:
      l.expression = "pulumi_access_token_from_conjur()";
      l.imports = {"import asyncio", "import os", "from concurrent.futures import ThreadPoolExecutor",
                   "from conjur_api import Client",
                   "from conjur_api.models import ConjurConnectionInfo, CredentialsData",
                   "from conjur_api.providers import AuthnAuthenticationStrategy, SimpleCredentialsProvider"};
      l.helper_name = "pulumi_access_token_from_conjur";
      l.helper_code = fill(kPyConjur, {{"VARIABLE", lit(n.conjur_variable)}});
      break;
    case FixKind::Redact:
    case FixKind::Suppress:
    case FixKind::RecreateSecret: break;
  }
  return l;
}

// ---- Go -----------------------------------------------------------------------

constexpr std::string_view kGoAws = R"(func mustPulumiAccessTokenFromAws() string {
	ctx := context.Background()
	cfg, err := awsconfig.LoadDefaultConfig(ctx)
	if err != nil {
		panic(err)
	}
	secretID := "@ID@"
	out, err := secretsmanager.NewFromConfig(cfg).GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: &secretID})
	if err != nil {
		panic(err)
	}
	return *out.SecretString
}
)";

constexpr std::string_view kGoVault = R"(func mustPulumiAccessTokenFromVault() string {
	// DefaultConfig reads VAULT_ADDR; NewClient reads VAULT_TOKEN.
	client, err := vault.NewClient(vault.DefaultConfig())
	if err != nil {
		panic(err)
	}
	secret, err := client.KVv2("@MOUNT@").Get(context.Background(), "@PATH@")
	if err != nil {
		panic(err)
	}
	value, ok := secret.Data["@FIELD@"].(string)
	if !ok {
		panic("vault field @FIELD@ is not a string")
	}
	return value
}
)";

constexpr std::string_view kGoConjur = R"(func mustPulumiAccessTokenFromConjur() string {
	// LoadConfig and NewClientFromEnvironment read the CONJUR_* variables.
	cfg, err := conjurapi.LoadConfig()
	if err != nil {
		panic(err)
	}
	client, err := conjurapi.NewClientFromEnvironment(cfg)
	if err != nil {
		panic(err)
	}
	value, err := client.RetrieveSecret("@VARIABLE@")
	if err != nil {
		panic(err)
	}
	return string(value)
}
)";

Lookup go_lookup(FixKind kind, const Names& n) {
  Lookup l;
  switch (kind) {
    case FixKind::Environment:
      l.expression = fmt::format("os.Getenv(\"{}\")", safe_env_var(n));
      l.imports = {"\"os\""};
      break;
    case FixKind::PulumiConfig:
      l.expression = fmt::format("config.RequireSecret(ctx, \"{}\")", lit(n.config_key));
      l.pulumi_output = true;
      l.imports = {"\"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config\""};
      break;
    case FixKind::AwsSecretsManager:
      l.expression = "mustPulumiAccessTokenFromAws()";
      l.imports = {"\"context\"", "awsconfig \"github.com/aws/aws-sdk-go-v2/config\"",
                   "\"github.com/aws/aws-sdk-go-v2/service/secretsmanager\""};
      l.helper_name = "mustPulumiAccessTokenFromAws";
      l.helper_code = fill(kGoAws, {{"ID", lit(n.aws_secret_id)}});
      break;
    case FixKind::Vault:
      l.expression = "mustPulumiAccessTokenFromVault()";
      l.imports = {"\"context\"", "vault \"github.com/hashicorp/vault/api\""};
      l.helper_name = "mustPulumiAccessTokenFromVault";
      l.helper_code = fill(kGoVault, {{"MOUNT", lit(n.vault_mount)}, {"PATH", lit(n.vault_path)},
                                      {"FIELD", lit(n.vault_field)}});
      break;
    case FixKind::Conjur:
      l.expression = "mustPulumiAccessTokenFromConjur()";
      l.imports = {"\"github.com/cyberark/conjur-api-go/conjurapi\""};
      l.helper_name = "mustPulumiAccessTokenFromConjur";
      l.helper_code = fill(kGoConjur, {{"VARIABLE", lit(n.conjur_variable)}});
      break;
    case FixKind::Redact:
    case FixKind::Suppress:
    case FixKind::RecreateSecret: break;
  }
  return l;
}

// ---- C# -----------------------------------------------------------------------

constexpr std::string_view kCsAws = R"(@MODS@string PulumiAccessTokenFromAws()
{
    using (var client = new AmazonSecretsManagerClient())
    {
        var request = new GetSecretValueRequest { SecretId = "@ID@" };
        return client.GetSecretValueAsync(request).GetAwaiter().GetResult().SecretString;
    }
}
)";

constexpr std::string_view kCsVault = R"(@MODS@string PulumiAccessTokenFromVault()
{
    var auth = new TokenAuthMethodInfo(Environment.GetEnvironmentVariable("VAULT_TOKEN"));
    var client = new VaultClient(new VaultClientSettings(Environment.GetEnvironmentVariable("VAULT_ADDR"), auth));
    var secret = client.V1.Secrets.KeyValue.V2.ReadSecretAsync(path: "@PATH@", mountPoint: "@MOUNT@").GetAwaiter().GetResult();
    return secret.Data.Data["@FIELD@"].ToString();
}
)";

constexpr std::string_view kCsConjur = R"(@MODS@string PulumiAccessTokenFromConjur()
{
    var client = new Conjur.Client(Environment.GetEnvironmentVariable("CONJUR_APPLIANCE_URL"), Environment.GetEnvironmentVariable("CONJUR_ACCOUNT"));
    client.Credential = new NetworkCredential(Environment.GetEnvironmentVariable("CONJUR_AUTHN_LOGIN"), Environment.GetEnvironmentVariable("CONJUR_AUTHN_API_KEY"));
    return client.Variable("@VARIABLE@").GetValue();
}
)";

Lookup csharp_lookup(FixKind kind, const Names& n, const FileFacts& facts) {
  const std::string mods = facts.csharp_in_class ? "private static " : "static ";
  Lookup l;
  switch (kind) {
    case FixKind::Environment:
      l.expression = fmt::format("Environment.GetEnvironmentVariable(\"{}\")", safe_env_var(n));
      l.imports = {"System"};
      break;
    case FixKind::PulumiConfig:
      l.expression = fmt::format("new Config().RequireSecret(\"{}\")", lit(n.config_key));
      l.pulumi_output = true;
      l.imports = {"Pulumi"};
      break;
    case FixKind::AwsSecretsManager:
      l.expression = "PulumiAccessTokenFromAws()";
      l.imports = {"Amazon.SecretsManager", "Amazon.SecretsManager.Model"};
      l.helper_name = "PulumiAccessTokenFromAws";
      l.helper_code = fill(kCsAws, {{"MODS", mods}, {"ID", lit(n.aws_secret_id)}});
      break;
    case FixKind::Vault:
      l.expression = "PulumiAccessTokenFromVault()";
      l.imports = {"System", "VaultSharp", "VaultSharp.V1.AuthMethods.Token"};
      l.helper_name = "PulumiAccessTokenFromVault";
      l.helper_code = fill(kCsVault, {{"MODS", mods}, {"MOUNT", lit(n.vault_mount)}, {"PATH", lit(n.vault_path)},
                                      {"FIELD", lit(n.vault_field)}});
      break;
    case FixKind::Conjur:
      l.expression = "PulumiAccessTokenFromConjur()";
      l.imports = {"System", "System.Net"};
      l.helper_name = "PulumiAccessTokenFromConjur";
      l.helper_code = fill(kCsConjur, {{"MODS", mods}, {"VARIABLE", lit(n.conjur_variable)}});
      break;
    case FixKind::Redact:
    case FixKind::Suppress:
    case FixKind::RecreateSecret: break;
  }
  return l;
}

// ---- Java ---------------------------------------------------------------------

constexpr std::string_view kJavaAws = R"(private static String pulumiAccessTokenFromAws() {
    try (SecretsManagerClient client = SecretsManagerClient.create()) {
        GetSecretValueRequest request = GetSecretValueRequest.builder().secretId("@ID@").build();
        return client.getSecretValue(request).secretString();
    }
}
)";

// io.github.jopenlibs:vault-java-driver; engineVersion(2) inserts the KV v2
// "data/" segment. The public constructor is in every release of the driver.
constexpr std::string_view kJavaVault = R"(private static String pulumiAccessTokenFromVault() {
    try {
        VaultConfig config = new VaultConfig()
                .address(System.getenv("VAULT_ADDR"))
                .token(System.getenv("VAULT_TOKEN"))
                .engineVersion(2)
                .build();
        return new Vault(config).logical().read("@MOUNT@/@PATH@").getData().get("@FIELD@");
    } catch (VaultException e) {
        throw new IllegalStateException("cannot read @MOUNT@/@PATH@ from Vault", e);
    }
}
)";

// com.cyberark.conjur.api.Conjur reads the CONJUR_* variables.
constexpr std::string_view kJavaConjur = R"(private static String pulumiAccessTokenFromConjur() {
    Conjur conjur = new Conjur();
    return conjur.variables().retrieveSecret("@VARIABLE@");
}
)";

Lookup java_lookup(FixKind kind, const Names& n) {
  Lookup l;
  switch (kind) {
    case FixKind::Environment: l.expression = fmt::format("System.getenv(\"{}\")", safe_env_var(n)); break;
    case FixKind::PulumiConfig:
      l.expression = fmt::format("ctx.config().requireSecret(\"{}\")", lit(n.config_key));
      l.pulumi_output = true;
      break;
    case FixKind::AwsSecretsManager:
      l.expression = "pulumiAccessTokenFromAws()";
      l.imports = {"software.amazon.awssdk.services.secretsmanager.SecretsManagerClient",
                   "software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest"};
      l.helper_name = "pulumiAccessTokenFromAws";
      l.helper_code = fill(kJavaAws, {{"ID", lit(n.aws_secret_id)}});
      break;
    case FixKind::Vault:
      l.expression = "pulumiAccessTokenFromVault()";
      l.imports = {"io.github.jopenlibs.vault.Vault", "io.github.jopenlibs.vault.VaultConfig",
                   "io.github.jopenlibs.vault.VaultException"};
      l.helper_name = "pulumiAccessTokenFromVault";
      l.helper_code = fill(kJavaVault, {{"MOUNT", lit(n.vault_mount)}, {"PATH", lit(n.vault_path)},
                                        {"FIELD", lit(n.vault_field)}});
      break;
    case FixKind::Conjur:
      l.expression = "pulumiAccessTokenFromConjur()";
      l.imports = {"com.cyberark.conjur.api.Conjur"};
      l.helper_name = "pulumiAccessTokenFromConjur";
      l.helper_code = fill(kJavaConjur, {{"VARIABLE", lit(n.conjur_variable)}});
      break;
    case FixKind::Redact:
    case FixKind::Suppress:
    case FixKind::RecreateSecret: break;
  }
  return l;
}

bool is_identifier(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string safe_env_var(const Names& names) {
  return is_identifier(names.env_var) ? names.env_var : Names{}.env_var;
}

std::string hcl_variable_name(const Names& names) {
  std::string out = safe_env_var(names);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Lookup lookup_for(FixKind kind, Language language, const Names& names, const FileFacts& facts, char quote) {
  switch (language) {
    case Language::TypeScript: return js_lookup(kind, true, names, facts);
    case Language::JavaScript: return js_lookup(kind, false, names, facts);
    case Language::Python: return python_lookup(kind, names, quote);
    case Language::Go: return go_lookup(kind, names);
    case Language::CSharp: return csharp_lookup(kind, names, facts);
    case Language::Java: return java_lookup(kind, names);
    default: return {};
  }
}

}  // namespace ptl::remediation
