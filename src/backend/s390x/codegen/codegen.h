// IR blocks to s390x code.
#pragma once

#include <cstddef>
#include <string>

#include "backend/s390x/asm/assembler.h"
#include "backend/s390x/codegen/state_layout.h"
#include "ir/block.h"

namespace sae::backend::s390x {

// void enter(void* state, const void* code): saves the callee-saved registers, loads the pinned
// ones from `state`, and jumps to `code`. Generated code leaves through the exit thunk.
void EmitEntryThunk(Assembler& as, const StateLayout& layout);
// Restores what the entry thunk saved and returns to its caller.
void EmitExitThunk(Assembler& as);

struct CodegenResult {
  bool ok = false;
  std::string error;  // an IR operation this backend cannot emit (yet), when !ok
};

// Emits `block`, which ends by storing the next guest PC (or an intercept) in the state and
// branching to the exit thunk, `exit_displacement` bytes from the start of the assembler's buffer
// (negative: before it).
CodegenResult EmitBlock(const ir::Block& block, Assembler& as, const StateLayout& layout,
                        std::int64_t exit_displacement);

}  // namespace sae::backend::s390x
