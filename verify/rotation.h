#pragma once
// The guided rotation of a leaked Pulumi access token (issue 15): check, create a replacement,
// store it, fix the code, revoke the leaked one. One blocking function, run on a worker thread,
// driven through RotationUi, which the caller implements: the CLI (server/rotate_command.h) asks
// on the terminal; the language server asks with window/showMessageRequest and applies the fix
// with workspace/applyEdit.
//
// Guarantees:
//  - every step that changes something is confirmed first (RotationUi::confirm), and reported
//    after (RotationUi::report), with masked previews only (RotationRequest::mask);
//  - a failed or declined step stops the flow and loses nothing: the leaked token is never
//    revoked before the new one is stored AND read back; a new token that could not be stored is
//    reported by its description, and deleted again only when the user confirms;
//  - the leaked token is sent only to GET /api/user (TokenVerifier); every other call carries the
//    user's own credentials, which are refused when they are the leaked token;
//  - a dry run sends nothing and writes nothing: it is run with a RecordingTransport, asks no
//    question, and reports what each step would do;
//  - no token, credential or response body is in a report, a question or the result.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "verify/https_client.h"
#include "verify/secret_store.h"

namespace ptl::verify {

enum class RotationStep { Check, Create, Store, Fix, Revoke };

// "check", "create", "store", "fix", "revoke".
std::string_view rotation_step_name(RotationStep step);

// The caller's side of the flow. Called on the flow's thread, one call at a time; each call may
// block (waiting for the user).
class RotationUi {
 public:
  virtual ~RotationUi() = default;
  // What a step did or found: one sentence for a person.
  virtual void report(RotationStep step, std::string_view what) = 0;
  // A yes/no question before `step` changes something; `yes_label` names the action ("Create",
  // "Delete"): the button of window/showMessageRequest. false (declined, dismissed) stops the flow.
  virtual bool confirm(RotationStep step, std::string_view question, std::string_view yes_label) = 0;
  // Rewrites the file so the code reads the token from `store` (remediation::fixes_for's fix of
  // that store's kind); true when the file was changed.
  virtual bool apply_fix(const SecretStore& store) = 0;
  // Shows a page to the user (window/showDocument with external, or printed).
  virtual void open_url(std::string_view url) = 0;
};

struct RotationRequest {
  std::string token;  // the leaked token (the caller keeps and wipes it)
  std::string file;   // the file it was found in, as the user knows it: in the new token's description
  std::string backend;  // resolve_backend's setting: empty for PULUMI_BACKEND_URL, else the default
  std::chrono::milliseconds timeout{10000};  // per request
  std::int64_t expires = 0;  // the new token's expiry (unix seconds); 0: never
  bool dry_run = false;
  // Overrides of the environment (PULUMI_ACCESS_TOKEN, PULUMI_HOME, HOME, PULUMI_CONSOLE_DOMAIN),
  // for tests and settings; the process environment otherwise.
  std::map<std::string, std::string> environment;
  // The one way a token is shown: server/ passes detectors::mask_token. The default shows "pul-…".
  std::function<std::string(std::string_view token)> mask;
};

enum class RotationStatus {
  Rotated,       // new token stored and read back, code fixed, leaked token deleted
  RevokeByHand,  // the same, but the leaked token could not be identified: revoke it at token_page
  NotLive,       // nothing to rotate; the fix may have been applied (fixed)
  Declined,      // the user said no at `step`
  Failed,        // `step` failed
  Refused,       // the rotation cannot start (credentials missing or the leaked token itself, DIY backend)
  Cancelled,     // the cancel flag was set before `step`
  DryRun,        // nothing sent, nothing written
};

// "rotated", "revoke-by-hand", "not-live", "declined", "failed", "refused", "cancelled", "dry-run".
std::string_view rotation_status_name(RotationStatus status);

// How the flow ended, for the caller to show. Never holds a token.
struct RotationResult {
  RotationStatus status = RotationStatus::Failed;
  RotationStep step = RotationStep::Check;  // the step it ended at
  // What happened and what is left to do, for a person ("The leaked token is still live: ...").
  std::string message;
  bool created = false;   // a replacement token exists
  bool stored = false;    // ... and is stored and read back
  bool fixed = false;     // the code fix was applied
  bool revoked = false;   // the leaked token was deleted
  std::string new_token_description;  // created: the description to find it by
  std::string token_page;             // where to revoke a token by hand, when known
};

// Runs the flow for `request`: the store is `store` (made by make_secret_store with the same
// `transport`), every API call goes through `transport` (HttpsClient::send; a RecordingTransport
// for a dry run). `cancel` is read before each step. Never throws.
RotationResult rotate_token(const RotationRequest& request, SecretStore& store, const HttpsTransport& transport,
                            RotationUi& ui, const std::atomic<bool>& cancel);

}  // namespace ptl::verify
