#pragma once
// JSON-RPC bodies the benchmarks send, built once before anything is timed.

#include <cstdint>
#include <string>
#include <string_view>

namespace ptl::bench {

// `initialization_options` and `capabilities` are JSON object texts ("{}" for none).
std::string initialize_body(int id, std::string_view initialization_options = "{}",
                            std::string_view capabilities = "{}",
                            std::string_view root_uri = {});
std::string initialized_body();
std::string did_open_body(std::string_view uri, std::string_view text, std::int64_t version = 1);
// One ranged change replacing [start, end) (line/character) by `text`.
std::string did_change_body(std::string_view uri, std::int64_t version, std::uint32_t start_line,
                            std::uint32_t start_char, std::uint32_t end_line, std::uint32_t end_char,
                            std::string_view text);
std::string request_body(int id, std::string_view method, std::string_view params_json);
std::string exit_body();

}  // namespace ptl::bench
