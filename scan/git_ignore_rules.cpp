#include "scan/git_ignore_rules.h"

#include <optional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ptl::scan {

struct GitIgnoreRules::Rule {
  IgnorePattern pattern;
  bool negated = false;
  bool directory_only = false;
  bool anchored = false;  // matched against the path below the file's directory, else the name
};

struct GitIgnoreRules::RuleFile {
  std::size_t prefix_length = 0;  // of "dir/" in paths from the root: what anchored rules skip
  std::vector<Rule> rules;
};

struct GitIgnoreRules::Directory {
  const Directory* parent = nullptr;
  RuleFile file;
};

namespace {

// libgit2 skips a larger ignore file as if it were absent (GIT_ATTR_MAX_FILE_SIZE, 100 MB in
// recent versions): such a file is left to libgit2 rather than guess its version's limit.
constexpr off_t kLargestFile = 100'000'000;

// git__isspace
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\v'; }

// One line of an ignore file as libgit2's git_attr_fnmatch__parse reads it (with the flags
// parse_ignore_file gives: spaces allowed, '!' negates), but for trailing tabs, which git keeps;
// the differential test checks each rule against both. nullopt for a line without a pattern.
struct Line {
  bool negated = false;
  bool directory_only = false;
  bool anchored = false;
  std::string body;  // the glob, without the '!', the leading and the trailing '/'
};

std::optional<Line> parse_line(std::string_view p) {
  Line line;
  if (p.empty() || p.front() == '#' || p == "\r") return std::nullopt;
  if (p.front() == '!') {
    line.negated = true;
    p.remove_prefix(1);
  }
  // Up to the first unescaped whitespace other than ' ', '\t' and '\r' ('\v', '\f': libgit2
  // drops the rest of the line). Every '/' counts, escaped or not; a first one that opens the
  // pattern is dropped (it only anchors).
  int slashes = 0;
  bool escaped = false;
  std::size_t start = 0, end = 0;
  for (; end < p.size(); ++end) {
    const char c = p[end];
    if (c == '\\' && !escaped) {
      escaped = true;
      continue;
    }
    if (is_space(c) && !escaped && c != ' ' && c != '\t' && c != '\r') break;
    if (c == '/') {
      line.anchored = true;
      if (++slashes == 1 && end == start) ++start;
    }
    escaped = false;
  }
  std::string_view body = p.substr(start, end - start);
  if (!body.empty() && body.back() == '\r') body.remove_suffix(1);  // a CRLF file
  // Trailing spaces, unless escaped by an odd number of backslashes. Not tabs: git keeps them
  // (libgit2 1.5 trims them too).
  while (!body.empty() && body.back() == ' ') {
    std::size_t backslashes = 0;
    while (backslashes + 1 < body.size() && body[body.size() - 2 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 1) break;
    body.remove_suffix(1);
  }
  if (body.empty()) return std::nullopt;
  if (body.back() == '/') {
    body.remove_suffix(1);
    line.directory_only = true;
    if (--slashes <= 0) line.anchored = false;
  }
  // "\ " is a space; every other escape stays for the glob.
  escaped = false;
  for (const char c : body) {
    if (!escaped && c == '\\') {
      escaped = true;
      continue;
    }
    if (escaped && !is_space(c)) line.body += '\\';
    line.body += c;
    escaped = false;
  }
  return line;
}

// The file's bytes; nullopt when it is absent, a directory, unreadable or too large (libgit2
// reads all of those as no file); `too_large` set for the last.
std::optional<std::string> read_file(const std::string& path, bool& too_large) {
  too_large = false;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::optional<std::string> out;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && !S_ISDIR(st.st_mode)) {
    too_large = st.st_size > kLargestFile;
    std::string text;
    char buffer[16384];
    ssize_t n = 0;
    while (!too_large && (n = ::read(fd, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(n));
    if (!too_large && n == 0) out = std::move(text);
  }
  ::close(fd);
  return out;
}

std::string_view name_of(std::string_view relative) {
  const std::size_t slash = relative.rfind('/');
  return slash == std::string_view::npos ? relative : relative.substr(slash + 1);
}

// The first rule of `file` to match, last line first: ignored (true) or re-included (false).
std::optional<bool> decide(const auto& file, std::string_view relative, std::string_view name, bool is_directory) {
  for (auto rule = file.rules.rbegin(); rule != file.rules.rend(); ++rule) {
    if (rule->directory_only && !is_directory) continue;
    if (rule->pattern.matches_itself(rule->anchored ? relative.substr(file.prefix_length) : name)) return !rule->negated;
  }
  return std::nullopt;
}

}  // namespace

GitIgnoreRules::GitIgnoreRules(const GitRepository& repo, std::string_view start)
    : repo_(repo), workdir_(repo.workdir().string()) {
  const GitRepository::IgnoreSources sources = repo.ignore_sources();
  // libgit2 matches case-insensitively with core.ignoreCase, and reads a relative
  // core.excludesFile from the process's directory, taking one named ".gitignore" for a
  // directory's own: rare enough to leave to libgit2.
  if (sources.ignore_case || (!sources.excludes_file.empty() && sources.excludes_file.is_relative())) exact_ = false;
  for (const std::filesystem::path& file : {sources.info_exclude, sources.excludes_file}) {
    if (!exact_ || file.empty()) continue;
    load(file.string(), 0, global_.emplace_back());
  }
  directories_.emplace_back();
  start_ = &directories_.back();
  if (exact_) load(workdir_ + "/.gitignore", 0, directories_.back().file);
  for (std::size_t slash = 0; !start.empty() && slash != std::string_view::npos;) {
    slash = start.find('/', slash + 1);
    start_ = enter(start_, start.substr(0, slash));
  }
}

GitIgnoreRules::~GitIgnoreRules() = default;

const GitIgnoreRules::Directory* GitIgnoreRules::enter(const Directory* parent, std::string_view relative) {
  if (!exact_) return parent;
  RuleFile file;
  const std::string path = workdir_ + '/' + std::string(relative);
  if (!load(path + "/.gitignore", relative.size() + 1, file) || file.rules.empty()) return parent;
  directories_.push_back(Directory{parent, std::move(file)});
  return &directories_.back();
}

bool GitIgnoreRules::load(const std::string& path, std::size_t prefix_length, RuleFile& out) {
  out.prefix_length = prefix_length;
  bool too_large = false;
  std::optional<std::string> text = read_file(path, too_large);
  if (too_large) return exact_ = false;
  if (!text) return true;
  // libgit2 reads the file as a C string after a UTF-8 byte order mark.
  std::string_view rest(*text);
  rest = rest.substr(0, rest.find('\0'));
  if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);
  while (!rest.empty()) {
    const std::size_t newline = rest.find('\n');
    const std::optional<Line> line = parse_line(rest.substr(0, newline));
    rest.remove_prefix(newline == std::string_view::npos ? rest.size() : newline + 1);
    if (!line) continue;
    // An anchored glob that starts or ends with '/' (from "//x" or "x//") never matches a
    // path; libgit2 keeps it, to no effect.
    if (line->body.empty() || (line->anchored && (line->body.front() == '/' || line->body.back() == '/'))) continue;
    // IgnorePattern anchors a glob with a '/' in it by itself, and reads a leading '!' as the
    // negation it does not support: escape it (the '!' of a negation is already gone).
    const std::string glob = line->anchored ? '/' + line->body : line->body.front() == '!' ? '\\' + line->body : line->body;
    Rule rule{IgnorePattern(glob), line->negated, line->directory_only, line->anchored};
    // A glob IgnorePattern cannot compile ("[[:alpha:]]", a trailing lone '\'): libgit2's
    // wildmatch reads it, so every later answer comes from libgit2 to stay exact.
    if (!rule.pattern.ok()) return exact_ = false;
    out.rules.push_back(std::move(rule));
  }
  return true;
}

bool GitIgnoreRules::ignored(const Directory* directory, std::string_view relative, bool is_directory) const {
  if (!exact_) return repo_.ignored_relative(std::string(relative), is_directory);
  const std::string_view name = name_of(relative);
  if (name == ".git") return true;
  for (const Directory* d = directory; d != nullptr; d = d->parent) {
    if (const std::optional<bool> decided = decide(d->file, relative, name, is_directory)) return *decided;
  }
  for (const RuleFile& file : global_) {
    if (const std::optional<bool> decided = decide(file, relative, name, is_directory)) return *decided;
  }
  return false;
}

}  // namespace ptl::scan
