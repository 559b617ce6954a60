#pragma once

#include <filesystem>
#include <string>

#include "scan/scan_engine.h"

namespace ptl::scan {

// The git sources of a scan, read with libgit2 (git_repository.h), each blob through
// scan_contents on options.threads threads (one repository handle per thread). Paths are from
// the repository's root. Never throw: what cannot be read is in ScanReport::errors.

// What `git commit` is about to record (`--staged`, for pre-commit hooks): each file of the index
// that differs from HEAD, as staged (not as in the work tree); the index GIT_INDEX_FILE names
// when it is set, as git sets it for hooks under `git commit -a` and `git commit PATH`. `start`
// is a directory inside the repository.
ScanReport scan_staged(const std::filesystem::path& start, const ScanOptions& options);

// The history of `range` (`--git`, GitRepository::walk's syntax; empty: every ref). Each distinct
// blob is read once; a token is reported once per path, with the first commit (parents first)
// that holds it there: the commit, author and date that introduced it. Editing the file later,
// or renaming it unchanged, does not report it again; moving the token to another file does.
// Findings are in history order (oldest commit first), then by path and position.
ScanReport scan_history(const std::filesystem::path& start, const std::string& range, const ScanOptions& options);

}  // namespace ptl::scan
