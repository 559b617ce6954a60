// The syntax directive the Dockerfile Environment fix needs: RUN --mount=type=secret,...,env=
// only parses under Dockerfile frontend 1.10 or later.
#include "remediation/dockerfile_fixes.h"

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>

#include "remediation/remediation.h"
#include "tests/remediation/fix_harness.h"

using namespace ptl::remediation;
using namespace ptl::remediation::testing;

namespace {

const std::string kMount = "RUN --mount=type=secret,id=pulumi_access_token,env=T x\n";

// The file "<head>FROM a\nENV T=<token>\nRUN x\n" after the Environment fix: what its head became.
std::string fixed_head(const std::string& head) {
  const std::string out = fixed(head + "FROM a\nENV T=@T@\nRUN x\n", Language::Dockerfile, FixKind::Environment);
  const auto from = out.find("FROM a\n");
  if (from == std::string::npos || out.find(kMount) == std::string::npos) return "<unexpected: " + out + ">";
  return out.substr(0, from);
}

// One row: the head of the file before the fix, and after it.
struct HeadRow {
  const char* head;
  const char* expected;
};

void check_heads(std::initializer_list<HeadRow> rows) {
  for (const HeadRow& row : rows) {
    CAPTURE(row.head);
    CHECK(fixed_head(row.head) == row.expected);
  }
}

}  // namespace

TEST_CASE("a syntax directive older than frontend 1.10 is raised so the env= of the secret mount parses") {
  // Regression: `# syntax=docker/dockerfile:1.4` was kept, and BuildKit then rejected the added
  // mounts with "unexpected key 'env'".
  check_heads({
      {"# syntax=docker/dockerfile:1.4\n", "# syntax=docker/dockerfile:1\n"},
      {"# syntax=docker/dockerfile:1.9.1\n", "# syntax=docker/dockerfile:1\n"},
      {"# syntax=docker/dockerfile:1.0\n", "# syntax=docker/dockerfile:1\n"},
      {"# syntax=docker/dockerfile:1.4-labs\n", "# syntax=docker/dockerfile:1-labs\n"},
      {"# syntax=docker/dockerfile:1.2-experimental\n", "# syntax=docker/dockerfile:1\n"},
      {"# syntax=docker/dockerfile:experimental\n", "# syntax=docker/dockerfile:1\n"},
      {"# syntax=docker/dockerfile:0.9\n", "# syntax=docker/dockerfile:1\n"},
      {"# syntax=docker.io/docker/dockerfile:1.7\n", "# syntax=docker.io/docker/dockerfile:1\n"},
      {"# syntax=docker/dockerfile-upstream:1.5\n", "# syntax=docker/dockerfile-upstream:1\n"},
      {"# syntax=docker/dockerfile:1.4@sha256:0123abcd\n", "# syntax=docker/dockerfile:1\n"},
      // BuildKit's directive form: any case, blanks around the key and '='.
      {"#  Syntax = docker/dockerfile:1.4  \n", "#  Syntax = docker/dockerfile:1  \n"},
      {"#syntax=docker/dockerfile:1.3\n", "#syntax=docker/dockerfile:1\n"},
      // After other directives, which stay.
      {"# escape=`\n# syntax=docker/dockerfile:1.4\n", "# escape=`\n# syntax=docker/dockerfile:1\n"},
      {"# syntax=docker/dockerfile:1.4\r\n", "# syntax=docker/dockerfile:1\r\n"},
  });
}

TEST_CASE("a syntax directive that already allows env= mounts or names another frontend is left as it is") {
  for (const char* head : {"# syntax=docker/dockerfile:1\n", "# syntax=docker/dockerfile:1.10\n",
                           "# syntax=docker/dockerfile:1.12\n", "# syntax=docker/dockerfile:1.10.0\n",
                           "# syntax=docker/dockerfile:1-labs\n", "# syntax=docker/dockerfile:1.14-labs\n",
                           "# syntax=docker/dockerfile:labs\n", "# syntax=docker/dockerfile\n",
                           "# syntax=docker/dockerfile:latest\n", "# syntax=docker/dockerfile@sha256:0123abcd\n",
                           "# syntax=docker/dockerfile-upstream:master\n", "# syntax=example.com/frontend:1.4\n",
                           "# syntax=localhost:5000/docker/dockerfile\n", "# check=skip=all\n# syntax=docker/dockerfile:1\n"}) {
    CAPTURE(head);
    CHECK(fixed_head(head) == head);
  }
}

TEST_CASE("a syntax directive is added at the top when the directives have none") {
  check_heads({
      {"", "# syntax=docker/dockerfile:1\n"},
      {"# escape=`\n", "# syntax=docker/dockerfile:1\n# escape=`\n"},
      // A directive-shaped line after a comment or blank line is a comment: BuildKit stopped looking.
      {"# build the app\n# syntax=docker/dockerfile:1.4\n",
       "# syntax=docker/dockerfile:1\n# build the app\n# syntax=docker/dockerfile:1.4\n"},
      {"\n# syntax=docker/dockerfile:1\n", "# syntax=docker/dockerfile:1\n\n# syntax=docker/dockerfile:1\n"},
      // After a byte order mark, which must stay first.
      {"\xEF\xBB\xBF", "\xEF\xBB\xBF# syntax=docker/dockerfile:1\n"},
  });
  CHECK(fixed("FROM a\r\nRUN curl -H \"token @T@\" x\r\n", Language::Dockerfile, FixKind::Environment) ==
        "# syntax=docker/dockerfile:1\r\nFROM a\r\nRUN --mount=type=secret,id=pulumi_access_token,env=PULUMI_ACCESS_TOKEN "
        "curl -H \"token ${PULUMI_ACCESS_TOKEN}\" x\r\n");
}

TEST_CASE("a dockerfile fix without a secret mount leaves the syntax directive alone") {
  // Outside ENV, ARG and RUN the token becomes ${NAME} and no mount is added.
  CHECK(fixed("# syntax=docker/dockerfile:1.4\nFROM a\nLABEL t=@T@\n", Language::Dockerfile, FixKind::Environment) ==
        "# syntax=docker/dockerfile:1.4\nFROM a\nLABEL t=${PULUMI_ACCESS_TOKEN}\n");
}

TEST_CASE("fixing every token of a dockerfile raises an old syntax directive once") {
  const Doc d = make_doc("# syntax=docker/dockerfile:1.4\nFROM a\nENV T=@T@\nRUN curl -H \"token @T@\" x\n");
  const auto edits = fix_all(d.text, d.tokens, Language::Dockerfile, Names{});
  CHECK(apply_edits(d.text, edits) ==
        "# syntax=docker/dockerfile:1\nFROM a\n"
        "# T is a build secret: docker build --secret id=pulumi_access_token,env=T ...\n"
        // The mounts come in the order of the tokens they are for.
        "RUN --mount=type=secret,id=pulumi_access_token,env=T "
        "--mount=type=secret,id=pulumi_access_token,env=PULUMI_ACCESS_TOKEN "
        "curl -H \"token ${PULUMI_ACCESS_TOKEN}\" x\n");
}
