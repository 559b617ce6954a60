#include "scan/baseline.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace ptl::scan {

bool load_baseline(const std::string& path, Baseline& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot read the baseline";
    return false;
  }
  std::stringstream text;
  text << in.rdbuf();
  const nlohmann::json doc = nlohmann::json::parse(text.str(), nullptr, false);
  const auto list = doc.is_object() ? doc.find("fingerprints") : doc.end();
  if (!doc.is_object() || list == doc.end() || !list->is_array()) {
    error = path + ": not a baseline file (expected {\"fingerprints\": [...]})";
    return false;
  }
  for (const auto& item : *list) {
    if (!item.is_string()) {
      error = path + ": fingerprints: expected strings";
      return false;
    }
    out.insert(item.get<std::string>());
  }
  return true;
}

bool write_baseline(const std::string& path, const ScanReport& report, std::string& error) {
  Baseline fingerprints;
  for (const ScanFinding& f : report.findings) {
    if (!f.placeholder) fingerprints.insert(f.fingerprint);
  }
  const nlohmann::json doc = {{"version", 1}, {"tool", "pulumi-token-lsp"}, {"fingerprints", fingerprints}};
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << doc.dump(2) << "\n";
  out.flush();
  if (!out) {
    error = path + ": cannot write the baseline";
    return false;
  }
  return true;
}

std::size_t drop_fingerprints(ScanReport& report, const std::set<std::string>& fingerprints) {
  return static_cast<std::size_t>(
      std::erase_if(report.findings, [&](const ScanFinding& f) { return fingerprints.count(f.fingerprint) > 0; }));
}

void apply_baseline(ScanReport& report, const Baseline& baseline) { report.baselined += drop_fingerprints(report, baseline); }

}  // namespace ptl::scan
