#include "scan/history_index.h"

#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <vector>

#include "scan/fingerprint.h"
#include "test_git_repo.h"
#include "test_tokens.h"

using ptl::scan::HistoryIndex;
using ptl::testing::make_token;

TEST_CASE("the history index finds a committed token by its hash and names the line it had") {
  ptl::testing::GitRepo repo;
  const std::string tok = make_token(201);
  repo.write("a.ts", "// a\n\nconst a = \"" + tok + "\";\n");
  const std::string id = repo.commit("one");
  repo.write("b.ts", "const b = 1;\n");
  repo.commit("two");
  std::vector<std::string> errors;
  const HistoryIndex index = HistoryIndex::build(repo.root, {}, errors);
  CHECK(errors.empty());
  CHECK(index.commits() == 2);
  const ptl::scan::Committed* c = index.find(ptl::scan::sha256_hex(tok));
  REQUIRE(c != nullptr);
  CHECK(c->commit.id == id);
  CHECK(c->path == "a.ts");
  CHECK(c->line == 3);
  CHECK(c->in_head);
  CHECK(c->remote_branches.empty());
  CHECK(index.find(ptl::scan::sha256_hex(make_token(202))) == nullptr);
}

TEST_CASE("a cancelled history read stops before the next commit") {
  ptl::testing::GitRepo repo;
  for (int i = 0; i < 3; ++i) {
    repo.write("a.ts", "const a = \"" + make_token(210 + i) + "\";\n");
    repo.commit("c" + std::to_string(i));
  }
  const std::atomic<bool> cancel{true};
  ptl::scan::ScanOptions options;
  options.cancel = &cancel;
  std::vector<std::string> errors;
  const HistoryIndex cancelled = HistoryIndex::build(repo.root, options, errors);
  CHECK(cancelled.commits() == 0);
  CHECK(cancelled.size() == 0);
  const std::atomic<bool> go_on{false};
  options.cancel = &go_on;
  const HistoryIndex whole = HistoryIndex::build(repo.root, options, errors);
  CHECK(whole.commits() == 3);
  CHECK(whole.size() == 3);
  CHECK(errors.empty());
}
