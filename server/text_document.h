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
// next-line ignore markers) are rescanned with the shared detectors pipeline (line_scan.h) and
// with the EncodedTokenFinder (encoded_tokens.h), whose runs never cross a line break either;
// ignore markers and placeholder rules apply to encoded findings as `scan` applies them
// (scan_text), so the editor shows exactly the findings, lines, columns and ends `scan` reports.
// Findings hold offsets, lengths and encodings, never copies of a token: token_of() reads a
// plain token from the text and decodes an encoded one again. Not thread-safe; one owner.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "detectors/encoded_tokens.h"
#include "detectors/line_scan.h"
#include "server/position_encoding.h"

namespace ptl::server {

struct LinePosition {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
};

struct DocumentFinding {
  std::size_t begin = 0;  // absolute byte offset of the token, or of its encoded text
  std::size_t end = 0;    // one past its last byte: begin + 44 for a plain token
  LinePosition start;     // in the document's encoding
  LinePosition end_position;  // on the same line: the span is ASCII, one character a byte
  // How the token is encoded there, outermost first ("base64 > json-escape"); empty for a
  // plain token. The span [begin, end) is then the encoded text (encoded_tokens.h).
  std::vector<detectors::Encoding> layers;
  bool placeholder = false;

  bool encoded() const { return !layers.empty(); }
};

class TextDocument {
 public:
  static constexpr std::size_t kMaxChunk = 64 * 1024;

  // Takes the text and scans it whole. `detector` and `finder` must outlive the document.
  TextDocument(std::string text, PositionEncoding encoding, const detectors::PulumiTokenDetector& detector,
               const detectors::EncodedTokenFinder& finder);

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
  // The token `f` stands for (44 bytes): for a plain token a view of the text, or a copy in
  // `scratch` when it crosses chunks; for an encoded one the decoded token, in `scratch` (its
  // span decoded again with the finder, reading only the stretch of the line around it:
  // EncodedTokenFinder::finding_at). Empty when `f` is not a finding of the text as it is now.
  // Every use of a finding's token (allowlist, history, masks) goes through here.
  std::string_view token_of(const DocumentFinding& f, std::string& scratch) const;
  std::string text() const;
  char at(std::size_t offset) const;

  std::size_t finding_count() const { return finding_count_; }
  // Calls f(const DocumentFinding&) for every finding, plain and encoded, in document order.
  template <class F>
  void for_each_finding(F&& f) const;
  // Findings whose span overlaps [begin, end] (a cursor touching a span counts), in document order.
  std::vector<DocumentFinding> findings_touching(std::size_t begin, std::size_t end) const;

  // Number of chunks (tests and benchmarks observe the representation through it).
  std::size_t chunk_count() const { return chunks_.size(); }

 private:
  // 16 bytes a finding: a 100 MB document may hold millions of them.
  struct StoredFinding {
    std::uint32_t offset = 0;     // relative to the chunk
    std::uint32_t character = 0;  // column of the span's start in the document's encoding
    std::uint32_t line = 0;       // line breaks in the chunk before the span (kept by relocate_lines)
    std::uint16_t length = 0;     // bytes of the span: 44 for a plain token
    std::uint8_t layers = 0;      // the encodings, packed (pack_layers in the .cpp); 0: plain
    bool placeholder = false;
  };
  // A finding found by a rescan, before it is stored.
  struct Found {
    std::size_t begin = 0;  // in the scanned context
    std::uint16_t length = 0;
    std::uint8_t layers = 0;
    bool placeholder = false;
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
  // Plain and encoded findings starting in [from, to) of `context` (whole lines, and the line
  // before them for next-line markers), in order.
  void scan_context(std::string_view context, std::size_t from, std::size_t to, std::vector<Found>& out) const;
  void insert_findings(const std::vector<Found>& found, std::string_view context, std::size_t context_begin);
  DocumentFinding materialize(std::size_t k, const StoredFinding& f) const;

  PositionEncoding encoding_;
  const detectors::PulumiTokenDetector* detector_;
  const detectors::EncodedTokenFinder* finder_;
  std::vector<Chunk> chunks_;            // never empty; only a sole chunk may be empty
  std::vector<std::size_t> chunk_begin_; // absolute offset of each chunk
  std::vector<std::size_t> lines_before_;// line breaks in all earlier chunks
  std::size_t size_ = 0;
  std::size_t total_breaks_ = 0;
  std::size_t finding_count_ = 0;
  std::size_t max_length_ = 44;  // the longest span ever stored: how far back findings_touching looks
};

template <class F>
void TextDocument::for_each_finding(F&& f) const {
  for (std::size_t k = 0; k < chunks_.size(); ++k)
    for (const StoredFinding& s : chunks_[k].findings) f(materialize(k, s));
}

}  // namespace ptl::server
