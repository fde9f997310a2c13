#include "backend/s390x/codegen/emit_context.h"

#include <memory>

namespace sae::backend::s390x {

EmitContext::EmitContext(Assembler& assembler, const StateLayout& state_layout,
                         const ir::Block& block, std::int64_t exit,
                         const CodegenOptions& codegen_options)
    : as(assembler),
      layout(state_layout),
      options(codegen_options),
      exit_displacement(exit),
      occupant_(kAllocatable.size()),
      vector_occupant_(kAllocatableVectors) {
  const auto& instructions = block.instructions();
  retire_at_.resize(instructions.size());
  auto use = [&](const ir::Value& value, std::size_t position) {
    if (const ir::Inst* producer = value.inst()) last_use_[producer] = position;
  };
  for (std::size_t i = 0; i < instructions.size(); ++i) {
    const ir::Inst* inst = instructions[i];
    for (std::size_t a = 0; a < inst->arg_count(); ++a) {
      use(inst->arg(a), i);
      // The flags of an operation are computed from its operands too.
      if (inst->opcode() == ir::Opcode::GetNZCVFromOp) {
        if (const ir::Inst* op = inst->arg(a).inst()) {
          for (std::size_t b = 0; b < op->arg_count(); ++b) use(op->arg(b), i);
        }
      }
    }
  }
  for (const auto& [inst, position] : last_use_) retire_at_[position].push_back(inst);
}

void EmitContext::Fail(std::string reason) {
  if (!failed_) failure_ = std::move(reason);
  failed_ = true;
}


Gpr EmitContext::Use(const ir::Value& value, Gpr scratch) {
  if (value.IsImmediate()) {
    as.LoadConstant(scratch, value.imm());
    return scratch;
  }
  const auto found = where_.find(value.inst());
  if (found == where_.end()) {
    Fail("a value is used before it is defined");
    return scratch;
  }
  if (found->second.reg >= 0) return kAllocatable[static_cast<std::size_t>(found->second.reg)];
  as.LG(scratch, Mem(r15, kSpillAreaOffset + 8 * found->second.slot));
  return scratch;
}

void EmitContext::UseInto(const ir::Value& value, Gpr target) {
  const Gpr source = Use(value, target);
  if (source != target) as.LGR(target, source);
}

bool EmitContext::UsedByCurrent(const ir::Inst* value) const {
  if (current == nullptr) return false;
  for (std::size_t a = 0; a < current->arg_count(); ++a) {
    const ir::Inst* arg = current->arg(a).inst();
    if (arg == value) return true;
    // The flags of an operation are computed from its operands (see the constructor).
    if (current->opcode() == ir::Opcode::GetNZCVFromOp && arg != nullptr) {
      for (std::size_t b = 0; b < arg->arg_count(); ++b) {
        if (arg->arg(b).inst() == value) return true;
      }
    }
  }
  return false;
}

void EmitContext::Spill() {
  // The value whose last use is farthest away goes to memory — never one the instruction being
  // emitted uses: its emitter may hold that register already.
  int victim = -1;
  std::size_t farthest = 0;
  for (std::size_t r = 0; r < occupant_.size(); ++r) {
    if (UsedByCurrent(occupant_[r])) continue;
    const std::size_t last = last_use_[occupant_[r]];
    if (victim < 0 || last > farthest) {
      victim = static_cast<int>(r);
      farthest = last;
    }
  }
  if (victim < 0) return Fail("every register holds an operand of the instruction");
  const ir::Inst* inst = occupant_[static_cast<std::size_t>(victim)];
  Location& location = where_[inst];
  if (!free_slots_.empty()) {
    location.slot = free_slots_.back();
    free_slots_.pop_back();
  } else if (next_slot_ < kSpillSlots) {
    location.slot = next_slot_++;
  } else {
    return Fail("out of spill slots");
  }
  as.STG(kAllocatable[static_cast<std::size_t>(victim)], Mem(r15, kSpillAreaOffset + 8 * location.slot));
  location.reg = -1;
  occupant_[static_cast<std::size_t>(victim)] = nullptr;
}

Gpr EmitContext::Def(const ir::Inst& inst) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    for (std::size_t r = 0; r < occupant_.size(); ++r) {
      if (occupant_[r] == nullptr) {
        occupant_[r] = &inst;
        where_[&inst] = {static_cast<int>(r), -1};
        return kAllocatable[r];
      }
    }
    Spill();
  }
  Fail("no register for a result");
  return kScratch1;
}

Vr EmitContext::VectorUse(const ir::Value& value) {
  const auto found = vector_where_.find(value.inst());
  if (value.IsImmediate() || found == vector_where_.end()) {
    Fail("a vector value is used before it is defined");
    return Vr(kFirstAllocatableVector);
  }
  return Vr(kFirstAllocatableVector + static_cast<unsigned>(found->second));
}

Vr EmitContext::VectorDef(const ir::Inst& inst) {
  for (std::size_t r = 0; r < vector_occupant_.size(); ++r) {
    if (vector_occupant_[r] == nullptr) {
      vector_occupant_[r] = &inst;
      vector_where_[&inst] = static_cast<int>(r);
      return Vr(kFirstAllocatableVector + static_cast<unsigned>(r));
    }
  }
  Fail("no vector register for a result");
  return Vr(kFirstAllocatableVector);
}

bool EmitContext::VectorsLive() const {
  for (const ir::Inst* occupant : vector_occupant_) {
    if (occupant != nullptr) return true;
  }
  return false;
}

void EmitContext::Retire(std::size_t position) {
  for (const ir::Inst* inst : retire_at_[position]) {
    if (const auto vector = vector_where_.find(inst); vector != vector_where_.end()) {
      vector_occupant_[static_cast<std::size_t>(vector->second)] = nullptr;
      vector_where_.erase(vector);
      continue;
    }
    const auto found = where_.find(inst);
    if (found == where_.end()) continue;
    if (found->second.reg >= 0) {
      occupant_[static_cast<std::size_t>(found->second.reg)] = nullptr;
      found->second.reg = -1;
    }
    if (found->second.slot >= 0) {
      free_slots_.push_back(found->second.slot);
      found->second.slot = -1;
    }
  }
}

void EmitContext::BranchToExit(Cond condition) {
  const auto halfwords = (exit_displacement - static_cast<std::int64_t>(as.size())) / 2;
  as.BRCL(condition, Rel32(halfwords));
}

void EmitContext::LinkableBranchToExit(std::uint64_t target) {
  if ((as.size() + 2) % 4 != 0) as.BCR(Cond::Never, r0);  // align the displacement (as below)
  const auto halfwords = (exit_displacement - static_cast<std::int64_t>(as.size())) / 2;
  links.push_back({as.PatchableBRCL(Cond::Always, Rel32(halfwords)), target});
}

Label& EmitContext::AddStub(StubKind kind, std::uint64_t pc, Gpr address, unsigned size,
                            bool write) {
  stub_labels_.push_back(std::make_unique<Label>());
  stubs_.push_back({kind, stub_labels_.back().get(), pc, address, size, write});
  return *stub_labels_.back();
}

Gpr EmitContext::AddressOperand(const ir::Inst& inst) {
  Gpr address = Use(inst.arg(0), kScratch2);
  if (address == kScratch0) {
    as.LGR(kScratch2, address);
    address = kScratch2;
  }
  if (!options.top_byte_ignore) return address;
  IgnoreTopByte(kScratch2, address);
  return kScratch2;
}

void EmitContext::IgnoreTopByte(Gpr target, Gpr source) {
  as.SLLG(target, source, BaseDisp(r0, 8));
  as.SRAG(target, target, BaseDisp(r0, 8));
}

void EmitContext::LeaveWith(std::uint64_t pc, std::uint64_t esr, std::uint32_t intercept) {
  as.LoadConstant(kScratch1, pc);
  as.STG(kScratch1, State(layout.pc));
  as.LoadConstant(kScratch1, esr);
  as.STG(kScratch1, State(layout.esr));
  as.LHI(kScratch1, static_cast<std::int64_t>(intercept));
  as.ST(kScratch1, State(layout.intercept));
  BranchToExit();
}

// Addresses below the limit cannot wrap when size - 1 is added (the limit is below 2^63).
void EmitContext::GuardAccess(const ir::Inst& inst, Gpr address, unsigned size, bool write) {
  Label& outside = AddStub(StubKind::OutsideMemory, inst.pc(), address, size, write);
  as.CLGRJ(address, kMemoryLimit, Cond::HighOrEqual, Rel16(outside));
  if (size > 1) {
    as.LA(kScratch1, Mem(address, static_cast<std::int32_t>(size - 1)));
    as.CLGRJ(kScratch1, kMemoryLimit, Cond::HighOrEqual, Rel16(outside));
  }
  const std::uint8_t flags = write ? options.store_page_flags : options.load_page_flags;
  if (flags == 0) return;
  // Only the page of the first byte is looked at: the runtime flags the pages before a
  // flagged range too, as far as the longest access reaches.
  Label& flagged = AddStub(StubKind::PageFlagged, inst.pc(), address, size, write);
  as.SRLG(kScratch1, address, BaseDisp(r0, kGuestPageShift));
  as.AG(kScratch1, State(layout.page_flags));
  as.TM(BaseDisp(kScratch1, 0), flags);
  as.BRC(Cond::NotEqual, Rel16(flagged));  // CC1 or CC3: a selected flag is set
}

Label& EmitContext::UndefinedStub(std::uint64_t pc) {
  return AddStub(StubKind::Undefined, pc, r0, 0, false);
}

void EmitContext::EmitStubs() {
  for (const Stub& stub : stubs_) {
    as.Bind(*stub.label);
    if (stub.kind == StubKind::Undefined) {  // EC 0 with IL, as an unallocated word
      LeaveWith(stub.pc, 1ull << 25, kInterceptSyncException);
      continue;
    }
    as.STG(stub.address, State(layout.far));
    if (stub.kind == StubKind::PageFlagged) {
      LeaveWith(stub.pc, stub.size | (stub.write ? 0x100u : 0u), kInterceptPageAccess);
      continue;
    }
    // A data access outside guest memory: a host-access intercept with a data abort syndrome
    // (EC 0x24, IL, WnR; the run loop adds ISV and its fields) and the FAR.
    LeaveWith(stub.pc, (0x24ull << 26) | (1ull << 25) | (stub.write ? 1ull << 6 : 0),
              kInterceptHostAccess);
  }
}

}  // namespace sae::backend::s390x
