#pragma once

#include <string>

namespace ptl::remediation {

// The names the fixes write, all from settings; the initialisers are the
// defaults. Names are escaped for the string literals they end up in; an
// environment variable name that is not an identifier falls back to the default.
struct Names {
  std::string env_var = "PULUMI_ACCESS_TOKEN";
  std::string config_key = "pulumiAccessToken";
  std::string aws_secret_id = "pulumi-access-token";
  std::string vault_mount = "secret", vault_path = "pulumi", vault_field = "api_key";
  std::string conjur_variable = "pulumi/access-token";
};

}  // namespace ptl::remediation
