#include "ir/passes/passes.h"

namespace sae::ir {

namespace {

constexpr std::uint8_t kObservable = property::WritesState | property::WritesFlags |
                                     property::Memory | property::Effect;

}  // namespace

void DeadCodeElimination(Block& block) {
  const auto& instructions = block.instructions();
  // Backwards, so removing a user first lets its producers go in the same sweep.
  for (auto it = instructions.rbegin(); it != instructions.rend(); ++it) {
    Inst* inst = *it;
    if (inst->use_count() == 0 && !Has(inst->opcode(), kObservable)) inst->Remove();
  }
  block.Compact();
}

}  // namespace sae::ir
