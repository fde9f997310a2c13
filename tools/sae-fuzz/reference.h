// The references sae-fuzz compares libsae with, behind one interface: a reference program that
// answers a stream of trace cases (the host-native Unicorn build, or the arm64 runner under
// qemu-aarch64), or Unicorn in this process (the s390x build, with its big-endian bugs).
#pragma once

#include <sys/types.h>

#include <memory>
#include <streambuf>
#include <string>
#include <vector>

#include "trace.h"
#include "unicorn_reference.h"

namespace sae::fuzz {

class Reference {
 public:
  virtual ~Reference() = default;
  virtual std::string name() const = 0;
  // Fills c.out. False if the reference could not answer: its program died on this case.
  virtual bool Run(Case& c) = 0;
};

// A program that reads a trace on stdin and writes it back with results on stdout, one case at
// a time (docs/trace-format.md, "Reference programs"). Restarted if it dies.
class ProcessReference final : public Reference {
 public:
  ProcessReference(std::string name, std::vector<std::string> argv);
  ~ProcessReference() override;
  // Empty when the program runs, else why not.
  const std::string& error() const { return error_; }
  std::string name() const override { return name_; }
  bool Run(Case& c) override;

 private:
  bool Start();
  void Stop();

  std::string name_;
  std::vector<std::string> argv_;
  pid_t pid_ = -1;
  int to_child_ = -1;
  std::unique_ptr<std::streambuf> from_child_buffer_;
  std::unique_ptr<std::istream> from_child_;
  std::unique_ptr<TraceReader> reader_;
  std::string error_;
};

class InProcessUnicorn final : public Reference {
 public:
  const std::string& error() const { return unicorn_.error(); }
  std::string name() const override;
  bool Run(Case& c) override;

 private:
  UnicornReference unicorn_;
};

}  // namespace sae::fuzz
