#pragma once
// A git repository in a temporary directory for one test, made with the git command at test
// time (tokens built at run time go in its files): fixed dates, the user's git config left out.

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "temp_dir.h"

namespace ptl::testing {

struct GitRepo {
  TempDir dir;
  std::filesystem::path root = dir.path() / "repo";

  GitRepo() {
    std::filesystem::create_directories(root);
    REQUIRE(git("init -q -b main"));
  }
  bool git(const std::string& args, const std::string& date = "2026-03-01T12:00:00+00:00") const {
    const std::string env = "HOME='" + dir.path().string() +
                            "' GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=Ann GIT_AUTHOR_EMAIL=ann@example.com "
                            "GIT_COMMITTER_NAME=Ann GIT_COMMITTER_EMAIL=ann@example.com GIT_AUTHOR_DATE=" +
                            date + " GIT_COMMITTER_DATE=" + date;
    return std::system((env + " git -C '" + root.string() + "' " + args + " >/dev/null 2>&1").c_str()) == 0;
  }
  void write(const std::string& relative, const std::string& text) const { dir.write("repo/" + relative, text); }
  // Commits everything; returns the commit's id.
  std::string commit(const std::string& message, const std::string& date = "2026-03-01T12:00:00+00:00") const {
    REQUIRE(git("add -A"));
    REQUIRE(git("commit -q -m '" + message + "'", date));
    const std::filesystem::path out = dir.path() / "head";
    REQUIRE(std::system(("git -C '" + root.string() + "' rev-parse HEAD > '" + out.string() + "'").c_str()) == 0);
    std::ifstream in(out);
    std::string id;
    in >> id;
    REQUIRE(id.size() == 40);
    return id;
  }
  // Pushes main to a bare clone named origin (so origin/main holds what is committed now).
  void push() const {
    const std::string remote = (dir.path() / "remote.git").string();
    if (!std::filesystem::exists(remote)) {
      REQUIRE(git("init -q --bare '" + remote + "'"));
      REQUIRE(git("remote add origin '" + remote + "'"));
    }
    REQUIRE(git("push -q origin main"));
  }
  std::string uri(const std::string& relative = "") const {
    return "file://" + (relative.empty() ? root : root / relative).string();
  }
};

}  // namespace ptl::testing
