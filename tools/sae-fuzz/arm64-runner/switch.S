// Switching between the runner and a case. There is no free register to enter a case with (it
// sets all of X0-X30 and SP), so the switch goes through the kernel in both directions:
// sae_runner_run_case traps (UDF), and the signal handler rewrites the interrupted context into the
// case's state, which the kernel's sigreturn loads — every register, SP, PC and NZCV at once. When
// the case stops with a signal, the handler writes the runner's saved context back the same way,
// so sae_runner_run_case returns as if the trap had been a call.
//
// TPIDR_EL0 is not part of a signal frame: the handler entry below puts the runner's own value back
// before any C++ code runs (it is the thread pointer), and installs the value the handler returns.

  .text

// void sae_runner_run_case(void)
// The signal frame restores the general registers and, in its FPSIMD record, the case's SIMD&FP
// registers, FPCR and FPSR; the runner's callee-saved FP registers and FPCR (which the case
// changes) are kept on this stack, which the runner's restored SP finds again.
// Every case starts with no exclusive monitor held (docs/trace-format.md).
  .globl sae_runner_run_case
  .type sae_runner_run_case, %function
  .p2align 2
sae_runner_run_case:
  stp d8, d9, [sp, #-80]!
  stp d10, d11, [sp, #16]
  stp d12, d13, [sp, #32]
  stp d14, d15, [sp, #48]
  mrs x9, fpcr
  str x9, [sp, #64]
  clrex
  .globl sae_runner_switch_trap
sae_runner_switch_trap:
  udf #0x5af  // the handler resumes the runner at the next instruction once the case has stopped
  ldr x9, [sp, #64]
  msr fpcr, x9
  ldp d10, d11, [sp, #16]
  ldp d12, d13, [sp, #32]
  ldp d14, d15, [sp, #48]
  ldp d8, d9, [sp], #80
  ret
  .size sae_runner_run_case, . - sae_runner_run_case

// void sae_runner_signal_entry(int signal, siginfo_t* info, void* ucontext), the sa_sigaction of
// every signal the runner handles. Calls
//   uint64_t sae_runner_handle_signal(int, siginfo_t*, void*, uint64_t interrupted_tpidr_el0)
// and returns to the kernel with TPIDR_EL0 set to its result.
  .globl sae_runner_signal_entry
  .type sae_runner_signal_entry, %function
  .p2align 2
sae_runner_signal_entry:
  stp x29, x30, [sp, #-16]!
  mov x29, sp
  mrs x3, tpidr_el0
  adrp x4, sae_runner_host_tpidr_el0
  ldr x4, [x4, :lo12:sae_runner_host_tpidr_el0]
  msr tpidr_el0, x4
  bl sae_runner_handle_signal
  msr tpidr_el0, x0
  ldp x29, x30, [sp], #16
  ret
  .size sae_runner_signal_entry, . - sae_runner_signal_entry

  .section .note.GNU-stack, "", %progbits
