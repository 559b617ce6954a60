#pragma once
// An in-process stand-in of the Pulumi Cloud token API, for the rotation tests: the shapes of the
// real one (pulumi.com/docs/reference/cloud-rest-api: api-basics, access-tokens,
// personal-access-tokens; the calls of pulumi/pulumi-pulumiservice's provider/pkg/pulumiapi
// accesstokens.go, orgtokens.go, teamtokens.go):
//   GET    /api/user                                        {"githubLogin", "tokenInfo": {"name", "organization", "team"}}
//   GET    /api/user/tokens | /api/orgs/{org}/tokens | /api/orgs/{org}/teams/{team}/tokens
//                                                           {"tokens": [{"id", "name", "description", "lastUsed"}]}
//   POST   the same                                         {"description", "expires"[, "name"]} -> {"id", "tokenValue"}
//   DELETE the same + "/{id}"                               204
// It records every request and checks the Authorization headers: the leaked token is accepted
// only by GET /api/user.

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/unit/test_tokens.h"
#include "verify/https_client.h"

namespace ptl::testing {

class PulumiApiStandIn {
 public:
  struct Token {
    std::string id, name, description, value;
    long long last_used = 0;
  };

  std::string backend = "https://api.pulumi.test";
  std::string user_login = "alice";    // whose the user's credentials are
  std::string user_credentials = make_token(101);
  // The leaked token: its owner and tokenInfo as GET /api/user gives them; live while in a list.
  std::string leaked = make_token(202);
  std::string leaked_owner = "alice";
  nlohmann::json leaked_info = {{"name", "laptop"}};
  // Token lists by path ("/api/user/tokens", "/api/orgs/acme/tokens", ...).
  std::map<std::string, std::vector<Token>> lists;
  int user_status = 200;    // GET /api/user's status when not 200 (500: unknown)
  int create_status = 200;
  int delete_status = 204;
  int list_status = 200;
  std::string new_value = make_token(303);  // what the next create returns

  struct Seen {
    std::string method, path, authorization, body;
  };
  std::vector<Seen> seen;
  bool leaked_misused = false;  // the leaked token was sent anywhere but GET /api/user

  PulumiApiStandIn() {
    lists["/api/user/tokens"] = {{"t-leaked", "", "laptop", leaked, 1714560000},
                                 {"t-other", "", "ci-server", make_token(404), 0}};
  }

  bool live(const std::string& value) const {
    for (const auto& [path, tokens] : lists)
      for (const Token& t : tokens)
        if (t.value == value) return true;
    return false;
  }

  verify::HttpsTransport transport() {
    return [this](const verify::HttpsRequest& r) { return answer(r); };
  }

 private:
  static verify::HttpsResult status(int code, std::string body = {}) {
    verify::HttpsResult result;
    result.response = verify::HttpsResponse{};
    result.response->status = code;
    result.response->body = std::move(body);
    return result;
  }

  verify::HttpsResult answer(const verify::HttpsRequest& r) {
    std::string auth;
    for (const auto& [name, value] : r.headers)
      if (name == "Authorization") auth = value;
    if (r.url.rfind(backend, 0) != 0) return status(404);
    const std::string path = r.url.substr(backend.size());
    seen.push_back({r.method, path, auth, r.body});
    const std::string token = auth.rfind("token ", 0) == 0 ? auth.substr(6) : std::string();
    if (path == "/api/user" && r.method == "GET") {
      if (user_status != 200) return status(user_status);
      if (token == leaked) {
        if (!live(leaked)) return status(401);
        return status(200, nlohmann::json({{"githubLogin", leaked_owner}, {"tokenInfo", leaked_info}}).dump());
      }
      if (token == user_credentials) return status(200, nlohmann::json({{"githubLogin", user_login}}).dump());
      return status(401);
    }
    if (token == leaked) leaked_misused = true;
    if (token != user_credentials) return status(401);
    if (lists.count(path) != 0) {
      if (r.method == "GET") {
        if (list_status != 200) return status(list_status);
        nlohmann::json list = nlohmann::json::array();
        for (const Token& t : lists[path])
          list.push_back({{"id", t.id}, {"name", t.name}, {"description", t.description}, {"lastUsed", t.last_used}});
        return status(200, nlohmann::json({{"tokens", list}}).dump());
      }
      if (r.method == "POST") {
        if (create_status != 200) return status(create_status);
        const nlohmann::json body = nlohmann::json::parse(r.body, nullptr, false);
        const std::string id = "t-new-" + std::to_string(seen.size());
        lists[path].push_back({id, body.value("name", ""), body.value("description", ""), new_value, 0});
        return status(200, nlohmann::json({{"id", id}, {"tokenValue", new_value}}).dump());
      }
    }
    const std::size_t slash = path.rfind('/');
    if (r.method == "DELETE" && slash != std::string::npos && lists.count(path.substr(0, slash)) != 0) {
      if (delete_status != 204) return status(delete_status);
      auto& list = lists[path.substr(0, slash)];
      const std::string id = path.substr(slash + 1);
      for (auto it = list.begin(); it != list.end(); ++it) {
        if (it->id == id) {
          list.erase(it);
          return status(204);
        }
      }
      return status(404);
    }
    return status(404);
  }
};

}  // namespace ptl::testing
