#include "detectors/encoded_tokens.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <tuple>

#include <immintrin.h>

#include "detectors/placeholder.h"

namespace ptl::detectors {
namespace {

constexpr std::size_t kTokenLength = PulumiTokenDetector::kTokenLength;
constexpr std::string_view kBase64Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Value of a base64 character in either alphabet ('+' and '-' are 62, '/' and '_' 63), or -1.
constexpr std::array<std::int8_t, 256> make_base64_values() {
  std::array<std::int8_t, 256> v{};
  for (auto& x : v) x = -1;
  for (std::size_t i = 0; i < kBase64Chars.size(); ++i) v[static_cast<unsigned char>(kBase64Chars[i])] = static_cast<std::int8_t>(i);
  v['-'] = 62;
  v['_'] = 63;
  return v;
}
constexpr std::array<std::int8_t, 256> kBase64Value = make_base64_values();

inline bool is_base64_char(char c) { return kBase64Value[static_cast<unsigned char>(c)] >= 0; }

// Characters an escaped or percent-encoded run may hold besides its escapes: what a token, the
// base64 alphabets and their padding, and URL-unreserved characters are made of.
constexpr std::array<bool, 256> make_run_chars() {
  std::array<bool, 256> v{};
  for (char c : kBase64Chars) v[static_cast<unsigned char>(c)] = true;
  for (char c : std::string_view("=_.~-")) v[static_cast<unsigned char>(c)] = true;
  return v;
}
constexpr std::array<bool, 256> kRunChar = make_run_chars();

inline bool is_run_char(char c) { return kRunChar[static_cast<unsigned char>(c)]; }

inline int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string base64_encode(std::string_view bytes) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 2]);
    for (int k = 0; k < 4; ++k) out += kBase64Chars[(v >> (18 - 6 * k)) & 63];
  }
  return out;
}

// A literal whose presence makes a base64 run worth decoding. `quad_offset` is the index of its
// first character within a quad: the quads of the run start at hit - quad_offset (mod 4).
struct Base64Literal {
  std::string text;
  std::size_t quad_offset = 0;
};

// The characters of base64(`bytes`) that depend on `bytes` alone, for each of the three byte
// alignments, in both alphabets: "pul-" gives "cHVsL" (offset 0), "B1bC" (2) and "wdWwt" (3).
void add_alignments(std::string_view bytes, std::vector<Base64Literal>& out) {
  for (std::size_t a = 0; a < 3; ++a) {
    const std::string encoded = base64_encode(std::string(a, '\0') + std::string(bytes) + std::string(3, '\0'));
    const std::size_t first = (8 * a + 5) / 6;             // first character whose bits all come from `bytes`
    const std::size_t last = (8 * (a + bytes.size())) / 6;  // one past the last
    std::string text = encoded.substr(first, last - first);
    out.push_back({text, first});
    std::string url = text;
    std::replace(url.begin(), url.end(), '+', '-');
    std::replace(url.begin(), url.end(), '/', '_');
    if (url != text) out.push_back({url, first});
  }
}

// The prefilter's literals: base64 of "pul-"; base64 of those (a second base64 layer); base64 of
// "\u00" (JSON-escaped token characters under base64). Built once.
struct Prefilter {
  std::vector<Base64Literal> literals;
  std::bitset<65536> pairs;  // first two bytes (little-endian) of anything worth a look
  // The same pairs in 8 buckets as nibble masks (Teddy, as Hyperscan and ripgrep use it): byte i
  // may start a pair of bucket k when bit k is set in lo0[s[i] & 15], hi0[s[i] >> 4],
  // lo1[s[i+1] & 15] and hi1[s[i+1] >> 4]. A superset of `pairs`, four table lookups a byte.
  alignas(16) std::uint8_t lo0[16] = {}, hi0[16] = {}, lo1[16] = {}, hi1[16] = {};

  Prefilter() {
    add_alignments("pul-", literals);
    const std::size_t direct = literals.size();
    for (std::size_t i = 0; i < direct; ++i) {
      const std::string text = literals[i].text;  // a copy: add_alignments appends to `literals`
      add_alignments(text, literals);
    }
    add_alignments("\\u00", literals);
    set('\\', 'u', 6);
    set('\\', '/', 6);
    for (char c : std::string_view("0123456789abcdefABCDEF")) set('%', c, 7);
    // Buckets 0-5 for the literals' first pairs, chosen one pair at a time so that as few pairs
    // of ordinary text as possible pass the masks (a pair that passes costs an exact test): with
    // the literals dealt round-robin, 1.9% of printable pairs (weighted as below) passed, and
    // typing "xx" did; chosen, 1.0%, and it does not.
    std::vector<std::string> firsts;
    for (const Base64Literal& l : literals) firsts.push_back(l.text.substr(0, 2));
    std::sort(firsts.begin(), firsts.end());
    firsts.erase(std::unique(firsts.begin(), firsts.end()), firsts.end());
    for (const std::string& f : firsts) pairs.set(key(f[0], f[1]));
    for (const std::string& f : firsts) {
      std::size_t best = 0;
      double best_cost = -1;
      for (std::size_t bucket = 0; bucket < 6; ++bucket) {
        Prefilter trial = *this;
        trial.set(f[0], f[1], bucket);
        const double cost = trial.false_positives();
        if (best_cost < 0 || cost < best_cost) best = bucket, best_cost = cost;
      }
      set(f[0], f[1], best);
    }
  }
  // The weight of the printable pairs that pass the masks but are not in `pairs`: a repeated
  // character (typing) weighs 20, two lowercase letters or a space 3, the rest 1.
  double false_positives() const {
    double cost = 0;
    for (int a = 32; a < 127; ++a) {
      for (int b = 32; b < 127; ++b) {
        if (!(lo0[a & 15] & hi0[a >> 4] & lo1[b & 15] & hi1[b >> 4])) continue;
        if (pairs.test(key(static_cast<char>(a), static_cast<char>(b)))) continue;
        double w = a == b ? 20 : 1;
        if (std::islower(a) && std::islower(b)) w *= 3;
        if (a == ' ' || b == ' ') w *= 3;
        cost += w;
      }
    }
    return cost;
  }
  void set(char a, char b, std::size_t bucket) {
    pairs.set(key(a, b));
    const auto ua = static_cast<unsigned char>(a), ub = static_cast<unsigned char>(b);
    const auto bit = static_cast<std::uint8_t>(1u << bucket);
    lo0[ua & 15] |= bit;
    hi0[ua >> 4] |= bit;
    lo1[ub & 15] |= bit;
    hi1[ub >> 4] |= bit;
  }
  static std::size_t key(char a, char b) {
    return static_cast<unsigned char>(a) | (static_cast<std::size_t>(static_cast<unsigned char>(b)) << 8);
  }
};

const Prefilter& prefilter() {
  static const Prefilter instance;
  return instance;
}

struct Hits {
  std::vector<std::pair<std::size_t, std::size_t>> base64;  // (position, quad start = position - quad_offset), may wrap below 0
  std::vector<std::size_t> escapes;                          // a '\' starting "\u" or "\/"
  std::vector<std::size_t> percents;                         // a '%' followed by a hex digit
};

// True when the backslash at `k` starts an escape: an even number of backslashes precedes it.
bool starts_escape(std::string_view text, std::size_t k) {
  std::size_t n = 0;
  while (n < k && text[k - 1 - n] == '\\') ++n;
  return n % 2 == 0;
}

// Positions i in [from, last) whose bytes i and i+1 the nibble masks accept, 32 at a time
// (needs last + 32 <= size for the loads of i + 1); calls check(i) for each, in order. Returns
// where it stopped.
template <class Check>
__attribute__((target("avx2"))) std::size_t teddy_avx2(const Prefilter& p, const char* s, std::size_t from,
                                                       std::size_t last, Check&& check) {
#define PTL_TABLE(t) _mm256_broadcastsi128_si256(_mm_load_si128(reinterpret_cast<const __m128i*>(t)))
  const __m256i lo0 = PTL_TABLE(p.lo0), hi0 = PTL_TABLE(p.hi0), lo1 = PTL_TABLE(p.lo1), hi1 = PTL_TABLE(p.hi1);
#undef PTL_TABLE
  const __m256i nibble = _mm256_set1_epi8(0x0f), zero = _mm256_setzero_si256();
  std::size_t i = from;
  for (; i + 32 <= last; i += 32) {
    const __m256i v0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i));
    const __m256i v1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i + 1));
    __m256i m = _mm256_and_si256(_mm256_shuffle_epi8(lo0, _mm256_and_si256(v0, nibble)),
                                 _mm256_shuffle_epi8(hi0, _mm256_and_si256(_mm256_srli_epi16(v0, 4), nibble)));
    m = _mm256_and_si256(m, _mm256_shuffle_epi8(lo1, _mm256_and_si256(v1, nibble)));
    m = _mm256_and_si256(m, _mm256_shuffle_epi8(hi1, _mm256_and_si256(_mm256_srli_epi16(v1, 4), nibble)));
    auto bits = ~static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(m, zero)));
    while (bits) {
      check(i + static_cast<std::size_t>(__builtin_ctz(bits)));
      bits &= bits - 1;
    }
  }
  return i;
}

const bool kHaveAvx2 = __builtin_cpu_supports("avx2");

// One pass over [from, to): the pairs of bytes the prefilter accepts (with AVX2, nibble masks
// first: 32 bytes a step), then the exact pair set, then the literals.
void find_hits(std::string_view text, std::size_t from, std::size_t to, Hits& hits) {
  const Prefilter& p = prefilter();
  const char* s = text.data();
  const std::size_t last = std::min(to, text.size() > 0 ? text.size() - 1 : 0);
  // The exact pair test stays inline in the mask loops; the rest is out of line, so that a run
  // of bytes the masks let through ("xxxx", typed) costs a bit test each, not a call.
  const auto confirm = [&](std::size_t i) __attribute__((noinline)) {
    if (s[i] == '\\') {
      if (starts_escape(text, i)) hits.escapes.push_back(i);
    } else if (s[i] == '%') {
      hits.percents.push_back(i);
    }
    for (const Base64Literal& l : p.literals) {
      if (i + l.text.size() <= text.size() && std::memcmp(s + i, l.text.data(), l.text.size()) == 0)
        hits.base64.emplace_back(i, i - l.quad_offset);
    }
  };
  const auto check = [&](std::size_t i) {
    if (p.pairs.test(Prefilter::key(s[i], s[i + 1]))) [[unlikely]]
      confirm(i);
  };
  std::size_t i = from;
  if (kHaveAvx2 && from < last) {
    i = teddy_avx2(p, s, from, last, check);
    if (i < last) {
      // The last (< 32) positions through the masks too, from a zero-padded copy: a byte-by-byte
      // tail was most of the cost of the short ranges the editor rescans at each keystroke.
      alignas(32) char tail[64] = {};
      std::memcpy(tail, s + i, std::min<std::size_t>(text.size() - i, 33));
      const std::size_t base = i;
      teddy_avx2(p, tail, 0, 32, [&](std::size_t j) {
        if (base + j < last) check(base + j);
      });
      i = last;
    }
  }
  for (; i < last; ++i) check(i);
}

// A decoded run: its bytes and where each came from in the layer's text.
struct Decoded {
  std::string bytes;
  std::vector<std::size_t> from;  // escapes and percent: source offset of each byte, plus the run's end
};

}  // namespace

std::string_view encoding_name(Encoding encoding) {
  switch (encoding) {
    case Encoding::Base64:
      return "base64";
    case Encoding::Base64Url:
      return "base64url";
    case Encoding::JsonEscape:
      return "json-escape";
    case Encoding::PercentEncoding:
      return "percent";
  }
  return "unknown";
}

std::string describe_encoding(const std::vector<Encoding>& layers) {
  std::string out;
  for (Encoding e : layers) {
    if (!out.empty()) out += " > ";
    out += encoding_name(e);
  }
  return out;
}

EncodedTokenFinder::EncodedTokenFinder(const PulumiTokenDetector& detector) : detector_(detector) {}

// One decoded run of a layer: the tokens in it and, below the depth limit, the next layer's.
struct EncodedTokenFinder::Layer {
  const EncodedTokenFinder& finder;
  std::string_view text;  // the layer's text
  std::size_t depth;      // layers above this one
  std::vector<EncodedFinding>& out;
  EncodedScanStats& stats;

  // Tokens in `decoded` (a run of `text` encoded with `encoding`), mapped back by `map` from a
  // decoded span to a span of `text`. `identity_ok(begin, end, child_begin, child_end)` says
  // whether a finding whose text span has the decoded span's length (no escape inside) is new.
  template <class Map, class Keep>
  void report(const std::string& decoded, Encoding encoding, Map&& map, Keep&& keep) {
    stats.decoded_bytes += decoded.size();
    ++stats.runs;
    std::vector<std::size_t> found;
    finder.detector_.find(decoded, found);
    for (std::size_t p : found) {
      const auto [b, e] = map(p, p + kTokenLength);
      if (!keep(b, e, p, p + kTokenLength, true)) continue;
      std::string token = decoded.substr(p, kTokenLength);
      const bool placeholder = is_placeholder_token(token);
      out.push_back(EncodedFinding{b, e, {encoding}, std::move(token), placeholder});
    }
    if (depth + 1 >= kMaxLayers) return;
    std::vector<EncodedFinding> inner;
    finder.scan_layer(decoded, 0, decoded.size(), depth + 1, inner, stats);
    for (EncodedFinding& f : inner) {
      const auto [b, e] = map(f.begin, f.end);
      if (!keep(b, e, f.begin, f.end, false)) continue;
      f.begin = b;
      f.end = e;
      f.layers.insert(f.layers.begin(), encoding);
      out.push_back(std::move(f));
    }
  }

  // The maximal base64 run around the hits at hits[i...], decoded once per quad phase they imply.
  // Returns the index of the first hit past the run; sets `lower` to the run's end.
  std::size_t base64_run(const std::vector<std::pair<std::size_t, std::size_t>>& hits, std::size_t i,
                         std::size_t& lower) {
    const std::size_t h = hits[i].first;
    std::size_t rs = h, re = h;
    while (rs > lower && is_base64_char(text[rs - 1])) --rs;
    while (re < text.size() && is_base64_char(text[re])) ++re;
    std::size_t pe = re;
    while (pe < text.size() && pe < re + 2 && text[pe] == '=') ++pe;
    bool url = false, standard = false;
    for (std::size_t k = rs; k < re; ++k) {
      url |= text[k] == '-' || text[k] == '_';
      standard |= text[k] == '+' || text[k] == '/';
    }
    const Encoding encoding = url && !standard ? Encoding::Base64Url : Encoding::Base64;
    std::array<bool, 4> done{};
    std::size_t j = i;
    for (; j < hits.size() && hits[j].first < re; ++j) {
      // The first position at or after the run's start where a quad of this phase starts.
      const std::size_t phase = (hits[j].second - rs) & 3;  // unsigned wrap-around keeps the residue
      if (done[phase]) continue;
      done[phase] = true;
      const std::size_t d0 = rs + phase;
      if (d0 >= re) continue;
      std::string decoded;
      decoded.reserve((re - d0) / 4 * 3 + 2);
      std::size_t k = d0;
      for (; k + 4 <= re; k += 4) {
        const std::uint32_t v = (kBase64Value[static_cast<unsigned char>(text[k])] << 18) |
                                (kBase64Value[static_cast<unsigned char>(text[k + 1])] << 12) |
                                (kBase64Value[static_cast<unsigned char>(text[k + 2])] << 6) |
                                kBase64Value[static_cast<unsigned char>(text[k + 3])];
        decoded += static_cast<char>(v >> 16);
        decoded += static_cast<char>(v >> 8);
        decoded += static_cast<char>(v);
      }
      if (re - k >= 2) {  // a final partial quad: 2 characters are 1 byte, 3 are 2
        std::uint32_t v = (kBase64Value[static_cast<unsigned char>(text[k])] << 18) |
                          (kBase64Value[static_cast<unsigned char>(text[k + 1])] << 12);
        if (re - k == 3) v |= kBase64Value[static_cast<unsigned char>(text[k + 2])] << 6;
        decoded += static_cast<char>(v >> 16);
        if (re - k == 3) decoded += static_cast<char>(v >> 8);
      }
      // Whole quads holding the decoded span; the padding too when they end the run.
      const auto map = [&](std::size_t b, std::size_t e) {
        const std::size_t begin = d0 + 4 * (b / 3);
        std::size_t end = d0 + 4 * ((e + 2) / 3);
        if (end >= re) end = pe;
        return std::pair{begin, end};
      };
      report(decoded, encoding, map, [](std::size_t, std::size_t, std::size_t, std::size_t, bool) { return true; });
    }
    lower = re;
    return j;
  }

  // The escaped (JSON) or percent-encoded run around the trigger at `k`; returns its end.
  std::size_t escaped_run(std::size_t k, std::size_t lower, Encoding encoding) {
    std::size_t start = k;
    while (start > lower && is_run_char(text[start - 1])) --start;
    // A backslash right before what was walked over may start an escape ("\n" before "pul"):
    // decode it too, so the byte before the token is what the string holds.
    if (encoding == Encoding::JsonEscape && start > lower && text[start - 1] == '\\' && start < k &&
        starts_escape(text, start - 1))
      --start;
    Decoded d;
    std::size_t i = start;
    while (i < text.size()) {
      const char c = text[i];
      if (is_run_char(c)) {
        d.bytes += c;
        d.from.push_back(i++);
        continue;
      }
      std::size_t len = 0;
      std::uint32_t cp = 0;
      if (encoding == Encoding::JsonEscape && c == '\\' && i + 1 < text.size()) {
        const char e = text[i + 1];
        if (e == 'u' && i + 6 <= text.size()) {
          int h[4] = {hex_value(text[i + 2]), hex_value(text[i + 3]), hex_value(text[i + 4]), hex_value(text[i + 5])};
          if (h[0] >= 0 && h[1] >= 0 && h[2] >= 0 && h[3] >= 0) len = 6, cp = (h[0] << 12) | (h[1] << 8) | (h[2] << 4) | h[3];
        } else if (std::string_view("/\\\"'nrtbf").find(e) != std::string_view::npos) {
          static constexpr std::string_view kFrom = "/\\\"'nrtbf", kTo = "/\\\"'\n\r\t\b\f";
          len = 2, cp = static_cast<unsigned char>(kTo[kFrom.find(e)]);
        }
      } else if (encoding == Encoding::PercentEncoding && c == '%' && i + 3 <= text.size()) {
        const int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
        if (hi >= 0 && lo >= 0) len = 3, cp = static_cast<std::uint32_t>(hi * 16 + lo);
      }
      if (len == 0) {
        if (i >= k) break;
        // Not an escape we know, before the trigger: the run starts after it.
        d.bytes.clear();
        d.from.clear();
        i += encoding == Encoding::JsonEscape ? 2 : 1;
        continue;
      }
      // Code points past ASCII as UTF-8 (lone surrogates too): context only, never a token byte.
      if (encoding == Encoding::PercentEncoding || cp < 0x80) {
        d.bytes += static_cast<char>(cp);
        d.from.push_back(i);
      } else {
        const int n = cp < 0x800 ? 2 : 3;
        d.bytes += static_cast<char>(n == 2 ? 0xC0 | (cp >> 6) : 0xE0 | (cp >> 12));
        if (n == 3) d.bytes += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        d.bytes += static_cast<char>(0x80 | (cp & 0x3F));
        for (int m = 0; m < n; ++m) d.from.push_back(i);
      }
      i += len;
    }
    d.from.push_back(i);
    const auto map = [&](std::size_t b, std::size_t e) { return std::pair{d.from[b], d.from[e]}; };
    // A span with no escape in it is plain text: the token itself when the plain detector finds it
    // here, and an inner layer's finding that this layer's own search finds as well.
    const auto keep = [&](std::size_t b, std::size_t e, std::size_t cb, std::size_t ce, bool direct) {
      if (e - b != ce - cb) return true;
      return direct && !finder.detector_.matches_at(text, b);
    };
    report(d.bytes, encoding, map, keep);
    return i;
  }
};

void EncodedTokenFinder::scan_layer(std::string_view text, std::size_t from, std::size_t to, std::size_t depth,
                                    std::vector<EncodedFinding>& out, EncodedScanStats& stats) const {
  Hits hits;
  find_hits(text, from, to, hits);
  stats.scanned_bytes += to - from;
  std::sort(hits.base64.begin(), hits.base64.end());
  Layer layer{*this, text, depth, out, stats};
  // Runs of one kind are maximal, so they never overlap: each starts past the previous one's end,
  // which also bounds the walks back.
  std::size_t run_end = 0;
  for (std::size_t i = 0; i < hits.base64.size();) i = layer.base64_run(hits.base64, i, run_end);
  run_end = 0;
  for (std::size_t k : hits.escapes) {
    if (k < run_end) continue;
    run_end = layer.escaped_run(k, run_end, Encoding::JsonEscape);
  }
  run_end = 0;
  for (std::size_t k : hits.percents) {
    if (k < run_end) continue;
    run_end = layer.escaped_run(k, run_end, Encoding::PercentEncoding);
  }
}

bool EncodedTokenFinder::separates_runs(char c) {
  return !is_run_char(c) && c != '\\' && c != '%' && c != '"' && c != '\'';
}

std::optional<EncodedFinding> EncodedTokenFinder::finding_at(std::string_view text, std::size_t begin,
                                                             std::size_t end) const {
  if (begin >= end || end > text.size()) return std::nullopt;
  // Why the stretch is enough: a run stops at a byte no escape consumes and that is not a run
  // character, walks back no further than one, and find()'s merging only joins overlapping spans.
  std::size_t s = begin, e = end;
  while (s > 0 && !separates_runs(text[s - 1])) --s;
  while (e < text.size() && !separates_runs(text[e])) ++e;
  std::vector<EncodedFinding> found;
  find(text.substr(s, e - s), found);
  for (EncodedFinding& f : found) {
    if (f.begin + s != begin || f.end + s != end) continue;
    f.begin = begin;
    f.end = end;
    return std::move(f);
  }
  return std::nullopt;
}

void EncodedTokenFinder::find(std::string_view text, std::size_t from, std::size_t to, std::vector<EncodedFinding>& out,
                              EncodedScanStats* stats) const {
  EncodedScanStats local;
  std::vector<EncodedFinding> found;
  scan_layer(text, from, std::min(to, text.size()), 0, found, local);
  const auto order = [](const EncodedFinding& a, const EncodedFinding& b) {
    return std::tie(a.begin, a.end, a.layers, a.token) < std::tie(b.begin, b.end, b.layers, b.token);
  };
  std::sort(found.begin(), found.end(), order);
  // One token decoded from overlapping spans (two phases, or a layer found both directly and
  // under an escape layer that only adds its padding "%3D") is one finding: the fewest layers.
  std::vector<EncodedFinding> kept;
  for (EncodedFinding& f : found) {
    bool merged = false;
    for (std::size_t k = kept.size(); k-- > 0 && kept[k].end > f.begin;) {
      if (kept[k].token != f.token) continue;
      if (f.layers.size() < kept[k].layers.size()) kept[k] = std::move(f);
      merged = true;
      break;
    }
    if (!merged) kept.push_back(std::move(f));
  }
  for (EncodedFinding& f : kept) {
    if (f.begin >= from && f.begin < to) out.push_back(std::move(f));
  }
  if (stats != nullptr) {
    stats->runs += local.runs;
    stats->decoded_bytes += local.decoded_bytes;
    stats->scanned_bytes += local.scanned_bytes;
  }
}

}  // namespace ptl::detectors
