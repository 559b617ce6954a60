#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "remediation/edit_set.h"
#include "remediation/language.h"
#include "remediation/source_lexer.h"

namespace ptl::remediation {

// Where a program keeps its imports, and how to add to them without
// duplicating one that is already there.
//
// Import notation, per language:
//   Python      a whole statement: "import os", "from m import A, B"
//   Go          an import spec line: "\"os\"", "vault \"github.com/hashicorp/vault/api\""
//   C#          a namespace: "System"
//   Java        a qualified name: "java.util.List"
//   TypeScript  "module|clause", clause "* as x", "{ A, B }", a default name,
//               or "= x" for `import x = require("module")`;
//   JavaScript  the same, written as require() in CommonJS files
class ImportRegion {
 public:
  ImportRegion(const SourceText& source, const SourceLexer& lexer, Language language);

  // Adds the edits that bring in the imports not already present.
  void add(const std::vector<std::string>& imports, EditSet& edits) const;
  // Whether the file already imports this (same notation as add()).
  bool has(const std::string& import) const;
  // The offset just after the import region (after a Python docstring and
  // __future__ imports when there are no other imports): where top-of-file
  // helpers go.
  std::size_t end() const { return end_; }
  // JavaScript only: whether the file is an ES module (uses import/export).
  bool es_module() const { return es_module_; }

 private:
  void scan_python();
  void scan_go();
  void scan_lines_with_prefix(std::string_view prefix);
  void scan_js();
  void add_go(const std::vector<std::string>& missing, EditSet& edits) const;

  const SourceText& source_;
  const SourceLexer& lexer_;
  Language language_;
  std::size_t end_ = 0;        // insertion point for new import lines
  bool had_imports_ = false;   // whether end_ follows an existing import
  bool es_module_ = true;
  // Go: the parenthesised import block, if any.
  std::size_t go_block_open_ = std::string::npos, go_block_close_ = std::string::npos;
  std::vector<std::pair<std::size_t, std::size_t>> go_single_;  // single-line import decls
  std::size_t go_package_end_ = std::string::npos;
};

}  // namespace ptl::remediation
