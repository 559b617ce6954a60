#include "detectors/suppression.h"

#include <array>

namespace ptl::detectors {
namespace {

constexpr std::array<std::string_view, 7> kSameLine = {
    kIgnoreMarker, "gitleaks:allow", "trufflehog:ignore", "pragma: allowlist secret",
    "ggignore", "secretlint-disable-line", "DevSkim: ignore",
};
constexpr std::array<std::string_view, 2> kNextLine = {
    "pragma: allowlist nextline secret", "secretlint-disable-next-line",
};

template <std::size_t N>
bool contains_any(std::string_view line, const std::array<std::string_view, N>& markers) {
  for (std::string_view m : markers)
    if (line.find(m) != std::string_view::npos) return true;
  return false;
}

}  // namespace

bool suppresses_own_line(std::string_view line) { return contains_any(line, kSameLine); }

bool suppresses_next_line(std::string_view line) { return contains_any(line, kNextLine); }

}  // namespace ptl::detectors
