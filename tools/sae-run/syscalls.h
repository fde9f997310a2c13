// Linux arm64 system calls carried out on the s390x host: arguments from X0-X5 and X8, results
// to X0 (-errno on failure), every structure converted between arm64's little-endian layout and
// the host's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>

#include "guest_memory.h"
#include "sae/sae.h"
#include "signals.h"

namespace sae::run {

struct SyscallOptions {
  bool strace = false;          // log each call and its result on stderr
  std::string prefix;           // -L: absolute guest paths are looked up here first
  // How execve starts sae-run again for the new program (with this one's options).
  std::vector<std::string> reexec;
  std::string executable;  // what /proc/self/exe names: the guest program's absolute path
};

struct Process;

// The path the host opens for guest path `path`: under the -L `prefix` if it exists there.
std::string HostPath(const std::string& prefix, const std::string& path);

class Syscalls {
 public:
  Syscalls(Process& process, sae_vcpu* vcpu, Signals& signals);

  struct Exit {
    int status;
    bool process;  // exit_group: every thread; exit: this one
  };
  // Carries out the SVC the vCPU stopped at; says how once the thread exits.
  std::optional<Exit> Handle();

  std::string HostPath(const std::string& path) const { return run::HostPath(options_.prefix, path); }

 private:
  struct Args {
    std::uint64_t a[6];
  };
#define SYSCALL(number, name) std::int64_t name(const Args& args);
#include "syscalls.inc"
#undef SYSCALL

  // Host data written into guest memory: any translation of it is stale.
  void Wrote(std::uint64_t address, std::uint64_t size);
  std::optional<std::string> Path(std::uint64_t address) const;
  std::int64_t Stat(int result, const struct stat& host, std::uint64_t address);
  // struct timespec { s64 sec; s64 nsec; } in guest memory.
  std::optional<struct timespec> LoadTimespec(std::uint64_t address) const;
  bool StoreTimespec(std::uint64_t address, const struct timespec& value) const;
  std::int64_t GetAttribute(const Args& args, bool follow);
  std::int64_t ListAttributes(const Args& args, bool follow);
  // Socket addresses between guest and host layout; GuestAddress stores at most *length_address
  // bytes and the full length there, as Linux.
  std::optional<std::pair<sockaddr_storage, socklen_t>> HostAddress(std::uint64_t address, std::uint64_t length) const;
  std::int64_t GuestAddress(const sockaddr_storage& host, socklen_t length, std::uint64_t address,
                            std::uint64_t length_address);
  std::int64_t Accept(const Args& args, int flags);
  bool StoreRusage(const struct rusage& usage, std::uint64_t address) const;

  Process* process_;
  GuestMemory& memory_;
  sae_vcpu* vcpu_;
  Signals* signals_;
  const SyscallOptions& options_;
  std::optional<Exit> exit_;
  bool returned_from_signal_ = false;  // rt_sigreturn restored every register, x0 included
};

}  // namespace sae::run
