#include "server/rotate_command.h"

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "detectors/encoded_tokens.h"
#include "detectors/pulumi_token_detector.h"
#include "detectors/token_mask.h"
#include "remediation/remediation.h"
#include "server/text_document.h"
#include "verify/pulumi_tokens.h"
#include "verify/recording_transport.h"
#include "verify/rotation.h"
#include "verify/secret_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ptl::server {

const char* const kRotateHelp =
    "Usage: pulumi-token-lsp rotate FILE:LINE[:COLUMN] --store vault|aws|conjur [OPTIONS]\n"
    "Rotates the leaked Pulumi access token at that position of FILE (LINE and COLUMN as `scan` reports\n"
    "them; without COLUMN the line must hold one token), each step confirmed:\n"
    "  0. check: your own credentials, whether the token is live, which token it is;\n"
    "  1. create a replacement of the same kind (personal, organization or team) through the Pulumi API,\n"
    "     described \"pulumi-token-lsp: replaces the token in FILE\";\n"
    "  2. store it in the secrets manager and read it back;\n"
    "  3. rewrite FILE to read the token from there (the code action of that store);\n"
    "  4. delete the leaked token, or, when the API cannot tell which one it is, show its page to\n"
    "     revoke it by hand.\n"
    "A failed or declined step stops there and loses nothing: the leaked token is never revoked before\n"
    "the new one is stored and read back. Never prints a token: masked previews only.\n"
    "\n"
    "Your credentials: PULUMI_ACCESS_TOKEN, else the Pulumi CLI's (`pulumi login`: credentials.json in\n"
    "PULUMI_HOME or ~/.pulumi) for the backend; never the leaked token itself. The stores read their\n"
    "own CLIs' variables: VAULT_ADDR, VAULT_TOKEN, VAULT_NAMESPACE; AWS_ACCESS_KEY_ID,\n"
    "AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_REGION; CONJUR_APPLIANCE_URL, CONJUR_ACCOUNT,\n"
    "CONJUR_AUTHN_LOGIN, CONJUR_AUTHN_API_KEY.\n"
    "\n"
    "  --store vault|aws|conjur   where the new token goes (required)\n"
    "  --vault-mount M            Vault KV v2 mount (default secret)\n"
    "  --vault-path P             Vault secret path (default pulumi)\n"
    "  --vault-field F            Vault field (default api_key)\n"
    "  --aws-secret-id ID         AWS Secrets Manager secret (default pulumi-access-token)\n"
    "  --conjur-variable V        Conjur variable (default pulumi/access-token)\n"
    "  --backend URL              the Pulumi API (default: PULUMI_BACKEND_URL, else https://api.pulumi.com)\n"
    "  --timeout SECONDS          how long one request may take (default 10)\n"
    "  --yes                      answer yes to every question (needed when standard input is not a terminal)\n"
    "  --dry-run                  print every request a real run would send (credentials and tokens\n"
    "                             masked); send nothing, write nothing\n"
    "\n"
    "Exit codes: 0 rotated (or: revoke the leaked token by hand at the page shown; the token was not live;\n"
    "a dry run), 1 a step failed, was declined or was refused, 2 usage error.\n";

namespace {

struct Position {
  std::string file;
  std::size_t line = 0;    // 1-based
  std::size_t column = 0;  // 1-based code points; 0: not given
};

bool parse_number(std::string_view s, std::size_t& out) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string_view::npos) return false;
  out = static_cast<std::size_t>(std::strtoul(std::string(s).c_str(), nullptr, 10));
  return out > 0;
}

// FILE:LINE[:COLUMN], read from the right (a file name may hold ':').
std::optional<Position> parse_position(const std::string& arg) {
  Position p;
  const std::size_t last = arg.rfind(':');
  if (last == std::string::npos || last == 0) return std::nullopt;
  std::size_t n = 0;
  if (!parse_number(std::string_view(arg).substr(last + 1), n)) return std::nullopt;
  const std::size_t before = arg.rfind(':', last - 1);
  std::size_t line = 0;
  if (before != std::string::npos && before > 0 && parse_number(std::string_view(arg).substr(before + 1, last - before - 1), line)) {
    p.file = arg.substr(0, before);
    p.line = line;
    p.column = n;
  } else {
    p.file = arg.substr(0, last);
    p.line = n;
  }
  return p;
}

bool read_file(const std::string& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

// Replaces `path` by `text`: a temporary file beside it (same permissions), flushed, renamed over it.
bool write_atomically(const std::string& path, std::string_view text, std::string& error) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    error = "cannot stat the file";
    return false;
  }
  std::string temp = path + ".ptl-rotate-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error = "cannot create a temporary file beside it";
    return false;
  }
  bool ok = ::fchmod(fd, st.st_mode & 07777) == 0;
  for (std::size_t done = 0; ok && done < text.size();) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(temp.c_str(), path.c_str()) != 0) {
    ::unlink(temp.c_str());
    error = "cannot write the file";
    return false;
  }
  return true;
}

// Every token in `text` masked (detectors/token_mask.h), and each known secret replaced by its
// variable's name: what a dry run prints.
std::string redact(const detectors::PulumiTokenDetector& detector, std::string_view text,
                   const std::vector<std::pair<std::string, std::string>>& secrets) {
  std::vector<std::size_t> starts;
  detector.find(text, starts);
  std::string out;
  std::size_t from = 0;
  for (const std::size_t at : starts) {
    if (at < from) continue;
    out.append(text.substr(from, at - from));
    out += detectors::mask_token(text.substr(at, detectors::PulumiTokenDetector::kTokenLength));
    from = at + detectors::PulumiTokenDetector::kTokenLength;
  }
  out.append(text.substr(std::min(from, text.size())));
  for (const auto& [name, value] : secrets) {
    if (value.size() < 4) continue;
    for (std::size_t at = out.find(value); at != std::string::npos; at = out.find(value, at)) {
      out.replace(at, value.size(), "<" + name + ">");
    }
  }
  return out;
}

// The terminal's side of the flow: steps printed, questions asked on standard input.
class TerminalUi : public verify::RotationUi {
 public:
  TerminalUi(std::istream& in, std::ostream& out, bool yes, std::string path, std::string_view token, std::size_t begin,
             remediation::Names names, verify::StoreConfig::Kind kind)
      : in_(in), out_(out), yes_(yes), path_(std::move(path)), token_(token), begin_(begin), names_(std::move(names)),
        kind_(kind) {}

  void report(verify::RotationStep step, std::string_view what) override {
    out_ << fmt::format("[{}] {}\n", verify::rotation_step_name(step), what);
    out_.flush();
  }

  bool confirm(verify::RotationStep step, std::string_view question, std::string_view yes_label) override {
    out_ << fmt::format("[{}] {} [{}: y/N] ", verify::rotation_step_name(step), question, yes_label);
    if (yes_) {
      out_ << "yes (--yes)\n";
      return true;
    }
    out_.flush();
    std::string answer;
    if (!std::getline(in_, answer)) {
      out_ << "\n";
      return false;
    }
    return answer == "y" || answer == "Y" || answer == "yes" || answer == "Yes" || answer == "YES";
  }

  // The file as it is now: the token must still be where it was found (else the fix is not
  // guessed onto whatever is there).
  bool apply_fix(const verify::SecretStore&) override {
    std::string text;
    const std::size_t end = begin_ + detectors::PulumiTokenDetector::kTokenLength;
    if (!read_file(path_, text) || text.size() < end ||
        !verify::secrets_equal(std::string_view(text).substr(begin_, end - begin_), token_)) {
      out_ << fmt::format("[fix] {} changed since the token was found there: not rewritten.\n", path_);
      verify::wipe(text);
      return false;
    }
    const auto fix = store_fix(text, begin_, end, path_, names_, kind_);
    if (!fix) {
      out_ << fmt::format("[fix] No fix of this store for the token in {}.\n", path_);
      verify::wipe(text);
      return false;
    }
    std::string fixed = remediation::apply_edits(text, fix->edits);
    verify::wipe(text);
    std::string error;
    const bool ok = write_atomically(path_, fixed, error);
    if (!ok) out_ << fmt::format("[fix] {}: {}.\n", path_, error);
    verify::wipe(fixed);
    return ok;
  }

  void open_url(std::string_view url) override { out_ << fmt::format("[revoke] Open {}\n", url); }

 private:
  std::istream& in_;
  std::ostream& out_;
  bool yes_;
  std::string path_;
  std::string_view token_;
  std::size_t begin_;
  remediation::Names names_;
  verify::StoreConfig::Kind kind_;
};

void print_requests(std::ostream& out, const std::vector<verify::RecordedRequest>& requests) {
  out << fmt::format("\nRequests a real run would send ({}; none was sent):\n", requests.size());
  for (const verify::RecordedRequest& r : requests) {
    out << fmt::format("  {} {}{}\n", r.method, r.url, r.condition.empty() ? std::string() : "  (" + r.condition + ")");
    for (const auto& [name, value] : r.headers) out << fmt::format("      {}: {}\n", name, value);
    if (!r.body.empty()) out << fmt::format("      body: {}\n", r.body);
  }
}

}  // namespace

remediation::FixKind fix_kind(verify::StoreConfig::Kind kind) {
  switch (kind) {
    case verify::StoreConfig::Kind::AwsSecretsManager: return remediation::FixKind::AwsSecretsManager;
    case verify::StoreConfig::Kind::Conjur: return remediation::FixKind::Conjur;
    case verify::StoreConfig::Kind::Vault: break;
  }
  return remediation::FixKind::Vault;
}

std::optional<remediation::Fix> store_fix(std::string_view text, std::size_t begin, std::size_t end,
                                          const std::string& path, const remediation::Names& names,
                                          verify::StoreConfig::Kind kind) {
  const remediation::Language language = remediation::detect_language("", path);
  for (remediation::Fix& fix : remediation::fixes_for(text, begin, end, language, names)) {
    if (fix.kind == fix_kind(kind)) return std::move(fix);
  }
  return std::nullopt;
}

verify::StoreConfig store_config(verify::StoreConfig::Kind kind, const remediation::Names& names) {
  verify::StoreConfig c;
  c.kind = kind;
  c.vault_mount = names.vault_mount;
  c.vault_path = names.vault_path;
  c.vault_field = names.vault_field;
  c.aws_secret_id = names.aws_secret_id;
  c.conjur_variable = names.conjur_variable;
  return c;
}

int run_rotate(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err,
               bool in_is_terminal) {
  const auto usage = [&](const std::string& msg) {
    err << "pulumi-token-lsp rotate: " << msg << "\nTry pulumi-token-lsp rotate --help.\n";
    return 2;
  };
  const auto fail = [&](const std::string& msg) {
    err << "pulumi-token-lsp rotate: " << msg << "\n";
    return 1;
  };
  verify::StoreConfig::Kind store_kind = verify::StoreConfig::Kind::Vault;
  remediation::Names names;
  bool store_given = false, yes = false, dry_run = false;
  std::string backend, position_arg;
  std::size_t timeout = 10;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto value = [&](std::string& into) {
      if (i + 1 >= args.size() || args[i + 1].empty()) return false;
      into = args[++i];
      return true;
    };
    std::string v;
    if (a == "--help" || a == "-h") {
      out << kRotateHelp;
      return 0;
    } else if (a == "--store") {
      if (!value(v)) return usage("--store takes vault, aws or conjur");
      if (v == "vault") {
        store_kind = verify::StoreConfig::Kind::Vault;
      } else if (v == "aws") {
        store_kind = verify::StoreConfig::Kind::AwsSecretsManager;
      } else if (v == "conjur") {
        store_kind = verify::StoreConfig::Kind::Conjur;
      } else {
        return usage("--store takes vault, aws or conjur");
      }
      store_given = true;
    } else if (a == "--vault-mount") {
      if (!value(names.vault_mount)) return usage("--vault-mount takes a mount");
    } else if (a == "--vault-path") {
      if (!value(names.vault_path)) return usage("--vault-path takes a path");
    } else if (a == "--vault-field") {
      if (!value(names.vault_field)) return usage("--vault-field takes a field name");
    } else if (a == "--aws-secret-id") {
      if (!value(names.aws_secret_id)) return usage("--aws-secret-id takes a secret name or ARN");
    } else if (a == "--conjur-variable") {
      if (!value(names.conjur_variable)) return usage("--conjur-variable takes a variable id");
    } else if (a == "--backend") {
      if (!value(backend)) return usage("--backend takes a URL");
    } else if (a == "--timeout") {
      if (!value(v) || !parse_number(v, timeout) || timeout > 600) return usage("--timeout takes a number of seconds from 1 to 600");
    } else if (a == "--yes" || a == "-y") {
      yes = true;
    } else if (a == "--dry-run") {
      dry_run = true;
    } else if (!a.empty() && a[0] == '-') {
      return usage(fmt::format("unknown option {}", a));
    } else if (position_arg.empty()) {
      position_arg = a;
    } else {
      return usage("one FILE:LINE[:COLUMN] at a time");
    }
  }
  if (position_arg.empty()) return usage("give the token's position: FILE:LINE[:COLUMN]");
  if (!store_given) return usage("--store is required: vault, aws or conjur");
  const std::optional<Position> pos = parse_position(position_arg);
  if (!pos) return usage("the position is FILE:LINE[:COLUMN], LINE and COLUMN from 1");
  if (!dry_run && !yes && !in_is_terminal) {
    return usage("standard input is not a terminal, so the questions cannot be asked: pass --yes to answer yes to "
                 "each (or --dry-run to see the requests)");
  }

  // The token at that position: the editor's document and detectors (one way in).
  std::string text;
  if (!read_file(pos->file, text)) return fail(fmt::format("{}: cannot read it", pos->file));
  const detectors::PulumiTokenDetector detector;
  const detectors::EncodedTokenFinder finder(detector);
  std::optional<DocumentFinding> finding;
  std::string token;
  {
    const TextDocument doc(text, PositionEncoding::Utf32, detector, finder);
    if (pos->line > doc.line_count()) return fail(fmt::format("{} has {} lines", pos->file, doc.line_count()));
    const std::size_t line = pos->line - 1;
    std::vector<DocumentFinding> found = doc.findings_touching(doc.line_begin(line), doc.line_end(line));
    std::erase_if(found, [&](const DocumentFinding& f) {
      return f.placeholder || f.start.line != line ||
             (pos->column != 0 && (pos->column - 1 < f.start.character || pos->column - 1 >= f.end_position.character));
    });
    if (found.empty()) {
      return fail(fmt::format("no Pulumi access token at {}{}", position_arg, pos->column == 0 ? "" : " (the column must fall on the token)"));
    }
    if (found.size() > 1) {
      return fail(fmt::format("line {} of {} holds {} tokens: give the column (FILE:LINE:COLUMN)", pos->line, pos->file,
                              found.size()));
    }
    finding = found.front();
    if (finding->encoded()) {
      return fail("the token there is encoded (base64 or escaped): its code cannot be rewritten; rotate it in the Pulumi "
                  "Console and re-encode the new one");
    }
    std::string scratch;
    token = std::string(doc.token_of(*finding, scratch));
    verify::wipe(scratch);
  }
  const std::size_t begin = finding->begin;
  const verify::StoreConfig config = store_config(store_kind, names);
  const bool has_fix =
      store_fix(text, begin, begin + detectors::PulumiTokenDetector::kTokenLength, pos->file, names, store_kind)
          .has_value();
  verify::wipe(text);
  if (!has_fix) {
    verify::wipe(token);
    return fail(fmt::format("there is no code fix that reads the token from this store where it stands in {} (a comment, "
                            "documentation or data file?): remove it there, then rotate it in the Pulumi Console",
                            pos->file));
  }

  // The transport: real, or a recorder that prints what it would have sent.
  std::vector<std::pair<std::string, std::string>> known_secrets;
  for (const char* name : {"PULUMI_ACCESS_TOKEN", "VAULT_TOKEN", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "CONJUR_AUTHN_API_KEY"}) {
    if (const auto value = verify::environment_value({}, name)) known_secrets.emplace_back(name, *value);
  }
  verify::RecordingTransport recorder(
      [&detector, &known_secrets](std::string_view s) { return redact(detector, s, known_secrets); });
  std::optional<verify::HttpsClient> client;
  verify::HttpsTransport transport;
  if (dry_run) {
    transport = recorder.transport();
  } else {
    client.emplace();
    if (!client->ok()) return fail(fmt::format("HTTPS: {}", client->error()));
    transport = [&client](const verify::HttpsRequest& r) { return client->send(r); };
  }
  std::string error;
  std::unique_ptr<verify::SecretStore> store = verify::make_secret_store(config, transport, error);
  if (!store) {
    verify::wipe(token);
    return fail(fmt::format("the store: {}", error));
  }

  verify::RotationRequest request;
  request.token = token;
  request.file = pos->file;
  request.backend = backend;
  request.timeout = std::chrono::seconds(timeout);
  request.dry_run = dry_run;
  request.mask = [](std::string_view t) { return detectors::mask_token(t); };
  TerminalUi ui(in, out, yes, pos->file, token, begin, names, store_kind);
  const std::atomic<bool> cancel{false};
  const verify::RotationResult result = verify::rotate_token(request, *store, transport, ui, cancel);
  verify::wipe(request.token);
  verify::wipe(token);
  for (auto& [name, value] : known_secrets) verify::wipe(value);

  if (dry_run) print_requests(out, recorder.requests());
  out << fmt::format("\n{}: {}\n", verify::rotation_status_name(result.status), result.message);
  switch (result.status) {
    case verify::RotationStatus::Rotated:
    case verify::RotationStatus::RevokeByHand:
    case verify::RotationStatus::NotLive:
    case verify::RotationStatus::DryRun: return 0;
    default: return 1;
  }
}

}  // namespace ptl::server
