#include "protocol/json_rpc.h"

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

bool valid_id(const json& id) {
  return id.is_string() || id.is_number_integer() || id.is_number_unsigned();
}

}  // namespace

Classified classify(std::string&& body) {
  Classified out;
  bool too_deep = false;
  json doc = parse_guarded(body, too_deep);
  if (doc.is_discarded() && !too_deep && !is_valid_utf8(body)) {
    body = repair_utf8(body);
    out.repaired_utf8 = true;
    doc = parse_guarded(body, too_deep);
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
    Incoming in;
    in.kind = Incoming::Kind::Response;
    in.id = std::move(id);
    if (auto r = doc.find("result"); r != doc.end()) in.result = std::move(*r);
    if (auto e = doc.find("error"); e != doc.end()) in.error = std::move(*e);
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
  if (auto p = doc.find("params"); p != doc.end()) {
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
  json j = {{"jsonrpc", "2.0"}, {"id", id}, {"method", std::string(method)}, {"params", params}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string frame(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out.append(body);
  return out;
}

}  // namespace ptl::protocol
