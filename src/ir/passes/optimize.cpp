#include "ir/passes/passes.h"

namespace sae::ir {

void Optimize(Block& block) {
  GetSetElimination(block);
  ConstantFolding(block);
  NZCVLiveness(block);
  IdentityRemoval(block);
  DeadCodeElimination(block);
}

}  // namespace sae::ir
