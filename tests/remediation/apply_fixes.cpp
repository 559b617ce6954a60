// Applies every fix (one token at a time, every token in turn, and fix_all)
// to every sample under a directory, checks the library's own guarantees
// (token gone, no duplicated import or helper line), and writes the results
// plus a manifest naming the parser that must accept each one
// (check_parsers.mjs reads it).
//
// Usage: apply_fixes <samples-dir> <out-dir>
// Samples hold "@TOKEN@" where a token goes; tokens are built here, at run
// time, so the repository holds none.

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "remediation/remediation.h"
#include "tests/unit/test_tokens.h"

namespace fs = std::filesystem;
namespace rem = ptl::remediation;

namespace {

std::string_view kind_name(rem::FixKind k) {
  switch (k) {
    case rem::FixKind::Environment: return "Environment";
    case rem::FixKind::PulumiConfig: return "PulumiConfig";
    case rem::FixKind::AwsSecretsManager: return "AwsSecretsManager";
    case rem::FixKind::Vault: return "Vault";
    case rem::FixKind::Conjur: return "Conjur";
    case rem::FixKind::Redact: return "Redact";
    case rem::FixKind::Suppress: return "Suppress";
    case rem::FixKind::RecreateSecret: return "RecreateSecret";
  }
  return "?";
}

std::string_view checker_for(rem::Language l) {
  switch (l) {
    case rem::Language::TypeScript: return "typescript";
    case rem::Language::JavaScript: return "javascript";
    case rem::Language::Python: return "python";
    case rem::Language::Go: return "go";
    case rem::Language::CSharp: return "csharp";
    case rem::Language::Java: return "java";
    case rem::Language::Shell:
    case rem::Language::DotEnv: return "bash";
    case rem::Language::DockerCompose:
    case rem::Language::GitHubActions:
    case rem::Language::GitLabCi:
    case rem::Language::PulumiYaml:
    case rem::Language::PulumiStackConfig:
    case rem::Language::Yaml: return "yaml";
    case rem::Language::Hcl: return "hcl";
    case rem::Language::Notebook:
    case rem::Language::PackageJson:
    case rem::Language::PulumiCredentials:
    case rem::Language::Json: return "json";
    case rem::Language::VsCodeSettings: return "jsonc";
    case rem::Language::MavenPom: return "xml";
    default: return "none";
  }
}

// The type checker (tests/remediation/typecheck/<lang>/check.mjs) that judges a fixed file of
// this language against its original; empty when the language has none.
std::string_view typechecker_for(rem::Language l, const fs::path& rel) {
  if (rel.extension() == ".ipynb") return "notebook";
  switch (l) {
    case rem::Language::TypeScript: return "typescript";
    case rem::Language::JavaScript: return "javascript";
    case rem::Language::Python: return "python";
    case rem::Language::Go: return "go";
    case rem::Language::CSharp: return "csharp";
    case rem::Language::Java: return "java";
    case rem::Language::PulumiYaml: return "pulumi-yaml";
    default: return "";
  }
}

// A program of the type checker's language with nothing in it: the sample's original is checked
// against it, so every error of the original counts (an original that does not compile would
// hide the errors a fix adds). Samples under a "modern/" folder use syntax newer than the
// checker reads (C# 11 raw strings and top-level statements for mcs, which reads C# 7.2): they
// are checked by their parser only.
std::string empty_program(std::string_view typechecker) {
  if (typechecker == "go") return "package empty\n";
  if (typechecker == "notebook") return R"({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})";
  if (typechecker == "pulumi-yaml") return "name: empty\nruntime: yaml\n";
  return "";
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Sample {
  std::string text;
  std::vector<std::string> tokens;
  std::vector<std::pair<std::size_t, std::size_t>> spans;
};

Sample instantiate(const std::string& templ, std::uint32_t& seed) {
  Sample s;
  const std::string placeholder = "@TOKEN@";
  std::size_t from = 0;
  for (auto at = templ.find(placeholder); at != std::string::npos; at = templ.find(placeholder, from)) {
    s.text += templ.substr(from, at - from);
    const std::string token = ptl::testing::make_token(seed++);
    s.spans.emplace_back(s.text.size(), s.text.size() + token.size());
    s.tokens.push_back(token);
    s.text += token;
    from = at + placeholder.size();
  }
  s.text += templ.substr(from);
  return s;
}

std::vector<std::pair<std::size_t, std::size_t>> find_tokens(const std::string& text,
                                                             const std::vector<std::string>& tokens) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (const auto& t : tokens) {
    for (auto at = text.find(t); at != std::string::npos; at = text.find(t, at + 1)) {
      spans.emplace_back(at, at + t.size());
    }
  }
  std::sort(spans.begin(), spans.end());
  return spans;
}

// Lines that a fix adds once per file: imports, helper declarations, config blocks.
bool once_per_file(const std::string& line) {
  for (const char* prefix : {"import ", "from ", "using ", "def ", "func ", "async function ", "private static ",
                             "static string ", "variable \"", "config:", "# syntax=", "const pulumi ",
                             "const vault ", "const { GetSecretValueCommand"}) {
    if (line.rfind(prefix, 0) == 0) return true;
  }
  // Go import block entries.
  return line.size() > 3 && line[0] == '\t' && line.back() == '"' && line.find(' ') == std::string::npos;
}

std::string duplicated_line(const std::string& text) {
  std::map<std::string, int> seen;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // Strip indentation for helper methods inside classes.
    const auto b = line.find_first_not_of(" ");
    const std::string t = b == std::string::npos ? "" : line.substr(b);
    if ((once_per_file(line) || once_per_file(t)) && ++seen[t] > 1) return t;
  }
  return {};
}

class Runner {
 public:
  Runner(fs::path out)
      : out_(std::move(out)), manifest_(out_ / "manifest.tsv"), typecheck_(out_ / "typecheck.tsv") {}

  // Writes one output; every output but the original is also listed for its type checker,
  // beside the original it is compared with.
  void write(const fs::path& rel, const std::string& label, std::string_view checker, const std::string& text) {
    const fs::path dir = out_ / label / rel.parent_path();
    fs::create_directories(dir);
    const fs::path file = dir / rel.filename();
    std::ofstream(file, std::ios::binary) << text;
    manifest_ << checker << '\t' << file.string() << '\t' << rel.string() << " [" << label << "]\n";
    const std::string_view typechecker = typechecker_for(rem::detect_language("", rel.generic_string()), rel);
    if (label == "original" && !typechecker.empty() && rel.generic_string().find("/modern/") == std::string::npos) {
      const fs::path empty = out_ / "empty" / rel;
      fs::create_directories(empty.parent_path());
      std::ofstream(empty, std::ios::binary) << empty_program(typechecker);
      typecheck_ << typechecker << '\t' << empty.string() << '\t' << file.string() << '\t' << rel.string()
                 << " [original compiles]\n";
    }
    if (label != "original" && !typechecker.empty()) {
      typecheck_ << typechecker << '\t' << (out_ / "original" / rel).string() << '\t' << file.string() << '\t'
                 << rel.string() << " [" << label << "]\n";
    }
    ++written_;
  }

  void fail(const fs::path& rel, const std::string& label, const std::string& why) {
    std::cerr << "FAIL " << rel.string() << " [" << label << "]: " << why << "\n";
    ++failures_;
  }

  void check_clean(const fs::path& rel, const std::string& label, const std::string& text,
                   const std::vector<std::string>& tokens) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (text.find(tokens[i]) != std::string::npos) fail(rel, label, "token #" + std::to_string(i) + " still present");
    }
    if (const auto dup = duplicated_line(text); !dup.empty()) fail(rel, label, "line added twice: " + dup);
  }

  void run_sample(const fs::path& root, const fs::path& file, std::uint32_t& seed) {
    const fs::path rel = fs::relative(file, root);
    const rem::Language lang = rem::detect_language("", rel.generic_string());
    const std::string_view checker = checker_for(lang);
    const Sample s = instantiate(read_file(file), seed);
    const rem::Names names;
    write(rel, "original", checker, s.text);
    std::map<rem::FixKind, bool> kinds;
    for (std::size_t i = 0; i < s.spans.size(); ++i) {
      const auto fixes = rem::fixes_for(s.text, s.spans[i].first, s.spans[i].second, lang, names);
      if (fixes.empty() && rem::environment_note(lang).empty()) fail(rel, "t" + std::to_string(i), "no fix offered");
      for (const auto& f : fixes) {
        const std::string label = "t" + std::to_string(i) + "-" + std::string(kind_name(f.kind));
        kinds[f.kind] = true;
        if (f.title.find(s.tokens[i]) != std::string::npos) fail(rel, label, "title holds the token");
        // Never echoes a secret: no edit writes any token's bytes (this one's or another's).
        for (const auto& e : f.edits) {
          for (const auto& t : s.tokens) {
            if (e.new_text.find(t) != std::string::npos) fail(rel, label, "an edit copies a token");
          }
        }
        const std::string out = rem::apply_edits(s.text, f.edits);
        if (f.kind != rem::FixKind::Suppress && out.find(s.tokens[i]) != std::string::npos) {
          fail(rel, label, "token still present");
        }
        write(rel, label, checker, out);
      }
    }
    // Every token in turn, each fix applied to the previous result.
    for (const auto& [kind, _] : kinds) {
      if (kind == rem::FixKind::Suppress) continue;
      std::string text = s.text;
      for (std::size_t round = 0; round < s.spans.size(); ++round) {
        const auto spans = find_tokens(text, s.tokens);
        if (spans.empty()) break;
        const auto fixes = rem::fixes_for(text, spans.front().first, spans.front().second, lang, names);
        const auto it = std::find_if(fixes.begin(), fixes.end(), [&](const rem::Fix& f) { return f.kind == kind; });
        const auto& chosen = it != fixes.end() ? *it : fixes.front();
        text = rem::apply_edits(text, chosen.edits);
        // Idempotence: the same fix again on the result finds nothing more to add.
      }
      const std::string label = "all-" + std::string(kind_name(kind));
      check_clean(rel, label, text, s.tokens);
      write(rel, label, checker, text);
    }
    const auto all = rem::fix_all(s.text, s.spans, lang, names);
    for (const auto& e : all) {
      for (const auto& t : s.tokens) {
        if (e.new_text.find(t) != std::string::npos) fail(rel, "fix_all", "an edit copies a token");
      }
    }
    const std::string fixed = rem::apply_edits(s.text, all);
    const bool config_fix = lang == rem::Language::PulumiYaml || lang == rem::Language::PulumiStackConfig;
    if (!rem::environment_note(lang).empty() && !config_fix) return;
    check_clean(rel, "fix_all", fixed, s.tokens);
    write(rel, "fix_all", checker, fixed);
  }

  int failures() const { return failures_; }
  int written() const { return written_; }

 private:
  fs::path out_;
  std::ofstream manifest_;
  std::ofstream typecheck_;
  int failures_ = 0;
  int written_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: apply_fixes <samples-dir> <out-dir>\n";
    return 2;
  }
  const fs::path root = argv[1];
  const fs::path out = argv[2];
  fs::remove_all(out);
  fs::create_directories(out);
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  Runner runner(out);
  std::uint32_t seed = 1;
  for (const auto& f : files) runner.run_sample(root, f, seed);
  std::cout << "apply_fixes: " << files.size() << " samples, " << runner.written() << " outputs, "
            << runner.failures() << " failures\n";
  return runner.failures() == 0 ? 0 : 1;
}
