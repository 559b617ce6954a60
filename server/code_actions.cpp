#include "server/code_actions.h"

#include <utility>

#include "remediation/kubernetes_secret.h"
#include "remediation/remediation.h"
#include "scan/report.h"
#include "server/diagnostic_writer.h"

namespace ptl::server {
namespace {

using nlohmann::json;
constexpr std::size_t kTokenLength = detectors::PulumiTokenDetector::kTokenLength;

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// True when an action of `kind` passes the client's `only` filter (LSP: prefix match on dots).
bool wanted(std::string_view kind, const std::vector<std::string>& only) {
  if (only.empty()) return true;
  for (const std::string& o : only) {
    if (kind == o) return true;
    if (kind.size() > o.size() && kind.substr(0, o.size()) == o && kind[o.size()] == '.') return true;
  }
  return false;
}

json position_json(LinePosition p) { return {{"line", p.line}, {"character", p.character}}; }


}  // namespace

json workspace_edit(const TextDocument& doc, const CodeActionRequest& req, const std::vector<remediation::TextEdit>& edits,
                    const protocol::ClientCapabilities& client) {
  json lsp_edits = json::array();
  for (const remediation::TextEdit& e : edits) {
    lsp_edits.push_back({{"range", {{"start", position_json(doc.position_of(e.begin))},
                                    {"end", position_json(doc.position_of(e.end))}}},
                         {"newText", e.new_text}});
  }
  if (client.documentChanges) {
    return {{"documentChanges",
             {{{"textDocument", {{"uri", std::string(req.uri)}, {"version", req.version}}}, {"edits", lsp_edits}}}}};
  }
  return {{"changes", {{std::string(req.uri), lsp_edits}}}};
}

std::string file_uri(std::string_view path) { return "file://" + scan::uri_of(path); }

std::string uri_path(std::string_view uri) {
  std::size_t colon = uri.find(':');
  std::string_view rest = uri;
  if (colon != std::string_view::npos && colon > 0 && uri.find('/') > colon) {
    rest = uri.substr(colon + 1);
    if (rest.substr(0, 2) == "//") {
      rest.remove_prefix(2);
      std::size_t slash = rest.find('/');
      rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
    }
  }
  std::string out;
  out.reserve(rest.size());
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && hex_digit(rest[i + 1]) >= 0 && hex_digit(rest[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_digit(rest[i + 1]) * 16 + hex_digit(rest[i + 2])));
      i += 2;
    } else if (rest[i] == '?' || rest[i] == '#') {
      break;
    } else {
      out.push_back(rest[i]);
    }
  }
  return out;
}

remediation::Language document_language(std::string_view language_id, std::string_view uri) {
  return remediation::detect_language(language_id, uri_path(uri));
}

remediation::Names remediation_names(const Settings& s) {
  remediation::Names n;
  n.env_var = s.env_var;
  n.config_key = s.config_key;
  n.aws_secret_id = s.aws_secret_id;
  n.vault_mount = s.vault_mount;
  n.vault_path = s.vault_path;
  n.vault_field = s.vault_field;
  n.conjur_variable = s.conjur_variable;
  return n;
}

namespace {

// The real tokens written out: an encoded one has no rewrite (it would write the decoded token
// or break the encoding), so fix-all leaves it to its own actions.
std::vector<std::pair<std::size_t, std::size_t>> real_token_spans(const TextDocument& doc) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  doc.for_each_finding([&](const DocumentFinding& f) {
    if (!f.placeholder && !f.encoded()) spans.emplace_back(f.begin, f.begin + kTokenLength);
  });
  return spans;
}

// `rotate_first`: a committed token's rotate action is the preferred one, so no fix is.
json fix_action(remediation::Fix fix, const json& diagnostic, const TextDocument& doc, const CodeActionRequest& req,
                const protocol::ClientCapabilities& client, bool rotate_first) {
  json action = {{"title", std::move(fix.title)},
                 {"kind", "quickfix"},
                 {"diagnostics", json::array({diagnostic})},
                 {"edit", workspace_edit(doc, req, fix.edits, client)}};
  if (fix.preferred && !rotate_first) action["isPreferred"] = true;
  return action;
}

std::string fix_all_title(std::size_t tokens) {
  return tokens == 1 ? std::string("Fix the Pulumi access token in this file")
                     : "Fix all " + std::to_string(tokens) + " Pulumi access tokens in this file";
}

}  // namespace

json code_actions(const TextDocument& doc, const CodeActionRequest& req, const Settings& settings,
                  const protocol::ClientCapabilities& client) {
  json actions = json::array();
  const bool want_quickfix = wanted("quickfix", req.only);
  const bool want_fix_all = wanted(kFixAllKind, req.only);
  std::vector<DocumentFinding> touching;
  if (want_quickfix) {
    touching = doc.findings_touching(req.begin, req.end);
    std::erase_if(touching, [&](const DocumentFinding& f) { return f.placeholder && !settings.report_placeholders; });
  }
  std::vector<std::pair<std::size_t, std::size_t>> real_tokens;
  if (want_fix_all) real_tokens = real_token_spans(doc);
  if (touching.empty() && real_tokens.empty()) return actions;

  const remediation::Language language = document_language(req.language_id, req.uri);
  const remediation::Names names = remediation_names(settings);
  const bool defer_fix_all = client.codeActionResolveEdit;
  std::string text;
  if (!touching.empty() || (!real_tokens.empty() && !defer_fix_all)) text = doc.text();
  const DiagnosticContext ctx{settings, remediation::environment_note(language), req.version, nullptr, req.committed,
                              req.uri, req.verified};

  std::vector<json> diagnostics;  // of each touching finding, as published
  json committed_diagnostics = json::array();
  for (const DocumentFinding& f : touching) {
    std::string diag;
    append_diagnostic(diag, doc, f, ctx);
    diagnostics.push_back(json::parse(diag, nullptr, false));
    if (req.committed && !f.placeholder && (*req.committed)(f).committed)
      committed_diagnostics.push_back(diagnostics.back());
  }
  // A committed token is out already: rotating it is what helps, so it comes first.
  const bool committed = !committed_diagnostics.empty();
  // The guided rotation of the first token written out (editor_rotation.h); an encoded one is
  // rotated by hand in the console.
  json rotate_arguments = json::array();
  for (const DocumentFinding& f : touching) {
    if (!remediation::has_rewrites(language)) break;  // nothing to rewrite the file into
    if (f.placeholder || f.encoded()) continue;
    rotate_arguments.push_back({{"uri", std::string(req.uri)}, {"offset", f.begin}});
    break;
  }
  const bool guided = !rotate_arguments.empty();
  auto rotate_action = [&] {
    const std::string title = committed ? (guided ? "Rotate this token now (guided): it is already in git history"
                                                  : "Rotate this token now: it is already in git history")
                                        : (guided ? "Rotate this token: create a new one, store it, revoke this one"
                                                  : "Rotate this token in the Pulumi console");
    json action = {{"title", title},
                   {"kind", "quickfix"},
                   {"command", {{"title", title}, {"command", kRotateCommand}, {"arguments", rotate_arguments}}}};
    if (committed) {
      action["diagnostics"] = committed_diagnostics;
      action["isPreferred"] = true;
    }
    return action;
  };
  if (committed) actions.push_back(rotate_action());
  for (std::size_t i = 0; i < touching.size(); ++i) {
    const DocumentFinding& f = touching[i];
    if (f.encoded()) {
      // No rewrite; in a Kubernetes Secret manifest, the entry goes (kubernetes_secret.h).
      if (auto fix = remediation::recreate_secret_fix(text, f.begin, f.end))
        actions.push_back(fix_action(std::move(*fix), diagnostics[i], doc, req, client, committed));
      continue;
    }
    for (remediation::Fix& fix : remediation::fixes_for(text, f.begin, f.begin + kTokenLength, language, names))
      actions.push_back(fix_action(std::move(fix), diagnostics[i], doc, req, client, committed));
  }
  if (!touching.empty() && !committed) actions.push_back(rotate_action());
  if (settings.verify) {
    for (std::size_t i = 0; i < touching.size(); ++i) {
      if (touching[i].placeholder) continue;
      const std::string title = "Check whether this token is live (asks the Pulumi API)";
      actions.push_back({{"title", title},
                         {"kind", "quickfix"},
                         {"diagnostics", json::array({diagnostics[i]})},
                         {"command", {{"title", title},
                                      {"command", kCheckCommand},
                                      {"arguments", {{{"uri", std::string(req.uri)}, {"offset", touching[i].begin}}}}}}});
    }
  }
  if (!real_tokens.empty() && defer_fix_all) {
    if (remediation::has_rewrites(language)) {
      actions.push_back({{"title", fix_all_title(real_tokens.size())},
                         {"kind", kFixAllKind},
                         {"data", {{"uri", std::string(req.uri)}}}});
    }
  } else if (!real_tokens.empty()) {
    auto edits = remediation::fix_all(text, real_tokens, language, names);
    if (!edits.empty()) {
      actions.push_back({{"title", fix_all_title(real_tokens.size())},
                         {"kind", kFixAllKind},
                         {"edit", workspace_edit(doc, req, edits, client)}});
    }
  }
  return actions;
}

json resolve_code_action(const TextDocument& doc, const CodeActionRequest& req, const Settings& settings,
                         const protocol::ClientCapabilities& client, json action) {
  const auto kind = action.find("kind");
  if (kind == action.end() || !kind->is_string() || kind->get_ref<const std::string&>() != kFixAllKind) return action;
  const auto tokens = real_token_spans(doc);
  std::vector<remediation::TextEdit> edits;
  if (!tokens.empty()) {
    edits = remediation::fix_all(doc.text(), tokens, document_language(req.language_id, req.uri),
                                 remediation_names(settings));
  }
  // Empty when the tokens went away since the action was offered: an edit that changes nothing.
  action["edit"] = workspace_edit(doc, req, edits, client);
  return action;
}

}  // namespace ptl::server
