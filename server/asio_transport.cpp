#include "server/asio_transport.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <optional>
#include <vector>

#include <boost/asio.hpp>

namespace ptl::server {
namespace {

namespace asio = boost::asio;

constexpr std::size_t kReadSize = 1 << 20;

// Feeds bytes to the reader and the complete messages to the server. Returns false once the
// server was asked to exit.
bool process(protocol::MessageReader& reader, LanguageServer& server, const char* data, std::size_t n) {
  reader.feed(std::string_view(data, n));
  std::vector<std::string> bodies;
  protocol::FramingEvent ev;
  while (reader.next(ev)) {
    if (ev.kind == protocol::FramingEvent::Kind::Message) {
      bodies.push_back(std::move(ev.body));
    } else {
      if (!bodies.empty()) server.handle_batch(std::exchange(bodies, {}));
      server.handle_framing_event(ev);
    }
  }
  if (!bodies.empty()) server.handle_batch(std::move(bodies));
  server.flush();
  return !server.exit_requested();
}

bool write_all(int fd, const std::string& s, Logger& log) {
  std::size_t done = 0;
  while (done < s.size()) {
    ssize_t n = ::write(fd, s.data() + done, s.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      log.error("write to output failed: {}", std::strerror(errno));
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

void log_end_of_input(const protocol::MessageReader& reader, const LanguageServer& server, Logger& log) {
  if (!reader.at_message_boundary()) log.error("input ended in the middle of a message");
  if (!server.exit_requested()) log.info("input closed without exit");
}

volatile std::sig_atomic_t g_stop_signal = 0;

extern "C" void note_stop_signal(int sig) { g_stop_signal = sig; }

// SIGTERM and SIGINT for the blocking loop: the handler only records the signal, and without
// SA_RESTART a blocked read() returns EINTR, so the loop stops between messages, as the Asio
// loop does with its signal_set. A write in progress is finished first (write_all retries EINTR).
void catch_stop_signals() {
  struct sigaction sa {};
  sa.sa_handler = note_stop_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  ::sigaction(SIGTERM, &sa, nullptr);
  ::sigaction(SIGINT, &sa, nullptr);
}

// Blocking loop for a regular file on stdin or stdout (written with blocking writes).
int serve_blocking(LanguageServer& server, OutputQueue& queue, Logger& log, const TransportOptions& options) {
  catch_stop_signals();
  protocol::MessageReader reader(options.max_message_bytes);
  std::vector<char> buf(kReadSize);
  bool ok = true;
  while (ok) {
    ssize_t n = g_stop_signal ? -1 : ::read(STDIN_FILENO, buf.data(), buf.size());
    if (g_stop_signal) {
      log.error("terminated by signal {}", static_cast<int>(g_stop_signal));
      break;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      log_end_of_input(reader, server, log);
      break;
    }
    bool more = process(reader, server, buf.data(), static_cast<std::size_t>(n));
    while (ok && !queue.empty()) ok = write_all(STDOUT_FILENO, queue.pop(), log);
    if (!more) break;
  }
  while (ok && !queue.empty()) ok = write_all(STDOUT_FILENO, queue.pop(), log);
  return server.exit_code();
}

// One session over an input stream and an output stream (the same socket for TCP).
template <class In, class Out>
class Session {
 public:
  Session(asio::io_context& io, In& in, Out& out, LanguageServer& server, OutputQueue& queue, Logger& log,
          const TransportOptions& options)
      : io_(io), in_(in), out_(out), server_(server), queue_(queue), log_(log), reader_(options.max_message_bytes),
        buf_(kReadSize), signals_(io, SIGTERM, SIGINT) {}

  // The server's background work (workspace scans, history) reports on another thread: its
  // completions are run here, on the thread that owns the server, and what they publish is written.
  ~Session() { server_.set_background_notify(nullptr); }

  void start() {
    server_.set_background_notify([this] {
      asio::post(io_, [this] {
        server_.drain_background();
        server_.flush();
        write();
      });
    });
    signals_.async_wait([this](const boost::system::error_code& ec, int sig) {
      if (ec) return;
      log_.error("terminated by signal {}", sig);
      io_.stop();
    });
    read();
  }

 private:
  void read() {
    in_.async_read_some(asio::buffer(buf_), [this](const boost::system::error_code& ec, std::size_t n) {
      if (ec) {
        if (ec != asio::error::eof) log_.error("read failed: {}", ec.message());
        log_end_of_input(reader_, server_, log_);
        finish();
        return;
      }
      bool more = process(reader_, server_, buf_.data(), n);
      write();
      if (more) read();
      else finish();
    });
  }

  void write() {
    if (writing_ || queue_.empty()) return;
    writing_ = true;
    current_ = queue_.pop();
    asio::async_write(out_, asio::buffer(current_), [this](const boost::system::error_code& ec, std::size_t) {
      writing_ = false;
      if (ec) {
        log_.error("write failed: {}", ec.message());
        io_.stop();
        return;
      }
      write();
      if (finishing_ && !writing_) io_.stop();
    });
  }

  void finish() {
    finishing_ = true;
    write();
    if (!writing_) io_.stop();
  }

  asio::io_context& io_;
  In& in_;
  Out& out_;
  LanguageServer& server_;
  OutputQueue& queue_;
  Logger& log_;
  protocol::MessageReader reader_;
  std::vector<char> buf_;
  asio::signal_set signals_;
  std::string current_;
  bool writing_ = false;
  bool finishing_ = false;
};

bool is_regular_file(int fd) {
  struct stat st {};
  return ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

// Asks for 1 MiB pipe buffers on stdin and stdout when they are pipes (the unprivileged
// maximum by default; failure changes nothing). With the default 64 KiB, a 600 KB diagnostics
// list (1,000 findings) crossed in about ten write/wake-up rounds between the two processes.
void enlarge_pipes() {
  for (int fd : {STDIN_FILENO, STDOUT_FILENO}) {
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode)) ::fcntl(fd, F_SETPIPE_SZ, 1 << 20);
  }
}

}  // namespace

int serve_stdio(LanguageServer& server, OutputQueue& queue, Logger& log, const TransportOptions& options) {
  enlarge_pipes();
  if (is_regular_file(STDIN_FILENO) || is_regular_file(STDOUT_FILENO))
    return serve_blocking(server, queue, log, options);
  asio::io_context io(1);
  asio::posix::stream_descriptor in(io), out(io);
  boost::system::error_code ec_in, ec_out;
  in.assign(::dup(STDIN_FILENO), ec_in);
  out.assign(::dup(STDOUT_FILENO), ec_out);
  if (ec_in || ec_out) {
    log.info("stdin/stdout cannot be polled ({}); using blocking reads", (ec_in ? ec_in : ec_out).message());
    return serve_blocking(server, queue, log, options);
  }
  Session<asio::posix::stream_descriptor, asio::posix::stream_descriptor> session(io, in, out, server, queue, log,
                                                                                   options);
  session.start();
  io.run();
  return server.exit_code();
}

int serve_tcp(LanguageServer& server, OutputQueue& queue, Logger& log, std::uint16_t port,
              const TransportOptions& options) {
  asio::io_context io(1);
  boost::system::error_code ec;
  asio::ip::tcp::acceptor acceptor(io);
  asio::ip::tcp::endpoint endpoint(asio::ip::make_address_v4("127.0.0.1"), port);
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(1, ec);
  if (ec) {
    log.error("cannot listen on 127.0.0.1:{}: {}", port, ec.message());
    return 1;
  }
  log.info("listening on 127.0.0.1:{}", acceptor.local_endpoint().port());
  asio::ip::tcp::socket socket(io);
  acceptor.accept(socket, ec);
  if (ec) {
    log.error("accept failed: {}", ec.message());
    return 1;
  }
  acceptor.close();
  log.info("client connected");
  Session<asio::ip::tcp::socket, asio::ip::tcp::socket> session(io, socket, socket, server, queue, log, options);
  session.start();
  io.run();
  return server.exit_code();
}

}  // namespace ptl::server
