// IR blocks to s390x code.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "backend/s390x/asm/assembler.h"
#include "backend/s390x/codegen/state_layout.h"
#include "ir/block.h"

namespace sae::backend::s390x {

// void enter(void* state, const void* code): saves the callee-saved registers, loads the pinned
// ones from `state`, and jumps to `code`. Generated code leaves through the exit thunk.
void EmitEntryThunk(Assembler& as, const StateLayout& layout);
// Restores what the entry thunk saved and returns to its caller.
void EmitExitThunk(Assembler& as);

// A direct branch to another guest block, emitted as a BRCL to the exit thunk (after storing
// the target PC) that the code cache retargets to the block once it exists (PatchBranch).
struct LinkSite {
  std::size_t branch;   // offset of the patchable BRCL from the start of the block's buffer
  std::uint64_t target; // guest PC of the block it leads to
};

struct CodegenResult {
  bool ok = false;
  std::string error;  // an IR operation this backend cannot emit (yet), when !ok
  std::vector<LinkSite> links;
};

// Emits `block`, which ends by storing the next guest PC (or an intercept) in the state and
// branching to the exit thunk, `exit_displacement` bytes from the start of the assembler's buffer
// (negative: before it).
CodegenResult EmitBlock(const ir::Block& block, Assembler& as, const StateLayout& layout,
                        std::int64_t exit_displacement, const CodegenOptions& options = {});

}  // namespace sae::backend::s390x
