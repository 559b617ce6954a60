#include "bench/lsp_messages.h"

#include <nlohmann/json.hpp>

namespace ptl::bench {

using nlohmann::json;

std::string initialize_body(int id, std::string_view initialization_options, std::string_view capabilities,
                            std::string_view root_uri) {
  json j = {{"jsonrpc", "2.0"},
            {"id", id},
            {"method", "initialize"},
            {"params",
             {{"processId", nullptr},
              {"rootUri", root_uri.empty() ? json(nullptr) : json(root_uri)},
              {"capabilities", json::parse(capabilities)},
              {"initializationOptions", json::parse(initialization_options)}}}};
  return j.dump();
}

std::string initialized_body() { return R"({"jsonrpc":"2.0","method":"initialized","params":{}})"; }

std::string did_open_body(std::string_view uri, std::string_view text, std::int64_t version) {
  json j = {{"jsonrpc", "2.0"},
            {"method", "textDocument/didOpen"},
            {"params",
             {{"textDocument",
               {{"uri", uri}, {"languageId", "typescript"}, {"version", version}, {"text", text}}}}}};
  return j.dump();
}

std::string did_change_body(std::string_view uri, std::int64_t version, std::uint32_t start_line,
                            std::uint32_t start_char, std::uint32_t end_line, std::uint32_t end_char,
                            std::string_view text) {
  json range = {{"start", {{"line", start_line}, {"character", start_char}}},
                {"end", {{"line", end_line}, {"character", end_char}}}};
  json j = {{"jsonrpc", "2.0"},
            {"method", "textDocument/didChange"},
            {"params",
             {{"textDocument", {{"uri", uri}, {"version", version}}},
              {"contentChanges", json::array({{{"range", range}, {"text", text}}})}}}};
  return j.dump();
}

std::string request_body(int id, std::string_view method, std::string_view params_json) {
  json j = {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", json::parse(params_json)}};
  return j.dump();
}

std::string exit_body() { return R"({"jsonrpc":"2.0","method":"exit"})"; }

}  // namespace ptl::bench
