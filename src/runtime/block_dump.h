// Debug listings of each translated block, on stderr: the guest instructions (LLVM MC), the IR
// before and after the passes, and the host code (LLVM MC). Chosen per VM by sae_vm_config
// flags, or by the environment: SAE_DUMP=guest,ir,host (any of them, or "all").
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "frontend/arm64/translate/translator.h"

namespace sae::runtime {

struct DumpOptions {
  bool guest = false;
  bool ir = false;
  bool host = false;
  bool any() const { return guest || ir || host; }
};

// The SAE_VM_DUMP_* bits of `vm_flags`, plus what SAE_DUMP names.
DumpOptions DumpOptionsFor(std::uint32_t vm_flags);

// Writes the listing of one block to stderr. `ir_before` and `ir_after` are printed IR, only
// used when options.ir.
void DumpBlock(const DumpOptions& options, std::uint64_t pc, unsigned guest_instructions,
               const frontend::arm64::CodeReader& read, const std::string& ir_before,
               const std::string& ir_after, std::span<const std::byte> host_code,
               bool single_step);

}  // namespace sae::runtime
