#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "scan/scan_engine.h"

namespace ptl::scan {

enum class ReportFormat { Text, Json, Sarif };

// A path as a URI reference: '/' separators, each byte outside RFC 3986's unreserved set and '/'
// percent-encoded, so spaces and non-ASCII names stay valid URIs ("a b/ü.ts" -> "a%20b/%C3%BC.ts").
// A leading "./" is dropped. "file://" + this of an absolute path is its file: URI.
std::string uri_of(std::string_view path);

// Where a committed token is, in words, for people (text reports, the editor's messages):
// "0123abcd4567 on 2026-12-04, pushed to origin/main", with ", not in HEAD's history" after the
// date when only another branch holds that commit and "not pushed" when no remote-tracking
// branch does. Never the token (Committed holds none).
std::string committed_summary(const Committed& c);

// "text", "json", "sarif" -> the format; false for anything else.
bool parse_report_format(std::string_view name, ReportFormat& out);

// Text, one line a finding, as compilers and grep print them:
//   path:line:col: error: Pulumi access token pul-1a2b… (fingerprint 0123abcd)
// placeholders as "hint"; findings from git history end with "added in commit 0123abcd4567 by
// Name on 2026-12-04"; a verified token (scan --verify) has the verification's phrase in
// parentheses right after its preview: "pul-1a2b… (live: personal token of alice)"; then one
// line per skipped path and a summary line. `color` wraps the severity in ANSI colour (the
// caller decides: a terminal, and NO_COLOR unset).
void write_text(std::ostream& out, const ScanReport& report, bool color);

// One JSON document: {"version": 1, "findings": [{path, line, column, endLine, endColumn, rule,
// severity, preview, fingerprint, and for git history commit: {id, author, email, date}; with
// scan --verify verification ("live", "not-live", "unknown"), verificationReason (unknown),
// tokenOwner, tokenKind and tokenName (live)}],
// "skipped": [{path, reason}], "errors": [...], "warnings": [...],
// "stats": {files, bytes, findings, placeholders, baselined, ignored, commits}}. Never a token: previews and
// fingerprints.
void write_json(std::ostream& out, const ScanReport& report);

// SARIF 2.1.0 as GitHub code scanning takes it: one run, `tool.driver` with the rule and its
// help (the remediation steps), one result per finding with a `region` in 1-based lines and
// code-point columns (`columnKind: unicodeCodePoints`), `partialFingerprints` with GitHub's
// `primaryLocationLineHash` and our own fingerprint, paths as relative URIs against
// `%SRCROOT%`, the commit of a history finding and the verification fields (as in write_json) in
// its `properties`. No snippet: a region's text would hold the token. `version` is the tool's.
void write_sarif(std::ostream& out, const ScanReport& report, std::string_view version);

}  // namespace ptl::scan
