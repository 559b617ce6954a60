#pragma once
// LiveChecks: whether the tokens of open documents are live, asked of the Pulumi API (issue 15's
// opt-in verification in the editor). Off unless the `verify` setting is "on": then the tokens
// of a document are checked when it is opened or saved, and one token when the user runs the
// "Check whether this token is live" code action; never on a keystroke.
//
// The requests run on their own BackgroundWork (they block on the network, at most the
// verifier's rate a second); answers are kept by std::hash of the token, as the allowlist and the
// history caches are (a SHA-256 per finding per keystroke costs too much; the verifier itself
// caches by SHA-256 for its TTL), and come back on the server's thread through `arrived`. A
// token is copied into its job only for the request and wiped after it; it is never logged.

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "server/background_work.h"
#include "server/logger.h"
#include "server/settings.h"
#include "verify/token_verifier.h"

namespace ptl::server {

class LiveChecks {
 public:
  // Called on the server's thread when an answer arrives: the key (token_key) of the token, its
  // answer, whether the user asked for it (the code action) rather than an open or a save, and
  // whether it is new (false: a known answer, repeated for the user who asked).
  using Arrived = std::function<void(std::size_t key, const verify::Verification& answer, bool asked, bool fresh)>;

  LiveChecks(Logger& log, BackgroundWork& work, Arrived arrived);

  // Takes the verify settings: a verifier for the backend and timeout (made again when they
  // change; answers kept so far are dropped then); verify off forgets every answer.
  void configure(const Settings& settings);
  bool enabled() const { return enabled_; }

  // The key answers are kept by.
  static std::size_t token_key(std::string_view token) { return std::hash<std::string_view>{}(token); }

  // Asks about each token (distinct, at most kMaxPerRequest of them) that has no answer and no
  // request in flight; `asked`: the user asked (an answer is reported even when known).
  void check(const std::vector<std::string_view>& tokens, bool asked);

  // The answer for the token with this key, or null (never asked, in flight, verify off).
  const verify::Verification* find(std::size_t key) const;

  // The backend asked ("https://api.pulumi.com"), empty when verify is off.
  std::string backend() const;

  static constexpr std::size_t kMaxPerRequest = 20;

 private:
  Logger& log_;
  BackgroundWork& work_;
  Arrived arrived_;
  bool enabled_ = false;
  std::string backend_setting_;
  std::size_t timeout_seconds_ = 0;
  std::shared_ptr<verify::TokenVerifier> verifier_;
  std::uint64_t generation_ = 0;  // bumped by configure: older answers are dropped
  std::unordered_map<std::size_t, verify::Verification> answers_;
  std::unordered_set<std::size_t> in_flight_;
};

}  // namespace ptl::server
