#include "server/text_document.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>

namespace ptl::server {
namespace {

constexpr std::size_t kTokenLength = detectors::PulumiTokenDetector::kTokenLength;
constexpr std::size_t kSlack = 1024;  // spare capacity given to a chunk that must grow
// Chunks are filled to about 3/4 of kMaxChunk when cut, so typing has room before a chunk must
// split; cutting them full made the first keystroke in nearly every chunk of a freshly opened
// document a split (a 64 KB allocation and copy, a new chunk inserted in the middle).
constexpr std::size_t kFillChunk = TextDocument::kMaxChunk / 4 * 3;

// True when a line starts at `s` (1 <= s <= t.size()) of chunk text `t`. A "\r" that ends the
// chunk is a line break: chunk boundaries never separate "\r" from "\n" (fix_boundary).
bool starts_line(std::string_view t, std::size_t s) {
  char c = t[s - 1];
  return c == '\n' || (c == '\r' && (s == t.size() || t[s] != '\n'));
}

void collect_starts(std::string_view t, std::size_t lo, std::size_t hi, std::vector<std::uint32_t>& out) {
  for (std::size_t s = std::max<std::size_t>(lo, 1); s <= hi && s <= t.size(); ++s)
    if (starts_line(t, s)) out.push_back(static_cast<std::uint32_t>(s));
}

// The layers of an encoded finding in one byte: their count in bits 0-1, then two bits a layer,
// outermost first. 0 is a plain token.
using detectors::Encoding;
static_assert(detectors::EncodedTokenFinder::kMaxLayers <= 3, "three layers fit in a byte");
static_assert(static_cast<unsigned>(Encoding::PercentEncoding) == 3, "an encoding fits in two bits");

std::uint8_t pack_layers(const std::vector<Encoding>& layers) {
  unsigned packed = static_cast<unsigned>(layers.size());
  for (std::size_t i = 0; i < layers.size(); ++i) packed |= static_cast<unsigned>(layers[i]) << (2 + 2 * i);
  return static_cast<std::uint8_t>(packed);
}

std::vector<Encoding> unpack_layers(std::uint8_t packed) {
  std::vector<Encoding> layers(packed & 3u);
  for (std::size_t i = 0; i < layers.size(); ++i) layers[i] = static_cast<Encoding>((packed >> (2 + 2 * i)) & 3u);
  return layers;
}

}  // namespace

TextDocument::TextDocument(std::string text, PositionEncoding encoding,
                           const detectors::PulumiTokenDetector& detector, const detectors::EncodedTokenFinder& finder)
    : encoding_(encoding), detector_(&detector), finder_(&finder) {
  build(text);
}

void TextDocument::replace_all(std::string text) { build(text); }

void TextDocument::build(std::string_view text) {
  chunks_ = cut(text, kFillChunk);
  if (chunks_.empty()) chunks_.emplace_back();
  reindex(0);
  std::vector<Found> found;
  scan_context(text, 0, text.size(), found);
  insert_findings(found, text, 0);
}

void TextDocument::recompute_line_starts(Chunk& c) const {
  c.line_starts.clear();
  std::string_view t = c.text;
  if (std::memchr(t.data(), '\r', t.size()) == nullptr) {
    // Common case: only "\n" breaks, found with memchr.
    const char* p = t.data();
    const char* end = p + t.size();
    while (p < end) {
      const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
      if (!nl) break;
      p = static_cast<const char*>(nl) + 1;
      c.line_starts.push_back(static_cast<std::uint32_t>(p - t.data()));
    }
    return;
  }
  collect_starts(t, 1, t.size(), c.line_starts);
}

void TextDocument::relocate_lines(Chunk& c) {
  auto it = c.line_starts.begin();
  for (StoredFinding& f : c.findings) {  // sorted by offset, so the search only moves forward
    it = std::upper_bound(it, c.line_starts.end(), f.offset);
    f.line = static_cast<std::uint32_t>(it - c.line_starts.begin());
  }
}

std::vector<TextDocument::Chunk> TextDocument::cut(std::string_view text, std::size_t target) const {
  std::vector<Chunk> out;
  const std::size_t n = text.size();
  const char* s = text.data();
  std::size_t p = 0;
  out.reserve(n / target + 1);
  while (p < n) {
    std::size_t q = n;
    if (n - p > target) {
      std::size_t limit = p + target;
      q = 0;
      if (const void* nl = memrchr(s + p, '\n', limit - p)) q = static_cast<std::size_t>(static_cast<const char*>(nl) - s) + 1;
      if (const void* cr = memrchr(s + p, '\r', limit - p)) {
        std::size_t at = static_cast<std::size_t>(static_cast<const char*>(cr) - s);
        if (at + 1 > q && s[at + 1] != '\n') q = at + 1;
      }
      if (q <= p) {
        // A line longer than a chunk: cut between characters, never inside "\r\n".
        q = limit;
        while (q > p + 1 && (static_cast<unsigned char>(s[q]) & 0xC0) == 0x80) --q;
        if (s[q] == '\n' && s[q - 1] == '\r') --q;
      }
    }
    Chunk c;
    c.text.reserve(q - p + kSlack);
    c.text.assign(s + p, q - p);
    recompute_line_starts(c);
    out.push_back(std::move(c));
    p = q;
  }
  return out;
}

void TextDocument::reindex(std::size_t from) {
  chunk_begin_.resize(chunks_.size());
  lines_before_.resize(chunks_.size());
  for (std::size_t k = from; k < chunks_.size(); ++k) {
    chunk_begin_[k] = k == 0 ? 0 : chunk_begin_[k - 1] + chunks_[k - 1].text.size();
    lines_before_[k] = k == 0 ? 0 : lines_before_[k - 1] + chunks_[k - 1].line_starts.size();
  }
  size_ = chunk_begin_.back() + chunks_.back().text.size();
  total_breaks_ = lines_before_.back() + chunks_.back().line_starts.size();
  std::size_t count = 0;
  for (const Chunk& c : chunks_) count += c.findings.size();
  finding_count_ = count;
}

std::size_t TextDocument::chunk_at(std::size_t offset) const {
  auto it = std::upper_bound(chunk_begin_.begin(), chunk_begin_.end(), offset);
  std::size_t k = static_cast<std::size_t>(it - chunk_begin_.begin());
  return k == 0 ? 0 : k - 1;
}

char TextDocument::at(std::size_t offset) const {
  std::size_t k = chunk_at(offset);
  return chunks_[k].text[offset - chunk_begin_[k]];
}

std::string_view TextDocument::view(std::size_t begin, std::size_t end, std::string& scratch) const {
  end = std::min(end, size_);
  begin = std::min(begin, end);
  std::size_t k = chunk_at(begin);
  std::size_t kb = chunk_begin_[k];
  if (end <= kb + chunks_[k].text.size())
    return std::string_view(chunks_[k].text).substr(begin - kb, end - begin);
  scratch.clear();
  scratch.reserve(end - begin);
  for (std::size_t pos = begin; pos < end; ++k) {
    std::string_view t = chunks_[k].text;
    std::size_t rel = pos - chunk_begin_[k];
    std::size_t take = std::min(t.size() - rel, end - pos);
    scratch.append(t.data() + rel, take);
    pos += take;
  }
  return scratch;
}

std::string_view TextDocument::token_of(const DocumentFinding& f, std::string& scratch) const {
  if (!f.encoded()) return view(f.begin, f.begin + kTokenLength, scratch);
  if (f.begin >= f.end || f.end > size_) return {};
  // The stretch around the span between bytes that separate runs, walked chunk by chunk: what
  // the finder needs to decode the span as find() did, without copying a long line.
  std::size_t s = f.begin, k = chunk_at(s);
  while (s > 0) {
    if (s == chunk_begin_[k]) {
      --k;
      continue;
    }
    if (detectors::EncodedTokenFinder::separates_runs(chunks_[k].text[s - 1 - chunk_begin_[k]])) break;
    --s;
  }
  std::size_t e = f.end;
  k = chunk_at(e);
  while (e < size_) {
    if (e - chunk_begin_[k] >= chunks_[k].text.size()) {
      ++k;
      continue;
    }
    if (detectors::EncodedTokenFinder::separates_runs(chunks_[k].text[e - chunk_begin_[k]])) break;
    ++e;
  }
  std::optional<detectors::EncodedFinding> found = finder_->finding_at(view(s, e, scratch), f.begin - s, f.end - s);
  if (!found) return {};
  scratch = std::move(found->token);
  return scratch;
}

std::string TextDocument::text() const {
  std::string out;
  out.reserve(size_);
  for (const Chunk& c : chunks_) out += c.text;
  return out;
}

std::size_t TextDocument::line_begin(std::size_t line) const {
  if (line == 0) return 0;
  if (line > total_breaks_) return size_;
  auto it = std::upper_bound(lines_before_.begin(), lines_before_.end(), line - 1);
  std::size_t k = static_cast<std::size_t>(it - lines_before_.begin()) - 1;
  return chunk_begin_[k] + chunks_[k].line_starts[line - lines_before_[k] - 1];
}

std::size_t TextDocument::line_end(std::size_t line) const {
  if (line >= total_breaks_) return size_;
  std::size_t next = line_begin(line + 1);
  std::size_t len = (next >= 2 && at(next - 1) == '\n' && at(next - 2) == '\r') ? 2 : 1;
  return next - len;
}

std::size_t TextDocument::offset_of(LinePosition p) const {
  if (p.line > total_breaks_) return size_;
  std::size_t pos = line_begin(p.line);
  const std::size_t end = line_end(p.line);
  std::size_t left = p.character;
  // Walk chunk by chunk so a line that spans chunks is never copied.
  while (left > 0 && pos < end) {
    std::size_t k = chunk_at(pos);
    std::size_t rel = pos - chunk_begin_[k];
    std::size_t seg_end = std::min(end - chunk_begin_[k], chunks_[k].text.size());
    std::string_view seg = std::string_view(chunks_[k].text).substr(rel, seg_end - rel);
    std::size_t walked = 0;
    std::size_t bytes = advance_units(seg, left, encoding_, &walked);
    pos += bytes;
    left -= walked;
    if (bytes < seg.size()) break;  // stopped inside this segment
  }
  return pos;
}

std::size_t TextDocument::line_of(std::size_t offset) const {
  offset = std::min(offset, size_);
  std::size_t k = chunk_at(offset);
  const auto& starts = chunks_[k].line_starts;
  std::size_t rel = offset - chunk_begin_[k];
  return lines_before_[k] +
         static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), rel) - starts.begin());
}

LinePosition TextDocument::position_of(std::size_t offset) const {
  offset = std::min(offset, size_);
  std::size_t line = line_of(offset);
  std::size_t begin = line_begin(line);
  offset = std::min(offset, line_end(line));  // inside a "\r\n": the end of the line
  std::size_t units = 0;
  for (std::size_t pos = begin; pos < offset;) {
    std::size_t c = chunk_at(pos);
    std::size_t r = pos - chunk_begin_[c];
    std::size_t take = std::min(chunks_[c].text.size() - r, offset - pos);
    units += count_units(std::string_view(chunks_[c].text).substr(r, take), encoding_);
    pos += take;
  }
  return LinePosition{static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(units)};
}

DocumentFinding TextDocument::materialize(std::size_t k, const StoredFinding& f) const {
  DocumentFinding d;
  d.begin = chunk_begin_[k] + f.offset;
  d.end = d.begin + f.length;
  d.start = LinePosition{static_cast<std::uint32_t>(lines_before_[k] + f.line), f.character};
  d.end_position = LinePosition{d.start.line, f.character + f.length};
  if (f.layers != 0) d.layers = unpack_layers(f.layers);
  d.placeholder = f.placeholder;
  return d;
}

std::vector<DocumentFinding> TextDocument::findings_touching(std::size_t begin, std::size_t end) const {
  std::vector<DocumentFinding> out;
  std::size_t from = begin >= max_length_ ? begin - max_length_ : 0;
  for (std::size_t k = chunk_at(from); k < chunks_.size() && chunk_begin_[k] <= end; ++k) {
    for (const StoredFinding& f : chunks_[k].findings) {
      std::size_t abs = chunk_begin_[k] + f.offset;
      if (abs <= end && abs + f.length >= begin) out.push_back(materialize(k, f));
    }
  }
  return out;
}

void TextDocument::replace(LinePosition start, LinePosition end, std::string_view text) {
  std::size_t a = offset_of(start), b = offset_of(end);
  if (b < a) std::swap(a, b);
  replace_bytes(a, b, text);
}

void TextDocument::replace_bytes(std::size_t a, std::size_t b, std::string_view text) {
  a = std::min(a, size_);
  b = std::min(std::max(a, b), size_);
  edit_bytes(a, b, text);
  rescan(a, a + text.size());
}

void TextDocument::edit_bytes(std::size_t a, std::size_t b, std::string_view text) {
  const std::size_t k = chunk_at(a);
  const std::size_t kb = chunk_begin_[k];
  const long long delta = static_cast<long long>(text.size()) - static_cast<long long>(b - a);
  std::size_t last_touched = k;
  const std::size_t chunks_before = chunks_.size();
  bool in_place = false;
  std::size_t removed_in_place = 0;
  if (b <= kb + chunks_[k].text.size()) {
    in_place = true;
    // Common case: the edit lies in one chunk and is applied in place.
    Chunk& c = chunks_[k];
    const std::size_t ra = a - kb, rb = b - kb;
    auto& fs = c.findings;
    auto gone = std::remove_if(fs.begin(), fs.end(),
                               [&](const StoredFinding& f) { return f.offset < rb && f.offset + f.length > ra; });
    removed_in_place = static_cast<std::size_t>(fs.end() - gone);
    fs.erase(gone, fs.end());
    for (StoredFinding& f : fs)
      if (f.offset >= rb) f.offset = static_cast<std::uint32_t>(static_cast<long long>(f.offset) + delta);
    const std::size_t new_size = c.text.size() - (rb - ra) + text.size();
    if (new_size > c.text.capacity()) {
      std::string grown;
      grown.reserve(new_size + kSlack);
      grown.append(c.text, 0, ra).append(text).append(c.text, rb, std::string::npos);
      c.text.swap(grown);
    } else {
      c.text.replace(ra, rb - ra, text);
    }
    // Line starts: those before ra keep, those after rb shift, the ones between are recomputed.
    auto& ls = c.line_starts;
    auto lo = std::lower_bound(ls.begin(), ls.end(), static_cast<std::uint32_t>(ra));
    auto hi = std::upper_bound(lo, ls.end(), static_cast<std::uint32_t>(rb));
    std::size_t lo_i = static_cast<std::size_t>(lo - ls.begin());
    std::vector<std::uint32_t> tail(hi, ls.end());
    ls.resize(lo_i);
    collect_starts(c.text, ra, ra + text.size(), ls);
    for (std::uint32_t s : tail) ls.push_back(static_cast<std::uint32_t>(static_cast<long long>(s) + delta));
    relocate_lines(c);
    last_touched = c.text.size() > kMaxChunk ? k + split_if_large(k) - 1 : k;
  } else {
    // The edit spans chunks k..j: rebuild them from one merged string.
    const std::size_t j = chunk_at(b - 1);
    const std::size_t jb = chunk_begin_[j];
    std::string merged;
    merged.reserve((a - kb) + text.size() + (jb + chunks_[j].text.size() - b));
    merged.append(chunks_[k].text, 0, a - kb).append(text).append(chunks_[j].text, b - jb, std::string::npos);
    std::vector<std::pair<std::size_t, StoredFinding>> keep;
    for (std::size_t m = k; m <= j; ++m) {
      for (const StoredFinding& f : chunks_[m].findings) {
        std::size_t abs = chunk_begin_[m] + f.offset;
        if (abs + f.length <= a) keep.emplace_back(abs - kb, f);
        else if (abs >= b) keep.emplace_back(static_cast<std::size_t>(static_cast<long long>(abs - kb) + delta), f);
      }
    }
    std::vector<Chunk> pieces = cut(merged, kFillChunk);
    std::size_t pb = 0, pi = 0;
    for (auto& [off, f] : keep) {
      while (pi + 1 < pieces.size() && off >= pb + pieces[pi].text.size()) pb += pieces[pi++].text.size();
      f.offset = static_cast<std::uint32_t>(off - pb);
      pieces[pi].findings.push_back(f);
    }
    for (Chunk& piece : pieces) relocate_lines(piece);
    std::size_t count = pieces.size();
    chunks_.erase(chunks_.begin() + static_cast<long>(k), chunks_.begin() + static_cast<long>(j) + 1);
    chunks_.insert(chunks_.begin() + static_cast<long>(k), std::make_move_iterator(pieces.begin()),
                   std::make_move_iterator(pieces.end()));
    if (chunks_.empty()) chunks_.emplace_back();
    last_touched = count == 0 ? k : k + count - 1;
  }
  // Repair the neighbourhood: no empty chunk unless it is the only one, no "\r" | "\n" split.
  std::size_t lo = k > 0 ? k - 1 : 0;
  std::size_t hi = std::min(last_touched + 1, chunks_.size() - 1);
  for (std::size_t i = hi + 1; i-- > lo;) {
    if (i < chunks_.size() && chunks_[i].text.empty() && chunks_.size() > 1)
      chunks_.erase(chunks_.begin() + static_cast<long>(i));
  }
  hi = std::min(hi, chunks_.size() - 1);
  for (std::size_t i = lo; i < hi && i + 1 < chunks_.size(); ++i) fix_boundary(i);
  if (in_place && chunks_.size() == chunks_before) {
    // The keystroke case: same chunks, only lo..hi changed.
    finding_count_ -= removed_in_place;
    reindex_range(lo, hi);
  } else {
    reindex(std::min(lo, chunks_.size() - 1));
  }
}

void TextDocument::reindex_range(std::size_t lo, std::size_t hi) {
  const std::size_t n = chunks_.size();
  const std::size_t next = hi + 1;
  const std::size_t old_begin = next < n ? chunk_begin_[next] : 0;
  const std::size_t old_lines = next < n ? lines_before_[next] : 0;
  for (std::size_t k = std::max<std::size_t>(lo, 1); k <= hi && k < n; ++k) {
    chunk_begin_[k] = chunk_begin_[k - 1] + chunks_[k - 1].text.size();
    lines_before_[k] = lines_before_[k - 1] + chunks_[k - 1].line_starts.size();
  }
  if (next < n) {
    // Every later chunk moves by the same amount: a pass over two arrays of integers instead of
    // a walk over all the chunks (62 % of a keystroke on 100 MB before, by callgrind).
    const std::size_t new_begin = chunk_begin_[hi] + chunks_[hi].text.size();
    const std::size_t new_lines = lines_before_[hi] + chunks_[hi].line_starts.size();
    if (new_begin != old_begin)
      for (std::size_t k = next; k < n; ++k) chunk_begin_[k] = chunk_begin_[k] - old_begin + new_begin;
    if (new_lines != old_lines)
      for (std::size_t k = next; k < n; ++k) lines_before_[k] = lines_before_[k] - old_lines + new_lines;
  }
  size_ = chunk_begin_.back() + chunks_.back().text.size();
  total_breaks_ = lines_before_.back() + chunks_.back().line_starts.size();
}

std::size_t TextDocument::split_if_large(std::size_t k) {
  // Halves, so that neither piece must split again at the next keystroke.
  std::vector<Chunk> pieces = cut(chunks_[k].text, chunks_[k].text.size() / 2 + 1);
  if (pieces.size() <= 1) return 1;
  std::size_t pb = 0, pi = 0;
  for (const StoredFinding& f : chunks_[k].findings) {
    while (pi + 1 < pieces.size() && f.offset >= pb + pieces[pi].text.size()) pb += pieces[pi++].text.size();
    StoredFinding g = f;
    g.offset = static_cast<std::uint32_t>(f.offset - pb);
    pieces[pi].findings.push_back(g);
  }
  for (Chunk& piece : pieces) relocate_lines(piece);
  chunks_.erase(chunks_.begin() + static_cast<long>(k));
  std::size_t count = pieces.size();
  chunks_.insert(chunks_.begin() + static_cast<long>(k), std::make_move_iterator(pieces.begin()),
                 std::make_move_iterator(pieces.end()));
  return count;
}

void TextDocument::fix_boundary(std::size_t left) {
  Chunk& l = chunks_[left];
  Chunk& r = chunks_[left + 1];
  if (l.text.empty() || r.text.empty() || l.text.back() != '\r' || r.text.front() != '\n') return;
  l.text.push_back('\n');
  r.text.erase(0, 1);
  for (StoredFinding& f : r.findings) --f.offset;  // none starts at the '\n' that moved
  recompute_line_starts(l);
  recompute_line_starts(r);
  relocate_lines(l);
  relocate_lines(r);
  if (r.text.empty()) chunks_.erase(chunks_.begin() + static_cast<long>(left) + 1);
}

void TextDocument::remove_findings(std::size_t begin, std::size_t end) {
  if (begin >= end) return;
  for (std::size_t k = chunk_at(begin); k < chunks_.size() && chunk_begin_[k] < end; ++k) {
    auto& fs = chunks_[k].findings;
    const std::size_t kb = chunk_begin_[k];
    auto gone = std::remove_if(fs.begin(), fs.end(), [&](const StoredFinding& f) {
      return kb + f.offset >= begin && kb + f.offset < end;
    });
    finding_count_ -= static_cast<std::size_t>(fs.end() - gone);
    fs.erase(gone, fs.end());
  }
}

void TextDocument::scan_context(std::string_view context, std::size_t from, std::size_t to,
                                std::vector<Found>& out) const {
  // As scan_text (scan/scan_engine.cpp) does: the line pipeline for plain tokens, the finder for
  // encoded ones with the same ignore markers; then in text order, plain first at a tie.
  thread_local std::vector<detectors::Finding> plain;
  thread_local std::vector<detectors::EncodedFinding> encoded;
  plain.clear();
  encoded.clear();
  detectors::scan_lines(*detector_, context, from, to, plain);
  finder_->find(context, from, to, encoded);
  const std::size_t first = out.size();
  for (const detectors::Finding& f : plain)
    out.push_back(Found{f.begin, static_cast<std::uint16_t>(kTokenLength), 0, f.placeholder});
  if (encoded.empty()) return;
  for (const detectors::EncodedFinding& f : encoded) {
    if (detectors::suppressed_at(context, f.begin)) continue;
    // A span is at most 6 x 6 x 44 bytes (two layers of \u00XX escapes), far below 65,536.
    if (f.end - f.begin > UINT16_MAX) continue;
    out.push_back(Found{f.begin, static_cast<std::uint16_t>(f.end - f.begin), pack_layers(f.layers), f.placeholder});
  }
  std::stable_sort(out.begin() + static_cast<long>(first), out.end(),
                   [](const Found& a, const Found& b) { return a.begin < b.begin; });
}

void TextDocument::insert_findings(const std::vector<Found>& found, std::string_view context,
                                   std::size_t context_begin) {
  std::size_t line_start = 0, last = 0, units = 0;
  bool have_line = false;
  for (const Found& f : found) {
    std::size_t ls = detectors::line_start_before(context, f.begin);
    if (have_line && ls == line_start && f.begin >= last) {
      units += count_units(context.substr(last, f.begin - last), encoding_);
    } else {
      line_start = ls;
      units = count_units(context.substr(ls, f.begin - ls), encoding_);
      have_line = true;
    }
    last = f.begin;
    std::size_t abs = context_begin + f.begin;
    std::size_t k = chunk_at(abs);
    auto& fs = chunks_[k].findings;
    const auto& starts = chunks_[k].line_starts;
    auto rel = static_cast<std::uint32_t>(abs - chunk_begin_[k]);
    auto line = static_cast<std::uint32_t>(std::upper_bound(starts.begin(), starts.end(), rel) - starts.begin());
    StoredFinding s{rel, static_cast<std::uint32_t>(units), line, f.length, f.layers, f.placeholder};
    // After those at the same offset: the order scan_context gave (plain first).
    auto pos = std::upper_bound(fs.begin(), fs.end(), s.offset,
                                [](std::uint32_t off, const StoredFinding& x) { return off < x.offset; });
    fs.insert(pos, s);
    max_length_ = std::max<std::size_t>(max_length_, f.length);
    ++finding_count_;
  }
}

void TextDocument::rescan(std::size_t begin, std::size_t end) {
  std::size_t first_line = line_of(begin);
  std::size_t last_line = std::min(line_of(end) + 1, total_breaks_);
  std::size_t r0 = line_begin(first_line);
  std::size_t r1 = line_end(last_line);
  std::size_t c0 = first_line > 0 ? line_begin(first_line - 1) : 0;
  remove_findings(r0, r1 + 1);
  std::string scratch;
  std::string_view context = view(c0, r1, scratch);
  thread_local std::vector<Found> found;
  found.clear();
  scan_context(context, r0 - c0, r1 - c0, found);
  insert_findings(found, context, c0);
}

}  // namespace ptl::server
