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

// A call with the s390x ELF ABI from inside generated code: r6-r13 survive it, and the callee
// saves them in the 160-byte register save area at the bottom of the entry thunk's frame,
// below the spill slots. r2-r5 may hold IR values, so they are kept in the state meanwhile;
// r0, r1 and r14 are scratch anyway. Generated code holds nothing in FP or vector registers.
template <>
void EmitIR<Opcode::Interpret>(EmitContext& ctx, const ir::Inst& inst) {
  Assembler& as = ctx.as;
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
