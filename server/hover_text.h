#pragma once
// The hover shown on a token: what the risk is and how to rotate, in Markdown.

#include <string>
#include <string_view>

#include "server/settings.h"

namespace ptl::server {

// The console page where tokens are created and revoked, for the configured backend.
std::string rotation_url(const Settings& s);

// `masked` is the masked preview; the token itself never reaches this function. `encoding` is how
// the token is encoded there (detectors::describe_encoding), empty for a plain token.
std::string hover_markdown(std::string_view masked, bool placeholder, std::string_view encoding, const Settings& s);

}  // namespace ptl::server
