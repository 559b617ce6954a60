#include "server/live_checks.h"

#include "verify/pulumi_tokens.h"

namespace ptl::server {

LiveChecks::LiveChecks(Logger& log, BackgroundWork& work, Arrived arrived)
    : log_(log), work_(work), arrived_(std::move(arrived)) {}

void LiveChecks::configure(const Settings& settings) {
  const bool same = settings.verify == enabled_ && settings.verify_backend == backend_setting_ &&
                    settings.verify_timeout_seconds == timeout_seconds_;
  if (same) return;
  enabled_ = settings.verify;
  backend_setting_ = settings.verify_backend;
  timeout_seconds_ = settings.verify_timeout_seconds;
  ++generation_;
  answers_.clear();
  in_flight_.clear();
  verifier_.reset();
  if (!enabled_) return;
  verify::TokenVerifierOptions options;
  options.backend = backend_setting_;
  options.timeout = std::chrono::seconds(timeout_seconds_);
  verifier_ = std::make_shared<verify::TokenVerifier>(options);
  log_.info("verify: tokens of opened and saved documents are checked against {}", verifier_->backend());
}

std::string LiveChecks::backend() const { return verifier_ ? verifier_->backend() : std::string(); }

const verify::Verification* LiveChecks::find(std::size_t key) const {
  auto it = answers_.find(key);
  return it == answers_.end() ? nullptr : &it->second;
}

void LiveChecks::check(const std::vector<std::string_view>& tokens, bool asked) {
  if (!enabled_ || !verifier_) return;
  std::size_t sent = 0;
  for (const std::string_view token : tokens) {
    if (sent == kMaxPerRequest) {
      log_.info("verify: {} more tokens in the document are not checked (at most {} at a time)",
                tokens.size() - sent, kMaxPerRequest);
      break;
    }
    const std::size_t key = token_key(token);
    if (in_flight_.count(key)) continue;
    if (const verify::Verification* known = find(key)) {
      if (asked) arrived_(key, *known, true, false);
      continue;
    }
    in_flight_.insert(key);
    ++sent;
    work_.submit([this, key, asked, generation = generation_, verifier = verifier_,
                  token = verify::shared_secret(std::string(token))]() mutable -> BackgroundWork::Completion {
      verify::Verification answer = verifier->verify(*token);
      token.reset();  // wiped
      return [this, key, asked, generation, answer = std::move(answer)] {
        if (generation != generation_) return;  // the settings changed meanwhile
        in_flight_.erase(key);
        answers_[key] = answer;
        arrived_(key, answers_[key], asked, true);
      };
    });
  }
}

}  // namespace ptl::server
