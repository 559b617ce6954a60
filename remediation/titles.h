#pragma once

#include <string>
#include <string_view>

#include "remediation/fix.h"
#include "remediation/language.h"
#include "remediation/names.h"

namespace ptl::remediation {

// The code-action title of a fix. Built from the names only, so it never
// holds the token.
std::string fix_title(FixKind kind, Language language, const Names& names);

// The title of the fix that removes a plain-text value from a Pulumi stack
// configuration file: the `pulumi config set --secret` command that writes it
// back encrypted, with --path when the key is nested. Precondition: `key` is
// a validated config key (it cannot hold a token) or a placeholder.
std::string stack_config_title(std::string_view key, bool path);

// The title of the Pulumi YAML fix for a token that is a program config entry's value: the value
// goes, the entry is declared secret, and the title gives the command that sets it.
std::string pulumi_yaml_default_title(std::string_view key);

// The title of the fix that takes an encoded token's entry out of a Kubernetes Secret manifest
// (kubernetes_secret.h). Precondition: `key` and `name` cannot hold a token.
std::string recreate_secret_title(std::string_view key, std::string_view name);

// The title of the package.json fix that drops an inline `NAME=<token>` from an npm script.
std::string package_script_title(std::string_view env_var);

}  // namespace ptl::remediation
