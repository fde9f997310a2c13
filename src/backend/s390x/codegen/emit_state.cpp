// Guest registers, flags, PC and the check bit: loads and stores of the control block.
#include "backend/s390x/codegen/emit_ir.h"

namespace sae::backend::s390x {

using ir::Opcode;

namespace {
std::int32_t XOffset(const EmitContext& ctx, const ir::Inst& inst) {
  return ctx.layout.x0 + 8 * static_cast<std::int32_t>(inst.arg(0).imm());
}
// The low word of a big-endian 64-bit field.
std::int32_t LowWord(std::int32_t offset) { return offset + 4; }
}  // namespace

template <>
void EmitIR<Opcode::GetW>(EmitContext& ctx, const ir::Inst& inst) {
  ctx.as.LLGF(ctx.Def(inst), ctx.State(LowWord(XOffset(ctx, inst))));
}
template <>
void EmitIR<Opcode::GetX>(EmitContext& ctx, const ir::Inst& inst) {
  ctx.as.LG(ctx.Def(inst), ctx.State(XOffset(ctx, inst)));
}
template <>
void EmitIR<Opcode::SetW>(EmitContext& ctx, const ir::Inst& inst) {
  // W values are zero-extended in registers: the X register gets the zero-extension.
  ctx.as.STG(ctx.Use(inst.arg(1), kScratch1), ctx.State(XOffset(ctx, inst)));
}
template <>
void EmitIR<Opcode::SetX>(EmitContext& ctx, const ir::Inst& inst) {
  ctx.as.STG(ctx.Use(inst.arg(1), kScratch1), ctx.State(XOffset(ctx, inst)));
}
template <>
void EmitIR<Opcode::GetSP>(EmitContext& ctx, const ir::Inst& inst) {
  ctx.as.LG(ctx.Def(inst), ctx.State(ctx.layout.sp));
}
template <>
void EmitIR<Opcode::SetSP>(EmitContext& ctx, const ir::Inst& inst) {
  ctx.as.STG(ctx.Use(inst.arg(0), kScratch1), ctx.State(ctx.layout.sp));
}
template <>
void EmitIR<Opcode::SetPC>(EmitContext& ctx, const ir::Inst& inst) {
  ctx.as.STG(ctx.Use(inst.arg(0), kScratch1), ctx.State(ctx.layout.pc));
}
template <>
void EmitIR<Opcode::GetNZCV>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr d = ctx.Def(inst);
  ctx.as.LLGF(d, ctx.State(LowWord(ctx.layout.pstate)));
  ctx.as.NILF(d, 0xf0000000);
}
template <>
void EmitIR<Opcode::SetNZCV>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr flags = ctx.Use(inst.arg(0), kScratch2);
  ctx.as.L(kScratch1, ctx.State(LowWord(ctx.layout.pstate)));
  ctx.as.NILF(kScratch1, 0x0fffffff);
  ctx.as.OR(kScratch1, flags);
  ctx.as.ST(kScratch1, ctx.State(LowWord(ctx.layout.pstate)));
}
template <>
void EmitIR<Opcode::SetCheckBit>(EmitContext& ctx, const ir::Inst& inst) {
  ctx.as.ST(ctx.Use(inst.arg(0), kScratch1), ctx.State(ctx.layout.check_bit));
}

void EmitConditionHolds(EmitContext& ctx, unsigned cond, Gpr target) {
  // target = (mask >> NZCV) & 1, NZCV as a 4-bit index.
  ctx.as.LLGF(kScratch1, ctx.State(LowWord(ctx.layout.pstate)));
  ctx.as.SRLG(kScratch1, kScratch1, BaseDisp(r0, 28));  // a zero-extended word: 0..15 left
  ctx.as.LLILL(target, ConditionMask(cond));
  ctx.as.SRLG(target, target, BaseDisp(kScratch1, 0));
  ctx.as.NILL(target, 1);  // the mask has 16 bits: the shifted value has no others
}

template <>
void EmitIR<Opcode::ConditionHolds>(EmitContext& ctx, const ir::Inst& inst) {
  EmitConditionHolds(ctx, static_cast<unsigned>(inst.arg(0).imm()), ctx.Def(inst));
}

template <>
void EmitIR<Opcode::NZCVFromPacked>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr source = ctx.Use(inst.arg(0), kScratch1);
  const Gpr d = ctx.Def(inst);
  ctx.as.LLGFR(d, source);
  ctx.as.NILF(d, 0xf0000000);
}
template <>
void EmitIR<Opcode::PackedFromNZCV>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr source = ctx.Use(inst.arg(0), kScratch1);
  ctx.as.LGR(ctx.Def(inst), source);
}

template <>
void EmitIR<Opcode::Identity>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr source = ctx.Use(inst.arg(0), kScratch1);
  ctx.as.LGR(ctx.Def(inst), source);
}

template <>
void EmitIR<Opcode::DataMemoryBarrier>(EmitContext& ctx, const ir::Inst&) {
  // s390x orders everything but store -> load; BCR 14,0 (fast serialization) adds that.
  ctx.as.BCR(Cond::NotOverflow, r0);
}
template <>
void EmitIR<Opcode::InstructionSynchronizationBarrier>(EmitContext&, const ir::Inst&) {
  // The translator ends the block after ISB; s390x needs no barrier of its own.
}

}  // namespace sae::backend::s390x

namespace sae::backend::s390x {

namespace {
// Offset and width of a state-backed system register.
std::pair<std::int32_t, bool> SysRegSlot(const StateLayout& layout, ir::SysReg reg) {
  switch (reg) {
    case ir::SysReg::TPIDR_EL0: return {layout.tpidr_el0, true};
    case ir::SysReg::TPIDRRO_EL0: return {layout.tpidrro_el0, true};
    case ir::SysReg::FPCR: return {layout.fpcr, false};
    case ir::SysReg::FPSR: return {layout.fpsr, false};
  }
  return {layout.tpidr_el0, true};
}
}  // namespace

template <>
void EmitIR<ir::Opcode::GetSysReg>(EmitContext& ctx, const ir::Inst& inst) {
  const auto [offset, wide] = SysRegSlot(ctx.layout, static_cast<ir::SysReg>(inst.arg(0).imm()));
  const Gpr d = ctx.Def(inst);
  if (wide) {
    ctx.as.LG(d, EmitContext::State(offset));
  } else {
    ctx.as.LLGF(d, EmitContext::State(offset));
  }
}

template <>
void EmitIR<ir::Opcode::SetSysReg>(EmitContext& ctx, const ir::Inst& inst) {
  const auto [offset, wide] = SysRegSlot(ctx.layout, static_cast<ir::SysReg>(inst.arg(0).imm()));
  const Gpr value = ctx.Use(inst.arg(1), kScratch1);
  if (wide) {
    ctx.as.STG(value, EmitContext::State(offset));
  } else {
    ctx.as.ST(value, EmitContext::State(offset));
  }
}

template <>
void EmitIR<ir::Opcode::GetCounter>(EmitContext& ctx, const ir::Inst& inst) {
  // STCKF stores the TOD clock (bit 51 = 1 microsecond) without the uniqueness work of STCK.
  const Mem slot(r15, 152);
  ctx.as.STCKF(BaseDisp(r15, 152));
  const Gpr d = ctx.Def(inst);
  ctx.as.LG(d, slot);
}

template <>
void EmitIR<ir::Opcode::RequestCodeInvalidation>(EmitContext& ctx, const ir::Inst& inst) {
  ctx.as.STG(ctx.Use(inst.arg(0), kScratch1), EmitContext::State(ctx.layout.invalidate));
}

}  // namespace sae::backend::s390x
