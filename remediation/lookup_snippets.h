#pragma once

#include <string>
#include <vector>

#include "remediation/fix.h"
#include "remediation/language.h"
#include "remediation/names.h"

namespace ptl::remediation {

// What a program-language fix writes in place of the literal, and what it
// needs around it.
struct Lookup {
  // An expression whose value is the token. For Python it uses `quote` for its
  // own string literals so it can sit inside an f-string delimited by the other.
  std::string expression;
  // The value is a Pulumi Output, not a plain string: embedding it in a larger
  // string goes through apply().
  bool pulumi_output = false;
  // Imports in the language's own notation (see import_region.h).
  std::vector<std::string> imports;
  // One helper function, added once per file; empty when none is needed.
  std::string helper_name;
  std::string helper_code;  // at column 0, lines end in '\n', indented by 4 spaces (Go: tabs)
};

// Facts about the file that change how a lookup is spelled.
struct FileFacts {
  std::string pulumi_alias = "pulumi";  // TS/JS: the name @pulumi/pulumi is bound to
  bool csharp_in_class = true;           // C#: the helper goes into a class (else a local function)
  // TS/JS: the literal sits where `await` is valid (see await_context.h).
  // Then a secret-store lookup is `await helper()`, a plain string; elsewhere
  // it is `pulumi.secret(helper())`, a secret Output that any resource
  // argument (Input<string>) takes, embedded in larger strings through apply().
  bool await_allowed = false;
};

// The lookup for a fix kind in a program language (TypeScript, JavaScript,
// Python, Go, C#, Java); kinds that do not apply give an empty expression.
Lookup lookup_for(FixKind kind, Language language, const Names& names, const FileFacts& facts, char quote = '"');

// Names made safe for the places they are written: an environment variable
// name that is not an identifier falls back to the default.
std::string safe_env_var(const Names& names);
// The Terraform variable the environment variable feeds: PULUMI_ACCESS_TOKEN
// becomes pulumi_access_token (read from TF_VAR_pulumi_access_token).
std::string hcl_variable_name(const Names& names);

}  // namespace ptl::remediation
