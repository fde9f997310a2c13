#include "reference.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <istream>
#include <sstream>

namespace sae::fuzz {
namespace {

// Reads a file descriptor through a buffer, for std::istream.
class FdInputBuffer final : public std::streambuf {
 public:
  explicit FdInputBuffer(int fd) : fd_(fd) {}
  ~FdInputBuffer() override { close(fd_); }

 protected:
  int_type underflow() override {
    ssize_t count = 0;
    do {
      count = read(fd_, buffer_, sizeof buffer_);
    } while (count < 0 && errno == EINTR);
    if (count <= 0) return traits_type::eof();
    setg(buffer_, buffer_, buffer_ + count);
    return traits_type::to_int_type(buffer_[0]);
  }

 private:
  int fd_;
  char buffer_[65536];
};

bool WriteAll(int fd, const std::string& text) {
  for (std::size_t done = 0; done < text.size();) {
    const ssize_t count = write(fd, text.data() + done, text.size() - done);
    if (count < 0 && errno == EINTR) continue;
    if (count <= 0) return false;
    done += static_cast<std::size_t>(count);
  }
  return true;
}

}  // namespace

ProcessReference::ProcessReference(std::string name, std::vector<std::string> argv)
    : name_(std::move(name)), argv_(std::move(argv)) {
  // A dead reference must be an error on the next write, not the end of sae-fuzz.
  signal(SIGPIPE, SIG_IGN);
  Start();
}

ProcessReference::~ProcessReference() { Stop(); }

bool ProcessReference::Start() {
  int to[2], from[2], exec_failed[2];
  if (pipe(to) != 0 || pipe(from) != 0 || pipe2(exec_failed, O_CLOEXEC) != 0) {
    error_ = std::string("cannot create pipes: ") + std::strerror(errno);
    return false;
  }
  pid_ = fork();
  if (pid_ == 0) {
    dup2(to[0], 0);
    dup2(from[1], 1);
    close(to[0]);
    close(to[1]);
    close(from[0]);
    close(from[1]);
    close(exec_failed[0]);
    std::vector<char*> argv;
    for (std::string& argument : argv_) argv.push_back(argument.data());
    argv.push_back(nullptr);
    execvp(argv[0], argv.data());
    const int error = errno;
    (void)!write(exec_failed[1], &error, sizeof error);
    _exit(127);
  }
  close(to[0]);
  close(from[1]);
  close(exec_failed[1]);
  int exec_error = 0;
  const bool exec_ok = pid_ > 0 && read(exec_failed[0], &exec_error, sizeof exec_error) == 0;
  close(exec_failed[0]);
  to_child_ = to[1];
  from_child_buffer_ = std::make_unique<FdInputBuffer>(from[0]);
  from_child_ = std::make_unique<std::istream>(from_child_buffer_.get());
  reader_ = std::make_unique<TraceReader>(*from_child_);
  if (!exec_ok) {
    error_ = "cannot run " + argv_[0] + ": " + std::strerror(pid_ > 0 ? exec_error : errno);
    return false;
  }
  std::ostringstream header;
  TraceWriter writer(header);
  if (!WriteAll(to_child_, header.str())) {
    error_ = argv_[0] + " does not read its input";
    return false;
  }
  return true;
}

void ProcessReference::Stop() {
  if (to_child_ >= 0) close(to_child_);
  to_child_ = -1;
  reader_.reset();
  from_child_.reset();
  from_child_buffer_.reset();
  if (pid_ > 0) waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

bool ProcessReference::Run(Case& c) {
  Case question = c;
  question.out.reset();
  std::ostringstream text;
  TraceWriter(text).Write(question);
  const std::string case_text = text.str();
  // Only the case, not the header TraceWriter put before it.
  const bool sent = WriteAll(to_child_, case_text.substr(case_text.find('\n') + 1));
  try {
    std::optional<Case> answer = sent ? reader_->Next() : std::nullopt;
    if (answer && answer->id == c.id && answer->out) {
      c.out = std::move(answer->out);
      return true;
    }
  } catch (const TraceError&) {
    // An answer cut short by the program's death: restarted below like any other.
  }
  Stop();
  Start();
  return false;
}

std::string InProcessUnicorn::name() const { return "unicorn (in-process)"; }

bool InProcessUnicorn::Run(Case& c) {
  c.out = unicorn_.Run(c);
  return true;
}

}  // namespace sae::fuzz
