#include "ir/verifier.h"

#include <unordered_map>
#include <unordered_set>

namespace sae::ir {

std::vector<std::string> Verify(const Block& block) {
  std::vector<std::string> errors;
  std::unordered_set<const Inst*> defined;
  std::unordered_map<const Inst*, unsigned> uses;
  unsigned position = 0;
  for (const Inst* inst : block.instructions()) {
    ++position;
    const std::string where = "instruction " + std::to_string(position) + " (" +
                              std::string(Name(inst->opcode())) + "): ";
    if (inst->removed()) errors.push_back(where + "removed but still listed");
    const OpcodeInfo& info = Info(inst->opcode());
    for (std::size_t i = 0; i < info.argument_count; ++i) {
      const Value& arg = inst->arg(i);
      const Type expected = info.arguments[i];
      if (arg.IsEmpty()) {
        errors.push_back(where + "argument " + std::to_string(i + 1) + " is missing");
        continue;
      }
      if (const Inst* producer = arg.inst()) {
        ++uses[producer];
        if (defined.count(producer) == 0) {
          errors.push_back(where + "argument " + std::to_string(i + 1) +
                           " is not defined earlier in the block");
        }
      }
      const Type actual = arg.type();
      if (actual == Type::Void || (expected != Type::Opaque && actual != expected)) {
        errors.push_back(where + "argument " + std::to_string(i + 1) + " is " +
                         std::string(TypeName(actual)) + ", expected " +
                         std::string(TypeName(expected)));
      }
    }
    defined.insert(inst);
  }
  for (const Inst* inst : block.instructions()) {
    if (inst->use_count() != uses[inst]) {
      errors.push_back(std::string(Name(inst->opcode())) + ": use count " +
                       std::to_string(inst->use_count()) + ", but " +
                       std::to_string(uses[inst]) + " uses");
    }
  }
  if (std::holds_alternative<term::Invalid>(block.terminal())) errors.push_back("no terminal");
  return errors;
}

}  // namespace sae::ir
