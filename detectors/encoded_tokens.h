#pragma once
// EncodedTokenFinder: Pulumi access tokens hidden by an encoding (issue 14, "Encoded tokens").
//
// Finds tokens that PulumiTokenDetector would find in the *decoded* bytes of
//   - base64, standard (+/) or URL-safe (-_), with or without '=' padding: Kubernetes
//     Secret.data, .dockerconfigjson, CI variables, env files;
//   - JSON / JavaScript string escapes: \uXXXX (e.g. "\u0070ul-…", "pul\u002d…", hex digits as
//     \u00XX), \/, \\, \", \', \n, \r, \t, \b, \f;
//   - percent-encoding (%XX) in URLs: "%70ul-…", "pul%2D…".
// and nestings of them up to kMaxLayers layers (base64 of base64, as in a .dockerconfigjson's
// "auth"; base64 of JSON text holding an escaped token; JSON-escaped or percent-encoded base64).
// The same word-boundary rules apply to the decoded bytes (39 or 41 hex digits, uppercase, a word
// character glued on stay quiet). A plain token (what the detector finds in the text itself) is
// never reported here: the line pipeline (line_scan.h) reports it.
//
// How candidates are found (lazily, before anything is decoded): one pass over the text looks for
//   - the three base64 alignments of "pul-" ("cHVsL", "B1bC", "wdWwt"), the base64 alignments of
//     those three (a second base64 layer) and of "\u00" (base64 of JSON-escaped text);
//   - a JSON escape "\u" or "\/" (not itself escaped: "\\u" is a backslash and a 'u');
//   - a '%' followed by a hex digit.
// The pass tests byte pairs against nibble masks, 32 bytes a step with AVX2 (about 4 GB/s, a
// sixth of the detector's speed), then the exact pairs, then the literals.
// A hit is extended to its maximal run: base64 alphabet characters (both alphabets) plus trailing
// '=' padding; or, for escapes and percent-encoding, characters of [A-Za-z0-9+/=_.~-] and escapes
// of that kind. A base64 run is decoded from the quad boundaries its hits imply (a hit's position
// fixes where the quads of "pul-" start), so text glued before the value only costs garbage bytes
// before it. Runs stop at line breaks, so an encoded token wrapped over two lines (base64 -w 76) is
// not found; a base64 value glued to other base64-alphabet characters (a path "/v1/…") may decode
// to a word character right before the token and then stay quiet, as a plain token glued to a
// word would.
//
// Ranges: a finding's [begin, end) is the smallest span of the input that encodes the token:
// for base64, the whole quads (4 characters) holding its bytes, plus the '=' padding when those
// quads end the run; for escapes and percent-encoding, the characters from the first escape or
// character of the token to the last. The span is ASCII and on one line.
//
// Complexity (the guarantee, tested with an operation count): linear in the text. Runs of one kind
// never overlap, so each byte is in at most one run of each kind; a base64 run is decoded at most
// once per quad phase (4), an escape or percent run once; the decoded bytes are searched again,
// once, for the next layer, and no further than kMaxLayers. Memory: the decoded run and, for
// escapes, one offset per decoded byte.
//
// Built once, immutable, thread-safe (find() keeps its state on the stack). Never prints or logs;
// EncodedFinding::token holds the decoded token for hashing and masking only.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detectors/pulumi_token_detector.h"

namespace ptl::detectors {

enum class Encoding { Base64, Base64Url, JsonEscape, PercentEncoding };

// "base64", "base64url", "json-escape", "percent".
std::string_view encoding_name(Encoding encoding);
// The layers outermost first, joined by " > ": "base64 > json-escape".
std::string describe_encoding(const std::vector<Encoding>& layers);

struct EncodedFinding {
  std::size_t begin = 0, end = 0;  // the encoded text in the input: what a diagnostic covers
  std::vector<Encoding> layers;    // outermost first: {Base64, JsonEscape} = base64 of JSON text with an escaped token
  std::string token;               // the decoded token (44 bytes): for hashing and masking only; never print it
  bool placeholder = false;        // placeholder.h's rules on the decoded token
};

// What a find() call cost, for tests of the linear-time guarantee.
struct EncodedScanStats {
  std::size_t runs = 0;           // runs decoded (a base64 run once per phase)
  std::size_t decoded_bytes = 0;  // bytes written by decoders, all layers
  std::size_t scanned_bytes = 0;  // bytes the prefilter read, all layers
};

class EncodedTokenFinder {
 public:
  // Layers of encoding decoded at most: base64 of base64, base64 of JSON escapes.
  static constexpr std::size_t kMaxLayers = 2;

  // `detector` decides what a token is in decoded bytes; it must outlive the finder.
  explicit EncodedTokenFinder(const PulumiTokenDetector& detector);

  // Appends to `out`, sorted by begin, the encoded tokens whose prefilter hit lies in [from, to)
  // of `text` and whose span begins there; the rest of `text` is context (runs extend into it).
  // Pass whole lines (no run crosses a line break) to get every finding of those lines.
  // Precondition: from <= to <= text.size(). `stats`, when given, is added to.
  void find(std::string_view text, std::size_t from, std::size_t to, std::vector<EncodedFinding>& out,
            EncodedScanStats* stats = nullptr) const;
  void find(std::string_view text, std::vector<EncodedFinding>& out, EncodedScanStats* stats = nullptr) const {
    find(text, 0, text.size(), out, stats);
  }

  // True for a byte that no run holds, neither as itself nor inside an escape: line breaks,
  // spaces, most punctuation (',', ':', '{', ...) and every byte past ASCII; false for the base64
  // alphabets, [=_.~-] and what escapes are made of ('\\', '%', '"', '\''). Runs, and so spans,
  // lie between such bytes, and find() over the stretch between two of them reports that
  // stretch's findings exactly as it does over the whole text.
  static bool separates_runs(char c);

  // The finding find(text) reports with the span [begin, end) exactly, decoded again (its token
  // included); nullopt when there is none. Reads only the stretch of `text` around the span
  // between bytes that separate runs, so a caller may pass just that stretch (the server does,
  // to decode one finding of a long line). Linear in that stretch.
  std::optional<EncodedFinding> finding_at(std::string_view text, std::size_t begin, std::size_t end) const;

 private:
  struct Layer;
  void scan_layer(std::string_view text, std::size_t from, std::size_t to, std::size_t depth,
                  std::vector<EncodedFinding>& out, EncodedScanStats& stats) const;

  const PulumiTokenDetector& detector_;
};

}  // namespace ptl::detectors
