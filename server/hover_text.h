#pragma once
// The hover shown on a token: what the risk is and how to rotate, in Markdown.

#include <string>
#include <string_view>

#include "scan/scan_finding.h"
#include "server/settings.h"
#include "verify/token_verifier.h"

namespace ptl::server {

// The console page where tokens are created and revoked, for the configured backend.
std::string rotation_url(const Settings& s);

// The README's section on tokens already in git history (what to do beyond rotating).
inline constexpr std::string_view kCommittedReadmeUrl =
    "https://github.com/pulumi-token-lsp/pulumi-token-lsp/blob/main/README.md#tokens-already-in-git-history";

// `masked` is the masked preview; the token itself never reaches this function. `encoding` is how
// the token is encoded there (detectors::describe_encoding), empty for a plain token. With
// `committed` (a real token a commit already holds), the hover starts by saying so: which
// commit, whether it was pushed, and that removing the text is not enough. With `verification`
// (verify on), it says what the Pulumi API answered, right under the title.
std::string hover_markdown(std::string_view masked, bool placeholder, std::string_view encoding, const Settings& s,
                           const scan::Committed* committed = nullptr,
                           const verify::Verification* verification = nullptr);

}  // namespace ptl::server
