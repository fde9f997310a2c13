// The guest process's threads: each is a host thread running its own vCPU of the process's VM,
// playing the kernel for it (system calls, faults, signals) until it exits.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

#include "guest_memory.h"
#include "sae/sae.h"
#include "signals.h"
#include "syscalls.h"

namespace sae::run {

// What the threads of one guest process share.
struct Process {
  GuestMemory& memory;
  sae_vm* vm;
  SyscallOptions syscall_options;
  std::string program;  // for reports
  bool stats = false;
  SignalActions actions;
  // Threads other than the first still running, for an exit() of the first to wait for.
  std::mutex mutex;
  std::condition_variable thread_exited;
  int other_threads = 0;
};

// Runs the guest thread of `vcpu` (its control block set up) until it exits; a process exit
// (exit_group, or the last thread's exit) ends the host process.
[[noreturn]] void RunMainThread(Process& process, sae_vcpu* vcpu);

// Starts a thread for clone(CLONE_THREAD): a new vCPU with `parent`'s registers, X0 = 0, the
// given SP and, with CLONE_SETTLS, TPIDR_EL0; its id stored for CLONE_PARENT_SETTID and
// CLONE_CHILD_SETTID before it runs. Returns its thread id, or -errno.
std::int64_t StartThread(Process& process, const sae_control_block& parent, std::uint64_t flags,
                         std::uint64_t stack, std::uint64_t parent_tid, std::uint64_t tls,
                         std::uint64_t child_tid);

}  // namespace sae::run
