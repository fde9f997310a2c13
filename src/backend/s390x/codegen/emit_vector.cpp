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
void EmitIR<Opcode::VectorFromHalves>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr low = ctx.Use(inst.arg(0), kScratch0);
  const Gpr high = ctx.Use(inst.arg(1), kScratch1);
  ctx.as.VLVGP(ctx.VectorDef(inst), low, high);  // R2 to doubleword 0, R3 to doubleword 1
}
// Element 0 gets the value, then every element a copy of it: the lane order does not matter.
template <>
void EmitIR<Opcode::VectorBroadcast>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr value = ctx.Use(inst.arg(1), kScratch1);
  const Vr d = ctx.VectorDef(inst);
  ctx.as.VLVG(d, value, BaseDisp(r0, 0), ElementMask(inst));
  ctx.as.VREP(d, d, 0, ElementMask(inst));
}
namespace {
using VectorShift = void (Assembler::*)(Vr, Vr, BaseDisp, Mask);
void ShiftByImmediate(EmitContext& ctx, const ir::Inst& inst, VectorShift op) {
  const Vr a = ctx.VectorUse(inst.arg(1));
  (ctx.as.*op)(ctx.VectorDef(inst), a, BaseDisp(r0, static_cast<std::int32_t>(inst.arg(2).imm())),
               ElementMask(inst));
}
}  // namespace
template <>
void EmitIR<Opcode::VectorShiftLeft>(EmitContext& ctx, const ir::Inst& inst) {
  ShiftByImmediate(ctx, inst, &Assembler::VESL);
}
template <>
void EmitIR<Opcode::VectorLogicalShiftRight>(EmitContext& ctx, const ir::Inst& inst) {
  ShiftByImmediate(ctx, inst, &Assembler::VESRL);
}
template <>
void EmitIR<Opcode::VectorArithmeticShiftRight>(EmitContext& ctx, const ir::Inst& inst) {
  ShiftByImmediate(ctx, inst, &Assembler::VESRA);
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
// r0, r1 and r14 are scratch anyway. No vector value may be live (v16-v31 are call-clobbered).
// An instruction the interpreter finds UNDEFINED leaves at `pc`.
void EmitInterpreterCall(EmitContext& ctx, std::uint64_t word, std::uint64_t encoding,
                         std::uint64_t pc) {
  Assembler& as = ctx.as;
  if (ctx.VectorsLive()) return ctx.Fail("a vector value lives across an interpreter call");
  as.STMG(r2, r5, BaseDisp(kStateRegister, ctx.layout.call_save));
  as.LGR(r2, kStateRegister);
  as.LoadConstant(r3, word);
  as.LoadConstant(r4, encoding);
  as.LG(kScratch1, EmitContext::State(ctx.layout.interpreter));
  as.BASR(r14, kScratch1);
  as.LGR(kScratch0, r2);
  as.LMG(r2, r5, BaseDisp(kStateRegister, ctx.layout.call_save));
  as.CIJ(kScratch0, 0, Cond::NotEqual, Rel16(ctx.UndefinedStub(pc)));
}

template <>
void EmitIR<Opcode::Interpret>(EmitContext& ctx, const ir::Inst& inst) {
  EmitInterpreterCall(ctx, inst.arg(0).imm(), inst.arg(1).imm(), inst.pc());
}

// ---- FP arithmetic inline, with the interpreter as the exact path. s390x BFP and Arm give the
// same correctly rounded result and inexact flag for ordinary operands; they differ in NaN
// propagation details, tininess detection and FZ/DN, which the fast path never meets: it runs
// only with FPCR's RMode, FZ and DN zero, clears the FPC's flags first, and leaves for the
// interpreter (which starts over from the unchanged registers) when the operation raises any
// IEEE flag but inexact or produces a NaN.
namespace {

constexpr std::uint16_t kFpcrSpecialModes = 0x03c0;  // FPCR bits 25:22 (DN, FZ, RMode) in bits 31:16
constexpr std::uint16_t kFpcExceptionalFlags = 0x00f0;  // FPC invalid, divide, overflow, underflow
constexpr std::uint16_t kFpcInexactFlag = 0x0008;
constexpr std::uint8_t kFpsrIxc = 0x10;

// Loads V[reg] for the operation: a scalar single value goes to word element 0 (where the W
// instructions take it), everything else is the whole register (a double in doubleword 0).
// 64-bit vector arrangements get zero upper lanes, so garbage there never looks exceptional.
void LoadOperand(EmitContext& ctx, const ir::FPForm& form, Vr target, unsigned reg) {
  const std::int32_t offset = ctx.layout.vector + 16 * static_cast<std::int32_t>(reg);
  if (!form.vector && !form.double_precision) {
    ctx.as.VLEF(target, EmitContext::State(offset + 4), 0);  // bits 31:0 of the big-endian doubleword
    return;
  }
  ctx.as.VL(target, EmitContext::State(offset), 0);
  if (form.vector && !form.q) ctx.as.VLEIG(target, 0, 1);
}

// Branches to `exact` unless FPCR selects round-to-nearest without FZ and DN; then clears the
// FPC (round to nearest, no traps, no flags) for the operation.
void EnterFastPath(EmitContext& ctx, Label& exact) {
  ctx.as.L(kScratch1, EmitContext::State(ctx.layout.fpcr));
  ctx.as.TMLH(kScratch1, kFpcrSpecialModes);
  ctx.as.BRC(Cond::NotEqual, Rel16(exact));  // CC 1 or 3: a mode bit is set
  ctx.as.LHI(kScratch0, 0);
  ctx.as.SFPC(kScratch0);
}

// FPSR.IXC |= the FPC's inexact flag (`fpc` holds the FPC).
void RecordInexact(EmitContext& ctx, Gpr fpc) {
  Label exact_result;
  ctx.as.TMLH(fpc, kFpcInexactFlag);
  ctx.as.BRC(Cond::Equal, Rel16(exact_result));  // CC 0: the bit is zero
  ctx.as.OI(BaseDisp(kStateRegister, ctx.layout.fpsr + 3), kFpsrIxc);  // FPSR bits 7:0, big-endian
  ctx.as.Bind(exact_result);
}

}  // namespace

template <>
void EmitIR<Opcode::FloatingPoint>(EmitContext& ctx, const ir::Inst& inst) {
  Assembler& as = ctx.as;
  if (ctx.VectorsLive()) return ctx.Fail("a vector value lives across FloatingPoint");
  const ir::FPForm form = ir::FPForm::Unpack(inst.arg(0).imm());
  const std::uint64_t registers = inst.arg(1).imm();
  const unsigned d = registers & 31, n = (registers >> 5) & 31, m = (registers >> 10) & 31,
                 a = (registers >> 15) & 31;
  const Vr vn(kFirstAllocatableVector), vm(kFirstAllocatableVector + 1),
      va(kFirstAllocatableVector + 2), result(kFirstAllocatableVector + 3);
  const Mask format = form.double_precision ? 3 : 2;
  const Mask single_element = form.vector ? 0 : 8;
  Label exact, done;

  EnterFastPath(ctx, exact);
  LoadOperand(ctx, form, vn, n);
  LoadOperand(ctx, form, vm, m);
  switch (form.operation) {
    case ir::FPOperation::Add: as.VFA(result, vn, vm, format, single_element); break;
    case ir::FPOperation::Sub: as.VFS(result, vn, vm, format, single_element); break;
    case ir::FPOperation::Mul: as.VFM(result, vn, vm, format, single_element); break;
    case ir::FPOperation::Div: as.VFD(result, vn, vm, format, single_element); break;
    default:
      // Arm negates operands, never the result (FPMulAdd(a, -n, m) for FMSUB), which matters
      // for the sign of an exact zero: VFNMS/VFNMA would give -(+0).
      LoadOperand(ctx, form, va, a);
      if (form.operation == ir::FPOperation::MulSub || form.operation == ir::FPOperation::NegMulAdd) {
        as.VFPSO(vn, vn, format, single_element, 0);  // complement the sign
      }
      if (form.operation == ir::FPOperation::MulAdd || form.operation == ir::FPOperation::MulSub) {
        as.VFMA(result, vn, vm, va, single_element, format);  // n * m + a
      } else {
        as.VFMS(result, vn, vm, va, single_element, format);  // n * m - a
      }
      break;
  }
  as.EFPC(kScratch1);
  as.TMLH(kScratch1, kFpcExceptionalFlags);
  as.BRC(Cond::NotEqual, Rel16(exact));
  // A NaN result (from a quiet NaN operand, which raises nothing) compares unequal to itself.
  if (form.vector) {
    as.VFCE(va, result, result, format, 0, 1);  // CC 0: every lane equal
    as.BRC(Cond::NotEqual, Rel16(exact));
  } else {
    as.WFC(result, result, format, 0);
    as.BRC(Cond::Overflow, Rel16(exact));  // CC 3: unordered
  }
  RecordInexact(ctx, kScratch1);
  const std::int32_t destination = ctx.layout.vector + 16 * static_cast<std::int32_t>(d);
  if (!form.vector && !form.double_precision) {
    // S[d], zero-extended to the whole register.
    as.VLGV(kScratch1, result, BaseDisp(r0, 0), 2);
    as.STG(kScratch1, EmitContext::State(destination));
    as.MVGHI(BaseDisp(kStateRegister, destination + 8), 0);
  } else {
    if (!form.vector || !form.q) as.VLEIG(result, 0, 1);
    as.VST(result, EmitContext::State(destination), 0);
  }
  as.BRC(Cond::Always, Rel16(done));
  as.Bind(exact);
  EmitInterpreterCall(ctx, inst.arg(2).imm(), inst.arg(3).imm(), inst.pc());
  as.Bind(done);
}

// Conversions on FloatingPoint's terms, through f0 (call-clobbered, unused elsewhere). A short
// (single) value occupies the left half of an FPR, bits 31:0 of V are bytes 4-7 of its first
// big-endian doubleword.
template <>
void EmitIR<Opcode::FloatingPointConvert>(EmitContext& ctx, const ir::Inst& inst) {
  using ir::FPConversion;
  Assembler& as = ctx.as;
  const ir::FPConvertForm form = ir::FPConvertForm::Unpack(inst.arg(0).imm());
  const std::uint64_t registers = inst.arg(1).imm();
  const unsigned d = registers & 31, n = (registers >> 5) & 31;
  const Fpr value(0);
  const Gpr integer = kScratch1, fpc = kScratch2;
  const std::int32_t vn = ctx.layout.vector + 16 * static_cast<std::int32_t>(n);
  const std::int32_t vd = ctx.layout.vector + 16 * static_cast<std::int32_t>(d);
  Label exact, done;
  EnterFastPath(ctx, exact);
  const bool to_integer = form.conversion == FPConversion::FloatToSigned ||
                          form.conversion == FPConversion::FloatToUnsigned;
  const bool from_integer = form.conversion == FPConversion::SignedToFloat ||
                            form.conversion == FPConversion::UnsignedToFloat;
  // The source.
  if (from_integer) {
    const bool is_signed = form.conversion == FPConversion::SignedToFloat;
    const std::int32_t xn = ctx.layout.x0 + 8 * static_cast<std::int32_t>(n);
    if (n == 31) {
      as.LGHI(integer, 0);
    } else if (form.int64) {
      as.LG(integer, EmitContext::State(xn));
    } else if (is_signed) {
      as.LGF(integer, EmitContext::State(xn + 4));
    } else {
      as.LLGF(integer, EmitContext::State(xn + 4));
    }
  } else {
    const bool source_double = form.conversion == FPConversion::DoubleToSingle ||
                               (to_integer && form.double_precision);
    if (source_double) {
      as.LD(value, EmitContext::State(vn));
    } else {
      as.LE(value, EmitContext::State(vn + 4));
    }
  }
  // The conversion (64-bit integer forms: a sign- or zero-extended 32-bit source converts the
  // same). M3 5: round toward zero; the others use the FPC's round-to-nearest.
  constexpr std::uint8_t kTowardZero = 5;
  switch (form.conversion) {
    case FPConversion::SignedToFloat:
      if (form.double_precision) as.CDGBR(value, integer); else as.CEGBR(value, integer);
      break;
    case FPConversion::UnsignedToFloat:
      if (form.double_precision) as.CDLGBR(value, 0, integer, 0); else as.CELGBR(value, 0, integer, 0);
      break;
    case FPConversion::FloatToSigned:
      if (form.double_precision) {
        if (form.int64) as.CGDBR(integer, kTowardZero, value); else as.CFDBR(integer, kTowardZero, value);
      } else {
        if (form.int64) as.CGEBR(integer, kTowardZero, value); else as.CFEBR(integer, kTowardZero, value);
      }
      break;
    case FPConversion::FloatToUnsigned:
      if (form.double_precision) {
        if (form.int64) as.CLGDBR(integer, kTowardZero, value, 0); else as.CLFDBR(integer, kTowardZero, value, 0);
      } else {
        if (form.int64) as.CLGEBR(integer, kTowardZero, value, 0); else as.CLFEBR(integer, kTowardZero, value, 0);
      }
      break;
    case FPConversion::SingleToDouble: as.LDEBR(value, value); break;
    case FPConversion::DoubleToSingle: as.LEDBR(value, value); break;
  }
  as.EFPC(fpc);
  as.TMLH(fpc, kFpcExceptionalFlags);
  as.BRC(Cond::NotEqual, Rel16(exact));
  if (!to_integer && !from_integer) {  // a quiet NaN passes through without a flag
    if (form.conversion == FPConversion::SingleToDouble) as.LTDBR(value, value); else as.LTEBR(value, value);
    as.BRC(Cond::Overflow, Rel16(exact));  // CC 3: NaN
  }
  RecordInexact(ctx, fpc);
  // The destination.
  if (to_integer) {
    if (d != 31) {
      if (!form.int64) as.LLGFR(integer, integer);  // W writes zero-extend
      as.STG(integer, EmitContext::State(ctx.layout.x0 + 8 * static_cast<std::int32_t>(d)));
    }
  } else {
    const bool result_double = form.conversion == FPConversion::SingleToDouble ||
                               (from_integer && form.double_precision);
    as.LGDR(integer, value);
    if (!result_double) as.SRLG(integer, integer, BaseDisp(r0, 32));
    as.STG(integer, EmitContext::State(vd));
    as.MVGHI(BaseDisp(kStateRegister, vd + 8), 0);
  }
  as.BRC(Cond::Always, Rel16(done));
  as.Bind(exact);
  EmitInterpreterCall(ctx, inst.arg(2).imm(), inst.arg(3).imm(), inst.pc());
  as.Bind(done);
}

// FCMP/FCMPE: the quiet BFP compare's condition code becomes Arm's NZCV (equal 0110, less
// 1000, greater 0010). Unordered operands (a NaN: IOC rules differ between FCMP and FCMPE, and
// FZ would flush denormals) go to the interpreter; ordered compares raise no flag.
template <>
void EmitIR<Opcode::FloatingPointCompare>(EmitContext& ctx, const ir::Inst& inst) {
  Assembler& as = ctx.as;
  const std::uint64_t form = inst.arg(0).imm();
  const bool double_precision = (form & 1) != 0, with_zero = (form & 2) != 0;
  const std::uint64_t registers = inst.arg(1).imm();
  const std::int32_t vn = ctx.layout.vector + 16 * static_cast<std::int32_t>(registers & 31);
  const std::int32_t vm = ctx.layout.vector + 16 * static_cast<std::int32_t>((registers >> 5) & 31);
  const Fpr left(0), right(2);
  Label exact, done;
  EnterFastPath(ctx, exact);
  if (double_precision) {
    as.LD(left, EmitContext::State(vn));
    if (with_zero) as.LZDR(right); else as.LD(right, EmitContext::State(vm));
    as.CDBR(left, right);
  } else {
    as.LE(left, EmitContext::State(vn + 4));
    if (with_zero) as.LZER(right); else as.LE(right, EmitContext::State(vm + 4));
    as.CEBR(left, right);
  }
  as.BRC(Cond::Overflow, Rel16(exact));  // CC 3: unordered
  as.LHI(kScratch1, 0x2);
  as.LOCHI(kScratch1, 0x6, Cond::Equal);
  as.LOCHI(kScratch1, 0x8, Cond::Low);
  as.SLLG(kScratch1, kScratch1, BaseDisp(r0, 28));
  const Mem pstate_low = EmitContext::State(ctx.layout.pstate + 4);  // bits 31:0, big-endian
  as.L(kScratch0, pstate_low);
  as.NILF(kScratch0, 0x0fffffff);
  as.OR(kScratch0, kScratch1);
  as.ST(kScratch0, pstate_low);
  as.BRC(Cond::Always, Rel16(done));
  as.Bind(exact);
  EmitInterpreterCall(ctx, inst.arg(2).imm(), inst.arg(3).imm(), inst.pc());
  as.Bind(done);
}

}  // namespace sae::backend::s390x
