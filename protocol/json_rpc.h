#pragma once
// JSON-RPC 2.0 messages: classifying an incoming body and writing replies. No I/O.
//
// Nothing here throws on client data: bodies are parsed with exceptions off, and every way a
// body can be wrong maps to one ErrorCode with a message that names the offending member.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace ptl::protocol {

using json = nlohmann::json;

enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  RequestCancelled = -32800,
  ContentModified = -32801,  // LSP: the request's document changed or closed; clients drop it quietly
};

struct Incoming {
  enum class Kind { Request, Notification, Response };
  Kind kind = Kind::Notification;
  json id;  // number or string for requests and responses; null otherwise
  std::string method;
  json params;  // null when absent
  json result;  // responses only
  json error;   // responses only
};

struct RpcError {
  ErrorCode code;
  std::string message;
  json id;  // the request id when it could be recovered, else null
};

// Maximum nesting depth of arrays and objects accepted in a body; deeper bodies are parse errors
// (guards the stack and the destructor against hostile input).
inline constexpr int kMaxJsonDepth = 256;

// Parses and classifies one message body. Invalid UTF-8 inside the body is repaired first (each
// invalid byte becomes U+007F, see utf8_repair.h) so a document with stray bytes still opens.
// Returns the error to answer with otherwise: ParseError for bad JSON, InvalidRequest for a
// batch array, a non-object, a wrong "jsonrpc", a bad id or method.
struct Classified {
  std::optional<Incoming> message;
  std::optional<RpcError> error;
  bool repaired_utf8 = false;
};
Classified classify(std::string&& body);

// Serialised reply bodies (without framing).
std::string make_result(const json& id, const json& result);
std::string make_error(const json& id, ErrorCode code, std::string_view message);
std::string make_notification(std::string_view method, const json& params);
std::string make_request(const json& id, std::string_view method, const json& params);

// Frames a body with its Content-Length header.
std::string frame(std::string_view body);

}  // namespace ptl::protocol
