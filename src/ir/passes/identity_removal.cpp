#include "ir/passes/passes.h"

namespace sae::ir {

void IdentityRemoval(Block& block) {
  for (Inst* inst : block.instructions()) {
    for (std::size_t i = 0; i < inst->arg_count(); ++i) {
      const Value& arg = inst->arg(i);
      if (arg.inst() != nullptr && arg.inst()->opcode() == Opcode::Identity) {
        inst->SetArg(i, arg.Resolved());
      }
    }
  }
  for (Inst* inst : block.instructions()) {
    if (inst->opcode() == Opcode::Identity && inst->use_count() == 0) inst->Remove();
  }
  block.Compact();
}

}  // namespace sae::ir
