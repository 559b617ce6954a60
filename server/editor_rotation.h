#pragma once
// The guided rotation in the editor (issue 15, command pulumi-token-lsp.rotateToken): the
// language server's verify::RotationUi. The flow (verify::rotate_token) runs on its own worker
// thread and blocks on each question; every question, report, edit and page goes to the server's
// thread through `post` (BackgroundWork::post), where the Editor callbacks send
// window/showMessageRequest, window/showMessage, workspace/applyEdit and window/showDocument.
// The client's answer comes back to the waiting worker. When `cancel` is set (shutdown, the
// server going away) every wait ends as "no", so the flow stops before its next step.

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "verify/rotation.h"

namespace ptl::server {

class EditorRotationUi final : public verify::RotationUi {
 public:
  // The client's result, or null (an error, or no answer).
  using Answer = std::function<void(const nlohmann::json& result)>;
  // What the server does for the flow; each is called on the server's thread only.
  struct Editor {
    std::function<void(std::string_view method, nlohmann::json params, Answer answer)> request;
    std::function<void(std::string_view method, nlohmann::json params)> notify;
    // The workspace/applyEdit params (label and edit) that put the store's fix in place of the
    // token, or null when the token is no longer where it was (the document changed or closed)
    // or the store has no fix there.
    std::function<nlohmann::json(verify::StoreConfig::Kind kind)> fix_edit;
    bool show_document = false;  // window.showDocument.support
  };
  using Post = std::function<void(std::function<void()>)>;

  EditorRotationUi(Editor editor, Post post, const std::atomic<bool>& cancel);

  // Asks the user to pick one of `choices` (window/showMessageRequest); nullopt when dismissed.
  std::optional<std::size_t> choose(std::string_view question, const std::vector<std::string>& choices);
  // The store the flow writes to, for apply_fix (set before rotate_token runs).
  void set_store_kind(verify::StoreConfig::Kind kind) { kind_ = kind; }

  // Information (or a warning) the user sees: window/showMessage.
  void tell(std::string_view message, bool warning);

  void report(verify::RotationStep step, std::string_view what) override;
  bool confirm(verify::RotationStep step, std::string_view question, std::string_view yes_label) override;
  bool apply_fix(const verify::SecretStore& store) override;
  void open_url(std::string_view url) override;

 private:
  // Sends `method` from the server's thread and waits for its answer (null when cancelled).
  nlohmann::json ask(std::string method, nlohmann::json params);

  // Shared with what is posted: a report may run on the server's thread after the flow ended.
  std::shared_ptr<const Editor> editor_;
  Post post_;
  const std::atomic<bool>& cancel_;
  verify::StoreConfig::Kind kind_ = verify::StoreConfig::Kind::Vault;
};

}  // namespace ptl::server
