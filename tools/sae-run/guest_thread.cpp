#include "guest_thread.h"

#include <linux/futex.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <thread>

namespace sae::run {

namespace {

// Linux's si_code values for the faults (SEGV_MAPERR, ILL_ILLOPC, TRAP_BRKPT, BUS_ADRALN).
constexpr int kFaultCode = 1;

// Ends the host process; other threads may still be running, so no static destructors.
[[noreturn]] void EndProcess(int status) {
  std::fflush(nullptr);
  std::_Exit(status);
}

// A fault Linux turns into a signal the guest does not handle: a one-line report, and the
// shell's status for a death by that signal.
[[noreturn]] void Die(const Process& process, int signal, const sae_control_block& cb, bool has_address) {
  const char* name = sigabbrev_np(signal);
  std::fprintf(stderr, "sae-run: %s: guest killed by SIG%s at pc 0x%llx", process.program.c_str(),
               name != nullptr ? name : "?", static_cast<unsigned long long>(cb.pc));
  if (has_address) std::fprintf(stderr, ", address 0x%llx", static_cast<unsigned long long>(cb.far));
  std::fprintf(stderr, "\n");
  EndProcess(128 + signal);
}

// Why the thread's vCPU came back to sae-run, and how long it spent in sae_run().
struct Exits {
  unsigned long long system_calls = 0, register_traps = 0, faults = 0, stops = 0;
  std::chrono::steady_clock::duration in_libsae{};
};

void PrintStats(sae_vcpu* vcpu, const Exits& exits) {
  sae_vcpu_statistics stats{};
  sae_vcpu_stats(vcpu, &stats);
  const auto milliseconds = [](double nanoseconds) { return nanoseconds / 1e6; };
  const double total = static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(exits.in_libsae).count());
  const double translating = static_cast<double>(stats.translation_nanoseconds);
  std::fprintf(stderr,
               "sae-run: %llu blocks (%llu guest instructions) translated in %.1f ms; %.1f ms running "
               "guest code\n"
               "sae-run: exits: %llu system calls, %llu system register traps, %llu faults, %llu stops; "
               "%llu dispatches, %llu page exits, %llu code cache flushes, %llu not translated\n",
               static_cast<unsigned long long>(stats.blocks_translated),
               static_cast<unsigned long long>(stats.guest_instructions_translated), milliseconds(translating),
               milliseconds(total - translating), exits.system_calls, exits.register_traps, exits.faults,
               exits.stops, static_cast<unsigned long long>(stats.dispatches),
               static_cast<unsigned long long>(stats.page_exits),
               static_cast<unsigned long long>(stats.code_flushes),
               static_cast<unsigned long long>(stats.not_translated));
}

// MRS of an ID register at EL0 traps to the kernel, which answers it (HWCAP_CPUID).
bool EmulateSystemRegisterRead(sae_vcpu* vcpu, sae_control_block& cb) {
  const std::uint64_t iss = cb.esr & 0x1ffffff;
  if ((iss & 1) == 0) return false;  // a write
  const auto field = [&](unsigned shift, unsigned bits) {
    return static_cast<std::uint32_t>((iss >> shift) & ((1u << bits) - 1));
  };
  const std::uint32_t op0 = field(20, 2), op2 = field(17, 3), op1 = field(14, 3), crn = field(10, 4),
                      rt = field(5, 5), crm = field(1, 4);
  std::uint64_t value = 0;
  if (op0 != 3 || op1 != 0 || crn != 0 ||
      sae_vcpu_get_sysreg(vcpu, SAE_SYSREG(op0, op1, crn, crm, op2), &value) != 0) {
    return false;
  }
  if (rt != 31) cb.x[rt] = value;
  cb.pc += 4;
  return true;
}

// Runs the thread until it exits; returns how.
Syscalls::Exit RunVcpu(Process& process, sae_vcpu* vcpu, bool main_thread) {
  Signals signals(process.memory, vcpu, process.actions, main_thread);
  Syscalls syscalls(process, vcpu, signals);
  sae_control_block& cb = *sae_vcpu_control_block(vcpu);
  Exits exits;
  for (;;) {
    if (const auto fatal = signals.DeliverPending()) {
      // A pending signal whose action is the default: the host takes it the same way.
      ::signal(*fatal, SIG_DFL);
      ::kill(::getpid(), *fatal);
      Die(process, *fatal, cb, false);
    }
    const auto entered = std::chrono::steady_clock::now();
    const int intercept = sae_run(vcpu);
    exits.in_libsae += std::chrono::steady_clock::now() - entered;
    if (intercept < 0) {
      std::fprintf(stderr, "sae-run: libsae cannot run the vCPU (error %d)\n", intercept);
      EndProcess(1);
    }
    if (intercept == SAE_INTERCEPT_HOST_ACCESS) {
      ++exits.faults;
      if (!signals.DeliverFault(SIGSEGV, kFaultCode, cb.far)) Die(process, SIGSEGV, cb, true);
      continue;
    }
    if (intercept != SAE_INTERCEPT_SYNC_EXCEPTION) {
      ++exits.stops;
      continue;
    }
    const unsigned exception_class = static_cast<unsigned>(cb.esr >> 26);
    if (exception_class == SAE_EC_SVC64) {
      ++exits.system_calls;
    } else if (exception_class == SAE_EC_SYS64) {
      ++exits.register_traps;
    } else {
      ++exits.faults;
    }
    switch (exception_class) {
      case SAE_EC_SVC64:
        if (const auto exit = syscalls.Handle()) {
          if (process.stats && (exit->process || main_thread)) PrintStats(vcpu, exits);
          return *exit;
        }
        break;
      case SAE_EC_SYS64:
        if (!EmulateSystemRegisterRead(vcpu, cb) && !signals.DeliverFault(SIGILL, kFaultCode, cb.pc)) {
          Die(process, SIGILL, cb, false);
        }
        break;
      case SAE_EC_BRK64:
        if (!signals.DeliverFault(SIGTRAP, kFaultCode, cb.pc)) Die(process, SIGTRAP, cb, false);
        break;
      case SAE_EC_DABT_LOW:  // alignment
      case SAE_EC_PC_ALIGNMENT:
        if (!signals.DeliverFault(SIGBUS, kFaultCode, cb.far)) Die(process, SIGBUS, cb, true);
        break;
      default:
        if (!signals.DeliverFault(SIGILL, kFaultCode, cb.pc)) Die(process, SIGILL, cb, false);
    }
  }
}

}  // namespace

void RunMainThread(Process& process, sae_vcpu* vcpu) {
  const Syscalls::Exit exit = RunVcpu(process, vcpu, true);
  if (!exit.process) {
    // exit() of the first thread: the process lives on until its other threads have exited.
    std::unique_lock lock(process.mutex);
    process.thread_exited.wait(lock, [&] { return process.other_threads == 0; });
  }
  EndProcess(exit.status);
}

std::int64_t StartThread(Process& process, const sae_control_block& parent, std::uint64_t flags,
                         std::uint64_t stack, std::uint64_t parent_tid, std::uint64_t tls,
                         std::uint64_t child_tid) {
  constexpr std::uint64_t kSetTls = 0x80000, kParentSetTid = 0x100000, kChildClearTid = 0x200000,
                          kChildSetTid = 0x1000000;
  sae_vcpu* vcpu = nullptr;
  if (const int error = sae_vcpu_create(process.vm, &vcpu); error != 0) return error;
  sae_control_block& cb = *sae_vcpu_control_block(vcpu);
  std::copy(std::begin(parent.x), std::end(parent.x), std::begin(cb.x));
  cb.x[0] = 0;
  cb.sp_el0 = stack != 0 ? stack : parent.sp_el0;
  cb.pc = parent.pc;
  cb.pstate = parent.pstate;
  cb.fpcr = parent.fpcr;
  cb.fpsr = parent.fpsr;
  std::copy(&parent.v[0][0], &parent.v[0][0] + 64, &cb.v[0][0]);  // Linux copies the FP/SIMD state too
  cb.tpidr_el0 = (flags & kSetTls) ? tls : parent.tpidr_el0;
  cb.tpidrro_el0 = parent.tpidrro_el0;
  {
    const std::lock_guard lock(process.mutex);
    ++process.other_threads;
  }
  std::promise<pid_t> started;
  auto tid = started.get_future();
  std::thread([&process, vcpu, flags, parent_tid, child_tid, &started] {
    // Both ids are in place before the thread runs and before clone() returns, as in Linux: a
    // thread that exits at once must not have its cleared id overwritten afterwards.
    const pid_t self = ::gettid();
    if (flags & kParentSetTid) process.memory.Store<std::int32_t>(parent_tid, self);
    if (flags & kChildSetTid) process.memory.Store<std::int32_t>(child_tid, self);
    started.set_value(self);
    const Syscalls::Exit exit = RunVcpu(process, vcpu, false);
    if (exit.process) EndProcess(exit.status);
    if (flags & kChildClearTid) {
      // The thread library's join waits on this word: zero it and wake the waiter.
      process.memory.Store<std::int32_t>(child_tid, 0);
      if (std::uint8_t* word = process.memory.Host(child_tid, 4)) {
        ::syscall(SYS_futex, word, FUTEX_WAKE, 1 << 30, nullptr, nullptr, 0);
      }
    }
    sae_vcpu_destroy(vcpu);
    const std::lock_guard lock(process.mutex);
    --process.other_threads;
    process.thread_exited.notify_all();
  }).detach();
  return tid.get();
}

}  // namespace sae::run
