#include "ir/passes/passes.h"

#include <array>

namespace sae::ir {

namespace {

constexpr unsigned kStackPointer = 31;  // slot of SP next to X0-X30

struct Slot {
  Value known;                 // what the register holds here, if known
  Type width = Type::Void;     // U32 (W view) or U64 (X view) of `known`
  Inst* pending_set = nullptr; // a write nothing has observed yet
};

}  // namespace

void GetSetElimination(Block& block) {
  std::array<Slot, 32> slots;
  auto observe_all = [&] {
    for (Slot& slot : slots) slot.pending_set = nullptr;
  };
  // An operation that may write any general register (Interpret, and FloatingPointConvert,
  // which writes one the generic properties do not name): nothing is known afterwards.
  auto forget_all = [&] {
    for (Slot& slot : slots) slot = Slot{};
  };
  auto get = [&](Inst* inst, unsigned index, Type width) {
    Slot& slot = slots[index];
    if (!slot.known.IsEmpty() && slot.width == width) {
      inst->ReplaceUsesWith(slot.known);
      return;
    }
    slot.pending_set = nullptr;  // this read goes to the guest state: the last write is observed
    slot.known = Value(inst);
    slot.width = width;
  };
  auto set = [&](Inst* inst, unsigned index, const Value& value, Type width) {
    Slot& slot = slots[index];
    if (slot.pending_set != nullptr) slot.pending_set->Remove();
    slot.pending_set = inst;
    slot.known = value;
    slot.width = width;
  };
  for (Inst* inst : block.instructions()) {
    switch (inst->opcode()) {
      case Opcode::GetW: get(inst, static_cast<unsigned>(inst->arg(0).imm()), Type::U32); break;
      case Opcode::GetX: get(inst, static_cast<unsigned>(inst->arg(0).imm()), Type::U64); break;
      case Opcode::GetSP: get(inst, kStackPointer, Type::U64); break;
      case Opcode::SetW:
        set(inst, static_cast<unsigned>(inst->arg(0).imm()), inst->arg(1), Type::U32);
        break;
      case Opcode::SetX:
        set(inst, static_cast<unsigned>(inst->arg(0).imm()), inst->arg(1), Type::U64);
        break;
      case Opcode::SetSP: set(inst, kStackPointer, inst->arg(0), Type::U64); break;
      case Opcode::Interpret:
      case Opcode::FloatingPointConvert: forget_all(); break;
      default:
        if (Has(inst->opcode(), property::Memory | property::Effect)) observe_all();
        break;
    }
  }
  block.Compact();
}

}  // namespace sae::ir
