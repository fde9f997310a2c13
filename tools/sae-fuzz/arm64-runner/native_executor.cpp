#include "native_executor.h"

#include <asm/sigcontext.h>
#include <signal.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/time.h>
#include <ucontext.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

extern "C" {
void sae_runner_run_case();
extern const std::uint32_t sae_runner_switch_trap[];
void sae_runner_signal_entry(int signal, siginfo_t* info, void* context);
// The runner's thread pointer, which switch.S reinstalls on every signal.
std::uint64_t sae_runner_host_tpidr_el0;
}

namespace sae::fuzz::arm64_runner {
namespace {

constexpr std::uint64_t kNzcvMask = 0xf0000000;
constexpr std::uint32_t kSvcMask = 0xffe0001f, kSvcBits = 0xd4000001;
// BRK #0x5ae: ends the case with SIGTRAP at its own address, the `exception` an SVC is.
constexpr std::uint32_t kSvcStandIn = 0xd420b5c0;
constexpr int kTimerSignal = SIGVTALRM;
constexpr int kCaseSignals[] = {SIGILL, SIGSEGV, SIGBUS, SIGTRAP, kTimerSignal};

// Everything the signal handler needs, in one place. Only the handler writes it while a case runs.
struct Switch {
  std::uint64_t window_base = 0;
  std::uint64_t window_size = 0;
  itimerval timeout{};
  // Set by Run(), consumed by the handler at the switch trap.
  std::uint64_t entry = 0;
  Registers in{};
  // The runner's context at the switch trap, put back when the case stops.
  std::uint64_t host_regs[31]{};
  std::uint64_t host_sp = 0;
  std::uint64_t host_pc = 0;
  std::uint64_t host_pstate = 0;
  volatile sig_atomic_t case_running = 0;
  // What the case ended with. Not an Outcome: the handler must not touch its vector.
  Registers final_registers{};
  std::uint64_t final_pc = 0;
  Stop stop = Stop::kStop;
};
Switch the_switch;

// Large enough for a signal frame with SVE or SME state on hardware that has them.
alignas(16) std::uint8_t signal_stack[256 * 1024];

[[noreturn]] void Die(const char* what) {
  std::fprintf(stderr, "sae-fuzz-arm64-runner: %s: %s\n", what, std::strerror(errno));
  std::exit(2);
}

void SetTimer(const itimerval& value) { setitimer(ITIMER_VIRTUAL, &value, nullptr); }

Stop StopFor(int signal, std::uint64_t pc) {
  switch (signal) {
    case SIGILL: {
      const bool in_window = pc >= the_switch.window_base &&
                             pc - the_switch.window_base <= the_switch.window_size - 4 &&
                             pc % 4 == 0;
      return in_window && *reinterpret_cast<const std::uint32_t*>(pc) == kStopWord
                 ? Stop::kStop
                 : Stop::kUndefined;
    }
    case SIGSEGV:
    case SIGBUS:
      return Stop::kFault;
    case SIGTRAP:
      return Stop::kException;
    default:
      return Stop::kTimeout;
  }
}

// The SIMD&FP registers, FPCR and FPSR of a signal frame: the kernel's FPSIMD record, one of the
// records in the frame's reserved area (Linux's arch/arm64 signal ABI). The kernel loads them
// from there on sigreturn, as it does the general registers.
fpsimd_context& FpsimdRecord(mcontext_t& context) {
  std::uint8_t* record = context.__reserved;
  for (;;) {
    auto* head = reinterpret_cast<_aarch64_ctx*>(record);
    if (head->magic == FPSIMD_MAGIC) return *reinterpret_cast<fpsimd_context*>(record);
    if (head->magic == 0 || head->size == 0) {
      // Without it the case's SIMD&FP state cannot be set: the runner cannot work at all.
      std::fputs("sae-fuzz-arm64-runner: the signal frame has no FPSIMD record\n", stderr);
      std::_Exit(2);
    }
    record += head->size;
  }
}

// V registers as a trace holds them (bits 63:0, then 127:64) and as the frame does (__uint128_t)
// are the same value on this little-endian CPU.
void SetVectorState(fpsimd_context& fpsimd, const Registers& in) {
  for (std::size_t n = 0; n < in.v.size(); ++n) {
    fpsimd.vregs[n] = static_cast<__uint128_t>(in.v[n][1]) << 64 | in.v[n][0];
  }
  fpsimd.fpcr = in.fpcr;
  fpsimd.fpsr = in.fpsr;
}

void GetVectorState(const fpsimd_context& fpsimd, Registers& out) {
  for (std::size_t n = 0; n < out.v.size(); ++n) {
    out.v[n] = {static_cast<std::uint64_t>(fpsimd.vregs[n]),
                static_cast<std::uint64_t>(fpsimd.vregs[n] >> 64)};
  }
  out.fpcr = fpsimd.fpcr;
  out.fpsr = fpsimd.fpsr;
}

std::uint64_t EnterCase(mcontext_t& context) {
  std::memcpy(the_switch.host_regs, context.regs, sizeof the_switch.host_regs);
  the_switch.host_sp = context.sp;
  the_switch.host_pc = context.pc;
  the_switch.host_pstate = context.pstate;
  std::copy(the_switch.in.x.begin(), the_switch.in.x.end(), std::begin(context.regs));
  context.sp = the_switch.in.sp;
  context.pc = the_switch.entry;
  context.pstate = (context.pstate & ~kNzcvMask) | (the_switch.in.nzcv & kNzcvMask);
  SetVectorState(FpsimdRecord(context), the_switch.in);
  the_switch.case_running = 1;
  SetTimer(the_switch.timeout);
  return the_switch.in.tpidr_el0;
}

// The runner's own SIMD&FP state is not put back: sae_runner_run_case restores what it must keep.
std::uint64_t LeaveCase(int signal, mcontext_t& context, std::uint64_t case_tpidr_el0) {
  SetTimer(itimerval{});
  the_switch.case_running = 0;
  Registers& final_registers = the_switch.final_registers;
  std::copy(std::begin(context.regs), std::end(context.regs), final_registers.x.begin());
  final_registers.sp = context.sp;
  final_registers.nzcv = context.pstate & kNzcvMask;
  final_registers.tpidr_el0 = case_tpidr_el0;
  GetVectorState(FpsimdRecord(context), final_registers);
  the_switch.final_pc = context.pc;
  the_switch.stop = StopFor(signal, context.pc);
  std::memcpy(context.regs, the_switch.host_regs, sizeof context.regs);
  context.sp = the_switch.host_sp;
  context.pc = the_switch.host_pc + 4;  // past the switch trap
  context.pstate = the_switch.host_pstate;
  return sae_runner_host_tpidr_el0;
}

// The guest's pointer-authentication keys are disabled (docs/trace-format.md, "The guest both sides
// run"), so the PAC hint instructions are NOPs and the authenticating branches do not check. Linux
// enables the keys of every process on a CPU with pointer authentication: this turns them off for
// the thread, which must not return through a function that signed its return address before
// (the runner is built with -mbranch-protection=none). qemu-aarch64 7.2 cannot turn them off; its
// "max" CPU without pointer authentication (-cpu max,pauth=off) runs the PAC hints as NOPs.
void DisablePointerAuthentication() {
  if ((getauxval(AT_HWCAP) & HWCAP_PACA) == 0) return;
  const unsigned long keys = PR_PAC_APIAKEY | PR_PAC_APIBKEY | PR_PAC_APDAKEY | PR_PAC_APDBKEY;
  if (prctl(PR_PAC_SET_ENABLED_KEYS, keys, 0, 0, 0) == 0) return;
  std::fprintf(stderr,
               "sae-fuzz-arm64-runner: cannot disable pointer authentication (%s); under "
               "qemu-aarch64 use a CPU without it: -cpu max,pauth=off,sve=off\n",
               std::strerror(errno));
  std::exit(2);
}

// Blocks of the window are scanned for SVC first, with a loop the compiler vectorises: the scan
// is a large part of a case's time under qemu-aarch64.
constexpr std::size_t kBlockWords = 256;
bool HasSvcWord(const std::uint32_t* block) {
  unsigned calls = 0;
  for (std::size_t i = 0; i < kBlockWords; ++i) calls += (block[i] & kSvcMask) == kSvcBits;
  return calls != 0;
}

}  // namespace

NativeExecutor::NativeExecutor(std::uint64_t base, std::uint64_t size, unsigned timeout_ms)
    : base_(base), size_(size) {
  DisablePointerAuthentication();
  void* window = mmap(reinterpret_cast<void*>(base), size, PROT_READ | PROT_WRITE | PROT_EXEC,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (window == MAP_FAILED) Die("cannot map the guest window");
  if (reinterpret_cast<std::uint64_t>(window) != base) {
    // Kernels before 4.17 take MAP_FIXED_NOREPLACE as a hint and map elsewhere.
    errno = EEXIST;
    Die("cannot map the guest window at its address");
  }
  // Nothing else may exist where a case's 32-bit or small computed addresses land: the runner's
  // image is linked far above (CMakeLists.txt), and the rest of the low 4 GiB is reserved
  // inaccessible, so that accesses there fault as outside the window they must.
  constexpr std::uint64_t kLowMemoryEnd = std::uint64_t{1} << 32;
  if (base + size < kLowMemoryEnd &&
      mmap(reinterpret_cast<void*>(base + size), kLowMemoryEnd - (base + size), PROT_NONE,
           MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1,
           0) != reinterpret_cast<void*>(base + size)) {
    Die("cannot reserve the low 4 GiB above the window");
  }
  the_switch.window_base = base;
  the_switch.window_size = size;
  the_switch.timeout.it_value.tv_sec = timeout_ms / 1000;
  the_switch.timeout.it_value.tv_usec = static_cast<long>(timeout_ms % 1000) * 1000;
  asm volatile("mrs %0, tpidr_el0" : "=r"(sae_runner_host_tpidr_el0));

  const stack_t stack = {signal_stack, 0, sizeof signal_stack};
  if (sigaltstack(&stack, nullptr) != 0) Die("sigaltstack");
  struct sigaction action {};
  action.sa_sigaction = sae_runner_signal_entry;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  for (const int signal : kCaseSignals) sigaddset(&action.sa_mask, signal);
  for (const int signal : kCaseSignals) {
    if (sigaction(signal, &action, nullptr) != 0) Die("sigaction");
  }
}

Outcome NativeExecutor::Run(std::uint64_t entry, const Registers& in) {
  // SVC would be a real system call of this process, with the case's random registers as its
  // number and arguments. Every SVC word in the window (code, or data a case might branch into)
  // stands in as a BRK while the case runs: it stops there with `exception`, as SVC does.
  std::uint32_t* const words = reinterpret_cast<std::uint32_t*>(base_);
  svc_words_.clear();
  for (std::size_t block = 0; block < size_ / 4; block += kBlockWords) {
    if (!HasSvcWord(words + block)) continue;
    for (std::size_t i = block; i < block + kBlockWords; ++i) {
      if ((words[i] & kSvcMask) != kSvcBits) continue;
      svc_words_.push_back({i, words[i]});
      words[i] = kSvcStandIn;
    }
  }
  // The whole window: a case may branch into its data as well as into its code.
  __builtin___clear_cache(reinterpret_cast<char*>(base_), reinterpret_cast<char*>(base_ + size_));
  the_switch.entry = entry;
  the_switch.in = in;
  sae_runner_run_case();
  // What the case did not overwrite is the SVC again, not a write.
  for (const auto& [index, word] : svc_words_) {
    if (words[index] == kSvcStandIn) words[index] = word;
  }
  Outcome outcome;
  outcome.registers = the_switch.final_registers;
  outcome.pc = the_switch.final_pc;
  outcome.stop = the_switch.stop;
  return outcome;
}

// Called by sae_runner_signal_entry (switch.S) for every handled signal, on the signal stack;
// returns the TPIDR_EL0 to continue with.
extern "C" std::uint64_t sae_runner_handle_signal(int signal, siginfo_t*, void* context,
                                                  std::uint64_t interrupted_tpidr_el0) {
  mcontext_t& machine = static_cast<ucontext_t*>(context)->uc_mcontext;
  if (the_switch.case_running) return LeaveCase(signal, machine, interrupted_tpidr_el0);
  if (signal == SIGILL && machine.pc == reinterpret_cast<std::uint64_t>(sae_runner_switch_trap)) {
    return EnterCase(machine);
  }
  if (signal != kTimerSignal) {
    // The runner itself failed: let the signal recur with its default action (a core dump).
    ::signal(signal, SIG_DFL);
  }
  // A timer signal from a case that had already stopped: nothing to do.
  return sae_runner_host_tpidr_el0;
}

}  // namespace sae::fuzz::arm64_runner
