// Scalar FP: moves, arithmetic, compares, conversions and rounding.
#include "frontend/arm64/interpreter/fp_arithmetic.h"
#include "frontend/arm64/interpreter/fp_registers.h"
#include "frontend/arm64/interpreter/immediates.h"
#include "frontend/arm64/interpreter/interpreter_visitor.h"

namespace sae::frontend::arm64 {
namespace {

using fp::Rounding;

// ftype 10 is reserved; the decoder does not let it through.
fp::Format FormatOfType(Imm<2> type) {
  return type.value == 0 ? fp::kSingle : type.value == 1 ? fp::kDouble : fp::kHalf;
}

std::uint64_t Read(Interpreter& in, fp::Format format, Vec n) {
  return GetLane(in.V(n), format.bits, 0);
}

using Unary = std::uint64_t (*)(fp::Format, std::uint64_t, const fp::Control&);
using Binary = std::uint64_t (*)(fp::Format, std::uint64_t, std::uint64_t, const fp::Control&);

bool UnaryOp(Interpreter& in, Imm<2> type, Vec n, Vec d, Unary operation) {
  const fp::Format format = FormatOfType(type);
  SetScalar(in.V(d), operation(format, Read(in, format, n), FpControl(in.cpu)));
  return true;
}

bool BinaryOp(Interpreter& in, Imm<2> type, Vec m, Vec n, Vec d, Binary operation) {
  const fp::Format format = FormatOfType(type);
  SetScalar(in.V(d),
            operation(format, Read(in, format, n), Read(in, format, m), FpControl(in.cpu)));
  return true;
}

// The FRINT family: `rounding` nullopt means FPCR's mode.
bool RoundToIntegral(Interpreter& in, Imm<2> type, Vec n, Vec d, std::optional<Rounding> rounding,
                     bool exact) {
  const fp::Format format = FormatOfType(type);
  const fp::Control control = FpControl(in.cpu);
  SetScalar(in.V(d), fp::RoundInt(format, Read(in, format, n), control,
                                  rounding.value_or(control.RoundingMode()), exact));
  return true;
}

bool RoundToIntegralN(Interpreter& in, bool double_precision, Vec n, Vec d,
                      std::optional<Rounding> rounding, unsigned int_bits) {
  const fp::Format format = double_precision ? fp::kDouble : fp::kSingle;
  const fp::Control control = FpControl(in.cpu);
  SetScalar(in.V(d), fp::RoundIntN(format, Read(in, format, n), control,
                                   rounding.value_or(control.RoundingMode()), int_bits));
  return true;
}

bool ToInteger(Interpreter& in, bool sf, Imm<2> type, unsigned fraction_bits, Vec n, Reg d,
               std::optional<Rounding> rounding, bool is_unsigned) {
  const fp::Format format = FormatOfType(type);
  const fp::Control control = FpControl(in.cpu);
  const std::uint64_t result =
      fp::ToFixed(format, Read(in, format, n), fraction_bits, is_unsigned, sf ? 64 : 32, control,
                  rounding.value_or(control.RoundingMode()));
  in.SetX(d, result);
  return true;
}

bool FromInteger(Interpreter& in, bool sf, Imm<2> type, unsigned fraction_bits, Reg n, Vec d,
                 bool is_unsigned) {
  const fp::Format format = FormatOfType(type);
  const fp::Control control = FpControl(in.cpu);
  SetScalar(in.V(d), fp::FixedToFp(format, in.X(n), fraction_bits, is_unsigned, sf ? 64 : 32,
                                   control, control.RoundingMode()));
  return true;
}

bool CompareOp(Interpreter& in, Imm<2> type, Vec m, Vec n, bool with_zero, bool signal_nans) {
  const fp::Format format = FormatOfType(type);
  const std::uint64_t operand2 = with_zero ? 0 : Read(in, format, m);
  in.SetNzcv(fp::Compare(format, Read(in, format, n), operand2, signal_nans, FpControl(in.cpu)));
  return true;
}

bool ConditionalCompare(Interpreter& in, Imm<2> type, Vec m, Cond cond, Vec n, Imm<4> nzcv,
                        bool signal_nans) {
  if (!in.ConditionHolds(cond)) {
    in.SetNzcv(nzcv.value);
    return true;
  }
  return CompareOp(in, type, m, n, false, signal_nans);
}

// FMADD and its negated forms: addend + product with the named operands negated first (a
// negated NaN operand comes out negated).
bool MultiplyAdd(Interpreter& in, Imm<2> type, Vec m, Vec a, Vec n, Vec d, bool negate_addend,
                 bool negate_product) {
  const fp::Format format = FormatOfType(type);
  std::uint64_t addend = Read(in, format, a), operand1 = Read(in, format, n);
  if (negate_addend) addend = fp::Neg(format, addend);
  if (negate_product) operand1 = fp::Neg(format, operand1);
  SetScalar(in.V(d), fp::MulAdd(format, addend, operand1, Read(in, format, m), FpControl(in.cpu)));
  return true;
}

std::uint64_t Copy(fp::Format, std::uint64_t value, const fp::Control&) { return value; }
std::uint64_t Absolute(fp::Format format, std::uint64_t value, const fp::Control&) {
  return fp::Abs(format, value);
}
std::uint64_t Negate(fp::Format format, std::uint64_t value, const fp::Control&) {
  return fp::Neg(format, value);
}
std::uint64_t NegatedProduct(fp::Format format, std::uint64_t a, std::uint64_t b,
                             const fp::Control& control) {
  return fp::Neg(format, fp::Mul(format, a, b, control));
}

}  // namespace

// ---- FMOV (general): bit copies between general and SIMD&FP registers. Writing a scalar
// register zeroes the rest of the V register; writing the top half leaves the bottom alone.
bool Interpreter::FMOV_to_gen_32(Vec n, Reg d) {
  SetW(d, static_cast<std::uint32_t>(V(n)[0]));
  return true;
}
bool Interpreter::FMOV_from_gen_32(Reg n, Vec d) {
  SetScalar(V(d), X(n) & 0xffffffff);
  return true;
}
bool Interpreter::FMOV_to_gen_64(Vec n, Reg d) {
  SetX(d, V(n)[0]);
  return true;
}
bool Interpreter::FMOV_from_gen_64(Reg n, Vec d) {
  SetScalar(V(d), X(n));
  return true;
}
bool Interpreter::FMOV_to_gen_16(bool, Vec n, Reg d) {
  SetX(d, V(n)[0] & 0xffff);
  return true;
}
bool Interpreter::FMOV_from_gen_16(bool, Reg n, Vec d) {
  SetScalar(V(d), X(n) & 0xffff);
  return true;
}
bool Interpreter::FMOV_to_gen_top(Vec n, Reg d) {
  SetX(d, V(n)[1]);
  return true;
}
bool Interpreter::FMOV_from_gen_top(Reg n, Vec d) {
  V(d)[1] = X(n);
  return true;
}

// ---- Conversions between FP and fixed-point or integer values. The 32-bit fixed-point forms
// encode scale 32 + scale<4:0>, so fbits = 64 - scale.
bool Interpreter::SCVTF_float_fix_32(Imm<2> type, Imm<5> scale, Reg n, Vec d) {
  return FromInteger(*this, false, type, 32 - scale.value, n, d, false);
}
bool Interpreter::SCVTF_float_fix_64(Imm<2> type, Imm<6> scale, Reg n, Vec d) {
  return FromInteger(*this, true, type, 64 - scale.value, n, d, false);
}
bool Interpreter::UCVTF_float_fix_32(Imm<2> type, Imm<5> scale, Reg n, Vec d) {
  return FromInteger(*this, false, type, 32 - scale.value, n, d, true);
}
bool Interpreter::UCVTF_float_fix_64(Imm<2> type, Imm<6> scale, Reg n, Vec d) {
  return FromInteger(*this, true, type, 64 - scale.value, n, d, true);
}
bool Interpreter::FCVTZS_float_fix_32(Imm<2> type, Imm<5> scale, Vec n, Reg d) {
  return ToInteger(*this, false, type, 32 - scale.value, n, d, Rounding::Zero, false);
}
bool Interpreter::FCVTZS_float_fix_64(Imm<2> type, Imm<6> scale, Vec n, Reg d) {
  return ToInteger(*this, true, type, 64 - scale.value, n, d, Rounding::Zero, false);
}
bool Interpreter::FCVTZU_float_fix_32(Imm<2> type, Imm<5> scale, Vec n, Reg d) {
  return ToInteger(*this, false, type, 32 - scale.value, n, d, Rounding::Zero, true);
}
bool Interpreter::FCVTZU_float_fix_64(Imm<2> type, Imm<6> scale, Vec n, Reg d) {
  return ToInteger(*this, true, type, 64 - scale.value, n, d, Rounding::Zero, true);
}

bool Interpreter::FCVTNS_float_int(bool sf, Imm<2> type, Vec n, Reg d) {
  return ToInteger(*this, sf, type, 0, n, d, Rounding::TieEven, false);
}
bool Interpreter::FCVTNU_float_int(bool sf, Imm<2> type, Vec n, Reg d) {
  return ToInteger(*this, sf, type, 0, n, d, Rounding::TieEven, true);
}
bool Interpreter::FCVTAS_float_int(bool sf, Imm<2> type, Vec n, Reg d) {
  return ToInteger(*this, sf, type, 0, n, d, Rounding::TieAway, false);
}
bool Interpreter::FCVTAU_float_int(bool sf, Imm<2> type, Vec n, Reg d) {
  return ToInteger(*this, sf, type, 0, n, d, Rounding::TieAway, true);
}
bool Interpreter::FCVTPS_float_int(bool sf, Imm<2> type, Vec n, Reg d) {
  return ToInteger(*this, sf, type, 0, n, d, Rounding::PlusInfinity, false);
}
bool Interpreter::FCVTPU_float_int(bool sf, Imm<2> type, Vec n, Reg d) {
  return ToInteger(*this, sf, type, 0, n, d, Rounding::PlusInfinity, true);
}
bool Interpreter::FCVTMS_float_int(bool sf, Imm<2> type, Vec n, Reg d) {
  return ToInteger(*this, sf, type, 0, n, d, Rounding::MinusInfinity, false);
}
bool Interpreter::FCVTMU_float_int(bool sf, Imm<2> type, Vec n, Reg d) {
  return ToInteger(*this, sf, type, 0, n, d, Rounding::MinusInfinity, true);
}
bool Interpreter::FCVTZS_float_int(bool sf, Imm<2> type, Vec n, Reg d) {
  return ToInteger(*this, sf, type, 0, n, d, Rounding::Zero, false);
}
bool Interpreter::FCVTZU_float_int(bool sf, Imm<2> type, Vec n, Reg d) {
  return ToInteger(*this, sf, type, 0, n, d, Rounding::Zero, true);
}
bool Interpreter::SCVTF_float_int(bool sf, Imm<2> type, Reg n, Vec d) {
  return FromInteger(*this, sf, type, 0, n, d, false);
}
bool Interpreter::UCVTF_float_int(bool sf, Imm<2> type, Reg n, Vec d) {
  return FromInteger(*this, sf, type, 0, n, d, true);
}
bool Interpreter::FJCVTZS(Vec n, Reg d) {
  bool z = false;
  SetW(d, fp::ToFixedJs(V(n)[0], FpControl(cpu), z));
  SetNzcv(z ? 0b0100 : 0);
  return true;
}

// ---- Data-processing (1 source).
bool Interpreter::FMOV_float(Imm<2> type, Vec n, Vec d) { return UnaryOp(*this, type, n, d, Copy); }
bool Interpreter::FABS_float(Imm<2> type, Vec n, Vec d) {
  return UnaryOp(*this, type, n, d, Absolute);
}
bool Interpreter::FNEG_float(Imm<2> type, Vec n, Vec d) {
  return UnaryOp(*this, type, n, d, Negate);
}
bool Interpreter::FSQRT_float(Imm<2> type, Vec n, Vec d) {
  return UnaryOp(*this, type, n, d, fp::Sqrt);
}
bool Interpreter::FRINTN_float(Imm<2> type, Vec n, Vec d) {
  return RoundToIntegral(*this, type, n, d, Rounding::TieEven, false);
}
bool Interpreter::FRINTP_float(Imm<2> type, Vec n, Vec d) {
  return RoundToIntegral(*this, type, n, d, Rounding::PlusInfinity, false);
}
bool Interpreter::FRINTM_float(Imm<2> type, Vec n, Vec d) {
  return RoundToIntegral(*this, type, n, d, Rounding::MinusInfinity, false);
}
bool Interpreter::FRINTZ_float(Imm<2> type, Vec n, Vec d) {
  return RoundToIntegral(*this, type, n, d, Rounding::Zero, false);
}
bool Interpreter::FRINTA_float(Imm<2> type, Vec n, Vec d) {
  return RoundToIntegral(*this, type, n, d, Rounding::TieAway, false);
}
bool Interpreter::FRINTX_float(Imm<2> type, Vec n, Vec d) {
  return RoundToIntegral(*this, type, n, d, std::nullopt, true);
}
bool Interpreter::FRINTI_float(Imm<2> type, Vec n, Vec d) {
  return RoundToIntegral(*this, type, n, d, std::nullopt, false);
}
bool Interpreter::FCVT_float(Imm<2> type, Imm<2> opc, Vec n, Vec d) {
  const fp::Format from = FormatOfType(type), to = FormatOfType(opc);
  const fp::Control control = FpControl(cpu);
  SetScalar(V(d), fp::Convert(to, from, Read(*this, from, n), control, control.RoundingMode()));
  return true;
}
bool Interpreter::FRINT32Z_float(bool double_precision, Vec n, Vec d) {
  return RoundToIntegralN(*this, double_precision, n, d, Rounding::Zero, 32);
}
bool Interpreter::FRINT32X_float(bool double_precision, Vec n, Vec d) {
  return RoundToIntegralN(*this, double_precision, n, d, std::nullopt, 32);
}
bool Interpreter::FRINT64Z_float(bool double_precision, Vec n, Vec d) {
  return RoundToIntegralN(*this, double_precision, n, d, Rounding::Zero, 64);
}
bool Interpreter::FRINT64X_float(bool double_precision, Vec n, Vec d) {
  return RoundToIntegralN(*this, double_precision, n, d, std::nullopt, 64);
}

// ---- Compares, immediate, conditional compare and select, 2 and 3 sources.
bool Interpreter::FCMP_float(Imm<2> type, Vec m, Vec n) {
  return CompareOp(*this, type, m, n, false, false);
}
bool Interpreter::FCMP_float_zero(Imm<2> type, Vec m, Vec n) {
  return CompareOp(*this, type, m, n, true, false);
}
bool Interpreter::FCMPE_float(Imm<2> type, Vec m, Vec n) {
  return CompareOp(*this, type, m, n, false, true);
}
bool Interpreter::FCMPE_float_zero(Imm<2> type, Vec m, Vec n) {
  return CompareOp(*this, type, m, n, true, true);
}
bool Interpreter::FMOV_float_imm(Imm<2> type, Imm<8> imm8, Vec d) {
  const fp::Format format = FormatOfType(type);
  SetScalar(V(d), VfpExpandImm(imm8.value, format.exponent_bits,
                               1 + format.exponent_bits + format.fraction_bits));
  return true;
}
bool Interpreter::FCCMP_float(Imm<2> type, Vec m, Cond cond, Vec n, Imm<4> nzcv) {
  return ConditionalCompare(*this, type, m, cond, n, nzcv, false);
}
bool Interpreter::FCCMPE_float(Imm<2> type, Vec m, Cond cond, Vec n, Imm<4> nzcv) {
  return ConditionalCompare(*this, type, m, cond, n, nzcv, true);
}
bool Interpreter::FMUL_float(Imm<2> type, Vec m, Vec n, Vec d) {
  return BinaryOp(*this, type, m, n, d, fp::Mul);
}
bool Interpreter::FDIV_float(Imm<2> type, Vec m, Vec n, Vec d) {
  return BinaryOp(*this, type, m, n, d, fp::Div);
}
bool Interpreter::FADD_float(Imm<2> type, Vec m, Vec n, Vec d) {
  return BinaryOp(*this, type, m, n, d, fp::Add);
}
bool Interpreter::FSUB_float(Imm<2> type, Vec m, Vec n, Vec d) {
  return BinaryOp(*this, type, m, n, d, fp::Sub);
}
bool Interpreter::FMAX_float(Imm<2> type, Vec m, Vec n, Vec d) {
  return BinaryOp(*this, type, m, n, d, fp::Max);
}
bool Interpreter::FMIN_float(Imm<2> type, Vec m, Vec n, Vec d) {
  return BinaryOp(*this, type, m, n, d, fp::Min);
}
bool Interpreter::FMAXNM_float(Imm<2> type, Vec m, Vec n, Vec d) {
  return BinaryOp(*this, type, m, n, d, fp::MaxNum);
}
bool Interpreter::FMINNM_float(Imm<2> type, Vec m, Vec n, Vec d) {
  return BinaryOp(*this, type, m, n, d, fp::MinNum);
}
bool Interpreter::FNMUL_float(Imm<2> type, Vec m, Vec n, Vec d) {
  return BinaryOp(*this, type, m, n, d, NegatedProduct);
}
bool Interpreter::FCSEL_float(Imm<2> type, Vec m, Cond cond, Vec n, Vec d) {
  const fp::Format format = FormatOfType(type);
  SetScalar(V(d), Read(*this, format, ConditionHolds(cond) ? n : m));
  return true;
}
bool Interpreter::FMADD_float(Imm<2> type, Vec m, Vec a, Vec n, Vec d) {
  return MultiplyAdd(*this, type, m, a, n, d, false, false);
}
bool Interpreter::FMSUB_float(Imm<2> type, Vec m, Vec a, Vec n, Vec d) {
  return MultiplyAdd(*this, type, m, a, n, d, false, true);
}
bool Interpreter::FNMADD_float(Imm<2> type, Vec m, Vec a, Vec n, Vec d) {
  return MultiplyAdd(*this, type, m, a, n, d, true, true);
}
bool Interpreter::FNMSUB_float(Imm<2> type, Vec m, Vec a, Vec n, Vec d) {
  return MultiplyAdd(*this, type, m, a, n, d, true, false);
}

}  // namespace sae::frontend::arm64
