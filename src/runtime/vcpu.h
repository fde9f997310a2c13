// What libsae keeps per vCPU behind the public handle.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

#include "frontend/arm64/interpreter/interpreter.h"
#include "runtime/code_cache.h"
#include "runtime/vm.h"
#include "sae/sae.h"

namespace sae::runtime {

// The memory generated code addresses through its state register: the public control block
// first (its offsets are ABI), then fields only libsae sees.
struct VcpuState {
  sae_control_block control;
  // Right after V31 (StateLayout::vector reaches it as V32-V35): guest memory bytes of a
  // structure load or store on their way between memory and the interpreter.
  alignas(16) frontend::arm64::VectorStaging vector_staging = {};
  std::uint32_t check_bit = 0;
  // Requests for the run loop (kKick* bits, set atomically from any thread); generated code
  // leaves at the next block link or indirect branch when it is not zero.
  std::uint32_t kick = 0;
  std::uint64_t memory_base = 0;
  std::uint64_t memory_size = 0;
  std::uint64_t not_translated = 0;
  std::uint64_t invalidate = kNoInvalidation;  // set by IC IVAU for the run loop
  // The exclusive monitor (LDXR/STXR): the monitored address or kNoExclusive, and the raw
  // contents (guest byte order) the exclusive load saw; then the atomic emitters' workspace
  // (backend/s390x/codegen/emit_atomic.cpp).
  std::uint64_t exclusive_address = kNoExclusive;
  alignas(16) std::uint64_t exclusive_contents[2] = {};
  std::uint64_t atomic_scratch[8] = {};
  std::uint64_t page_flags = 0;  // host address of the VM's PageFlags
  std::uint64_t jump_cache = 0;  // host address of the code cache's indirect branch table
  std::uint64_t interpreter = 0;  // host address of InterpretFromGeneratedCode (vm.cpp)
  std::uint64_t call_save[4] = {};  // generated code's r2-r5 during an interpreter call

  static constexpr std::uint64_t kNoInvalidation = ~std::uint64_t{0};
  static constexpr std::uint64_t kNoExclusive = ~std::uint64_t{0};
  static constexpr std::uint32_t kKickStop = 1;        // sae_kick()
  static constexpr std::uint32_t kKickInvalidate = 2;  // another vCPU changed code
};

}  // namespace sae::runtime

struct sae_vcpu {
  sae_vm* vm = nullptr;
  sae::runtime::VcpuState state{};
  std::uint64_t dispatches = 0;  // run-loop entries into generated code
  std::uint64_t page_exits = 0;  // accesses to flagged pages the run loop completed
  std::uint64_t invalidations_applied = 0;  // of sae_vm::invalidations (a count of entries)
  std::unique_ptr<sae::runtime::CodeCache> code;
};
