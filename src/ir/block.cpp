#include "ir/block.h"

#include <algorithm>

namespace sae::ir {

Inst* Block::Append(Opcode opcode, std::initializer_list<Value> arguments) {
  Inst* inst = &storage_.emplace_back(opcode, arguments);
  order_.push_back(inst);
  return inst;
}

void Block::Compact() {
  std::erase_if(order_, [](const Inst* inst) { return inst->removed(); });
}

}  // namespace sae::ir
