// Inputs for the scan-vs-ripgrep benchmark (bench/scan_bench.sh, issue 13), made from the corpus
// generator (corpus.h) with fixed seeds: same options, same bytes, on every machine.
//
// Usage: scan_corpus tree DIR [MB, default 250] [FILES, default 20000]
//          writes a source tree of MB MiB in about FILES files under DIR (which must not exist)
//          with a .gitignore that leaves out about 10 % of the files (a node_modules/ directory
//          and *.log files); prints "key=value" lines: kept_files, kept_bytes, ignored_files,
//          ignored_bytes.
//        scan_corpus history [COMMITS, default 5000]
//          writes a `git fast-import` stream to standard output: a branch `main` whose files are
//          edited over time, feature branches left unmerged, tags, and tokens added and later
//          removed along the way; prints the same kind of summary on standard error.
//
// Tokens are made at run time (corpus.h); nothing here is token-shaped.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "bench/corpus.h"

namespace {

using namespace ptl::bench;
namespace fs = std::filesystem;

constexpr std::string_view kTops[] = {"src", "lib", "services", "infra", "packages"};
constexpr std::string_view kNames[] = {"stack", "bucket", "network", "config", "cluster",
                                       "policy", "queue", "index", "handler", "deploy"};
constexpr std::string_view kExtensions[] = {"ts", "py", "go", "yaml", "json", "js", "md"};

template <class T, std::size_t N>
const T& pick(Rng& rng, const T (&items)[N]) {
  return items[rng.below(N)];
}

// A source-like path below a top-level directory; `serial` keeps it unique.
std::string source_path(Rng& rng, std::size_t serial, std::string_view extension) {
  std::string path(pick(rng, kTops));
  path += "/area" + std::to_string(rng.below(20)) + "/mod" + std::to_string(rng.below(10)) + "/";
  path += std::string(pick(rng, kNames)) + "_" + std::to_string(serial) + "." + std::string(extension);
  return path;
}

bool write_file(const fs::path& path, std::string_view bytes) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return false;
  const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  return std::fclose(f) == 0 && ok;
}

// The tree: the corpus cut at FILES - 1 random line starts, each piece one file.
int make_tree(const fs::path& dir, std::size_t mb, std::size_t files) {
  if (fs::exists(dir)) {
    std::fprintf(stderr, "scan_corpus: %s exists\n", dir.c_str());
    return 2;
  }
  CorpusOptions options;
  options.bytes = mb << 20;
  options.seed = 13;
  const std::string text = make_corpus(options);
  Rng rng(17);
  // Cuts that land in the same long line give one cut: draw until there are FILES pieces.
  std::vector<std::size_t> cuts{0, text.size()};
  while (cuts.size() < files + 1) {
    for (std::size_t n = files + 1 - cuts.size(); n > 0; --n) {
      const std::size_t at = text.find('\n', rng.below(text.size()));
      if (at + 1 < text.size()) cuts.push_back(at + 1);
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  }

  std::size_t kept_files = 0, kept_bytes = 0, ignored_files = 0, ignored_bytes = 0;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    const std::string_view piece = std::string_view(text).substr(cuts[i], cuts[i + 1] - cuts[i]);
    const std::size_t kind = rng.below(100);
    std::string path;
    if (kind < 8) {  // dependencies: ignored by "node_modules/"
      path = "node_modules/pkg" + std::to_string(rng.below(150)) + "/dist/" + std::string(pick(rng, kNames)) + "_" +
             std::to_string(i) + ".js";
    } else if (kind < 10) {  // build logs: ignored by "*.log"
      path = source_path(rng, i, "log");
    } else {
      path = source_path(rng, i, pick(rng, kExtensions));
    }
    if (!write_file(dir / path, piece)) {
      std::fprintf(stderr, "scan_corpus: cannot write %s\n", (dir / path).c_str());
      return 2;
    }
    (kind < 10 ? ignored_files : kept_files) += 1;
    (kind < 10 ? ignored_bytes : kept_bytes) += piece.size();
  }
  if (!write_file(dir / ".gitignore", "node_modules/\n*.log\n")) return 2;
  std::printf("kept_files=%zu\nkept_bytes=%zu\nignored_files=%zu\nignored_bytes=%zu\n", kept_files, kept_bytes,
              ignored_files, ignored_bytes);
  return 0;
}

// Lines of ordinary code (and the corpus's own tokens, one per 100 KB) handed out in order.
class LineSource {
 public:
  LineSource() {
    CorpusOptions options;
    options.bytes = 16u << 20;
    options.seed = 29;
    options.minified_percent = 0;  // long minified lines would swamp the diffs
    const std::string text = make_corpus(options);
    for (std::size_t at = 0; at < text.size();) {
      const std::size_t end = text.find('\n', at);
      lines_.push_back(text.substr(at, end - at + 1));
      at = end + 1;
    }
  }
  const std::string& next() {
    const std::string& line = lines_[next_];
    next_ = (next_ + 1) % lines_.size();
    return line;
  }

 private:
  std::vector<std::string> lines_;
  std::size_t next_ = 0;
};

using Tree = std::map<std::string, std::vector<std::string>>;

class FastImportWriter {
 public:
  // One commit on `ref` with the given changes; `from` is the parent's mark (0: the ref's tip).
  std::size_t commit(const std::string& ref, std::size_t from, const std::string& message, const Tree& tree,
                     const std::vector<std::string>& changed, const std::vector<std::string>& deleted) {
    const std::size_t mark = ++marks_;
    const long when = 1700000000L + static_cast<long>(mark) * 3600;
    std::string out = "commit " + ref + "\nmark :" + std::to_string(mark) + "\n";
    out += "author Bench <bench@example.com> " + std::to_string(when) + " +0000\n";
    out += "committer Bench <bench@example.com> " + std::to_string(when) + " +0000\n";
    out += data(message);
    if (from != 0) out += "from :" + std::to_string(from) + "\n";
    for (const std::string& path : deleted) out += "D " + path + "\n";
    for (const std::string& path : changed) {
      std::string content;
      for (const std::string& line : tree.at(path)) content += line;
      out += "M 100644 inline " + path + "\n" + data(content);
    }
    out += "\n";
    put(out);
    return mark;
  }
  void tag(const std::string& name, std::size_t mark) { put("reset refs/tags/" + name + "\nfrom :" + std::to_string(mark) + "\n\n"); }
  std::size_t bytes() const { return bytes_; }

 private:
  static std::string data(std::string_view s) { return "data " + std::to_string(s.size()) + "\n" + std::string(s) + "\n"; }
  void put(const std::string& s) {
    std::fwrite(s.data(), 1, s.size(), stdout);
    bytes_ += s.size();
  }
  std::size_t marks_ = 0;
  std::size_t bytes_ = 0;
};

std::string planted_line(Rng& rng, const std::string& token) {
  switch (rng.below(3)) {
    case 0: return "const accessToken = \"" + token + "\";\n";
    case 1: return "PULUMI_ACCESS_TOKEN=" + token + "\n";
    default: return "  pulumi:accessToken: " + token + "\n";
  }
}

// One random edit of `lines`: replace a few lines (most often), append or delete some.
void edit(Rng& rng, LineSource& source, std::vector<std::string>& lines) {
  const std::size_t op = rng.below(100);
  if (op < 70 || lines.size() < 12) {
    const std::size_t at = rng.below(lines.size() + 1);
    const std::size_t drop = std::min<std::size_t>(rng.below(6), lines.size() - at);
    std::vector<std::string> fresh;
    for (std::size_t n = 1 + rng.below(10); n > 0; --n) fresh.push_back(source.next());
    lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(at), lines.begin() + static_cast<std::ptrdiff_t>(at + drop));
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at), fresh.begin(), fresh.end());
  } else if (op < 85) {
    for (std::size_t n = 1 + rng.below(20); n > 0; --n) lines.push_back(source.next());
  } else {
    const std::size_t drop = 1 + rng.below(10);
    const std::size_t at = rng.below(lines.size() - drop);
    lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(at), lines.begin() + static_cast<std::ptrdiff_t>(at + drop));
  }
}

int make_history(std::size_t commits) {
  static char buffer[1 << 20];
  std::setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
  Rng rng(31);
  LineSource source;
  FastImportWriter writer;
  Tree main_tree;
  std::size_t serial = 0;
  const auto new_file = [&](Tree& tree, std::size_t lines) {
    std::string path = source_path(rng, serial++, pick(rng, kExtensions));
    for (std::size_t n = 0; n < lines; ++n) tree[path].push_back(source.next());
    return path;
  };
  std::vector<std::string> changed, deleted;
  for (int i = 0; i < 400; ++i) changed.push_back(new_file(main_tree, 20 + rng.below(280)));
  std::size_t main_tip = writer.commit("refs/heads/main", 0, "Initial import\n", main_tree, changed, {});

  struct Planted {
    std::string path, token;
  };
  std::vector<Planted> live;  // explicit tokens not removed yet, oldest first
  std::size_t planted = 0, removed = 0, branches = 0, tags = 0;
  Tree* tree = &main_tree;
  Tree branch_tree;
  std::string ref = "refs/heads/main";
  std::size_t branch_left = 0, parent = 0;
  for (std::size_t i = 1; i < commits; ++i) {
    if (branch_left == 0 && i % 500 == 250 && i + 25 < commits) {  // a feature branch of 25 commits
      branch_tree = main_tree;
      tree = &branch_tree;
      ref = "refs/heads/feature/" + std::to_string(++branches);
      branch_left = 25;
      parent = main_tip;
    }
    changed.clear();
    deleted.clear();
    std::string message = "Edit";
    std::vector<std::string> paths;
    for (const auto& [path, lines] : *tree) paths.push_back(path);
    for (std::size_t n = 1 + rng.below(3); n > 0; --n) {
      const std::string& path = paths[rng.below(paths.size())];
      edit(rng, source, (*tree)[path]);
      changed.push_back(path);
    }
    if (rng.below(100) == 0) {
      changed.push_back(new_file(*tree, 20 + rng.below(180)));
      message = "Add a file";
    }
    if (rng.below(300) == 0 && paths.size() > 100) {
      const std::string& path = paths[rng.below(paths.size())];
      if (std::find(changed.begin(), changed.end(), path) == changed.end()) {
        tree->erase(path);
        deleted.push_back(path);
        message = "Remove a file";
      }
    }
    if (rng.below(50) == 0) {  // someone commits a token ...
      const std::string& path = paths[rng.below(paths.size())];
      if (tree->count(path) != 0) {
        auto& lines = (*tree)[path];
        const std::string token = make_token(1000000 + planted++);
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(rng.below(lines.size() + 1)), planted_line(rng, token));
        changed.push_back(path);
        live.push_back({path, token});
        message = "Configure the deployment";
      }
    }
    if (rng.below(60) == 0 && !live.empty()) {  // ... and a later commit takes it out again
      const Planted p = live.front();
      live.erase(live.begin());
      if (auto it = tree->find(p.path); it != tree->end()) {
        auto& lines = it->second;
        const auto before = lines.size();
        std::erase_if(lines, [&](const std::string& line) { return line.find(p.token) != std::string::npos; });
        if (lines.size() != before) {
          changed.push_back(p.path);
          ++removed;
          message = "Remove a hard-coded token";
        }
      }
    }
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    std::erase_if(changed, [&](const std::string& path) { return tree->count(path) == 0; });
    const std::size_t mark = writer.commit(ref, parent, message + " (" + std::to_string(i) + ")\n", *tree, changed, deleted);
    parent = 0;
    if (branch_left > 0) {
      if (--branch_left == 0) {
        tree = &main_tree;
        ref = "refs/heads/main";
        parent = main_tip;
      }
    } else {
      main_tip = mark;
      if (i % 1000 == 0) writer.tag("v" + std::to_string(++tags), mark);
    }
  }
  std::fflush(stdout);
  std::fprintf(stderr, "commits=%zu\nbranches=%zu\ntags=%zu\nplanted_tokens=%zu\nremoved_tokens=%zu\nstream_bytes=%zu\n",
               commits, branches, tags, planted, removed, writer.bytes());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  const auto number = [&](std::size_t i, std::size_t fallback) {
    return args.size() > i ? static_cast<std::size_t>(std::strtoull(args[i].c_str(), nullptr, 10)) : fallback;
  };
  if (args.size() >= 2 && args[0] == "tree") return make_tree(args[1], number(2, 250), number(3, 20000));
  if (!args.empty() && args[0] == "history") return make_history(std::max<std::size_t>(number(1, 5000), 2));
  std::fprintf(stderr, "usage: scan_corpus tree DIR [MB] [FILES] | scan_corpus history [COMMITS]\n");
  return 2;
}
