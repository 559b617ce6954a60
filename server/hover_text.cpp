#include "server/hover_text.h"

#include <fmt/format.h>

#include "scan/report.h"
#include "server/diagnostic_writer.h"

namespace ptl::server {

std::string rotation_url(const Settings& s) {
  std::string base = s.console_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/account/tokens";
}

namespace {

// Markdown code span around text from git (a path): backticks inside would end it early.
std::string code_span(std::string_view text) {
  std::string out = "`";
  for (char c : text) out += c == '`' ? '\'' : c;
  return out + "`";
}

}  // namespace

std::string hover_markdown(std::string_view masked, bool placeholder, std::string_view encoding, const Settings& s,
                           const scan::Committed* committed, const verify::Verification* verification) {
  const std::string encoded = encoding.empty() ? std::string() : fmt::format(", encoded as {}", encoding);
  if (placeholder) {
    return fmt::format(
        "**Placeholder-shaped Pulumi access token** `{}`{}\n\n"
        "Its digits follow a pattern no issued token has (repeated or stepping digits), so it is "
        "reported as a hint only. Set `pulumiTokenLsp.placeholders` to `\"off\"` to hide these.",
        masked, encoded);
  }
  const std::string what =
      encoding.empty()
          ? std::string()
          : fmt::format(
                "This text is a token {}: the encoding hides it from the eye, not from anyone who decodes it "
                "(`base64 -d` is enough), so it is as exposed as a token written out.\n\n",
                encoded.substr(2));
  const std::string_view remedy =
      encoding.empty()
          ? "Use a code action (quick fix) to replace the literal with a lookup."
          : "Take the value out of the file (in a Kubernetes Secret, a code action moves it out and says how to "
            "create the Secret from a file that is not committed), and rotate the token.";
  std::string history;
  if (committed) {
    history = fmt::format(
        "**Already in git history:** committed as {} in {}.\n\n"
        "Removing it from this file is not enough: the commit keeps it, and whoever has a clone, a "
        "fork or the remote has it too. Rotate it first (below; [what else to do]({})), then replace "
        "the literal. Rewriting the history cannot take back a token that was pushed.\n\n",
        code_span(committed->path), scan::committed_summary(*committed), kCommittedReadmeUrl);
  }
  std::string live;
  if (verification) {
    const char* title = verification->liveness == verify::Liveness::Live      ? "Live"
                        : verification->liveness == verify::Liveness::NotLive ? "Not live"
                                                                              : "Liveness unknown";
    live = fmt::format("**{}** (asked of the Pulumi API): {}\n\n", title, verification_sentence(*verification));
  }
  return history + fmt::format(
      "**Hard-coded Pulumi access token** `{0}`{3}\n\n"
      "{6}"
      "{4}"
      "Whoever can read this file (a teammate, a CI log, a fork, a backup) can use this token to act "
      "as its owner in the Pulumi organisation: read and change every stack, its state and its "
      "secrets, and reach the cloud credentials those stacks hold.\n\n"
      "**Rotate it:**\n"
      "1. Create a new token in the Pulumi console: [{1}]({1}).\n"
      "2. Put the new token where programs read it (the `{2}` environment variable, `pulumi config "
      "set --secret`, or a secrets manager) and replace every use of the old one.\n"
      "3. Revoke the old token in the console once nothing uses it.\n"
      "4. Watch the organisation's audit log for activity you do not recognise.\n\n"
      "{5}",
      masked, rotation_url(s), s.env_var, encoded, what, remedy, live);
}

}  // namespace ptl::server
