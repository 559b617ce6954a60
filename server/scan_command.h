#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace ptl::server {

// `pulumi-token-lsp scan [OPTIONS] [PATH... | -]`: the CLI front end of the scan engine
// (scan/scan_engine.h). `args` are the arguments after "scan". Writes the report to `out` (or
// --output FILE), messages to `err`. Returns the exit code: 0 no findings, 1 findings, 2 a
// usage error or something that could not be read (the findings that were made are still
// reported); --exit-zero turns 1 into 0. Never writes a token. The terminal flags decide colour
// (standard output) and the progress line (standard error).
int run_scan(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err,
             bool out_is_terminal, bool err_is_terminal);

// The usage text of `scan`, for --help.
extern const char* const kScanHelp;

}  // namespace ptl::server
