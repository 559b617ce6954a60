#pragma once
// `pulumi-token-lsp --check PATH...`: the server's pipeline over files on disk, for the quick
// start, pre-commit hooks and CI.
//
// Each finding prints as `file:line:col: severity: message`, with 1-based lines and columns
// counted in Unicode code points (what `grep -n` users and most editors' "go to" expect), the
// masked token only, and the fixes a code action would offer there. The files are those `scan`
// reads (scan/path_source.h: directories walked recursively, .git skipped, symlinks kept in the
// tree; binary files and files over maxDocumentSize skipped), with the same findings.

#include <ostream>
#include <string>
#include <vector>

#include "server/logger.h"
#include "server/settings.h"

namespace ptl::server {

// Returns 1 when a non-placeholder token was found, 2 when a path could not be read, else 0.
int run_check(const std::vector<std::string>& paths, const Settings& settings, std::ostream& out, Logger& log);

}  // namespace ptl::server
