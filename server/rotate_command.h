#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "remediation/names.h"
#include "verify/secret_store.h"

namespace ptl::server {

// The store entry that the code fixes written with `names` read (the Vault mount, path and field,
// the AWS secret id, the Conjur variable): one mapping, for the CLI's flags and the server's
// settings (remediation_names), so the store written is the one the fixed code reads.
verify::StoreConfig store_config(verify::StoreConfig::Kind kind, const remediation::Names& names);

// `pulumi-token-lsp rotate FILE:LINE[:COLUMN] --store vault|aws|conjur [...]`: the CLI front end
// of the guided rotation (verify/rotation.h). `args` are the arguments after "rotate". Finds the
// token at that position of FILE (LINE and COLUMN 1-based, COLUMN in code points as `scan`
// reports it; without COLUMN the line must hold exactly one token), asks each confirmation on
// `in` (each question on `out`; --yes answers yes to all; without --yes `in` must be a terminal,
// else it refuses), applies the chosen store's code fix to FILE (written atomically: a temporary
// file beside it, then rename), and prints each step on `out`. --dry-run prints every request a
// real run would send, with credentials and tokens masked, and sends and writes nothing.
// Returns 0 when rotated (or the leaked token must be revoked by hand at the page shown, or it
// was not live, or a dry run), 1 when a step failed, was declined or was refused, 2 on a usage
// error. Never writes a full token.
int run_rotate(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err,
               bool in_is_terminal);

// The usage text of `rotate`, for --help.
extern const char* const kRotateHelp;

}  // namespace ptl::server
