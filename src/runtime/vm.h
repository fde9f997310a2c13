// What libsae keeps per VM behind the public handle: the memory window, its MMIO regions, the
// page flags generated code tests, and the code invalidations every vCPU must apply.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <utility>
#include <vector>

#include "runtime/page_flags.h"
#include "sae/sae.h"

struct sae_vm {
  explicit sae_vm(const sae_vm_config& vm_config)
      : config(vm_config),
        mmio(vm_config.mmio_regions, vm_config.mmio_regions + vm_config.mmio_region_count),
        pages(vm_config.memory_size) {
    config.mmio_regions = mmio.data();
  }

  sae_vm_config config;
  std::vector<sae_mmio_region> mmio;
  sae::runtime::PageFlags pages;

  // Guest code ranges that changed (a store into translated code, IC IVAU), in order; each vCPU
  // applies the ones after its own count at its next return to the run loop, which sae_kick()-
  // like requests (VcpuState::kKickInvalidate) make prompt. Entries every vCPU has applied are
  // dropped from the front.
  std::mutex mutex;
  std::vector<sae_vcpu*> vcpus;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> invalidations;
  std::uint64_t invalidations_dropped = 0;  // entries before invalidations[0]
  std::atomic<std::uint64_t> invalidation_count{0};
};
