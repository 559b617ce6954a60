#pragma once
// The only place the server touches file descriptors and sockets (Boost.Asio, one io_context).
//
// Reads framed messages, hands each read's complete messages to the server as one batch, then
// flushes diagnostics and writes the queue. stdout carries protocol messages and nothing else.
// A regular file on stdin cannot be registered with epoll, so it is read with blocking reads.

#include <cstddef>
#include <cstdint>

#include "server/language_server.h"
#include "server/logger.h"
#include "server/output_queue.h"

namespace ptl::server {

struct TransportOptions {
  std::size_t max_message_bytes = protocol::MessageReader::kDefaultMaxMessageBytes;
};

// Serves one session on stdin/stdout until `exit`, end of input or SIGTERM/SIGINT. Returns the
// process exit code (LanguageServer::exit_code()).
int serve_stdio(LanguageServer& server, OutputQueue& queue, Logger& log, const TransportOptions& options);

// Listens on 127.0.0.1:port, serves the first client that connects, and returns as above.
int serve_tcp(LanguageServer& server, OutputQueue& queue, Logger& log, std::uint16_t port,
              const TransportOptions& options);

}  // namespace ptl::server
