// Linux signals for the guest: its actions (rt_sigaction), mask, alternate stack, and delivery
// of synchronous signals (its own faults) and asynchronous ones (from the host, or kill()) to
// its handlers on an arm64 signal frame, undone by rt_sigreturn.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <optional>

#include "guest_memory.h"
#include "sae/sae.h"

namespace sae::run {

inline constexpr int kSignalCount = 64;  // signals 1..64

struct SignalAction {
  std::uint64_t handler = 0;  // 0 SIG_DFL, 1 SIG_IGN, else the guest handler
  std::uint64_t flags = 0;
  std::uint64_t restorer = 0;
  std::uint64_t mask = 0;
};
// The process's actions, shared by its threads.
using SignalActions = std::array<SignalAction, kSignalCount + 1>;

// Maps the sigreturn trampoline (GuestMemory::kSignalTrampoline) that handlers installed without
// SA_RESTORER return to, as glibc's arm64 sigaction installs them (Linux uses its vDSO's).
void MapSignalTrampoline(GuestMemory& memory);

// One thread's view: its mask and alternate stack; asynchronous signals go to the main thread.
class Signals {
 public:
  using Action = SignalAction;
  static constexpr int kCount = kSignalCount;

  Signals(GuestMemory& memory, sae_vcpu* vcpu, SignalActions& actions, bool main_thread);

  // rt_sigaction, rt_sigprocmask, sigaltstack, rt_sigreturn, kill/tgkill of this process.
  std::int64_t SetAction(int signal, std::uint64_t new_action, std::uint64_t old_action);
  std::int64_t SetMask(int how, std::uint64_t new_set, std::uint64_t old_set);
  std::int64_t SetAltStack(std::uint64_t new_stack, std::uint64_t old_stack);
  std::int64_t Return();  // the guest's registers are those of the frame again
  std::int64_t Raise(int signal);
  std::int64_t StorePending(std::uint64_t set) const;  // rt_sigpending: the blocked ones
  std::int64_t Suspend(std::uint64_t set);             // rt_sigsuspend

  // The guest took a synchronous fault Linux turns into `signal`: runs its handler (true), or
  // returns false if the signal kills it.
  bool DeliverFault(int signal, int code, std::uint64_t address);
  // Runs the handler of the first pending, unblocked signal, if any; a pending signal whose
  // action is to terminate is returned instead, for the caller to die of.
  std::optional<int> DeliverPending();

 private:
  bool Deliver(int signal, int code, std::uint64_t address);
  static void HostHandler(int signal);

  GuestMemory& memory_;
  sae_vcpu* vcpu_;
  SignalActions& actions_;
  std::uint64_t mask_ = 0;
  std::optional<std::uint64_t> saved_mask_;  // the mask before rt_sigsuspend's
  std::uint64_t altstack_sp_ = 0, altstack_size_ = 0;
  bool on_altstack_ = false;
  static std::atomic<std::uint64_t> pending_;
  static std::atomic<sae_vcpu*> running_;
};

}  // namespace sae::run
