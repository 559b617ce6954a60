// Figure 9: should the server parse with tree-sitter on code-action requests (issue 12)?
//
// On a 10 MB TypeScript Pulumi program and a 10 MB Java one (a realistic block of resources,
// helpers, headers and templates repeated with fresh names, one token per 100 KB), it times:
//   - the lexer every code action builds today (remediation's LexedText), the baseline;
//   - one code action's fixes (fixes_for on a token in the middle: lexing plus every decision);
//   - a full tree-sitter parse of the same text (libtree-sitter 0.20.7 from Debian, the
//     grammars' generated parser.c from their npm packages, ABI 14);
// and prints each with its ratio to the baseline measured in the same run. Medians of 5 runs after one untimed run.
// Built only when libtree-sitter and the grammar sources are there (bench/tree_sitter/setup.sh).

#include <tree_sitter/api.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "bench/corpus.h"
#include "remediation/fix_context.h"
#include "remediation/remediation.h"

extern "C" const TSLanguage* tree_sitter_typescript();
extern "C" const TSLanguage* tree_sitter_java();

namespace {

using Clock = std::chrono::steady_clock;
namespace rem = ptl::remediation;

// One untimed run first: the first large allocations of a process pay page faults that later
// runs reuse (the first figure measured was 5x too high without it).
double median_ms(const std::function<void()>& run, int times = 5) {
  run();
  std::vector<double> ms;
  for (int i = 0; i < times; ++i) {
    const auto t0 = Clock::now();
    run();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

// `block` with "@N@" replaced by a counter and "@TOKEN@" by a run-time token (or a placeholder
// word when no token is due), repeated until the text is `bytes` long.
std::string program(const std::string& block, std::size_t bytes, std::vector<std::size_t>& tokens) {
  std::string out;
  std::size_t n = 0, next_token = 0;
  while (out.size() < bytes) {
    std::string b = block;
    for (auto at = b.find("@N@"); at != std::string::npos; at = b.find("@N@")) b.replace(at, 3, std::to_string(n));
    for (auto at = b.find("@TOKEN@"); at != std::string::npos; at = b.find("@TOKEN@")) {
      if (out.size() + at >= next_token) {
        tokens.push_back(out.size() + at);
        b.replace(at, 7, ptl::bench::make_token(n));
        next_token += 100 * 1024;
      } else {
        b.replace(at, 7, "placeholder");
      }
    }
    out += b;
    ++n;
  }
  return out;
}

const char* kTypeScript = R"(const serviceToken@N@ = "@TOKEN@";
const headers@N@: Record<string, string> = { Authorization: "token @TOKEN@", Accept: "application/json" };
const provider@N@ = new pulumiservice.Provider("service@N@", { accessToken: serviceToken@N@ });
new pulumiservice.Webhook("hook@N@", {
    organizationName: "acme",
    displayName: `hook-${stack}-@N@`,
    active: true,
    payloadUrl: pulumi.interpolate`https://hooks.example.com/${stack}?n=@N@&token=@TOKEN@`,
    secret: "@TOKEN@",
}, { provider: provider@N@ });
export async function whoAmI@N@(): Promise<unknown> {
    // Reads the user behind the token.
    const response = await fetch("https://api.pulumi.com/api/user", { headers: headers@N@ });
    return response.json();
}
)";

const char* kJava = R"(class Stack@N@ {
    static final String TOKEN = "@TOKEN@";
    private final String token = "@TOKEN@";

    static void stack(Context ctx) {
        var provider = new Provider("service@N@", ProviderArgs.builder()
            .accessToken("@TOKEN@")
            .build());
        String url = "https://api.pulumi.com/?n=@N@&token=@TOKEN@";
        ctx.export("url@N@", Output.of(url + TOKEN));
    }
}
)";

void row(const char* figure, double value, double baseline, const char* baseline_name) {
  std::printf("%-46s | %9.1f ms | %-24s %9.1f ms | %7.1fx\n", figure, value, baseline_name, baseline,
              value / baseline);
}

void measure(const char* name, const char* block, rem::Language language, const TSLanguage* grammar) {
  std::vector<std::size_t> tokens;
  const std::string text = program(block, 10u << 20, tokens);
  const std::size_t token = tokens[tokens.size() / 2];
  const double action = median_ms([&] {
    const auto fixes = rem::fixes_for(text, token, token + 44, language, rem::Names{});
    if (fixes.empty()) std::printf("no fix?\n");
  });
  const double lex = median_ms([&] { const rem::LexedText doc(text, language); });
  TSParser* parser = ts_parser_new();
  ts_parser_set_language(parser, grammar);
  std::size_t nodes = 0;
  const double parse = median_ms([&] {
    TSTree* tree = ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size()));
    const TSNode at = ts_node_descendant_for_byte_range(ts_tree_root_node(tree), static_cast<uint32_t>(token),
                                                        static_cast<uint32_t>(token + 44));
    nodes += ts_node_is_null(at) ? 0 : 1;
    ts_tree_delete(tree);
  });
  ts_parser_delete(parser);
  std::printf("# %s: %.1f MB, %zu lines, %zu tokens\n", name, text.size() / 1048576.0, ptl::bench::count_lines(text),
              tokens.size());
  row((std::string("9a ") + name + ": lexer (today, per code action)").c_str(), lex, lex, "lexer");
  row((std::string("9b ") + name + ": one code action's fixes (today)").c_str(), action, lex, "lexer");
  row((std::string("9c ") + name + ": tree-sitter full parse").c_str(), parse, lex, "lexer");
}

}  // namespace

int main() {
  measure("TypeScript", kTypeScript, rem::Language::TypeScript, tree_sitter_typescript());
  measure("Java", kJava, rem::Language::Java, tree_sitter_java());
  return 0;
}
