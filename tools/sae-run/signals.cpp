#include "signals.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace sae::run {

namespace {

// Linux's arm64 values (asm-generic signal-defs.h, arm64 signal.h).
constexpr std::uint64_t kRestorer = 0x04000000, kOnStack = 0x08000000, kRestart = 0x10000000,
                        kNoDefer = 0x40000000, kResetHand = 0x80000000;
constexpr int kSigKill = 9, kSigStop = 19;
constexpr std::uint64_t kIgnore = 1;
constexpr int kBlock = 0, kUnblock = 1, kSetMask = 2;
constexpr std::uint64_t kOnStackFlag = 1, kDisable = 2;  // ss_flags
constexpr std::uint64_t kMinimumAltStack = 5120;          // arm64 MINSIGSTKSZ

// The arm64 signal frame (arch/arm64/kernel/signal.c, uapi ucontext/sigcontext): siginfo (128
// bytes), then the ucontext, whose mcontext is a sigcontext at offset 176 with records in its
// 4 KiB reserved area (an FP/SIMD record, then the terminator).
constexpr std::uint64_t kInfoSize = 128;
constexpr std::uint64_t kUcontextMask = 40, kUcontextStack = 16, kUcontextMcontext = 176;
constexpr std::uint64_t kMcontextFault = 0, kMcontextRegs = 8, kMcontextSp = 256,
                        kMcontextPc = 264, kMcontextPstate = 272, kMcontextReserved = 288;
constexpr std::uint64_t kReservedSize = 4096;
constexpr std::uint32_t kFpsimdMagic = 0x46508001, kFpsimdSize = 528;
constexpr std::uint64_t kFpsimdRegisters = 16;  // V0-V31 after magic, size, FPSR, FPCR
constexpr std::uint64_t kFrameSize = kInfoSize + kUcontextMcontext + kMcontextReserved + kReservedSize;

// Signals whose default action is to be ignored (SIGCHLD, SIGURG, SIGWINCH).
bool IgnoredByDefault(int signal) { return signal == 17 || signal == 23 || signal == 28; }

std::uint64_t Bit(int signal) { return std::uint64_t{1} << (signal - 1); }

}  // namespace

void MapSignalTrampoline(GuestMemory& memory) {
  constexpr std::uint32_t kMovX8Sigreturn = 0xd2801168, kSvc0 = 0xd4000001;  // mov x8, #139; svc #0
  memory.Map(GuestMemory::kSignalTrampoline, GuestMemory::kPageSize);
  memory.Store<std::uint32_t>(GuestMemory::kSignalTrampoline, kMovX8Sigreturn);
  memory.Store<std::uint32_t>(GuestMemory::kSignalTrampoline + 4, kSvc0);
}

std::atomic<std::uint64_t> Signals::pending_{0};
std::atomic<sae_vcpu*> Signals::running_{nullptr};

Signals::Signals(GuestMemory& memory, sae_vcpu* vcpu, SignalActions& actions, bool main_thread)
    : memory_(memory), vcpu_(vcpu), actions_(actions) {
  if (main_thread) running_ = vcpu;
}

void Signals::HostHandler(int signal) {
  pending_.fetch_or(Bit(signal));
  if (sae_vcpu* vcpu = running_.load()) sae_kick(vcpu);
}

std::int64_t Signals::SetAction(int signal, std::uint64_t new_action, std::uint64_t old_action) {
  if (signal < 1 || signal > kCount) return -EINVAL;
  Action& action = actions_[static_cast<std::size_t>(signal)];
  if (old_action != 0) {
    if (!memory_.Store<std::uint64_t>(old_action, action.handler)) return -EFAULT;
    memory_.Store<std::uint64_t>(old_action + 8, action.flags);
    memory_.Store<std::uint64_t>(old_action + 16, action.restorer);
    memory_.Store<std::uint64_t>(old_action + 24, action.mask);
  }
  if (new_action == 0) return 0;
  if (signal == kSigKill || signal == kSigStop) return -EINVAL;
  const auto handler = memory_.Load<std::uint64_t>(new_action);
  const auto flags = memory_.Load<std::uint64_t>(new_action + 8);
  const auto restorer = memory_.Load<std::uint64_t>(new_action + 16);
  const auto mask = memory_.Load<std::uint64_t>(new_action + 24);
  if (!handler || !flags || !restorer || !mask) return -EFAULT;
  action = {*handler, *flags, *restorer, *mask};
  // The host acts for the guest: its default or ignoring, or a handler that queues the signal
  // for the guest's handler (synchronous fault signals are the run loop's, whatever the host).
  if (signal == SIGSEGV || signal == SIGBUS || signal == SIGILL || signal == SIGTRAP || signal == SIGFPE) return 0;
  struct sigaction host {};
  if (action.handler == 0) {
    host.sa_handler = SIG_DFL;
  } else if (action.handler == kIgnore) {
    host.sa_handler = SIG_IGN;
  } else {
    host.sa_handler = HostHandler;
    host.sa_flags = (action.flags & kRestart) ? SA_RESTART : 0;
  }
  sigaction(signal, &host, nullptr);
  return 0;
}

std::int64_t Signals::SetMask(int how, std::uint64_t new_set, std::uint64_t old_set) {
  if (old_set != 0 && !memory_.Store<std::uint64_t>(old_set, mask_)) return -EFAULT;
  if (new_set == 0) return 0;
  const auto set = memory_.Load<std::uint64_t>(new_set);
  if (!set) return -EFAULT;
  const std::uint64_t unblockable = Bit(kSigKill) | Bit(kSigStop);
  switch (how) {
    case kBlock: mask_ |= *set; break;
    case kUnblock: mask_ &= ~*set; break;
    case kSetMask: mask_ = *set; break;
    default: return -EINVAL;
  }
  mask_ &= ~unblockable;
  // A signal it unblocks is delivered on the way back (the caller runs DeliverPending).
  if (pending_.load() & ~mask_) sae_kick(vcpu_);
  return 0;
}

std::int64_t Signals::SetAltStack(std::uint64_t new_stack, std::uint64_t old_stack) {
  // stack_t: ss_sp (u64), ss_flags (i32), ss_size (u64 at 16).
  if (old_stack != 0) {
    if (!memory_.Store<std::uint64_t>(old_stack, altstack_sp_)) return -EFAULT;
    memory_.Store<std::uint32_t>(old_stack + 8, altstack_size_ == 0 ? kDisable : on_altstack_ ? kOnStackFlag : 0);
    memory_.Store<std::uint64_t>(old_stack + 16, altstack_size_);
  }
  if (new_stack == 0) return 0;
  if (on_altstack_) return -EPERM;
  const auto sp = memory_.Load<std::uint64_t>(new_stack);
  const auto flags = memory_.Load<std::uint32_t>(new_stack + 8);
  const auto size = memory_.Load<std::uint64_t>(new_stack + 16);
  if (!sp || !flags || !size) return -EFAULT;
  if (*flags & kDisable) {
    altstack_sp_ = altstack_size_ = 0;
    return 0;
  }
  if (*flags != 0) return -EINVAL;
  if (*size < kMinimumAltStack) return -ENOMEM;
  altstack_sp_ = *sp;
  altstack_size_ = *size;
  return 0;
}

bool Signals::Deliver(int signal, int code, std::uint64_t address) {
  sae_control_block& cb = *sae_vcpu_control_block(vcpu_);
  Action& action = actions_[static_cast<std::size_t>(signal)];
  std::uint64_t sp = cb.sp_el0;
  const bool switch_stack = (action.flags & kOnStack) && altstack_size_ != 0 && !on_altstack_;
  if (switch_stack) sp = altstack_sp_ + altstack_size_;
  const std::uint64_t frame = (sp - kFrameSize) & ~std::uint64_t{15};
  std::uint8_t* host = memory_.Host(frame, kFrameSize);
  if (host == nullptr) return false;  // no room for a frame: the signal kills, as in Linux
  std::memset(host, 0, kFrameSize);
  // siginfo: signo, errno, code, then the fault address.
  memory_.Store<std::int32_t>(frame, signal);
  memory_.Store<std::int32_t>(frame + 8, code);
  memory_.Store<std::uint64_t>(frame + 16, address);
  const std::uint64_t uc = frame + kInfoSize;
  memory_.Store<std::uint64_t>(uc + kUcontextStack, altstack_sp_);
  memory_.Store<std::uint32_t>(uc + kUcontextStack + 8,
                               altstack_size_ == 0 ? kDisable : on_altstack_ ? kOnStackFlag : 0);
  memory_.Store<std::uint64_t>(uc + kUcontextStack + 16, altstack_size_);
  memory_.Store<std::uint64_t>(uc + kUcontextMask, saved_mask_.value_or(mask_));
  saved_mask_.reset();
  const std::uint64_t mc = uc + kUcontextMcontext;
  memory_.Store<std::uint64_t>(mc + kMcontextFault, address);
  for (int n = 0; n < 31; ++n) memory_.Store<std::uint64_t>(mc + kMcontextRegs + 8 * static_cast<unsigned>(n), cb.x[n]);
  memory_.Store<std::uint64_t>(mc + kMcontextSp, cb.sp_el0);
  memory_.Store<std::uint64_t>(mc + kMcontextPc, cb.pc);
  memory_.Store<std::uint64_t>(mc + kMcontextPstate, cb.pstate);
  memory_.Store<std::uint32_t>(mc + kMcontextReserved, kFpsimdMagic);
  memory_.Store<std::uint32_t>(mc + kMcontextReserved + 4, kFpsimdSize);
  memory_.Store<std::uint32_t>(mc + kMcontextReserved + 8, cb.fpsr);
  memory_.Store<std::uint32_t>(mc + kMcontextReserved + 12, cb.fpcr);
  // The handler may use any SIMD&FP register (memcpy does): the interrupted code gets them back.
  for (std::uint64_t n = 0; n < 32; ++n) {
    memory_.Store<std::uint64_t>(mc + kMcontextReserved + kFpsimdRegisters + 16 * n, cb.v[n][0]);
    memory_.Store<std::uint64_t>(mc + kMcontextReserved + kFpsimdRegisters + 16 * n + 8, cb.v[n][1]);
  }
  sae_vcpu_invalidate_code(vcpu_, frame, kFrameSize);

  if (switch_stack) on_altstack_ = true;
  cb.x[0] = static_cast<std::uint64_t>(signal);
  cb.x[1] = frame;
  cb.x[2] = uc;
  cb.x[30] = (action.flags & kRestorer) ? action.restorer : GuestMemory::kSignalTrampoline;
  cb.sp_el0 = frame;
  cb.pc = action.handler;
  mask_ |= action.mask | ((action.flags & kNoDefer) ? 0 : Bit(signal));
  if (action.flags & kResetHand) action = {};
  return true;
}

std::int64_t Signals::Return() {
  sae_control_block& cb = *sae_vcpu_control_block(vcpu_);
  const std::uint64_t frame = cb.sp_el0;
  const std::uint64_t uc = frame + kInfoSize, mc = uc + kUcontextMcontext;
  if (memory_.Host(frame, kFrameSize) == nullptr) return -EFAULT;
  for (int n = 0; n < 31; ++n) cb.x[n] = *memory_.Load<std::uint64_t>(mc + kMcontextRegs + 8 * static_cast<unsigned>(n));
  cb.sp_el0 = *memory_.Load<std::uint64_t>(mc + kMcontextSp);
  cb.pc = *memory_.Load<std::uint64_t>(mc + kMcontextPc);
  // Only NZCV: a handler cannot change the exception level or the stack selection.
  cb.pstate = (cb.pstate & ~std::uint64_t{0xf0000000}) | (*memory_.Load<std::uint64_t>(mc + kMcontextPstate) & 0xf0000000);
  mask_ = *memory_.Load<std::uint64_t>(uc + kUcontextMask) & ~(Bit(kSigKill) | Bit(kSigStop));
  // The FP/SIMD record, if the handler left it where it was.
  if (*memory_.Load<std::uint32_t>(mc + kMcontextReserved) == kFpsimdMagic) {
    cb.fpsr = *memory_.Load<std::uint32_t>(mc + kMcontextReserved + 8);
    cb.fpcr = *memory_.Load<std::uint32_t>(mc + kMcontextReserved + 12);
    for (std::uint64_t n = 0; n < 32; ++n) {
      cb.v[n][0] = *memory_.Load<std::uint64_t>(mc + kMcontextReserved + kFpsimdRegisters + 16 * n);
      cb.v[n][1] = *memory_.Load<std::uint64_t>(mc + kMcontextReserved + kFpsimdRegisters + 16 * n + 8);
    }
  }
  on_altstack_ = altstack_size_ != 0 && cb.sp_el0 > altstack_sp_ && cb.sp_el0 <= altstack_sp_ + altstack_size_;
  return static_cast<std::int64_t>(cb.x[0]);
}

std::int64_t Signals::Raise(int signal) {
  if (signal == 0) return 0;
  if (signal < 1 || signal > kCount) return -EINVAL;
  const Action& action = actions_[static_cast<std::size_t>(signal)];
  if (action.handler > kIgnore) {
    pending_.fetch_or(Bit(signal));
    return 0;
  }
  // The default or ignoring: the host does the same to itself.
  return ::kill(::getpid(), signal) == 0 ? 0 : -errno;
}

std::int64_t Signals::Suspend(std::uint64_t set) {
  const auto mask = memory_.Load<std::uint64_t>(set);
  if (!mask) return -EFAULT;
  saved_mask_ = mask_;
  mask_ = *mask & ~(Bit(kSigKill) | Bit(kSigStop));
  // Host signals blocked between the check and the wait, so none is missed in between.
  sigset_t all, previous;
  sigfillset(&all);
  sigprocmask(SIG_BLOCK, &all, &previous);
  while ((pending_.load() & ~mask_) == 0) sigsuspend(&previous);
  sigprocmask(SIG_SETMASK, &previous, nullptr);
  return -EINTR;
}

std::int64_t Signals::StorePending(std::uint64_t set) const {
  return memory_.Store<std::uint64_t>(set, pending_.load() & mask_) ? 0 : -EFAULT;
}

bool Signals::DeliverFault(int signal, int code, std::uint64_t address) {
  const Action& action = actions_[static_cast<std::size_t>(signal)];
  // A blocked or ignored fault signal kills (Linux forces it), as does the default.
  if (action.handler <= kIgnore || (mask_ & Bit(signal))) return false;
  return Deliver(signal, code, address);
}

std::optional<int> Signals::DeliverPending() {
  // A mask rt_sigsuspend set lasts until a handler runs (whose frame keeps the one before).
  const auto restore_mask = [this] {
    if (saved_mask_) mask_ = *saved_mask_;
    saved_mask_.reset();
  };
  if (running_.load() != vcpu_) {
    restore_mask();
    return std::nullopt;
  }
  const std::uint64_t ready = pending_.load() & ~mask_;
  if (ready == 0) {
    restore_mask();
    return std::nullopt;
  }
  const int signal = __builtin_ctzll(ready) + 1;
  pending_.fetch_and(~Bit(signal));
  const Action& action = actions_[static_cast<std::size_t>(signal)];
  if (action.handler == kIgnore || (action.handler == 0 && IgnoredByDefault(signal))) {
    restore_mask();
    return std::nullopt;
  }
  if (action.handler == 0) return signal;
  constexpr int kSiUser = 0;
  if (!Deliver(signal, kSiUser, 0)) return SIGSEGV;
  return std::nullopt;
}

}  // namespace sae::run
