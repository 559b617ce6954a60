// Pulumi stack configuration files (Pulumi.<stack>.yaml): no environment lookup, the plain-text
// value is removed and the title gives the command that stores it encrypted.
#include "remediation/remediation.h"

#include <doctest/doctest.h>

#include "tests/remediation/fix_harness.h"

using namespace ptl::remediation;
using namespace ptl::remediation::testing;

namespace {

std::string title_of(const std::string& templ, FixKind kind) {
  const Doc d = make_doc(templ);
  const auto fixes = fixes_for(d.text, d.tokens[0].first, d.tokens[0].second, Language::PulumiStackConfig, Names{});
  const Fix* f = find_kind(fixes, kind);
  return f == nullptr ? std::string("<no fix>") : f->title;
}

}  // namespace

TEST_CASE("stack configuration files are their own kind of file, not Pulumi YAML programs") {
  CHECK(detect_language("yaml", "/p/Pulumi.dev.yaml") == Language::PulumiStackConfig);
  CHECK(detect_language("", "/p/Pulumi.prod.yml") == Language::PulumiStackConfig);
  CHECK(detect_language("yaml", "/p/Pulumi.yaml") == Language::PulumiYaml);
  CHECK(language_name(Language::PulumiStackConfig) == "Pulumi stack configuration");
  CHECK(environment_note(Language::PulumiStackConfig).find("cannot read environment variables") !=
        std::string_view::npos);
}

TEST_CASE("the config secret fix removes the plain-text entry and names the command that writes it back") {
  const char* input = "config:\n  aws:region: us-west-2\n  web:token: @T@ # plain\n  web:other: 1\n";
  CHECK(kinds(input, Language::PulumiStackConfig) == std::vector<FixKind>{FixKind::PulumiConfig, FixKind::Suppress});
  check_rows({
      {input, Language::PulumiStackConfig, FixKind::PulumiConfig, "config:\n  aws:region: us-west-2\n  web:other: 1\n"},
      {"config:\n  web:token: \"Bearer @T@\"\n", Language::PulumiStackConfig, FixKind::PulumiConfig, "config:\n"},
      {"config:\n  web:hook:\n    url: https://x/?t=@T@\n    retries: 3\n", Language::PulumiStackConfig,
       FixKind::PulumiConfig, "config:\n  web:hook:\n    retries: 3\n"},
      {"config:\r\n  'web:token': >-\r\n    @T@\r\n  web:b: 1\r\n", Language::PulumiStackConfig, FixKind::Suppress,
       "<no fix>"},
      {input, Language::PulumiStackConfig, FixKind::Suppress,
       "config:\n  aws:region: us-west-2\n  web:token: @T@ # plain # pulumi-token-lsp:ignore\n  web:other: 1\n"},
  });
  CHECK(title_of(input, FixKind::PulumiConfig) ==
        "Remove the plain-text value (then run: pulumi config set --secret web:token <value>)");
  CHECK(title_of("config:\n  web:hook:\n    url: @T@\n", FixKind::PulumiConfig) ==
        "Remove the plain-text value (then run: pulumi config set --secret --path web:hook.url <value>)");
  CHECK(title_of("config:\n  \"web:token\": '@T@'\n", FixKind::PulumiConfig) ==
        "Remove the plain-text value (then run: pulumi config set --secret web:token <value>)");
}

TEST_CASE("a stack configuration key that could hold a token is never written into the title") {
  const Doc d = make_doc("config:\n  \"web:@T@\": @T@\n");
  const auto fixes = fixes_for(d.text, d.tokens[1].first, d.tokens[1].second, Language::PulumiStackConfig, Names{});
  const Fix* f = find_kind(fixes, FixKind::PulumiConfig);
  REQUIRE(f != nullptr);
  CHECK(f->title == "Remove the plain-text value (then run: pulumi config set --secret <key> <value>)");
}

TEST_CASE("a token outside a config entry's value gets no config fix") {
  for (const char* input : {"encryptionsalt: @T@\n", "config:\n  web:list:\n    - @T@\n", "@T@: x\n",
                            "config: {web:token: @T@}\n", "other:\n  web:token: @T@\n"}) {
    CAPTURE(input);
    CHECK(title_of(input, FixKind::PulumiConfig) == "<no fix>");
  }
  // fix_all removes every entry, also two tokens in one entry.
  const Doc d = make_doc("config:\n  a:b: @T@:@T@\n  a:c: @T@\n  a:d: 1\n");
  CHECK(apply_edits(d.text, fix_all(d.text, d.tokens, Language::PulumiStackConfig, Names{})) == "config:\n  a:d: 1\n");
}
