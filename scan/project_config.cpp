#include "scan/project_config.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <system_error>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace ptl::scan {
namespace {

using nlohmann::json;

constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t{8} << 20;
// Deeper nesting than any config needs; the limit keeps the recursive parser's stack small.
constexpr std::size_t kMaxDepth = 64;

// Validates JSON without building it, to say where a syntax error is (nlohmann's own message
// quotes the text around it, which could be a token) and to refuse absurd nesting.
class SyntaxCheck : public json::json_sax_t {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return enter(); }
  bool key(string_t&) override { return true; }
  bool end_object() override { return leave(); }
  bool start_array(std::size_t) override { return enter(); }
  bool end_array() override { return leave(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) override {
    error_at = position;
    return false;
  }

  std::optional<std::size_t> error_at;
  bool too_deep = false;

 private:
  bool enter() {
    too_deep = ++depth_ > kMaxDepth;
    return !too_deep;
  }
  bool leave() {
    --depth_;
    return true;
  }
  std::size_t depth_ = 0;
};

std::string line_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i + 1 < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return fmt::format("line {}, column {}", line, column);
}

bool is_fingerprint(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

// A key is named in a message only when it cannot be a secret: short, and made of the
// characters config keys use.
bool showable_key(const std::string& key) {
  return !key.empty() && key.size() <= 32 && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '$' || c == '.';
  });
}

class Reader {
 public:
  Reader(ProjectConfig& config, std::vector<ProjectConfigProblem>& problems) : config_(config), problems_(problems) {}

  void read(const json& root) {
    if (!root.is_object()) {
      error("(top level): expected an object");
      return;
    }
    for (const auto& [key, value] : root.items()) {
      if (key == "$schema") {
        if (!value.is_string()) error("$schema: expected a string");
      } else if (key == "ignore") {
        read_ignore(value);
      } else if (key == "placeholders") {
        read_placeholders(value);
      } else if (key == "severity") {
        read_severity(value);
      } else if (key == "allowlist") {
        read_allowlist(value);
      } else {
        unknown_key("", key);
      }
    }
  }

  bool failed() const { return failed_; }

 private:
  void error(std::string message) {
    failed_ = true;
    problems_.push_back(ProjectConfigProblem{true, std::move(message)});
  }

  void unknown_key(const std::string& path, const std::string& key) {
    std::string message = showable_key(key)
                              ? fmt::format("{}{}: unknown key, ignored", path.empty() ? "" : path + ".", key)
                              : fmt::format("{}: an unknown key (name not shown), ignored", path.empty() ? "(top level)" : path);
    problems_.push_back(ProjectConfigProblem{false, std::move(message)});
  }

  void read_ignore(const json& value) {
    if (!value.is_array()) {
      error("ignore: expected an array of glob patterns");
      return;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (!value[i].is_string()) {
        error(fmt::format("ignore[{}]: expected a string", i));
        continue;
      }
      IgnorePattern pattern(value[i].get_ref<const std::string&>());
      if (!pattern.ok()) {
        error(fmt::format("ignore[{}]: {}", i, pattern.error()));
        continue;
      }
      config_.ignore.push_back(std::move(pattern));
    }
  }

  void read_placeholders(const json& value) {
    const std::string* v = value.is_string() ? &value.get_ref<const std::string&>() : nullptr;
    if (v && *v == "hint") config_.report_placeholders = true;
    else if (v && *v == "off") config_.report_placeholders = false;
    else error("placeholders: expected \"hint\" or \"off\"");
  }

  void read_severity(const json& value) {
    static constexpr std::string_view kNames[] = {"error", "warning", "information", "hint"};
    const std::string* v = value.is_string() ? &value.get_ref<const std::string&>() : nullptr;
    if (v && std::find(std::begin(kNames), std::end(kNames), *v) != std::end(kNames)) config_.severity = *v;
    else error("severity: expected \"error\", \"warning\", \"information\" or \"hint\"");
  }

  void read_allowlist(const json& value) {
    if (!value.is_array()) {
      error("allowlist: expected an array of {\"fingerprint\", \"reason\"} objects");
      return;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
      const std::string path = fmt::format("allowlist[{}]", i);
      const json& entry = value[i];
      if (!entry.is_object()) {
        error(path + ": expected an object with \"fingerprint\" and \"reason\"");
        continue;
      }
      bool good = true;
      const auto fingerprint = entry.find("fingerprint");
      if (fingerprint == entry.end()) {
        error(path + ".fingerprint: missing");
        good = false;
      } else if (!fingerprint->is_string() || !is_fingerprint(fingerprint->get_ref<const std::string&>())) {
        const bool token_like = fingerprint->is_string() && fingerprint->get_ref<const std::string&>().rfind("pul-", 0) == 0;
        error(path + ".fingerprint: expected 64 lowercase hex digits (a finding's fingerprint, from the scan's JSON "
                     "report)" +
              std::string(token_like ? "; this looks like a token itself: never put a token here, rotate it" : ""));
        good = false;
      }
      const auto reason = entry.find("reason");
      if (reason == entry.end()) {
        error(path + ".reason: missing (say why this finding is allowed)");
        good = false;
      } else if (!reason->is_string() || reason->get_ref<const std::string&>().empty()) {
        error(path + ".reason: expected a non-empty string");
        good = false;
      }
      for (const auto& [key, unused] : entry.items())
        if (key != "fingerprint" && key != "reason") unknown_key(path, key);
      if (!good) continue;
      const std::string& fp = fingerprint->get_ref<const std::string&>();
      if (!config_.allowlist.emplace(fp, reason->get<std::string>()).second)
        problems_.push_back(ProjectConfigProblem{false, path + ".fingerprint: listed twice; the first reason is kept"});
    }
  }

  ProjectConfig& config_;
  std::vector<ProjectConfigProblem>& problems_;
  bool failed_ = false;
};

std::optional<std::string> relative_if_under(const std::filesystem::path& file, const std::filesystem::path& root) {
  const std::filesystem::path r = file.lexically_relative(root);
  if (r.empty() || r == "." || *r.begin() == "..") return std::nullopt;
  return r.generic_string();
}

std::filesystem::path absolute_normal(const std::filesystem::path& p) {
  std::error_code ec;
  std::filesystem::path out = std::filesystem::absolute(p, ec);
  if (ec) out = p;
  out = out.lexically_normal();
  if (out.has_relative_path() && out.filename().empty()) out = out.parent_path();  // "/a/b/" -> "/a/b"
  return out;
}

}  // namespace

std::optional<std::filesystem::path> find_project_config(const std::filesystem::path& start) {
  std::error_code ec;
  std::filesystem::path here = absolute_normal(start);
  if (!std::filesystem::is_directory(here, ec)) here = here.parent_path();
  std::filesystem::path dir = here;
  for (;;) {
    if (std::filesystem::exists(dir / ".git", ec)) {
      here = dir;
      break;
    }
    if (!dir.has_relative_path()) break;  // the file system's root, no work tree
    dir = dir.parent_path();
  }
  std::filesystem::path file = here / kProjectConfigFileName;
  if (std::filesystem::is_regular_file(file, ec)) return file;
  return std::nullopt;
}

bool parse_project_config(std::string_view text, ProjectConfig& config, std::vector<ProjectConfigProblem>& problems) {
  SyntaxCheck check;
  json::sax_parse(text.begin(), text.end(), &check, nlohmann::detail::input_format_t::json, true);
  if (check.too_deep) {
    problems.push_back({true, fmt::format("not a config file: JSON nested deeper than {} levels", kMaxDepth)});
    return false;
  }
  if (check.error_at) {
    problems.push_back({true, fmt::format("not valid JSON at {}", line_column(text, *check.error_at))});
    return false;
  }
  const json root = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) {  // not expected after the check above; never a silent empty config
    problems.push_back({true, "not valid JSON"});
    return false;
  }
  Reader reader(config, problems);
  reader.read(root);
  return !reader.failed();
}

bool load_project_config(const std::filesystem::path& file, ProjectConfig& config,
                         std::vector<ProjectConfigProblem>& problems) {
  config = ProjectConfig{};
  config.root = absolute_normal(file).parent_path();
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(file, ec);
  if (ec) {
    problems.push_back({true, fmt::format("cannot read the file: {}", ec.message())});
    return false;
  }
  if (size > kMaxFileBytes) {
    problems.push_back({true, fmt::format("the file has {} bytes, over the limit of {}", size, kMaxFileBytes)});
    return false;
  }
  std::ifstream in(file, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    problems.push_back({true, "cannot read the file"});
    return false;
  }
  return parse_project_config(text, config, problems);
}

std::optional<std::string> path_relative_to_root(const ProjectConfig& config, const std::filesystem::path& file) {
  const std::filesystem::path root = absolute_normal(config.root);
  if (auto r = relative_if_under(absolute_normal(file), root)) return r;
  // The same places under other names (a symlinked checkout, /tmp -> /private/tmp).
  std::error_code ec1, ec2;
  const std::filesystem::path real_file = std::filesystem::weakly_canonical(file, ec1);
  const std::filesystem::path real_root = std::filesystem::weakly_canonical(root, ec2);
  if (ec1 || ec2) return std::nullopt;
  return relative_if_under(real_file, real_root);
}

bool ignored_by(const ProjectConfig& config, std::string_view relative_path) {
  return std::any_of(config.ignore.begin(), config.ignore.end(),
                     [&](const IgnorePattern& p) { return p.matches(relative_path); });
}

}  // namespace ptl::scan
