// SIMD&FP registers in the control block, and calls of the A64 interpreter.
#include "backend/s390x/codegen/emit_ir.h"

namespace sae::backend::s390x {

using ir::Opcode;

namespace {
std::int32_t HalfOffset(const EmitContext& ctx, const ir::Inst& inst) {
  return ctx.layout.vector + 16 * static_cast<std::int32_t>(inst.arg(0).imm()) +
         8 * static_cast<std::int32_t>(inst.arg(1).imm());
}
}  // namespace

template <>
void EmitIR<Opcode::GetVectorHalf>(EmitContext& ctx, const ir::Inst& inst) {
  ctx.as.LG(ctx.Def(inst), EmitContext::State(HalfOffset(ctx, inst)));
}

template <>
void EmitIR<Opcode::SetVectorHalf>(EmitContext& ctx, const ir::Inst& inst) {
  ctx.as.STG(ctx.Use(inst.arg(2), kScratch1), EmitContext::State(HalfOffset(ctx, inst)));
}

// ---- Whole V registers. The control block holds V[n] as two host-order doublewords, bits 63:0
// first, so VL puts bits 63:0 in doubleword element 0 and bits 127:64 in element 1. Lanes of up
// to 64 bits stay inside their doubleword, so element-wise operations are the s390x ones.
namespace {
std::int32_t VectorOffset(const EmitContext& ctx, const ir::Inst& inst) {
  return ctx.layout.vector + 16 * static_cast<std::int32_t>(inst.arg(0).imm());
}
// The M field of an element size in bits (8 -> 0, ..., 64 -> 3).
std::uint8_t ElementMask(const ir::Inst& inst) {
  switch (inst.arg(0).imm()) {
    case 8: return 0;
    case 16: return 1;
    case 32: return 2;
    default: return 3;
  }
}
using VectorRRR = void (Assembler::*)(Vr, Vr, Vr);
using VectorRRRM = void (Assembler::*)(Vr, Vr, Vr, Mask);
void Bitwise(EmitContext& ctx, const ir::Inst& inst, VectorRRR op) {
  const Vr a = ctx.VectorUse(inst.arg(0)), b = ctx.VectorUse(inst.arg(1));
  (ctx.as.*op)(ctx.VectorDef(inst), a, b);
}
void Elementwise(EmitContext& ctx, const ir::Inst& inst, VectorRRRM op) {
  const Vr a = ctx.VectorUse(inst.arg(1)), b = ctx.VectorUse(inst.arg(2));
  (ctx.as.*op)(ctx.VectorDef(inst), a, b, ElementMask(inst));
}
}  // namespace

template <>
void EmitIR<Opcode::GetVector>(EmitContext& ctx, const ir::Inst& inst) {
  ctx.as.VL(ctx.VectorDef(inst), EmitContext::State(VectorOffset(ctx, inst)), 0);
}
template <>
void EmitIR<Opcode::SetVector>(EmitContext& ctx, const ir::Inst& inst) {
  ctx.as.VST(ctx.VectorUse(inst.arg(1)), EmitContext::State(VectorOffset(ctx, inst)), 0);
}
template <>
void EmitIR<Opcode::VectorZero>(EmitContext& ctx, const ir::Inst& inst) {
  ctx.as.VGBM(ctx.VectorDef(inst), 0);
}
template <>
void EmitIR<Opcode::VectorZeroUpper>(EmitContext& ctx, const ir::Inst& inst) {
  const Vr a = ctx.VectorUse(inst.arg(0));
  const Vr d = ctx.VectorDef(inst);
  if (d != a) ctx.as.VLR(d, a);
  ctx.as.VLEIG(d, 0, 1);  // doubleword element 1: bits 127:64
}
template <>
void EmitIR<Opcode::VectorAnd>(EmitContext& ctx, const ir::Inst& inst) { Bitwise(ctx, inst, &Assembler::VN); }
template <>
void EmitIR<Opcode::VectorAndNot>(EmitContext& ctx, const ir::Inst& inst) { Bitwise(ctx, inst, &Assembler::VNC); }
template <>
void EmitIR<Opcode::VectorOr>(EmitContext& ctx, const ir::Inst& inst) { Bitwise(ctx, inst, &Assembler::VO); }
template <>
void EmitIR<Opcode::VectorOrNot>(EmitContext& ctx, const ir::Inst& inst) { Bitwise(ctx, inst, &Assembler::VOC); }
template <>
void EmitIR<Opcode::VectorEor>(EmitContext& ctx, const ir::Inst& inst) { Bitwise(ctx, inst, &Assembler::VX); }
template <>
void EmitIR<Opcode::VectorNot>(EmitContext& ctx, const ir::Inst& inst) {
  const Vr a = ctx.VectorUse(inst.arg(0));
  ctx.as.VNO(ctx.VectorDef(inst), a, a);
}
template <>
void EmitIR<Opcode::VectorAdd>(EmitContext& ctx, const ir::Inst& inst) { Elementwise(ctx, inst, &Assembler::VA); }
template <>
void EmitIR<Opcode::VectorSub>(EmitContext& ctx, const ir::Inst& inst) { Elementwise(ctx, inst, &Assembler::VS); }
template <>
void EmitIR<Opcode::VectorMultiply>(EmitContext& ctx, const ir::Inst& inst) {
  if (inst.arg(0).imm() == 64) return ctx.Fail("VectorMultiply of 64-bit lanes");
  Elementwise(ctx, inst, &Assembler::VML);
}
template <>
void EmitIR<Opcode::VectorNegate>(EmitContext& ctx, const ir::Inst& inst) {
  const Vr a = ctx.VectorUse(inst.arg(1));
  ctx.as.VLC(ctx.VectorDef(inst), a, ElementMask(inst));
}
template <>
void EmitIR<Opcode::VectorAbs>(EmitContext& ctx, const ir::Inst& inst) {
  const Vr a = ctx.VectorUse(inst.arg(1));
  ctx.as.VLP(ctx.VectorDef(inst), a, ElementMask(inst));
}
// The compares' M5 = 0: no condition code wanted.
template <>
void EmitIR<Opcode::VectorEqual>(EmitContext& ctx, const ir::Inst& inst) {
  const Vr a = ctx.VectorUse(inst.arg(1)), b = ctx.VectorUse(inst.arg(2));
  ctx.as.VCEQ(ctx.VectorDef(inst), a, b, ElementMask(inst), 0);
}
template <>
void EmitIR<Opcode::VectorSignedGreater>(EmitContext& ctx, const ir::Inst& inst) {
  const Vr a = ctx.VectorUse(inst.arg(1)), b = ctx.VectorUse(inst.arg(2));
  ctx.as.VCH(ctx.VectorDef(inst), a, b, ElementMask(inst), 0);
}
template <>
void EmitIR<Opcode::VectorUnsignedGreater>(EmitContext& ctx, const ir::Inst& inst) {
  const Vr a = ctx.VectorUse(inst.arg(1)), b = ctx.VectorUse(inst.arg(2));
  ctx.as.VCHL(ctx.VectorDef(inst), a, b, ElementMask(inst), 0);
}
template <>
void EmitIR<Opcode::VectorSignedMax>(EmitContext& ctx, const ir::Inst& inst) { Elementwise(ctx, inst, &Assembler::VMX); }
template <>
void EmitIR<Opcode::VectorSignedMin>(EmitContext& ctx, const ir::Inst& inst) { Elementwise(ctx, inst, &Assembler::VMN); }
template <>
void EmitIR<Opcode::VectorUnsignedMax>(EmitContext& ctx, const ir::Inst& inst) { Elementwise(ctx, inst, &Assembler::VMXL); }
template <>
void EmitIR<Opcode::VectorUnsignedMin>(EmitContext& ctx, const ir::Inst& inst) { Elementwise(ctx, inst, &Assembler::VMNL); }

// A call with the s390x ELF ABI from inside generated code: r6-r13 survive it, and the callee
// saves them in the 160-byte register save area at the bottom of the entry thunk's frame,
// below the spill slots. r2-r5 may hold IR values, so they are kept in the state meanwhile;
// r0, r1 and r14 are scratch anyway. Generated code holds nothing in FP or vector registers.
template <>
void EmitIR<Opcode::Interpret>(EmitContext& ctx, const ir::Inst& inst) {
  Assembler& as = ctx.as;
  if (ctx.VectorsLive()) return ctx.Fail("a vector value lives across an interpreter call");
  as.STMG(r2, r5, BaseDisp(kStateRegister, ctx.layout.call_save));
  as.LGR(r2, kStateRegister);
  as.LoadConstant(r3, inst.arg(0).imm());
  as.LoadConstant(r4, inst.arg(1).imm());
  as.LG(kScratch1, EmitContext::State(ctx.layout.interpreter));
  as.BASR(r14, kScratch1);
  as.LGR(kScratch0, r2);
  as.LMG(r2, r5, BaseDisp(kStateRegister, ctx.layout.call_save));
  as.CIJ(kScratch0, 0, Cond::NotEqual, Rel16(ctx.UndefinedStub(inst.pc())));
}

}  // namespace sae::backend::s390x
