// What libsae keeps per VM and per vCPU behind the public handles.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

#include "runtime/code_cache.h"
#include "sae/sae.h"

struct sae_vm {
  sae_vm_config config;
};

namespace sae::runtime {

// The memory generated code addresses through its state register: the public control block
// first (its offsets are ABI), then fields only libsae sees.
struct VcpuState {
  sae_control_block control;
  std::uint32_t check_bit = 0;
  std::uint32_t kick = 0;  // sae_kick() sets it (atomically); generated code checks it at links
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

  static constexpr std::uint64_t kNoInvalidation = ~std::uint64_t{0};
  static constexpr std::uint64_t kNoExclusive = ~std::uint64_t{0};
};

}  // namespace sae::runtime

struct sae_vcpu {
  sae_vm* vm = nullptr;
  sae::runtime::VcpuState state{};
  std::uint64_t dispatches = 0;  // run-loop entries into generated code
  std::unique_ptr<sae::runtime::CodeCache> code;
};
