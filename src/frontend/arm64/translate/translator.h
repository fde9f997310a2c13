// Translation of arm64 code into IR, a block at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "ir/block.h"

namespace sae::frontend::arm64 {

// Reads the instruction word at a guest virtual address (little-endian as in guest memory,
// already converted to a host integer); nullopt if it cannot be fetched.
using CodeReader = std::function<std::optional<std::uint32_t>(std::uint64_t address)>;

struct TranslationLimits {
  unsigned max_instructions = 64;
};

// Translates guest code from block.start_pc() into `block`. The block ends at a branch or
// exception-generating instruction, before an instruction that cannot be fetched (a fetch fault
// of the first instruction is the block's only content), at the end of a 4 KiB page, or after
// `limits.max_instructions`. Unallocated words end the block with an UNDEFINED exception;
// encodings not translated yet with a NotTranslated one (UNDEFINED in the guest, counted).
void TranslateBlock(ir::Block& block, const CodeReader& read, const TranslationLimits& limits = {});

}  // namespace sae::frontend::arm64
