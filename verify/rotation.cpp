#include "verify/rotation.h"

#include <exception>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "verify/pulumi_tokens.h"
#include "verify/token_verifier.h"

namespace ptl::verify {

std::string_view rotation_step_name(RotationStep step) {
  switch (step) {
    case RotationStep::Create: return "create";
    case RotationStep::Store: return "store";
    case RotationStep::Fix: return "fix";
    case RotationStep::Revoke: return "revoke";
    case RotationStep::Check: break;
  }
  return "check";
}

std::string_view rotation_status_name(RotationStatus status) {
  switch (status) {
    case RotationStatus::Rotated: return "rotated";
    case RotationStatus::RevokeByHand: return "revoke-by-hand";
    case RotationStatus::NotLive: return "not-live";
    case RotationStatus::Declined: return "declined";
    case RotationStatus::Refused: return "refused";
    case RotationStatus::Cancelled: return "cancelled";
    case RotationStatus::DryRun: return "dry-run";
    case RotationStatus::Failed: break;
  }
  return "failed";
}

namespace {

// What a dry run stores in place of the token it did not create.
constexpr std::string_view kDryRunSecret = "<the new token>";

// "personal token of alice", "organization token of acme", "team token of ops in acme".
std::string whose(const Verification& v) {
  switch (v.kind) {
    case TokenKind::Organization: return fmt::format("organization token of {}", v.organization);
    case TokenKind::Team: return fmt::format("team token of {} in {}", v.team, v.organization);
    case TokenKind::Personal: break;
  }
  return fmt::format("personal token of {}", v.owner);
}

class Flow {
 public:
  Flow(const RotationRequest& request, SecretStore& store, const HttpsTransport& transport, RotationUi& ui,
       const std::atomic<bool>& cancel)
      : request_(request), store_(store), transport_(transport), ui_(ui), cancel_(cancel) {}

  RotationResult run();
  // What the flow had done when it stopped, for an internal error.
  const RotationResult& partial() const { return result_; }

 private:
  std::string mask(std::string_view token) const {
    return request_.mask ? request_.mask(token) : std::string("pul-\u2026");
  }
  RotationResult finish(RotationStatus status, RotationStep step, std::string message) {
    result_.status = status;
    result_.step = step;
    result_.message = std::move(message);
    return result_;
  }
  bool cancelled() const { return cancel_.load(); }
  // The page to revoke a token at, in a sentence: "at URL" or "in the Pulumi Console".
  std::string at_page() const {
    return result_.token_page.empty() ? std::string("in the Pulumi Console (Access Tokens)") : "at " + result_.token_page;
  }

  // The store's credentials' source, as the Pulumi credentials' is reported at the check.
  void report_store_credentials() {
    if (const std::string source = store_.credentials_source(); !source.empty()) {
      ui_.report(RotationStep::Store, fmt::format("Store credentials: from {}.", source));
    }
  }

  RotationResult dry_run(PulumiTokenApi& api);
  RotationResult fix_only(const Verification& v);
  RotationResult not_stored(RotationStatus status, std::string why, PulumiTokenApi& api, const Verification& owner,
                            const CreatedToken& token);
  RotationResult revoke(PulumiTokenApi& api, const Verification& owner, const Identification& id);

  const RotationRequest& request_;
  SecretStore& store_;
  const HttpsTransport& transport_;
  RotationUi& ui_;
  const std::atomic<bool>& cancel_;
  std::string backend_;
  RotationResult result_;
};

RotationResult Flow::run() {
  std::string setting = request_.backend;
  if (setting.empty()) setting = environment_value(request_.environment, "PULUMI_BACKEND_URL").value_or("");
  backend_ = resolve_backend(setting);
  if (const std::string diy = diy_backend_reason(backend_); !diy.empty()) {
    return finish(RotationStatus::Refused, RotationStep::Check,
                  fmt::format("Cannot rotate: {}. Revoke the token where it was made and store a new one.", diy));
  }
  if (cancelled()) return finish(RotationStatus::Cancelled, RotationStep::Check, "Cancelled: nothing was changed.");
  ui_.report(RotationStep::Check, fmt::format("Pulumi API: {}", backend_));

  std::string error;
  std::optional<PulumiCredentials> credentials = find_pulumi_credentials(backend_, request_.environment, error);
  if (!credentials) return finish(RotationStatus::Refused, RotationStep::Check, fmt::format("Cannot rotate: {}.", error));
  if (secrets_equal(credentials->token, request_.token)) {
    const std::string console = console_url(backend_, request_.environment);
    return finish(RotationStatus::Refused, RotationStep::Check,
                  fmt::format("Cannot rotate: your Pulumi credentials ({}) are the leaked token itself. Create a new token "
                              "{}, log in with it (`pulumi login`), then rotate again.",
                              credentials->source,
                              console.empty() ? std::string("in the Pulumi Console") : "at " + console + "/account/tokens"));
  }
  ui_.report(RotationStep::Check, fmt::format("Your credentials: from {}.", credentials->source));
  const std::string source = credentials->source;
  PulumiTokenApi api(backend_, std::move(*credentials), transport_, request_.timeout);
  if (request_.dry_run) return dry_run(api);

  TokenVerifierOptions options;
  options.backend = backend_;
  options.timeout = request_.timeout;
  options.cache_ttl = std::chrono::seconds(0);
  TokenVerifier verifier(options, transport_);
  const Verification v = verifier.verify(request_.token);
  if (v.liveness == Liveness::Unknown) {
    return finish(RotationStatus::Failed, RotationStep::Check,
                  fmt::format("Cannot tell whether the token {} is live: {}. Nothing was changed.", mask(request_.token),
                              v.reason));
  }
  if (v.liveness == Liveness::NotLive) return fix_only(v);
  ui_.report(RotationStep::Check, fmt::format("The token {} is {}.", mask(request_.token), describe(v)));
  result_.token_page = token_page_url(backend_, v, request_.environment);

  if (v.kind == TokenKind::Personal) {
    // A personal token can only be replaced and deleted by its owner: with anyone else's
    // credentials the replacement would be theirs, and the token list theirs too.
    const ApiResult<std::string> login = api.user_login();
    if (!login.ok()) {
      return finish(RotationStatus::Failed, RotationStep::Check,
                    fmt::format("Cannot tell whose your credentials ({}) are: {}. Nothing was changed.", source, login.error));
    }
    if (*login.value != v.owner) {
      return finish(RotationStatus::Refused, RotationStep::Check,
                    fmt::format("Cannot rotate: the leaked token is a personal token of {}, and your credentials ({}) are "
                                "{}'s, so the replacement would be {}'s. Log in as {} (`pulumi login`) to rotate it, or "
                                "ask them to. Nothing was changed.",
                                v.owner, source, *login.value, *login.value, v.owner));
    }
  }
  Identification id;
  if (const auto list = api.list_tokens(v); list.ok()) {
    id = identify_token(v, *list.value);
  } else {
    id.reason = fmt::format("the token list could not be read: {}", list.error);
  }
  if (id.identified) {
    ui_.report(RotationStep::Check, fmt::format("Identified it: token \"{}\" (id {}, {}).",
                                                id.entry.name.empty() ? id.entry.description : id.entry.name, id.entry.id,
                                                last_used_text(id.entry.last_used)));
  } else {
    ui_.report(RotationStep::Check, fmt::format("Cannot identify it among the {}s: {}. It will have to be revoked by hand {}.",
                                                whose(v), id.reason, at_page()));
  }

  // 1. Create the replacement.
  if (cancelled()) return finish(RotationStatus::Cancelled, RotationStep::Create, "Cancelled: nothing was changed.");
  const std::string description = replacement_description(request_.file);
  const std::string expiry = request_.expires > 0 ? fmt::format(", expiring at unix time {}", request_.expires) : std::string();
  if (!ui_.confirm(RotationStep::Create,
                   fmt::format("Create a new {} described \"{}\"{}? The leaked token stays live until the last step.",
                               whose(v), description, expiry),
                   "Create")) {
    return finish(RotationStatus::Declined, RotationStep::Create,
                  fmt::format("Declined: nothing was changed. The leaked token {} is still live.", mask(request_.token)));
  }
  ApiResult<CreatedToken> created = api.create_token(v, description, request_.expires);
  if (!created.ok()) {
    return finish(RotationStatus::Failed, RotationStep::Create,
                  fmt::format("Creating the replacement failed: {}. Nothing was changed; the leaked token {} is still live.",
                              created.error, mask(request_.token)));
  }
  CreatedToken& token = *created.value;
  result_.created = true;
  result_.new_token_description = token.description;
  ui_.report(RotationStep::Create, fmt::format("Created {} (id {}), described \"{}\".", mask(token.value), token.id, description));

  // 2. Store it and read it back.
  if (cancelled()) return not_stored(RotationStatus::Cancelled, "Cancelled before storing it", api, v, token);
  report_store_credentials();
  if (!ui_.confirm(RotationStep::Store, fmt::format("Store the new token in {}?", store_.describe()), "Store")) {
    return not_stored(RotationStatus::Declined, "Declined storing it", api, v, token);
  }
  const StoreOutcome put = store_.put(token.value);
  if (!put.ok) return not_stored(RotationStatus::Failed, fmt::format("Storing it failed: {}", put.detail), api, v, token);
  ui_.report(RotationStep::Store, put.detail);
  const StoreOutcome back = store_.read_back(token.value);
  if (!back.ok) {
    return not_stored(RotationStatus::Failed, fmt::format("Reading it back failed: {}", back.detail), api, v, token);
  }
  ui_.report(RotationStep::Store, back.detail);
  result_.stored = true;
  wipe(token.value);  // stored and read back: the flow needs it no more

  // 3. The code fix.
  const std::string kept = fmt::format("The new token is stored in {}; {} is unchanged; the leaked token {} is still live.",
                                       store_.describe(), request_.file, mask(request_.token));
  if (cancelled()) return finish(RotationStatus::Cancelled, RotationStep::Fix, "Cancelled. " + kept);
  if (!ui_.confirm(RotationStep::Fix, fmt::format("Rewrite {} to read the token from {}?", request_.file, store_.describe()),
                   "Apply")) {
    return finish(RotationStatus::Declined, RotationStep::Fix, "Declined the code fix. " + kept);
  }
  if (!ui_.apply_fix(store_)) return finish(RotationStatus::Failed, RotationStep::Fix, "The code fix could not be applied. " + kept);
  result_.fixed = true;
  ui_.report(RotationStep::Fix, fmt::format("Rewrote {} to read the token from {}.", request_.file, store_.describe()));

  // 4. Revoke the leaked token.
  return revoke(api, v, id);
}

RotationResult Flow::revoke(PulumiTokenApi& api, const Verification& owner, const Identification& id) {
  const std::string done = fmt::format("The new token is stored in {} and {} reads it from there", store_.describe(), request_.file);
  if (cancelled()) {
    return finish(RotationStatus::Cancelled, RotationStep::Revoke,
                  fmt::format("Cancelled. {}; the leaked token {} is still live: revoke it {}.", done, mask(request_.token),
                              at_page()));
  }
  if (id.identified) {
    const std::string name = id.entry.name.empty() ? id.entry.description : id.entry.name;
    if (!ui_.confirm(RotationStep::Revoke,
                     fmt::format("Delete the leaked token \"{}\" ({}, {}) now? Anything still using it stops working.", name,
                                 whose(owner), last_used_text(id.entry.last_used)),
                     "Delete")) {
      return finish(RotationStatus::Declined, RotationStep::Revoke,
                    fmt::format("{}. The leaked token \"{}\" is still live: delete it {} once nothing uses it.", done, name,
                                at_page()));
    }
    const ApiResult<std::string> deleted = api.delete_token(owner, id.entry.id);
    if (!deleted.ok()) {
      return finish(RotationStatus::Failed, RotationStep::Revoke,
                    fmt::format("{}, but deleting the leaked token failed: {}. It is still live: revoke \"{}\" by hand {}.",
                                done, deleted.error, name, at_page()));
    }
    result_.revoked = true;
    ui_.report(RotationStep::Revoke, fmt::format("Deleted the leaked token \"{}\" (id {}).", name, id.entry.id));
    return finish(RotationStatus::Rotated, RotationStep::Revoke, fmt::format("Rotated. {}; the leaked token is deleted.", done));
  }
  // Exactly which token, as far as the API told: its name, its owner, and when each candidate
  // entry was last used (the leaked token is the one used where it leaked from).
  std::string which = owner.token_name.empty() ? fmt::format("the {} that {} held", whose(owner), request_.file)
                                               : fmt::format("the {} named \"{}\"", whose(owner), owner.token_name);
  if (!id.candidates.empty()) {
    std::string uses;
    for (const AccessTokenEntry& c : id.candidates) uses += fmt::format("{}{}", uses.empty() ? "" : ", ", last_used_text(c.last_used));
    which += fmt::format(" (the entries with that name: {})", uses);
  }
  if (result_.token_page.empty()) {
    ui_.report(RotationStep::Revoke, fmt::format("Revoke {} in the Pulumi Console (Access Tokens).", which));
    return finish(RotationStatus::RevokeByHand, RotationStep::Revoke,
                  fmt::format("{}. The API cannot tell which token entry is the leaked one ({}): revoke {} by hand in the "
                              "Pulumi Console (Access Tokens).",
                              done, id.reason, which));
  }
  if (!ui_.confirm(RotationStep::Revoke,
                   fmt::format("The API cannot tell which entry is the leaked token ({}). Open {} to revoke {} by hand?",
                               id.reason, result_.token_page, which),
                   "Open")) {
    return finish(RotationStatus::Declined, RotationStep::Revoke,
                  fmt::format("{}. The leaked token is still live: revoke {} at {}.", done, which, result_.token_page));
  }
  ui_.open_url(result_.token_page);
  ui_.report(RotationStep::Revoke, fmt::format("Opened {}: revoke {} there.", result_.token_page, which));
  return finish(RotationStatus::RevokeByHand, RotationStep::Revoke,
                fmt::format("{}. The API cannot tell which token entry is the leaked one ({}): revoke {} at {}; until then "
                            "the leaked token is live.",
                            done, id.reason, which, result_.token_page));
}

RotationResult Flow::not_stored(RotationStatus status, std::string why, PulumiTokenApi& api, const Verification& owner,
                                const CreatedToken& token) {
  ui_.report(RotationStep::Store, why + ".");
  std::string message = fmt::format("{}. The new token \"{}\" exists but is not stored; the leaked token {} is still live.",
                                    why, token.description, mask(request_.token));
  if (status != RotationStatus::Cancelled &&
      ui_.confirm(RotationStep::Store,
                  fmt::format("Delete the new token \"{}\" again? It could not be stored.", token.description), "Delete")) {
    const ApiResult<std::string> deleted = api.delete_token(owner, token.id);
    if (deleted.ok()) {
      result_.created = false;
      ui_.report(RotationStep::Store, fmt::format("Deleted the new token \"{}\" again.", token.description));
      return finish(status, RotationStep::Store,
                    fmt::format("{}. The new token was deleted again; the leaked token {} is still live; nothing else "
                                "was changed.",
                                why, mask(request_.token)));
    }
    message += fmt::format(" Deleting it failed: {}.", deleted.error);
  }
  message += fmt::format(" Delete \"{}\" {} if you do not need it.", token.description, at_page());
  return finish(status, RotationStep::Store, std::move(message));
}

RotationResult Flow::fix_only(const Verification& v) {
  ui_.report(RotationStep::Check, fmt::format("The token {} is {}: there is nothing to rotate.", mask(request_.token), describe(v)));
  if (cancelled()) return finish(RotationStatus::Cancelled, RotationStep::Fix, "Cancelled: nothing was changed.");
  if (!ui_.confirm(RotationStep::Fix,
                   fmt::format("The token is not live, so there is nothing to rotate. Rewrite {} to read it from {} anyway?",
                               request_.file, store_.describe()),
                   "Apply")) {
    return finish(RotationStatus::NotLive, RotationStep::Fix, "The token is not live: nothing to rotate, nothing was changed.");
  }
  if (!ui_.apply_fix(store_)) {
    return finish(RotationStatus::Failed, RotationStep::Fix,
                  fmt::format("The token is not live, and the code fix could not be applied: {} is unchanged.", request_.file));
  }
  result_.fixed = true;
  ui_.report(RotationStep::Fix, fmt::format("Rewrote {} to read the token from {}.", request_.file, store_.describe()));
  return finish(RotationStatus::NotLive, RotationStep::Fix,
                fmt::format("The token is not live: nothing to rotate. {} now reads the token from {}; store a valid one there.",
                            request_.file, store_.describe()));
}

// The same calls as a real run, on the recording transport, with what a real run would learn from
// the answers assumed: a personal token, identified by the id "TOKEN-ID".
RotationResult Flow::dry_run(PulumiTokenApi& api) {
  ui_.report(RotationStep::Check,
             fmt::format("Would ask GET {}/api/user (the only request that carries the leaked token) whether {} is live "
                         "and whose it is.",
                         backend_, mask(request_.token)));
  TokenVerifierOptions options;
  options.backend = backend_;
  options.timeout = request_.timeout;
  options.cache_ttl = std::chrono::seconds(0);
  TokenVerifier(options, transport_).verify(request_.token);
  Verification assumed;
  assumed.liveness = Liveness::Live;
  assumed.kind = TokenKind::Personal;
  api.user_login();
  api.list_tokens(assumed);
  ui_.report(RotationStep::Check,
             "Would list the owner's tokens to identify it (shown for a personal token; an organization's are listed at "
             "/api/orgs/{org}/tokens, a team's at /api/orgs/{org}/teams/{team}/tokens).");
  const std::string description = replacement_description(request_.file);
  api.create_token(assumed, description, request_.expires);
  ui_.report(RotationStep::Create, fmt::format("Would create a replacement of the same kind, described \"{}\".", description));
  report_store_credentials();
  store_.rehearse(kDryRunSecret);
  ui_.report(RotationStep::Store,
             fmt::format("Would store it in {} and read it back (what a real run takes from the store's answers is "
                         "shown <in angle brackets>).",
                         store_.describe()));
  ui_.report(RotationStep::Fix, fmt::format("Would rewrite {} to read the token from {}.", request_.file, store_.describe()));
  api.delete_token(assumed, "TOKEN-ID");
  ui_.report(RotationStep::Revoke,
             "Would delete the leaked token once the API identifies it, else open the token page to revoke it by hand.");
  return finish(RotationStatus::DryRun, RotationStep::Revoke, "Dry run: nothing was sent and nothing was written.");
}

}  // namespace

RotationResult rotate_token(const RotationRequest& request, SecretStore& store, const HttpsTransport& transport,
                            RotationUi& ui, const std::atomic<bool>& cancel) {
  Flow flow(request, store, transport, ui, cancel);
  try {
    return flow.run();
  } catch (const std::exception&) {
    RotationResult r = flow.partial();
    r.status = RotationStatus::Failed;
    r.message = fmt::format("Internal error during the rotation (new token created: {}, stored: {}, code fixed: {}, leaked "
                            "token deleted: {}); check the tokens in the Pulumi Console.",
                            r.created ? "yes" : "no", r.stored ? "yes" : "no", r.fixed ? "yes" : "no",
                            r.revoked ? "yes" : "no");
    return r;
  }
}

}  // namespace ptl::verify
