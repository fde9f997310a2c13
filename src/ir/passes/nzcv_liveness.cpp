#include "ir/passes/passes.h"

namespace sae::ir {

void NZCVLiveness(Block& block) {
  const auto& instructions = block.instructions();
  // Walking backwards: are the flags read (or observable) after this point? At the block's end
  // they are: the next block, an exception or the host may look at them.
  bool live = true;
  for (auto it = instructions.rbegin(); it != instructions.rend(); ++it) {
    Inst* inst = *it;
    if (inst->opcode() == Opcode::SetNZCV) {
      if (!live) inst->Remove();
      live = false;
    }
    // A read of the flags, or an access that may fault and so expose the guest state.
    if (Has(inst->opcode(), property::ReadsFlags | property::Memory | property::Effect)) live = true;
  }
  block.Compact();
}

}  // namespace sae::ir
