// Figures measured through the real binary over pipes: keystroke latency (2), didOpen to first
// diagnostics (3), resident memory (4), many findings and coalescing (6), code actions (8).
//
// Usage: server_bench PATH/TO/pulumi-token-lsp [latency|open|memory|findings|actions|all]
//        server_bench PATH/TO/pulumi-token-lsp workspace TREE   (figure 11, bench/workspace_bench.sh)

#include <algorithm>
#include <cstdio>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "bench/corpus.h"
#include "bench/lsp_messages.h"
#include "bench/lsp_process.h"
#include "bench/stats.h"

namespace {

using namespace ptl::bench;

std::string g_binary;
constexpr const char* kUri = "file:///bench.ts";

// A started and initialized server; documents up to 256 MiB may be sent in one message.
std::unique_ptr<LspProcess> start_server(std::string_view init_options = "{}", std::string_view capabilities = "{}",
                                         std::string_view root_uri = {}) {
  auto p = std::make_unique<LspProcess>(g_binary, std::vector<std::string>{"--log=error", "--max-message-size=268435456"});
  p->send(initialize_body(1, init_options, capabilities, root_uri));
  if (!p->wait_reply(1)) throw std::runtime_error("no reply to initialize");
  p->send(initialized_body());
  return p;
}

// Opens `text` as version 1 and returns the seconds from writing didOpen to its diagnostics.
double open_document(LspProcess& p, const std::string& text) {
  std::string body = did_open_body(kUri, text);
  auto t0 = Clock::now();
  p.send(body);
  auto m = p.wait_publish(1, 120);
  if (!m) throw std::runtime_error("no diagnostics after didOpen");
  return std::chrono::duration<double>(m->at - t0).count();
}

// Round trip of a trivial request (a hover where there is nothing): the pipe-and-dispatch floor.
double request_round_trip_p50(LspProcess& p, int count) {
  std::vector<double> t;
  for (int i = 0; i < count; ++i) {
    int id = 1000 + i;
    std::string body = request_body(id, "textDocument/hover",
                                    R"({"textDocument":{"uri":"file:///none.ts"},"position":{"line":0,"character":0}})");
    auto t0 = Clock::now();
    p.send(body);
    auto m = p.wait_reply(id);
    t.push_back(std::chrono::duration<double>(m->at - t0).count());
  }
  return percentile(t, 50);
}

// `edits` one-character inserts at random lines; returns the latency of each (didChange written
// to its publishDiagnostics read).
std::vector<double> type_keys(LspProcess& p, std::size_t lines, int edits, long long& version) {
  std::mt19937_64 rng(11);
  std::vector<double> t;
  for (int i = 0; i < edits; ++i) {
    auto line = static_cast<std::uint32_t>(rng() % lines);
    std::string body = did_change_body(kUri, ++version, line, 2, line, 2, "x");
    auto t0 = Clock::now();
    p.send(body);
    auto m = p.wait_publish(version);
    if (!m) throw std::runtime_error("no diagnostics for a didChange");
    t.push_back(std::chrono::duration<double>(m->at - t0).count());
  }
  return t;
}

// Line and UTF-16 column of the first token that follows a '"' (corpus lines are ASCII).
std::pair<std::uint32_t, std::uint32_t> first_quoted_token(const std::string& text) {
  const std::string needle = std::string("pul") + "-";
  std::size_t at = text.find(needle);
  while (at != std::string::npos && (at == 0 || text[at - 1] != '"')) at = text.find(needle, at + 1);
  if (at == std::string::npos) throw std::runtime_error("the corpus holds no quoted token");
  const std::size_t line_start = text.rfind('\n', at) + 1;
  return {static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')),
          static_cast<std::uint32_t>(at - line_start)};
}

std::string corpus_of(std::size_t mb) {
  CorpusOptions o;
  o.bytes = mb << 20;
  return make_corpus(o);
}

std::string keystroke_document() {
  CorpusOptions o;
  o.bytes = 10u << 20;
  o.minified_percent = 0;  // 200,000 lines of about 50 bytes
  return make_corpus(o);
}

void latency_figures() {
  std::string text = keystroke_document();
  std::size_t lines = count_lines(text);
  auto p = start_server();
  open_document(*p, text);
  double rtt = request_round_trip_p50(*p, 200);
  long long version = 1;
  std::vector<double> t = type_keys(*p, lines, 500, version);
  double p50 = percentile(t, 50), p99 = percentile(t, 99);
  std::printf("# 10 MB, %zu lines; trivial request round trip p50 %s\n", lines, fmt_us(rtt).c_str());
  report("2. keystroke 10 MB, p50", fmt_us(p50), "request RTT " + fmt_us(rtt), p50 / rtt, "<= 200 us", p50 <= 200e-6);
  report("2. keystroke 10 MB, p99", fmt_us(p99), "request RTT " + fmt_us(rtt), p99 / rtt, "<= 1 ms", p99 <= 1e-3);
  p->stop();

  // The same document without tokens: what publishing ~100 diagnostics (~58 KB) adds.
  {
    CorpusOptions clean;
    clean.bytes = 10u << 20;
    clean.minified_percent = 0;
    clean.bytes_per_token = 0;
    std::string empty_text = make_corpus(clean);
    auto e = start_server();
    open_document(*e, empty_text);
    long long v = 1;
    std::vector<double> te = type_keys(*e, count_lines(empty_text), 500, v);
    double e50 = percentile(te, 50);
    report("2. keystroke 10 MB without tokens, p50", fmt_us(e50), "with ~100 tokens " + fmt_us(p50), e50 / p50,
           "reference", -1);
    e->stop();
  }

  std::string big = corpus_of(100);
  auto q = start_server();
  open_document(*q, big);
  double rtt_big = request_round_trip_p50(*q, 100);
  version = 1;
  t = type_keys(*q, count_lines(big), 300, version);
  double big99 = percentile(t, 99), big50 = percentile(t, 50);
  report("2. keystroke 100 MB, p50", fmt_us(big50), "request RTT " + fmt_us(rtt_big), big50 / rtt_big, "-", -1);
  report("2. keystroke 100 MB, p99", fmt_us(big99), "request RTT " + fmt_us(rtt_big), big99 / rtt_big, "<= 5 ms",
         big99 <= 5e-3);
  q->stop();
}

// Baseline for didOpen: the same bytes written through a pipe to a process that discards them.
double pipe_copy_seconds(const std::string& bytes) {
  LspProcess cat("/bin/sh", {"-c", "exec cat >/dev/null"});
  auto t0 = Clock::now();
  cat.send_raw(bytes);
  return seconds_since(t0);
}

void open_figures() {
  for (std::size_t mb : {10u, 100u}) {
    std::string text = corpus_of(mb);
    auto p = start_server();
    double cpu0 = p->cpu_seconds();
    double open_s = open_document(*p, text);
    std::printf("# %zu MB didOpen: server CPU time %s of %s\n", mb, fmt_ms(p->cpu_seconds() - cpu0).c_str(),
                fmt_ms(open_s).c_str());
    p->stop();
    double pipe_s = pipe_copy_seconds(did_open_body(kUri, text));
    double target = mb == 10 ? 0.1 : 1.0;
    report("3. didOpen to diagnostics, " + std::to_string(mb) + " MB", fmt_ms(open_s), "pipe copy " + fmt_ms(pipe_s),
           open_s / pipe_s, mb == 10 ? "<= 100 ms" : "<= 1 s", open_s <= target);
  }
}

void memory_figures() {
  for (std::size_t mb : {10u, 100u}) {
    std::string text = corpus_of(mb);
    auto p = start_server();
    std::size_t idle = p->rss_bytes();
    open_document(*p, text);
    std::size_t rss = p->rss_bytes();
    double limit = 1.3 * static_cast<double>(text.size()) + 16e6;
    std::printf("# %zu MB: idle server %s, peak while opening %s\n", mb, fmt_mb(static_cast<double>(idle)).c_str(),
                fmt_mb(static_cast<double>(p->peak_rss_bytes())).c_str());
    report("4. RSS with one " + std::to_string(mb) + " MB document", fmt_mb(static_cast<double>(rss)),
           "document " + fmt_mb(static_cast<double>(text.size())), static_cast<double>(rss) / static_cast<double>(text.size()),
           "<= 1.3x + 16 MB", static_cast<double>(rss) <= limit);
    if (mb != 10) {
      p->stop();
      continue;
    }
    // 100,000 edits, alternately typing and deleting a character, sent in bursts of 1,000.
    std::size_t lines = count_lines(text);
    std::mt19937_64 rng(5);
    long long version = 1;
    std::size_t first = 0, peak = rss;
    for (int burst = 0; burst < 100; ++burst) {
      std::string bytes;
      for (int i = 0; i < 500; ++i) {
        auto line = static_cast<std::uint32_t>(rng() % lines);
        for (const char* insert : {"x", ""}) {
          std::string b = *insert ? did_change_body(kUri, ++version, line, 2, line, 2, insert)
                                  : did_change_body(kUri, ++version, line, 2, line, 3, "");
          bytes += "Content-Length: " + std::to_string(b.size()) + "\r\n\r\n" + b;
        }
      }
      p->send_raw(bytes);
      if (!p->wait_publish(version)) throw std::runtime_error("no diagnostics after an edit burst");
      peak = std::max(peak, p->rss_bytes());
      if (burst == 0) first = p->rss_bytes();  // the working set of a burst is reached here
    }
    std::size_t last = p->rss_bytes();
    report("4. RSS after 100,000 edits (10 MB)", fmt_mb(static_cast<double>(last)),
           "after 1,000 " + fmt_mb(static_cast<double>(first)), static_cast<double>(last) / static_cast<double>(first),
           "flat (<= 1.05)", static_cast<double>(last) <= 1.05 * static_cast<double>(first));
    report("4. RSS after 100,000 edits vs document", fmt_mb(static_cast<double>(last)),
           "document " + fmt_mb(static_cast<double>(text.size())),
           static_cast<double>(last) / static_cast<double>(text.size()), "<= 1.3x + 16 MB",
           static_cast<double>(last) <= limit);
    std::printf("#   peak during the edits %s\n", fmt_mb(static_cast<double>(peak)).c_str());
    p->stop();
  }
}

void findings_figures() {
  CorpusOptions o;
  o.bytes = 10u << 20;
  o.bytes_per_token = 1000;
  std::string text = make_corpus(o);
  std::size_t lines = count_lines(text);
  for (int limit : {1000, 20000}) {
    auto p = start_server(R"({"maxFindingsPerDocument":)" + std::to_string(limit) + "}");
    open_document(*p, text);
    double rtt = request_round_trip_p50(*p, 100);
    long long version = 1;
    std::vector<double> t = type_keys(*p, lines, 200, version);
    double p50 = percentile(t, 50);
    report("6. keystroke, 10k tokens, limit " + std::to_string(limit) + ", p50", fmt_us(p50), "request RTT " + fmt_us(rtt),
           p50 / rtt, "-", -1);
    p->stop();
  }

  // Coalescing: 300 edits written back to back, alternately gluing a letter to the first token
  // (so it stops being one) and removing it. Every publish must be for a newer version than the
  // one before, carry that version's findings, and the last must be the last version.
  auto p = start_server(R"({"maxFindingsPerDocument":20000})");
  std::string body = did_open_body(kUri, text);
  p->send(body);
  auto opened = p->wait_publish(1, 120);
  std::size_t all = diagnostic_count(opened->body);
  const auto [line, col] = first_quoted_token(text);
  std::string bytes;
  long long version = 1;
  const int kEdits = 300;
  for (int i = 0; i < kEdits; ++i) {
    ++version;
    std::string b = version % 2 == 0 ? did_change_body(kUri, version, line, col, line, col, "Z")
                                     : did_change_body(kUri, version, line, col, line, col + 1, "");
    bytes += "Content-Length: " + std::to_string(b.size()) + "\r\n\r\n" + b;
  }
  auto t0 = Clock::now();
  std::size_t publishes = 0, wrong = 0;
  long long last = 1;
  // In 2 KB pieces 100 us apart, so the server reads several batches and publishes several times.
  for (std::size_t pos = 0; pos < bytes.size(); pos += 2048) {
    p->send_raw(std::string_view(bytes).substr(pos, 2048));
    std::this_thread::sleep_for(std::chrono::microseconds(100));
  }
  while (last != version) {
    auto m = p->next(60);
    if (!m) break;
    auto v = publish_version(m->body);
    if (!v) continue;
    ++publishes;
    std::size_t expected = *v % 2 == 0 ? all - 1 : all;
    if (*v <= last || diagnostic_count(m->body) != expected) ++wrong;
    last = *v;
  }
  double burst_s = seconds_since(t0);
  std::printf("# coalescing: %d edits, %zu publishes in %s, %zu out of order or with the wrong findings, last version %lld of %lld\n",
              kEdits, publishes, fmt_ms(burst_s).c_str(), wrong, last, version);
  report("6. coalescing: publishes per edit", std::to_string(publishes) + " publishes", std::to_string(kEdits) + " edits",
         static_cast<double>(publishes) / kEdits, "< 1, none stale", wrong == 0 && last == version && publishes < kEdits);
  p->stop();
}

// Code actions on a 10 MB document with about 100 tokens: what an editor pays when the cursor
// rests on a token (its fixes, each a pass over the file) and when it rests anywhere else (only
// the fix-all action, which fixes every token), for a client that takes edits inline and one
// that resolves them (VS Code). Baseline: didOpen to diagnostics of the same document.
void code_action_figures() {
  const std::string text = corpus_of(10);
  const auto [line, col] = first_quoted_token(text);
  int id = 100;
  auto median_request = [&](LspProcess& p, std::string_view method, const std::string& params, int count) {
    std::vector<double> t;
    for (int i = 0; i < count; ++i) {
      std::string body = request_body(++id, method, params);
      auto t0 = Clock::now();
      p.send(body);
      auto m = p.wait_reply(id, 300);
      if (!m) throw std::runtime_error("no reply to " + std::string(method));
      t.push_back(std::chrono::duration<double>(m->at - t0).count());
    }
    return percentile(t, 50);
  };
  auto at = [&](std::uint32_t l, std::uint32_t c) {
    return R"({"textDocument":{"uri":")" + std::string(kUri) + R"("},"range":{"start":{"line":)" + std::to_string(l) +
           R"(,"character":)" + std::to_string(c) + R"(},"end":{"line":)" + std::to_string(l) + R"(,"character":)" +
           std::to_string(c) + R"(}},"context":{"diagnostics":[]}})";
  };
  for (const bool resolves : {false, true}) {
    constexpr const char* kResolving =
        R"({"textDocument":{"codeAction":{"dataSupport":true,"resolveSupport":{"properties":["edit"]}}}})";
    auto p = start_server("{}", resolves ? kResolving : "{}");
    const double open_s = open_document(*p, text);
    const std::string client = resolves ? "resolving client" : "inline client";
    const double on_token = median_request(*p, "textDocument/codeAction", at(line, col + 5), 5);
    const double elsewhere = median_request(*p, "textDocument/codeAction", at(0, 0), 5);
    const std::string baseline = "didOpen " + fmt_ms(open_s);
    report("8. code actions on a token, " + client, fmt_ms(on_token), baseline, on_token / open_s, "-", -1);
    report("8. code actions elsewhere, " + client, fmt_ms(elsewhere), baseline, elsewhere / open_s, "-", -1);
    if (resolves) {
      const std::string action = R"({"title":"Fix all","kind":"source.fixAll.pulumi-token-lsp","data":{"uri":")" +
                                 std::string(kUri) + R"("}})";
      const double resolve = median_request(*p, "codeAction/resolve", action, 5);
      report("8. codeAction/resolve of fix-all", fmt_ms(resolve), baseline, resolve / open_s, "-", -1);
    }
    p->stop();
  }
}

// Figure 11 (issue 14): keystrokes on a 10 MB open document while the server scans a large
// workspace (`tree`, e.g. scan_bench.sh's 250 MiB tree) for workspace diagnostics, against the
// same keystrokes with workspaceDiagnostics off, in the same run.
struct WorkspaceRun {
  std::vector<double> during;  // keystroke latencies while the scan ran
  double scan_seconds = 0;     // initialized to the end of the scan's progress
  std::size_t published_files = 0;
};

// Types keystrokes while the workspace scan runs (until its progress ends, or `edits` when the
// scan is off), waiting for each keystroke's publish and watching the other messages go by.
WorkspaceRun type_during_scan(const std::string& tree, bool scan_on, int edits) {
  const std::string text = keystroke_document();
  const std::size_t lines = count_lines(text);
  const std::string root = "file://" + tree;
  WorkspaceRun run;
  auto p = start_server(scan_on ? "{}" : R"({"workspaceDiagnostics":"off"})", R"({"window":{"workDoneProgress":true}})",
                        root);
  const auto t0 = Clock::now();
  bool ended = !scan_on;
  auto watch = [&](const Received& m) {
    if (m.body.find("\"window/workDoneProgress/create\"") != std::string::npos) {
      const std::size_t id_at = m.body.find("\"id\":");
      const std::size_t id_end = m.body.find_first_of(",}", id_at);
      p->send(R"({"jsonrpc":"2.0","id":)" + m.body.substr(id_at + 5, id_end - id_at - 5) + R"(,"result":null})");
    } else if (m.body.find(R"("kind":"end")") != std::string::npos) {
      ended = true;
      run.scan_seconds = std::chrono::duration<double>(m.at - t0).count();
    } else if (m.body.find("publishDiagnostics") != std::string::npos && m.body.find(kUri) == std::string::npos) {
      ++run.published_files;
    }
  };
  p->send(did_open_body(kUri, text));
  for (;;) {  // the document's first publish
    auto m = p->next(120);
    if (!m) throw std::runtime_error("no diagnostics after didOpen");
    if (publish_version(m->body) == 1) break;
    watch(*m);
  }
  std::mt19937_64 rng(11);
  long long version = 1;
  for (int i = 0; scan_on ? !ended : i < edits; ++i) {
    const auto line = static_cast<std::uint32_t>(rng() % lines);
    const std::string body = did_change_body(kUri, ++version, line, 2, line, 2, "x");
    const auto k0 = Clock::now();
    p->send(body);
    for (;;) {
      auto m = p->next(120);
      if (!m) throw std::runtime_error("no diagnostics for a didChange");
      if (publish_version(m->body) == version) {
        run.during.push_back(std::chrono::duration<double>(m->at - k0).count());
        break;
      }
      watch(*m);
    }
  }
  p->stop();
  return run;
}

void workspace_figures(const std::string& tree) {
  WorkspaceRun off = type_during_scan(tree, false, 2000);
  WorkspaceRun on = type_during_scan(tree, true, 0);
  std::printf("# workspace %s: scanned in %.2f s, %zu files published; %zu keystrokes during the scan\n", tree.c_str(),
              on.scan_seconds, on.published_files, on.during.size());
  const double off50 = percentile(off.during, 50), off99 = percentile(off.during, 99);
  const double on50 = percentile(on.during, 50), on99 = percentile(on.during, 99);
  report("11. keystroke 10 MB during a workspace scan, p50", fmt_us(on50), "no scan " + fmt_us(off50), on50 / off50,
         "reference", -1);
  report("11. keystroke 10 MB during a workspace scan, p99", fmt_us(on99), "no scan " + fmt_us(off99), on99 / off99,
         "<= 1 ms (figure 2's)", on99 <= 1e-3);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: server_bench PATH/TO/pulumi-token-lsp [latency|open|memory|findings|actions|all]\n");
    return 2;
  }
  g_binary = argv[1];
  std::string what = argc > 2 ? argv[2] : "all";
  if (what == "all" || what == "latency") latency_figures();
  if (what == "all" || what == "open") open_figures();
  if (what == "all" || what == "memory") memory_figures();
  if (what == "all" || what == "findings") findings_figures();
  if (what == "all" || what == "actions") code_action_figures();
  if (what == "workspace") {
    if (argc < 4) {
      std::fprintf(stderr, "usage: server_bench PATH/TO/pulumi-token-lsp workspace TREE\n");
      return 2;
    }
    workspace_figures(argv[3]);
  }
  return 0;
}
