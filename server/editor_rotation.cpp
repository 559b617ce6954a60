#include "server/editor_rotation.h"

#include <chrono>
#include <future>
#include <memory>

#include <fmt/format.h>

namespace ptl::server {

using nlohmann::json;

EditorRotationUi::EditorRotationUi(Editor editor, Post post, const std::atomic<bool>& cancel)
    : editor_(std::make_shared<const Editor>(std::move(editor))), post_(std::move(post)), cancel_(cancel) {}

json EditorRotationUi::ask(std::string method, json params) {
  auto answer = std::make_shared<std::promise<json>>();
  std::future<json> future = answer->get_future();
  post_([editor = editor_, method = std::move(method), params = std::move(params), answer]() mutable {
    editor->request(method, std::move(params), [answer](const json& result) { answer->set_value(result); });
  });
  // The answer may never come (the client ignores the request, the server goes away): the wait
  // ends when `cancel_` is set. A dropped handler breaks the promise: no answer either.
  while (future.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
    if (cancel_.load()) return nullptr;
  }
  try {
    return future.get();
  } catch (const std::future_error&) {
    return nullptr;
  }
}

std::optional<std::size_t> EditorRotationUi::choose(std::string_view question, const std::vector<std::string>& choices) {
  json actions = json::array();
  for (const std::string& c : choices) actions.push_back({{"title", c}});
  const json answer = ask("window/showMessageRequest", {{"type", 3}, {"message", question}, {"actions", actions}});
  if (!answer.is_object() || !answer.contains("title") || !answer["title"].is_string()) return std::nullopt;
  for (std::size_t i = 0; i < choices.size(); ++i)
    if (answer["title"] == choices[i]) return i;
  return std::nullopt;
}

void EditorRotationUi::tell(std::string_view message, bool warning) {
  post_([editor = editor_, params = json{{"type", warning ? 2 : 3}, {"message", message}}]() mutable {
    editor->notify("window/showMessage", std::move(params));
  });
}

void EditorRotationUi::report(verify::RotationStep step, std::string_view what) {
  tell(fmt::format("Rotation ({}): {}", verify::rotation_step_name(step), what), false);
}

bool EditorRotationUi::confirm(verify::RotationStep, std::string_view question, std::string_view yes_label) {
  const std::vector<std::string> choices = {std::string(yes_label), "Cancel"};
  const std::optional<std::size_t> picked = choose(question, choices);
  return picked && *picked == 0;
}

bool EditorRotationUi::apply_fix(const verify::SecretStore&) {
  auto edit = std::make_shared<std::promise<json>>();
  std::future<json> built = edit->get_future();
  post_([editor = editor_, edit, kind = kind_] { edit->set_value(editor->fix_edit(kind)); });
  while (built.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
    if (cancel_.load()) return false;
  }
  json params;
  try {
    params = built.get();
  } catch (const std::future_error&) {
    return false;
  }
  if (params.is_null()) return false;
  const json answer = ask("workspace/applyEdit", std::move(params));
  return answer.is_object() && answer.value("applied", false);
}

void EditorRotationUi::open_url(std::string_view url) {
  if (editor_->show_document) {
    post_([editor = editor_, params = json{{"uri", url}, {"external", true}}]() mutable {
      editor->request("window/showDocument", std::move(params), [](const json&) {});
    });
  } else {
    tell(fmt::format("Open {}", url), false);
  }
}

}  // namespace ptl::server
