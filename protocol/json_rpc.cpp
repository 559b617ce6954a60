#include "protocol/json_rpc.h"

#include <emmintrin.h>

#include <cstring>
#include <variant>
#include <vector>

#include "protocol/utf8_repair.h"

namespace ptl::protocol {
namespace {

// Parses with exceptions off and a depth guard. The depth is measured by a linear pre-scan
// rather than a parser callback: nlohmann's callback parser erases discarded values by walking
// the parent container at every end of object, which makes an array of n objects cost O(n^2)
// (a didChange with 100,000 changes took minutes).
json parse_guarded(std::string_view text, bool& too_deep) {
  too_deep = false;
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) {
        too_deep = true;
        return json(json::value_t::discarded);
      }
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
}

// --- Large strings -------------------------------------------------------------------------
// nlohmann's lexer reads a string one character at a time through several layers: about
// 50 MB/s here, so the 100 MB text of a didOpen took 2 to 3 seconds to parse. Bodies of at least
// kFastPathBody bytes therefore go through a structural pre-scan that decodes every string value
// of at least kLargeString bytes itself (16 bytes a step while there is nothing to unescape),
// replaces its literal by "" and lets nlohmann parse the small remainder, into which the decoded
// strings are then moved. The result is the same json value nlohmann would build: the decoder
// accepts exactly what nlohmann's lexer accepts (RFC 8259 escapes, surrogate pairs, well-formed
// UTF-8, no raw control characters), and whenever anything is unusual (an invalid string, a key
// with escapes on the way to a large string, a duplicate key that would override it, nesting
// deeper than kMaxJsonDepth, unbalanced brackets) the body is parsed the ordinary way instead, so
// errors and their messages do not change.
constexpr std::size_t kFastPathBody = 64 * 1024;
constexpr std::size_t kLargeString = 4 * 1024;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool read_hex4(std::string_view s, std::size_t i, unsigned& out) {
  if (i + 4 > s.size()) return false;
  out = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    int h = hex_value(s[i + k]);
    if (h < 0) return false;
    out = out * 16 + static_cast<unsigned>(h);
  }
  return true;
}

char* write_utf8(char* out, unsigned cp) {
  if (cp < 0x80) {
    *out++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out++ = static_cast<char>(0xC0 | (cp >> 6));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (cp >> 12));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (cp >> 18));
    *out++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

// Decodes the contents of a JSON string literal (between the quotes). False when nlohmann would
// reject it. Each 16-byte block is stored to the output unconditionally and the output pointer
// advanced to the first byte that needs attention, so the short runs between escapes (a "\n"
// every line, quotes in code) cost no call each. The output is never longer than the input.
bool decode_json_string(std::string_view s, std::string& out) {
  out.resize(s.size() + 16);
  char* const begin = out.data();
  char* dst = begin;
  const char* src = s.data();
  const std::size_t n = s.size();
  const __m128i limit = _mm_set1_epi8(0x20);
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  std::size_t i = 0;
  while (i < n) {
    if (i + 16 <= n) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(dst), v);
      // Signed compare: bytes below 0x20 and bytes of 0x80 and above (non-ASCII) both count.
      __m128i special = _mm_or_si128(_mm_cmplt_epi8(v, limit),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
      unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(special));
      if (mask == 0) {
        i += 16;
        dst += 16;
        continue;
      }
      std::size_t k = static_cast<std::size_t>(__builtin_ctz(mask));
      i += k;
      dst += k;
    }
    unsigned char c = static_cast<unsigned char>(src[i]);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      *dst++ = static_cast<char>(c);
      ++i;
      continue;
    }
    if (c >= 0x80) {
      std::size_t len = utf8_sequence_length(s, i);
      if (len == 0) return false;
      for (std::size_t k = 0; k < len; ++k) *dst++ = src[i + k];
      i += len;
      continue;
    }
    if (c != '\\' || i + 1 >= n) return false;  // a raw control character or quote
    char e = src[i + 1];
    i += 2;
    switch (e) {
      case '"': *dst++ = '"'; break;
      case '\\': *dst++ = '\\'; break;
      case '/': *dst++ = '/'; break;
      case 'b': *dst++ = '\b'; break;
      case 'f': *dst++ = '\f'; break;
      case 'n': *dst++ = '\n'; break;
      case 'r': *dst++ = '\r'; break;
      case 't': *dst++ = '\t'; break;
      case 'u': {
        unsigned cp = 0;
        if (!read_hex4(s, i, cp)) return false;
        i += 4;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a lone low surrogate
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          unsigned lo = 0;
          if (i + 2 > n || src[i] != '\\' || src[i + 1] != 'u' || !read_hex4(s, i + 2, lo) || lo < 0xDC00 ||
              lo > 0xDFFF)
            return false;
          i += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        dst = write_utf8(dst, cp);
        break;
      }
      default: return false;
    }
  }
  out.resize(static_cast<std::size_t>(dst - begin));
  return true;
}

// Offset of the quote that ends the string literal opened at `open`, or npos.
std::size_t string_end(std::string_view text, std::size_t open) {
  std::size_t i = open + 1;
  for (;;) {
    const void* q = std::memchr(text.data() + i, '"', text.size() - i);
    if (!q) return std::string_view::npos;
    std::size_t at = static_cast<std::size_t>(static_cast<const char*>(q) - text.data());
    std::size_t slashes = 0;
    while (at - slashes > open + 1 && text[at - slashes - 1] == '\\') ++slashes;
    if (slashes % 2 == 0) return at;
    i = at + 1;
  }
}

using PathStep = std::variant<std::string, std::size_t>;  // object key or array index
struct LargeString {
  std::vector<PathStep> path;
  std::string value;
};

// The pre-scan. On success `skeleton` is `text` with every large string literal replaced by ""
// and `strings` holds the decoded values; false means "parse the body the ordinary way".
bool extract_large_strings(std::string_view text, std::string& skeleton, std::vector<LargeString>& strings) {
  struct Frame {
    bool object;
    bool expect_key;
    std::string key;
    bool key_escaped = false;
    std::size_t index = 0;
    std::vector<std::string> protected_keys;  // keys on the way to a large string
  };
  std::vector<Frame> stack;
  std::size_t copied = 0;
  for (std::size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '{' || c == '[') {
      if (stack.size() >= static_cast<std::size_t>(kMaxJsonDepth)) return false;
      stack.push_back(Frame{c == '{', c == '{', {}, false, 0, {}});
      ++i;
    } else if (c == '}' || c == ']') {
      if (stack.empty() || stack.back().object != (c == '}')) return false;
      stack.pop_back();
      ++i;
    } else if (c == ',') {
      if (stack.empty()) return false;
      if (stack.back().object) stack.back().expect_key = true;
      else ++stack.back().index;
      ++i;
    } else if (c == '"') {
      std::size_t end = string_end(text, i);
      if (end == std::string_view::npos) return false;
      std::string_view inner = text.substr(i + 1, end - i - 1);
      if (!stack.empty() && stack.back().object && stack.back().expect_key) {
        Frame& f = stack.back();
        f.expect_key = false;
        f.key.assign(inner);
        f.key_escaped = inner.find('\\') != std::string_view::npos;
        for (const std::string& k : f.protected_keys)
          if (f.key_escaped || k == f.key) return false;  // a later duplicate would win in nlohmann
      } else if (inner.size() >= kLargeString) {
        LargeString ls;
        for (Frame& f : stack) {
          if (f.object) {
            if (f.key_escaped) return false;
            f.protected_keys.push_back(f.key);
            ls.path.emplace_back(f.key);
          } else {
            ls.path.emplace_back(f.index);
          }
        }
        if (!decode_json_string(inner, ls.value)) return false;
        skeleton.append(text.data() + copied, i - copied).append("\"\"");
        copied = end + 1;
        strings.push_back(std::move(ls));
      }
      i = end + 1;
    } else {
      ++i;  // whitespace, ':', numbers and literals: nlohmann checks them in the skeleton
    }
  }
  if (!stack.empty() || strings.empty()) return false;
  skeleton.append(text.data() + copied, text.size() - copied);
  return true;
}

// Moves the large strings into the parsed skeleton. False if a place is not the "" left there.
bool restore_large_strings(json& doc, std::vector<LargeString>& strings) {
  for (LargeString& ls : strings) {
    json* node = &doc;
    for (const PathStep& step : ls.path) {
      if (const std::string* key = std::get_if<std::string>(&step)) {
        if (!node->is_object()) return false;
        auto it = node->find(*key);
        if (it == node->end()) return false;
        node = &*it;
      } else {
        std::size_t index = std::get<std::size_t>(step);
        if (!node->is_array() || index >= node->size()) return false;
        node = &(*node)[index];
      }
    }
    if (!node->is_string() || !node->get_ref<const std::string&>().empty()) return false;
    *node = std::move(ls.value);
  }
  return true;
}

json parse_body(std::string_view text, bool& too_deep) {
  if (text.size() >= kFastPathBody) {
    std::string skeleton;
    std::vector<LargeString> strings;
    if (extract_large_strings(text, skeleton, strings)) {
      json doc = parse_guarded(skeleton, too_deep);
      if (too_deep || doc.is_discarded()) return doc;
      if (restore_large_strings(doc, strings)) return doc;
    }
  }
  return parse_guarded(text, too_deep);
}

bool valid_id(const json& id) {
  return id.is_string() || id.is_number_integer() || id.is_number_unsigned();
}

}  // namespace

Classified classify(std::string&& body) {
  Classified out;
  bool too_deep = false;
  json doc = parse_body(body, too_deep);
  if (doc.is_discarded() && !too_deep && !is_valid_utf8(body)) {
    body = repair_utf8(body);
    out.repaired_utf8 = true;
    doc = parse_body(body, too_deep);
  }
  if (too_deep) {
    out.error = RpcError{ErrorCode::ParseError, "JSON nested deeper than 256 levels", nullptr};
    return out;
  }
  if (doc.is_discarded()) {
    out.error = RpcError{ErrorCode::ParseError, "message body is not valid JSON", nullptr};
    return out;
  }
  if (doc.is_array()) {
    out.error = RpcError{ErrorCode::InvalidRequest, "batch requests are not supported", nullptr};
    return out;
  }
  if (!doc.is_object()) {
    out.error = RpcError{ErrorCode::InvalidRequest, "message must be a JSON object", nullptr};
    return out;
  }
  json id = nullptr;
  auto id_it = doc.find("id");
  bool has_id = id_it != doc.end();
  if (has_id) {
    if (valid_id(*id_it)) id = *id_it;
  }
  auto jr = doc.find("jsonrpc");
  if (jr == doc.end() || !jr->is_string() || jr->get_ref<const std::string&>() != "2.0") {
    out.error = RpcError{ErrorCode::InvalidRequest, "jsonrpc: expected \"2.0\"", id};
    return out;
  }
  auto method = doc.find("method");
  if (method == doc.end()) {
    // A response to one of our requests.
    if (!has_id || !valid_id(*id_it)) {
      out.error = RpcError{ErrorCode::InvalidRequest, "id: expected number or string", nullptr};
      return out;
    }
    // JSON-RPC 2.0: a response has exactly one of result and error; a message with an id but
    // neither a method nor a result or error is no response, it is an invalid request.
    const auto r = doc.find("result");
    const auto e = doc.find("error");
    if (r == doc.end() && e == doc.end()) {
      out.error = RpcError{ErrorCode::InvalidRequest, "expected method (a request) or result/error (a response)", id};
      return out;
    }
    Incoming in;
    in.kind = Incoming::Kind::Response;
    in.id = std::move(id);
    if (r != doc.end()) in.result = std::move(*r);
    if (e != doc.end()) in.error = std::move(*e);
    out.message = std::move(in);
    return out;
  }
  if (!method->is_string()) {
    out.error = RpcError{ErrorCode::InvalidRequest, "method: expected string", id};
    return out;
  }
  if (has_id && !valid_id(*id_it)) {
    out.error = RpcError{ErrorCode::InvalidRequest,
                         "id: expected an integer or a string", nullptr};
    return out;
  }
  Incoming in;
  in.kind = has_id ? Incoming::Kind::Request : Incoming::Kind::Notification;
  in.id = std::move(id);
  in.method = method->get_ref<const std::string&>();
  // "params": null is taken as absent, as vscode-jsonrpc does: eglot 1.9 (Emacs 28) sends it on
  // shutdown and exit, and refusing it left the server running after the editor quit.
  if (auto p = doc.find("params"); p != doc.end() && !p->is_null()) {
    if (!p->is_object() && !p->is_array()) {
      out.error = RpcError{ErrorCode::InvalidRequest, "params: expected object or array", in.id};
      if (in.kind == Incoming::Kind::Notification) out.error->id = nullptr;
      return out;
    }
    in.params = std::move(*p);
  }
  out.message = std::move(in);
  return out;
}

std::string make_result(const json& id, const json& result) {
  json j = {{"jsonrpc", "2.0"}, {"id", id}, {"result", result}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string make_error(const json& id, ErrorCode code, std::string_view message) {
  json j = {{"jsonrpc", "2.0"},
            {"id", id},
            {"error", {{"code", static_cast<int>(code)}, {"message", std::string(message)}}}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string make_notification(std::string_view method, const json& params) {
  json j = {{"jsonrpc", "2.0"}, {"method", std::string(method)}, {"params", params}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string make_request(const json& id, std::string_view method, const json& params) {
  json j = {{"jsonrpc", "2.0"}, {"id", id}, {"method", std::string(method)}};
  if (!params.is_null()) j["params"] = params;  // JSON-RPC: params is omitted, never null
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string frame(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out.append(body);
  return out;
}

}  // namespace ptl::protocol
