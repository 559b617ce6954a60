#pragma once
// TextDocument: the server's copy of one open document and the token findings in it.
//
// Representation: a sequence of chunks of at most kMaxChunk bytes, cut at line ends where the
// line allows (a line longer than a chunk is cut between UTF-8 characters, never between "\r"
// and "\n"). Each chunk keeps the offsets of the lines that start in it and the findings that
// start in it, both relative to the chunk. An edit therefore costs O(chunk + number of chunks)
// — about a microsecond on 100 MB — and never copies the document, and findings on untouched
// lines are neither rescanned nor rewritten: their absolute offsets and line numbers are derived
// from the per-chunk prefix sums when they are read.
//
// Lines end at "\n", "\r\n" or a lone "\r". Positions are in the encoding given at construction
// and are clamped: a character past the end of its line means the end of the line (before the
// line break), a line past the last means the end of the document.
//
// After every edit, exactly the lines the edit touched (plus the line after them, for
// next-line ignore markers) are rescanned with the shared detectors pipeline (line_scan.h).
// Findings hold offsets, never copies of a token. Not thread-safe; one owner.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "detectors/line_scan.h"
#include "server/position_encoding.h"

namespace ptl::server {

struct LinePosition {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
};

struct DocumentFinding {
  std::size_t begin = 0;  // absolute byte offset of the token
  LinePosition start;     // in the document's encoding; the end is start + 44 characters
  bool placeholder = false;
};

class TextDocument {
 public:
  static constexpr std::size_t kMaxChunk = 64 * 1024;

  // Takes the text and scans it whole. `detector` must outlive the document.
  TextDocument(std::string text, PositionEncoding encoding, const detectors::PulumiTokenDetector& detector);

  // Replaces the range (clamped) by `text`, then rescans the touched lines.
  void replace(LinePosition start, LinePosition end, std::string_view text);
  // Replaces bytes [begin, end) (clamped) by `text`, then rescans the touched lines.
  void replace_bytes(std::size_t begin, std::size_t end, std::string_view text);
  // Replaces the whole text and rescans it.
  void replace_all(std::string text);

  std::size_t size() const { return size_; }
  std::size_t line_count() const { return total_breaks_ + 1; }
  PositionEncoding encoding() const { return encoding_; }

  // Clamped conversions between positions and byte offsets.
  std::size_t offset_of(LinePosition p) const;
  LinePosition position_of(std::size_t offset) const;
  // Byte offsets of the start of line `line` and of its end (before its line break), clamped.
  std::size_t line_begin(std::size_t line) const;
  std::size_t line_end(std::size_t line) const;

  // Bytes [begin, end): a view into one chunk when they lie in one, else a copy in `scratch`.
  std::string_view view(std::size_t begin, std::size_t end, std::string& scratch) const;
  // The token `f` stands for (44 bytes): a view of the text, or a copy in `scratch` when it
  // crosses chunks. Every use of a finding's token (allowlist, history, masks) goes through here.
  std::string_view token_of(const DocumentFinding& f, std::string& scratch) const;
  std::string text() const;
  char at(std::size_t offset) const;

  std::size_t finding_count() const { return finding_count_; }
  // Calls f(const DocumentFinding&) for every finding in document order.
  template <class F>
  void for_each_finding(F&& f) const;
  // Findings whose token overlaps [begin, end] (a cursor touching a token counts).
  std::vector<DocumentFinding> findings_touching(std::size_t begin, std::size_t end) const;

  // Number of chunks (tests and benchmarks observe the representation through it).
  std::size_t chunk_count() const { return chunks_.size(); }

 private:
  struct StoredFinding {
    std::uint32_t offset;     // relative to the chunk
    std::uint32_t character;  // column of the token start in the document's encoding
    std::uint32_t line;       // line breaks in the chunk before the token (kept by relocate_lines)
    bool placeholder;
  };
  struct Chunk {
    std::string text;
    std::vector<std::uint32_t> line_starts;  // offsets in (0, size] where a line starts
    std::vector<StoredFinding> findings;     // sorted by offset
  };

  void build(std::string_view text);
  // Cuts `text` into chunks of at most `target` (<= kMaxChunk) bytes, at line ends where possible.
  std::vector<Chunk> cut(std::string_view text, std::size_t target) const;
  void recompute_line_starts(Chunk& c) const;
  // Sets StoredFinding::line of every finding in `c` from its line_starts. Called on every chunk
  // whose text or line starts changed, so publishing needs no line search per finding.
  static void relocate_lines(Chunk& c);
  void reindex(std::size_t from_chunk);
  // reindex() after chunks lo..hi changed in place and no chunk was added or removed.
  void reindex_range(std::size_t lo, std::size_t hi);
  std::size_t chunk_at(std::size_t offset) const;
  void fix_boundary(std::size_t left);
  std::size_t split_if_large(std::size_t k);  // returns the number of chunks it became
  std::size_t line_of(std::size_t offset) const;
  void edit_bytes(std::size_t a, std::size_t b, std::string_view text);
  void rescan(std::size_t begin, std::size_t end);
  void remove_findings(std::size_t begin, std::size_t end);
  void insert_findings(const std::vector<detectors::Finding>& found, std::string_view context,
                       std::size_t context_begin);
  DocumentFinding materialize(std::size_t k, const StoredFinding& f) const;

  PositionEncoding encoding_;
  const detectors::PulumiTokenDetector* detector_;
  std::vector<Chunk> chunks_;            // never empty; only a sole chunk may be empty
  std::vector<std::size_t> chunk_begin_; // absolute offset of each chunk
  std::vector<std::size_t> lines_before_;// line breaks in all earlier chunks
  std::size_t size_ = 0;
  std::size_t total_breaks_ = 0;
  std::size_t finding_count_ = 0;
};

template <class F>
void TextDocument::for_each_finding(F&& f) const {
  for (std::size_t k = 0; k < chunks_.size(); ++k)
    for (const StoredFinding& s : chunks_[k].findings) f(materialize(k, s));
}

}  // namespace ptl::server
