// Every register the generated code gives a fixed role, in one place. The rest of the s390x ELF
// ABI applies at the entry thunk: r6-r15 and f8-f15 are callee-saved, r15 is the stack pointer,
// r2/r3 carry the arguments.
#pragma once

#include <array>

#include "backend/s390x/asm/operands.h"

namespace sae::backend::s390x {

// Pinned for the whole time guest code runs.
inline constexpr Gpr kStateRegister = r13;      // the vCPU's control block (StateLayout offsets)
inline constexpr Gpr kMemoryBase = r12;         // host address of guest physical address 0
inline constexpr Gpr kMemoryLimit = r11;        // bytes of guest memory: addresses >= are outside
// Scratch, never allocated to IR values. r0 cannot be a base or index register; r0:r1 is the even/
// odd pair for multiply, divide and FLOGR.
inline constexpr Gpr kScratch0 = r0;
inline constexpr Gpr kScratch1 = r1;
inline constexpr Gpr kScratch2 = r14;
// Registers that hold IR values.
inline constexpr std::array<Gpr, 9> kAllocatable = {r2, r3, r4, r5, r6, r7, r8, r9, r10};

// Vector registers that hold U128 values: v16-v31, which no FP register overlaps (the ABI's
// call-saved f8-f15 are the high halves of v8-v15, so generated code leaves v0-v15 alone).
inline constexpr unsigned kFirstAllocatableVector = 16;
inline constexpr unsigned kAllocatableVectors = 16;

// The entry thunk's stack frame: the 160-byte register save area the ABI gives every frame,
// the spill slots of IR values, then the caller's FPC (generated code sets its own rounding
// mode and flags; the host's are back when sae_run() returns).
inline constexpr int kSpillSlots = 64;
inline constexpr int kSpillAreaOffset = 160;
inline constexpr int kHostFpcOffset = kSpillAreaOffset + 8 * kSpillSlots;
inline constexpr int kFrameSize = kHostFpcOffset + 8;

}  // namespace sae::backend::s390x
