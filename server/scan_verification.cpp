#include "server/scan_verification.h"

#include <vector>

#include "verify/pulumi_tokens.h"

namespace ptl::server {

TokenStash::~TokenStash() { wipe(); }

std::function<void(std::string_view, std::string_view)> TokenStash::hook() {
  return [this](std::string_view token, std::string_view token_hash) { add(token, token_hash); };
}

void TokenStash::add(std::string_view token, std::string_view token_hash) {
  const std::lock_guard lock(mutex_);
  if (tokens_.find(token_hash) == tokens_.end()) tokens_.emplace(std::string(token_hash), std::string(token));
}

std::string_view TokenStash::find(std::string_view token_hash) const {
  const std::lock_guard lock(mutex_);
  const auto it = tokens_.find(token_hash);
  return it == tokens_.end() ? std::string_view() : std::string_view(it->second);
}

void TokenStash::wipe() {
  const std::lock_guard lock(mutex_);
  for (auto& [hash, token] : tokens_) verify::wipe(token);
  tokens_.clear();
}

scan::TokenVerification to_report(const verify::Verification& v) {
  scan::TokenVerification out;
  out.state = std::string(verify::liveness_name(v.liveness));
  out.text = verify::describe(v);
  if (v.liveness == verify::Liveness::Unknown) out.reason = v.reason;
  if (v.liveness == verify::Liveness::Live) {
    out.owner = v.owner;
    out.kind = std::string(verify::token_kind_name(v.kind));
    out.name = v.token_name;
  }
  return out;
}

void verify_findings(scan::ScanReport& report, TokenStash& stash, verify::TokenVerifier& verifier, unsigned threads) {
  std::map<std::string, scan::TokenVerification> answers;  // by token hash
  for (const scan::ScanFinding& f : report.findings) {
    if (!f.placeholder && !stash.find(f.token_hash).empty()) answers.emplace(f.token_hash, scan::TokenVerification{});
  }
  std::vector<std::map<std::string, scan::TokenVerification>::iterator> order;
  for (auto it = answers.begin(); it != answers.end(); ++it) order.push_back(it);
  // Each worker writes its own entries: the map's shape does not change while they run.
  scan::for_each_parallel(order.size(), threads, [&](unsigned, std::size_t i) {
    order[i]->second = to_report(verifier.verify(stash.find(order[i]->first)));
  });
  stash.wipe();
  for (scan::ScanFinding& f : report.findings) {
    if (const auto it = answers.find(f.token_hash); !f.placeholder && it != answers.end()) f.verification = it->second;
  }
}

}  // namespace ptl::server
