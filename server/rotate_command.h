#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "remediation/fix.h"
#include "remediation/names.h"
#include "verify/secret_store.h"

namespace ptl::server {

// The store entry that the code fixes written with `names` read (the Vault mount, path and field,
// the AWS secret id, the Conjur variable): one mapping, for the CLI's flags and the server's
// settings (remediation_names), so the store written is the one the fixed code reads.
verify::StoreConfig store_config(verify::StoreConfig::Kind kind, const remediation::Names& names);

// The code fix that reads the token from a store of `kind`.
remediation::FixKind fix_kind(verify::StoreConfig::Kind kind);

// The fix of a store of `kind` for the token at [begin, end) of `text` (a file at `path`, whose
// name gives the language), written with `names`; nullopt where that store has no fix there (a
// comment, documentation, a data file). What RotationUi::apply_fix applies, in the CLI and the
// server.
std::optional<remediation::Fix> store_fix(std::string_view text, std::size_t begin, std::size_t end,
                                          const std::string& path, const remediation::Names& names,
                                          verify::StoreConfig::Kind kind);

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
