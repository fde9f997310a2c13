// Advanced SIMD floating point, vector and scalar: three same, two-register miscellaneous,
// across lanes, pairwise, by element and the fixed-point shifts by immediate. Every lane goes
// through fp_arithmetic's pseudocode functions.
#include <optional>

#include "frontend/arm64/interpreter/fp_arithmetic.h"
#include "frontend/arm64/interpreter/fp_registers.h"
#include "frontend/arm64/interpreter/interpreter_visitor.h"

namespace sae::frontend::arm64 {
namespace {

using fp::Rounding;

unsigned SizeOf(bool sz) { return sz ? 64 : 32; }

// Vector bits: 128 or 64, and 0 for the reserved one-double arrangement (sz = 1, Q = 0).
unsigned DataSize(bool q, unsigned esize) { return q ? 128 : esize == 64 ? 0 : 64; }

// Sets Vd to `lanes` results of `lane(format, control, index)`; scalar forms pass datasize =
// esize. Bits above datasize become zero.
template <class LaneFunction>
bool ForEachLane(Interpreter& in, unsigned datasize, unsigned esize, Vec d, LaneFunction lane) {
  if (datasize == 0) return false;
  const fp::Format format = fp::FormatOf(esize);
  const fp::Control control = FpControl(in.cpu);
  VectorHalves result = {0, 0};
  for (unsigned i = 0; i < datasize / esize; ++i) {
    SetLane(result, esize, i, lane(format, control, i));
  }
  in.V(d)[0] = result[0];
  in.V(d)[1] = result[1];
  return true;
}

template <class Operation>
bool Unary(Interpreter& in, unsigned datasize, unsigned esize, Vec n, Vec d, Operation operation) {
  const VectorHalves& vn = in.V(n);
  return ForEachLane(in, datasize, esize, d,
                     [&](fp::Format format, const fp::Control& control, unsigned i) {
                       return operation(format, GetLane(vn, esize, i), control);
                     });
}

template <class Operation>
bool Binary(Interpreter& in, unsigned datasize, unsigned esize, Vec m, Vec n, Vec d,
            Operation operation) {
  const VectorHalves &vn = in.V(n), &vm = in.V(m);
  return ForEachLane(
      in, datasize, esize, d, [&](fp::Format format, const fp::Control& control, unsigned i) {
        return operation(format, GetLane(vn, esize, i), GetLane(vm, esize, i), control);
      });
}

// FMLA/FMLS: Vd + (-)Vn * Vm fused, with `element` picking Vm's lane.
template <class Element>
bool FusedAccumulate(Interpreter& in, unsigned datasize, unsigned esize, Vec n, Vec d,
                     bool subtract, Element element) {
  const VectorHalves &vn = in.V(n), &vd = in.V(d);
  return ForEachLane(
      in, datasize, esize, d, [&](fp::Format format, const fp::Control& control, unsigned i) {
        std::uint64_t product1 = GetLane(vn, esize, i);
        if (subtract) product1 = fp::Neg(format, product1);
        return fp::MulAdd(format, GetLane(vd, esize, i), product1, element(i), control);
      });
}

bool Accumulate(Interpreter& in, unsigned datasize, unsigned esize, Vec m, Vec n, Vec d,
                bool subtract) {
  const VectorHalves& vm = in.V(m);
  return FusedAccumulate(in, datasize, esize, n, d, subtract,
                         [&](unsigned i) { return GetLane(vm, esize, i); });
}

// Pairs of adjacent lanes of Vm:Vn (Vn the lower half of the concatenation).
template <class Operation>
bool Pairwise(Interpreter& in, unsigned datasize, unsigned esize, Vec m, Vec n, Vec d,
              Operation operation) {
  const VectorHalves &vn = in.V(n), &vm = in.V(m);
  const unsigned lanes = datasize == 0 ? 0 : datasize / esize;
  auto concatenated = [&](unsigned j) {
    return j < lanes ? GetLane(vn, esize, j) : GetLane(vm, esize, j - lanes);
  };
  return ForEachLane(
      in, datasize, esize, d, [&](fp::Format format, const fp::Control& control, unsigned i) {
        return operation(format, concatenated(2 * i), concatenated(2 * i + 1), control);
      });
}

// Reduce() of the Arm ARM: halves combine recursively, lower half first.
template <class Operation>
std::uint64_t Reduce(const VectorHalves& v, unsigned esize, unsigned first, unsigned count,
                     fp::Format format, const fp::Control& control, Operation operation) {
  if (count == 1) return GetLane(v, esize, first);
  const unsigned half = count / 2;
  const std::uint64_t low = Reduce(v, esize, first, half, format, control, operation);
  const std::uint64_t high = Reduce(v, esize, first + half, half, format, control, operation);
  return operation(format, low, high, control);
}

template <class Operation>
bool AcrossLanes(Interpreter& in, unsigned datasize, unsigned esize, Vec n, Vec d,
                 Operation operation) {
  const VectorHalves& vn = in.V(n);
  return ForEachLane(in, esize, esize, d,
                     [&](fp::Format format, const fp::Control& control, unsigned) {
                       return Reduce(vn, esize, 0, datasize / esize, format, control, operation);
                     });
}

// The scalar pairwise forms: the two lanes of Vn's low 2 * esize bits.
template <class Operation>
bool PairOfLanes(Interpreter& in, unsigned esize, Vec n, Vec d, Operation operation) {
  return AcrossLanes(in, 2 * esize, esize, n, d, operation);
}

std::uint64_t Mask(fp::Format format, bool condition) { return condition ? Ones(format.bits) : 0; }

std::uint64_t Equal(fp::Format format, std::uint64_t a, std::uint64_t b,
                    const fp::Control& control) {
  return Mask(format, fp::CompareEq(format, a, b, control));
}
std::uint64_t GreaterOrEqual(fp::Format format, std::uint64_t a, std::uint64_t b,
                             const fp::Control& control) {
  return Mask(format, fp::CompareGe(format, a, b, control));
}
std::uint64_t Greater(fp::Format format, std::uint64_t a, std::uint64_t b,
                      const fp::Control& control) {
  return Mask(format, fp::CompareGt(format, a, b, control));
}
std::uint64_t AbsoluteGreaterOrEqual(fp::Format format, std::uint64_t a, std::uint64_t b,
                                     const fp::Control& control) {
  return GreaterOrEqual(format, fp::Abs(format, a), fp::Abs(format, b), control);
}
std::uint64_t AbsoluteGreater(fp::Format format, std::uint64_t a, std::uint64_t b,
                              const fp::Control& control) {
  return Greater(format, fp::Abs(format, a), fp::Abs(format, b), control);
}
std::uint64_t AbsoluteDifference(fp::Format format, std::uint64_t a, std::uint64_t b,
                                 const fp::Control& control) {
  return fp::Abs(format, fp::Sub(format, a, b, control));
}

std::uint64_t EqualToZero(fp::Format format, std::uint64_t a, const fp::Control& control) {
  return Equal(format, a, 0, control);
}
std::uint64_t GreaterThanZero(fp::Format format, std::uint64_t a, const fp::Control& control) {
  return Greater(format, a, 0, control);
}
std::uint64_t GreaterOrEqualToZero(fp::Format format, std::uint64_t a, const fp::Control& control) {
  return GreaterOrEqual(format, a, 0, control);
}
std::uint64_t LessThanZero(fp::Format format, std::uint64_t a, const fp::Control& control) {
  return Greater(format, 0, a, control);
}
std::uint64_t LessOrEqualToZero(fp::Format format, std::uint64_t a, const fp::Control& control) {
  return GreaterOrEqual(format, 0, a, control);
}
std::uint64_t Absolute(fp::Format format, std::uint64_t a, const fp::Control&) {
  return fp::Abs(format, a);
}
std::uint64_t Negate(fp::Format format, std::uint64_t a, const fp::Control&) {
  return fp::Neg(format, a);
}

// Lane operations of the instructions that name a rounding mode (nullopt: FPCR's).
auto RoundIntegral(std::optional<Rounding> rounding, bool exact) {
  return [=](fp::Format format, std::uint64_t a, const fp::Control& control) {
    return fp::RoundInt(format, a, control, rounding.value_or(control.RoundingMode()), exact);
  };
}
auto RoundIntegralN(std::optional<Rounding> rounding, unsigned int_bits) {
  return [=](fp::Format format, std::uint64_t a, const fp::Control& control) {
    return fp::RoundIntN(format, a, control, rounding.value_or(control.RoundingMode()), int_bits);
  };
}
auto ToInteger(Rounding rounding, bool is_unsigned, unsigned fraction_bits) {
  return [=](fp::Format format, std::uint64_t a, const fp::Control& control) {
    return fp::ToFixed(format, a, fraction_bits, is_unsigned, format.bits, control, rounding);
  };
}
auto FromInteger(bool is_unsigned, unsigned fraction_bits) {
  return [=](fp::Format format, std::uint64_t a, const fp::Control& control) {
    return fp::FixedToFp(format, a, fraction_bits, is_unsigned, format.bits, control,
                         control.RoundingMode());
  };
}

// By element: the Vm lane index and register of H:L:M, M:Rm (see FP by element in the Arm ARM).
struct ElementOperand {
  unsigned index;
  Vec m;
};
ElementOperand ElementOf(unsigned esize, bool l, bool m_high, Imm<4> m, bool h) {
  switch (esize) {
    case 16:
      return {(unsigned{h} << 2) | (unsigned{l} << 1) | unsigned{m_high}, Vec(m.value)};
    case 32:
      return {(unsigned{h} << 1) | unsigned{l}, Vec((unsigned{m_high} << 4) | m.value)};
    default:
      return {unsigned{h}, Vec((unsigned{m_high} << 4) | m.value)};
  }
}

template <class Operation>
bool ByElement(Interpreter& in, unsigned datasize, unsigned esize, bool l, bool m_high, Imm<4> m,
               bool h, Vec n, Vec d, Operation operation) {
  const ElementOperand element = ElementOf(esize, l, m_high, m, h);
  const std::uint64_t value = GetLane(in.V(element.m), esize, element.index);
  const VectorHalves& vn = in.V(n);
  return ForEachLane(in, datasize, esize, d,
                     [&](fp::Format format, const fp::Control& control, unsigned i) {
                       return operation(format, GetLane(vn, esize, i), value, control);
                     });
}

bool AccumulateByElement(Interpreter& in, unsigned datasize, unsigned esize, bool l, bool m_high,
                         Imm<4> m, bool h, Vec n, Vec d, bool subtract) {
  const ElementOperand element = ElementOf(esize, l, m_high, m, h);
  const std::uint64_t value = GetLane(in.V(element.m), esize, element.index);
  return FusedAccumulate(in, datasize, esize, n, d, subtract, [=](unsigned) { return value; });
}

// The fixed-point shifts by immediate: immh selects the element size (001x half, 01xx single,
// 1xxx double; 000x is not these encodings) and immh:immb = 2 * esize - fbits.
unsigned ShiftElementSize(Imm<4> immh) { return immh.Bit(3) ? 64 : immh.Bit(2) ? 32 : 16; }
unsigned FractionBits(Imm<4> immh, Imm<3> immb) {
  return 2 * ShiftElementSize(immh) - ((immh.value << 3) | immb.value);
}

// FCVTN/FCVTXN: narrow Vn's 128 bits into the lower (Q = 0, upper cleared) or upper half of Vd.
bool Narrow(Interpreter& in, bool q, unsigned to_size, Vec n, Vec d,
            std::optional<Rounding> rounding) {
  const fp::Format to = fp::FormatOf(to_size), from = fp::FormatOf(2 * to_size);
  const fp::Control control = FpControl(in.cpu);
  const VectorHalves& vn = in.V(n);
  std::uint64_t part = 0;
  for (unsigned i = 0; i < 64 / to_size; ++i) {
    const std::uint64_t result = fp::Convert(to, from, GetLane(vn, from.bits, i), control,
                                             rounding.value_or(control.RoundingMode()));
    part |= result << (i * to_size);
  }
  in.V(d)[q ? 1 : 0] = part;
  if (!q) in.V(d)[1] = 0;
  return true;
}

// FCMA: the element size of `size` (01 half, 10 single, 11 double; 00 is reserved).
unsigned ComplexElementSize(Imm<2> size) { return 8u << size.value; }

// FCMLA: Vd + Vn * Vm on complex pairs (real parts in even lanes), Vm rotated by rot * 90
// degrees; `pair(e, k)` is lane k of the Vm pair that multiplies pair e.
template <class Pair>
bool ComplexMultiplyAccumulate(Interpreter& in, unsigned datasize, unsigned esize, Vec n, Vec d,
                               Imm<2> rot, Pair pair) {
  if (datasize == 0) return false;
  const VectorHalves &vn = in.V(n), &vd = in.V(d);
  // rot 00: Vn.re * (m.re, m.im); 01: Vn.im * (-m.im, m.re); 10: Vn.re * (-m.re, -m.im);
  // 11: Vn.im * (m.im, -m.re).
  const bool odd_rotation = rot.Bit(0);
  const bool negate_real = rot.value == 1 || rot.value == 2;
  const bool negate_imaginary = rot.value >= 2;
  return ForEachLane(
      in, datasize, esize, d, [&](fp::Format format, const fp::Control& control, unsigned i) {
        const unsigned e = i / 2;
        const bool real = i % 2 == 0;
        const std::uint64_t multiplier = GetLane(vn, esize, 2 * e + odd_rotation);
        std::uint64_t element = pair(e, real == odd_rotation ? 1u : 0u);
        if (real ? negate_real : negate_imaginary) element = fp::Neg(format, element);
        return fp::MulAdd(format, GetLane(vd, esize, i), multiplier, element, control);
      });
}

}  // namespace

// ---- Conversions between precisions (two-register miscellaneous).
bool Interpreter::FCVTN_vec(bool q, bool sz, Vec n, Vec d) {
  return Narrow(*this, q, sz ? 32 : 16, n, d, std::nullopt);
}
bool Interpreter::FCVTXN_vec(bool q, Vec n, Vec d) {
  return Narrow(*this, q, 32, n, d, Rounding::Odd);
}
bool Interpreter::FCVTXN_scalar(Vec n, Vec d) {
  const fp::Control control = FpControl(cpu);
  SetScalar(V(d), fp::Convert(fp::kSingle, fp::kDouble, V(n)[0], control, Rounding::Odd));
  return true;
}
bool Interpreter::FCVTL_vec(bool q, bool sz, Vec n, Vec d) {
  const unsigned from_size = sz ? 32 : 16;
  const fp::Format from = fp::FormatOf(from_size), to = fp::FormatOf(2 * from_size);
  const std::uint64_t part = V(n)[q ? 1 : 0];
  const fp::Control control = FpControl(cpu);
  VectorHalves widened = {0, 0};
  for (unsigned i = 0; i < 64 / from_size; ++i) {
    const std::uint64_t element = (part >> (i * from_size)) & Ones(from_size);
    SetLane(widened, to.bits, i, fp::Convert(to, from, element, control, control.RoundingMode()));
  }
  V(d)[0] = widened[0];
  V(d)[1] = widened[1];
  return true;
}

// ---- Across lanes, and the scalar pairwise forms.
bool Interpreter::FMAXNMV(Vec n, Vec d) { return AcrossLanes(*this, 128, 32, n, d, fp::MaxNum); }
bool Interpreter::FMINNMV(Vec n, Vec d) { return AcrossLanes(*this, 128, 32, n, d, fp::MinNum); }
bool Interpreter::FMAXV(Vec n, Vec d) { return AcrossLanes(*this, 128, 32, n, d, fp::Max); }
bool Interpreter::FMINV(Vec n, Vec d) { return AcrossLanes(*this, 128, 32, n, d, fp::Min); }
bool Interpreter::FMAXNMV_fp16(bool q, Vec n, Vec d) {
  return AcrossLanes(*this, DataSize(q, 16), 16, n, d, fp::MaxNum);
}
bool Interpreter::FMINNMV_fp16(bool q, Vec n, Vec d) {
  return AcrossLanes(*this, DataSize(q, 16), 16, n, d, fp::MinNum);
}
bool Interpreter::FMAXV_fp16(bool q, Vec n, Vec d) {
  return AcrossLanes(*this, DataSize(q, 16), 16, n, d, fp::Max);
}
bool Interpreter::FMINV_fp16(bool q, Vec n, Vec d) {
  return AcrossLanes(*this, DataSize(q, 16), 16, n, d, fp::Min);
}

bool Interpreter::FMAXNMP_scalar(bool sz, Vec n, Vec d) {
  return PairOfLanes(*this, SizeOf(sz), n, d, fp::MaxNum);
}
bool Interpreter::FMINNMP_scalar(bool sz, Vec n, Vec d) {
  return PairOfLanes(*this, SizeOf(sz), n, d, fp::MinNum);
}
bool Interpreter::FADDP_scalar(bool sz, Vec n, Vec d) {
  return PairOfLanes(*this, SizeOf(sz), n, d, fp::Add);
}
bool Interpreter::FMAXP_scalar(bool sz, Vec n, Vec d) {
  return PairOfLanes(*this, SizeOf(sz), n, d, fp::Max);
}
bool Interpreter::FMINP_scalar(bool sz, Vec n, Vec d) {
  return PairOfLanes(*this, SizeOf(sz), n, d, fp::Min);
}
bool Interpreter::FMAXNMP_scalar_fp16(Vec n, Vec d) {
  return PairOfLanes(*this, 16, n, d, fp::MaxNum);
}
bool Interpreter::FMINNMP_scalar_fp16(Vec n, Vec d) {
  return PairOfLanes(*this, 16, n, d, fp::MinNum);
}
bool Interpreter::FADDP_scalar_fp16(Vec n, Vec d) { return PairOfLanes(*this, 16, n, d, fp::Add); }
bool Interpreter::FMAXP_scalar_fp16(Vec n, Vec d) { return PairOfLanes(*this, 16, n, d, fp::Max); }
bool Interpreter::FMINP_scalar_fp16(Vec n, Vec d) { return PairOfLanes(*this, 16, n, d, fp::Min); }

// ---- By element.
bool Interpreter::FMLA_elt_vec(bool q, bool sz, bool l, bool m_high, Imm<4> m, bool h, Vec n,
                               Vec d) {
  return AccumulateByElement(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), l, m_high, m, h, n, d,
                             false);
}
bool Interpreter::FMLS_elt_vec(bool q, bool sz, bool l, bool m_high, Imm<4> m, bool h, Vec n,
                               Vec d) {
  return AccumulateByElement(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), l, m_high, m, h, n, d,
                             true);
}
bool Interpreter::FMUL_elt_vec(bool q, bool sz, bool l, bool m_high, Imm<4> m, bool h, Vec n,
                               Vec d) {
  return ByElement(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), l, m_high, m, h, n, d, fp::Mul);
}
bool Interpreter::FMULX_elt_vec(bool q, bool sz, bool l, bool m_high, Imm<4> m, bool h, Vec n,
                                Vec d) {
  return ByElement(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), l, m_high, m, h, n, d, fp::MulX);
}
bool Interpreter::FMLA_elt_vec_fp16(bool q, bool l, bool m_high, Imm<4> m, bool h, Vec n, Vec d) {
  return AccumulateByElement(*this, DataSize(q, 16), 16, l, m_high, m, h, n, d, false);
}
bool Interpreter::FMLS_elt_vec_fp16(bool q, bool l, bool m_high, Imm<4> m, bool h, Vec n, Vec d) {
  return AccumulateByElement(*this, DataSize(q, 16), 16, l, m_high, m, h, n, d, true);
}
bool Interpreter::FMUL_elt_vec_fp16(bool q, bool l, bool m_high, Imm<4> m, bool h, Vec n, Vec d) {
  return ByElement(*this, DataSize(q, 16), 16, l, m_high, m, h, n, d, fp::Mul);
}
bool Interpreter::FMULX_elt_vec_fp16(bool q, bool l, bool m_high, Imm<4> m, bool h, Vec n, Vec d) {
  return ByElement(*this, DataSize(q, 16), 16, l, m_high, m, h, n, d, fp::MulX);
}
bool Interpreter::FMLA_elt_scalar(bool sz, bool l, bool m_high, Imm<4> m, bool h, Vec n, Vec d) {
  return AccumulateByElement(*this, SizeOf(sz), SizeOf(sz), l, m_high, m, h, n, d, false);
}
bool Interpreter::FMLS_elt_scalar(bool sz, bool l, bool m_high, Imm<4> m, bool h, Vec n, Vec d) {
  return AccumulateByElement(*this, SizeOf(sz), SizeOf(sz), l, m_high, m, h, n, d, true);
}
bool Interpreter::FMUL_elt_scalar(bool sz, bool l, bool m_high, Imm<4> m, bool h, Vec n, Vec d) {
  return ByElement(*this, SizeOf(sz), SizeOf(sz), l, m_high, m, h, n, d, fp::Mul);
}
bool Interpreter::FMULX_elt_scalar(bool sz, bool l, bool m_high, Imm<4> m, bool h, Vec n, Vec d) {
  return ByElement(*this, SizeOf(sz), SizeOf(sz), l, m_high, m, h, n, d, fp::MulX);
}
bool Interpreter::FMLA_elt_scalar_fp16(bool l, bool m_high, Imm<4> m, bool h, Vec n, Vec d) {
  return AccumulateByElement(*this, 16, 16, l, m_high, m, h, n, d, false);
}
bool Interpreter::FMLS_elt_scalar_fp16(bool l, bool m_high, Imm<4> m, bool h, Vec n, Vec d) {
  return AccumulateByElement(*this, 16, 16, l, m_high, m, h, n, d, true);
}
bool Interpreter::FMUL_elt_scalar_fp16(bool l, bool m_high, Imm<4> m, bool h, Vec n, Vec d) {
  return ByElement(*this, 16, 16, l, m_high, m, h, n, d, fp::Mul);
}
bool Interpreter::FMULX_elt_scalar_fp16(bool l, bool m_high, Imm<4> m, bool h, Vec n, Vec d) {
  return ByElement(*this, 16, 16, l, m_high, m, h, n, d, fp::MulX);
}

// ---- Fixed-point conversions (shift by immediate).
bool Interpreter::SCVTF_fix_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const unsigned esize = ShiftElementSize(immh);
  return Unary(*this, DataSize(q, esize), esize, n, d,
               FromInteger(false, FractionBits(immh, immb)));
}
bool Interpreter::UCVTF_fix_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const unsigned esize = ShiftElementSize(immh);
  return Unary(*this, DataSize(q, esize), esize, n, d, FromInteger(true, FractionBits(immh, immb)));
}
bool Interpreter::FCVTZS_fix_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const unsigned esize = ShiftElementSize(immh);
  return Unary(*this, DataSize(q, esize), esize, n, d,
               ToInteger(Rounding::Zero, false, FractionBits(immh, immb)));
}
bool Interpreter::FCVTZU_fix_vec(bool q, Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const unsigned esize = ShiftElementSize(immh);
  return Unary(*this, DataSize(q, esize), esize, n, d,
               ToInteger(Rounding::Zero, true, FractionBits(immh, immb)));
}
bool Interpreter::SCVTF_fix_scalar(Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const unsigned esize = ShiftElementSize(immh);
  return Unary(*this, esize, esize, n, d, FromInteger(false, FractionBits(immh, immb)));
}
bool Interpreter::UCVTF_fix_scalar(Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const unsigned esize = ShiftElementSize(immh);
  return Unary(*this, esize, esize, n, d, FromInteger(true, FractionBits(immh, immb)));
}
bool Interpreter::FCVTZS_fix_scalar(Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const unsigned esize = ShiftElementSize(immh);
  return Unary(*this, esize, esize, n, d,
               ToInteger(Rounding::Zero, false, FractionBits(immh, immb)));
}
bool Interpreter::FCVTZU_fix_scalar(Imm<4> immh, Imm<3> immb, Vec n, Vec d) {
  const unsigned esize = ShiftElementSize(immh);
  return Unary(*this, esize, esize, n, d,
               ToInteger(Rounding::Zero, true, FractionBits(immh, immb)));
}

// ---- Three same, two-register miscellaneous (vector and scalar, half precision alike).
bool Interpreter::FMAXNM_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, fp::MaxNum);
}
bool Interpreter::FMAXNM_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, 16), 16, m, n, d, fp::MaxNum);
}
bool Interpreter::FMLA_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Accumulate(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, false);
}
bool Interpreter::FMLA_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Accumulate(*this, DataSize(q, 16), 16, m, n, d, false);
}
bool Interpreter::FADD_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, fp::Add);
}
bool Interpreter::FADD_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, 16), 16, m, n, d, fp::Add);
}
bool Interpreter::FMULX_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, fp::MulX);
}
bool Interpreter::FMULX_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, 16), 16, m, n, d, fp::MulX);
}
bool Interpreter::FMULX_scalar(bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, SizeOf(sz), SizeOf(sz), m, n, d, fp::MulX);
}
bool Interpreter::FMULX_scalar_fp16(Vec m, Vec n, Vec d) {
  return Binary(*this, 16, 16, m, n, d, fp::MulX);
}
bool Interpreter::FCMEQ_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, Equal);
}
bool Interpreter::FCMEQ_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, 16), 16, m, n, d, Equal);
}
bool Interpreter::FCMEQ_scalar(bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, SizeOf(sz), SizeOf(sz), m, n, d, Equal);
}
bool Interpreter::FCMEQ_scalar_fp16(Vec m, Vec n, Vec d) {
  return Binary(*this, 16, 16, m, n, d, Equal);
}
bool Interpreter::FMAX_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, fp::Max);
}
bool Interpreter::FMAX_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, 16), 16, m, n, d, fp::Max);
}
bool Interpreter::FRECPS_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, fp::RecipStepFused);
}
bool Interpreter::FRECPS_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, 16), 16, m, n, d, fp::RecipStepFused);
}
bool Interpreter::FRECPS_scalar(bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, SizeOf(sz), SizeOf(sz), m, n, d, fp::RecipStepFused);
}
bool Interpreter::FRECPS_scalar_fp16(Vec m, Vec n, Vec d) {
  return Binary(*this, 16, 16, m, n, d, fp::RecipStepFused);
}
bool Interpreter::FMINNM_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, fp::MinNum);
}
bool Interpreter::FMINNM_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, 16), 16, m, n, d, fp::MinNum);
}
bool Interpreter::FMLS_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Accumulate(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, true);
}
bool Interpreter::FMLS_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Accumulate(*this, DataSize(q, 16), 16, m, n, d, true);
}
bool Interpreter::FSUB_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, fp::Sub);
}
bool Interpreter::FSUB_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, 16), 16, m, n, d, fp::Sub);
}
bool Interpreter::FMIN_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, fp::Min);
}
bool Interpreter::FMIN_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, 16), 16, m, n, d, fp::Min);
}
bool Interpreter::FRSQRTS_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, fp::RSqrtStepFused);
}
bool Interpreter::FRSQRTS_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, 16), 16, m, n, d, fp::RSqrtStepFused);
}
bool Interpreter::FRSQRTS_scalar(bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, SizeOf(sz), SizeOf(sz), m, n, d, fp::RSqrtStepFused);
}
bool Interpreter::FRSQRTS_scalar_fp16(Vec m, Vec n, Vec d) {
  return Binary(*this, 16, 16, m, n, d, fp::RSqrtStepFused);
}
bool Interpreter::FMAXNMP_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Pairwise(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, fp::MaxNum);
}
bool Interpreter::FMAXNMP_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Pairwise(*this, DataSize(q, 16), 16, m, n, d, fp::MaxNum);
}
bool Interpreter::FADDP_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Pairwise(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, fp::Add);
}
bool Interpreter::FADDP_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Pairwise(*this, DataSize(q, 16), 16, m, n, d, fp::Add);
}
bool Interpreter::FMUL_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, fp::Mul);
}
bool Interpreter::FMUL_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, 16), 16, m, n, d, fp::Mul);
}
bool Interpreter::FCMGE_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, GreaterOrEqual);
}
bool Interpreter::FCMGE_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, 16), 16, m, n, d, GreaterOrEqual);
}
bool Interpreter::FCMGE_scalar(bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, SizeOf(sz), SizeOf(sz), m, n, d, GreaterOrEqual);
}
bool Interpreter::FCMGE_scalar_fp16(Vec m, Vec n, Vec d) {
  return Binary(*this, 16, 16, m, n, d, GreaterOrEqual);
}
bool Interpreter::FACGE_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, AbsoluteGreaterOrEqual);
}
bool Interpreter::FACGE_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, 16), 16, m, n, d, AbsoluteGreaterOrEqual);
}
bool Interpreter::FACGE_scalar(bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, SizeOf(sz), SizeOf(sz), m, n, d, AbsoluteGreaterOrEqual);
}
bool Interpreter::FACGE_scalar_fp16(Vec m, Vec n, Vec d) {
  return Binary(*this, 16, 16, m, n, d, AbsoluteGreaterOrEqual);
}
bool Interpreter::FMAXP_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Pairwise(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, fp::Max);
}
bool Interpreter::FMAXP_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Pairwise(*this, DataSize(q, 16), 16, m, n, d, fp::Max);
}
bool Interpreter::FDIV_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, fp::Div);
}
bool Interpreter::FDIV_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, 16), 16, m, n, d, fp::Div);
}
bool Interpreter::FMINNMP_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Pairwise(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, fp::MinNum);
}
bool Interpreter::FMINNMP_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Pairwise(*this, DataSize(q, 16), 16, m, n, d, fp::MinNum);
}
bool Interpreter::FABD_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, AbsoluteDifference);
}
bool Interpreter::FABD_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, 16), 16, m, n, d, AbsoluteDifference);
}
bool Interpreter::FABD_scalar(bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, SizeOf(sz), SizeOf(sz), m, n, d, AbsoluteDifference);
}
bool Interpreter::FABD_scalar_fp16(Vec m, Vec n, Vec d) {
  return Binary(*this, 16, 16, m, n, d, AbsoluteDifference);
}
bool Interpreter::FCMGT_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, Greater);
}
bool Interpreter::FCMGT_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, 16), 16, m, n, d, Greater);
}
bool Interpreter::FCMGT_scalar(bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, SizeOf(sz), SizeOf(sz), m, n, d, Greater);
}
bool Interpreter::FCMGT_scalar_fp16(Vec m, Vec n, Vec d) {
  return Binary(*this, 16, 16, m, n, d, Greater);
}
bool Interpreter::FACGT_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, AbsoluteGreater);
}
bool Interpreter::FACGT_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Binary(*this, DataSize(q, 16), 16, m, n, d, AbsoluteGreater);
}
bool Interpreter::FACGT_scalar(bool sz, Vec m, Vec n, Vec d) {
  return Binary(*this, SizeOf(sz), SizeOf(sz), m, n, d, AbsoluteGreater);
}
bool Interpreter::FACGT_scalar_fp16(Vec m, Vec n, Vec d) {
  return Binary(*this, 16, 16, m, n, d, AbsoluteGreater);
}
bool Interpreter::FMINP_vec(bool q, bool sz, Vec m, Vec n, Vec d) {
  return Pairwise(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), m, n, d, fp::Min);
}
bool Interpreter::FMINP_vec_fp16(bool q, Vec m, Vec n, Vec d) {
  return Pairwise(*this, DataSize(q, 16), 16, m, n, d, fp::Min);
}
bool Interpreter::FRINTN_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d,
               RoundIntegral(Rounding::TieEven, false));
}
bool Interpreter::FRINTN_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, RoundIntegral(Rounding::TieEven, false));
}
bool Interpreter::FRINTM_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d,
               RoundIntegral(Rounding::MinusInfinity, false));
}
bool Interpreter::FRINTM_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, RoundIntegral(Rounding::MinusInfinity, false));
}
bool Interpreter::FRINTP_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d,
               RoundIntegral(Rounding::PlusInfinity, false));
}
bool Interpreter::FRINTP_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, RoundIntegral(Rounding::PlusInfinity, false));
}
bool Interpreter::FRINTZ_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d,
               RoundIntegral(Rounding::Zero, false));
}
bool Interpreter::FRINTZ_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, RoundIntegral(Rounding::Zero, false));
}
bool Interpreter::FRINTA_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d,
               RoundIntegral(Rounding::TieAway, false));
}
bool Interpreter::FRINTA_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, RoundIntegral(Rounding::TieAway, false));
}
bool Interpreter::FRINTX_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d, RoundIntegral(std::nullopt, true));
}
bool Interpreter::FRINTX_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, RoundIntegral(std::nullopt, true));
}
bool Interpreter::FRINTI_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d,
               RoundIntegral(std::nullopt, false));
}
bool Interpreter::FRINTI_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, RoundIntegral(std::nullopt, false));
}
bool Interpreter::FRINT32Z_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d,
               RoundIntegralN(Rounding::Zero, 32));
}
bool Interpreter::FRINT32X_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d, RoundIntegralN(std::nullopt, 32));
}
bool Interpreter::FRINT64Z_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d,
               RoundIntegralN(Rounding::Zero, 64));
}
bool Interpreter::FRINT64X_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d, RoundIntegralN(std::nullopt, 64));
}
bool Interpreter::FCVTNS_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d,
               ToInteger(Rounding::TieEven, false, 0));
}
bool Interpreter::FCVTNS_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, ToInteger(Rounding::TieEven, false, 0));
}
bool Interpreter::FCVTNS_scalar(bool sz, Vec n, Vec d) {
  return Unary(*this, SizeOf(sz), SizeOf(sz), n, d, ToInteger(Rounding::TieEven, false, 0));
}
bool Interpreter::FCVTNS_scalar_fp16(Vec n, Vec d) {
  return Unary(*this, 16, 16, n, d, ToInteger(Rounding::TieEven, false, 0));
}
bool Interpreter::FCVTMS_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d,
               ToInteger(Rounding::MinusInfinity, false, 0));
}
bool Interpreter::FCVTMS_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, ToInteger(Rounding::MinusInfinity, false, 0));
}
bool Interpreter::FCVTMS_scalar(bool sz, Vec n, Vec d) {
  return Unary(*this, SizeOf(sz), SizeOf(sz), n, d, ToInteger(Rounding::MinusInfinity, false, 0));
}
bool Interpreter::FCVTMS_scalar_fp16(Vec n, Vec d) {
  return Unary(*this, 16, 16, n, d, ToInteger(Rounding::MinusInfinity, false, 0));
}
bool Interpreter::FCVTAS_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d,
               ToInteger(Rounding::TieAway, false, 0));
}
bool Interpreter::FCVTAS_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, ToInteger(Rounding::TieAway, false, 0));
}
bool Interpreter::FCVTAS_scalar(bool sz, Vec n, Vec d) {
  return Unary(*this, SizeOf(sz), SizeOf(sz), n, d, ToInteger(Rounding::TieAway, false, 0));
}
bool Interpreter::FCVTAS_scalar_fp16(Vec n, Vec d) {
  return Unary(*this, 16, 16, n, d, ToInteger(Rounding::TieAway, false, 0));
}
bool Interpreter::FCVTPS_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d,
               ToInteger(Rounding::PlusInfinity, false, 0));
}
bool Interpreter::FCVTPS_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, ToInteger(Rounding::PlusInfinity, false, 0));
}
bool Interpreter::FCVTPS_scalar(bool sz, Vec n, Vec d) {
  return Unary(*this, SizeOf(sz), SizeOf(sz), n, d, ToInteger(Rounding::PlusInfinity, false, 0));
}
bool Interpreter::FCVTPS_scalar_fp16(Vec n, Vec d) {
  return Unary(*this, 16, 16, n, d, ToInteger(Rounding::PlusInfinity, false, 0));
}
bool Interpreter::FCVTZS_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d,
               ToInteger(Rounding::Zero, false, 0));
}
bool Interpreter::FCVTZS_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, ToInteger(Rounding::Zero, false, 0));
}
bool Interpreter::FCVTZS_scalar(bool sz, Vec n, Vec d) {
  return Unary(*this, SizeOf(sz), SizeOf(sz), n, d, ToInteger(Rounding::Zero, false, 0));
}
bool Interpreter::FCVTZS_scalar_fp16(Vec n, Vec d) {
  return Unary(*this, 16, 16, n, d, ToInteger(Rounding::Zero, false, 0));
}
bool Interpreter::FCVTNU_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d,
               ToInteger(Rounding::TieEven, true, 0));
}
bool Interpreter::FCVTNU_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, ToInteger(Rounding::TieEven, true, 0));
}
bool Interpreter::FCVTNU_scalar(bool sz, Vec n, Vec d) {
  return Unary(*this, SizeOf(sz), SizeOf(sz), n, d, ToInteger(Rounding::TieEven, true, 0));
}
bool Interpreter::FCVTNU_scalar_fp16(Vec n, Vec d) {
  return Unary(*this, 16, 16, n, d, ToInteger(Rounding::TieEven, true, 0));
}
bool Interpreter::FCVTMU_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d,
               ToInteger(Rounding::MinusInfinity, true, 0));
}
bool Interpreter::FCVTMU_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, ToInteger(Rounding::MinusInfinity, true, 0));
}
bool Interpreter::FCVTMU_scalar(bool sz, Vec n, Vec d) {
  return Unary(*this, SizeOf(sz), SizeOf(sz), n, d, ToInteger(Rounding::MinusInfinity, true, 0));
}
bool Interpreter::FCVTMU_scalar_fp16(Vec n, Vec d) {
  return Unary(*this, 16, 16, n, d, ToInteger(Rounding::MinusInfinity, true, 0));
}
bool Interpreter::FCVTAU_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d,
               ToInteger(Rounding::TieAway, true, 0));
}
bool Interpreter::FCVTAU_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, ToInteger(Rounding::TieAway, true, 0));
}
bool Interpreter::FCVTAU_scalar(bool sz, Vec n, Vec d) {
  return Unary(*this, SizeOf(sz), SizeOf(sz), n, d, ToInteger(Rounding::TieAway, true, 0));
}
bool Interpreter::FCVTAU_scalar_fp16(Vec n, Vec d) {
  return Unary(*this, 16, 16, n, d, ToInteger(Rounding::TieAway, true, 0));
}
bool Interpreter::FCVTPU_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d,
               ToInteger(Rounding::PlusInfinity, true, 0));
}
bool Interpreter::FCVTPU_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, ToInteger(Rounding::PlusInfinity, true, 0));
}
bool Interpreter::FCVTPU_scalar(bool sz, Vec n, Vec d) {
  return Unary(*this, SizeOf(sz), SizeOf(sz), n, d, ToInteger(Rounding::PlusInfinity, true, 0));
}
bool Interpreter::FCVTPU_scalar_fp16(Vec n, Vec d) {
  return Unary(*this, 16, 16, n, d, ToInteger(Rounding::PlusInfinity, true, 0));
}
bool Interpreter::FCVTZU_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d,
               ToInteger(Rounding::Zero, true, 0));
}
bool Interpreter::FCVTZU_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, ToInteger(Rounding::Zero, true, 0));
}
bool Interpreter::FCVTZU_scalar(bool sz, Vec n, Vec d) {
  return Unary(*this, SizeOf(sz), SizeOf(sz), n, d, ToInteger(Rounding::Zero, true, 0));
}
bool Interpreter::FCVTZU_scalar_fp16(Vec n, Vec d) {
  return Unary(*this, 16, 16, n, d, ToInteger(Rounding::Zero, true, 0));
}
bool Interpreter::SCVTF_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d, FromInteger(false, 0));
}
bool Interpreter::SCVTF_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, FromInteger(false, 0));
}
bool Interpreter::SCVTF_scalar(bool sz, Vec n, Vec d) {
  return Unary(*this, SizeOf(sz), SizeOf(sz), n, d, FromInteger(false, 0));
}
bool Interpreter::SCVTF_scalar_fp16(Vec n, Vec d) {
  return Unary(*this, 16, 16, n, d, FromInteger(false, 0));
}
bool Interpreter::UCVTF_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d, FromInteger(true, 0));
}
bool Interpreter::UCVTF_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, FromInteger(true, 0));
}
bool Interpreter::UCVTF_scalar(bool sz, Vec n, Vec d) {
  return Unary(*this, SizeOf(sz), SizeOf(sz), n, d, FromInteger(true, 0));
}
bool Interpreter::UCVTF_scalar_fp16(Vec n, Vec d) {
  return Unary(*this, 16, 16, n, d, FromInteger(true, 0));
}
bool Interpreter::FCMGT_zero_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d, GreaterThanZero);
}
bool Interpreter::FCMGT_zero_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, GreaterThanZero);
}
bool Interpreter::FCMGT_zero_scalar(bool sz, Vec n, Vec d) {
  return Unary(*this, SizeOf(sz), SizeOf(sz), n, d, GreaterThanZero);
}
bool Interpreter::FCMGT_zero_scalar_fp16(Vec n, Vec d) {
  return Unary(*this, 16, 16, n, d, GreaterThanZero);
}
bool Interpreter::FCMEQ_zero_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d, EqualToZero);
}
bool Interpreter::FCMEQ_zero_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, EqualToZero);
}
bool Interpreter::FCMEQ_zero_scalar(bool sz, Vec n, Vec d) {
  return Unary(*this, SizeOf(sz), SizeOf(sz), n, d, EqualToZero);
}
bool Interpreter::FCMEQ_zero_scalar_fp16(Vec n, Vec d) {
  return Unary(*this, 16, 16, n, d, EqualToZero);
}
bool Interpreter::FCMLT_zero_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d, LessThanZero);
}
bool Interpreter::FCMLT_zero_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, LessThanZero);
}
bool Interpreter::FCMLT_zero_scalar(bool sz, Vec n, Vec d) {
  return Unary(*this, SizeOf(sz), SizeOf(sz), n, d, LessThanZero);
}
bool Interpreter::FCMLT_zero_scalar_fp16(Vec n, Vec d) {
  return Unary(*this, 16, 16, n, d, LessThanZero);
}
bool Interpreter::FCMGE_zero_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d, GreaterOrEqualToZero);
}
bool Interpreter::FCMGE_zero_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, GreaterOrEqualToZero);
}
bool Interpreter::FCMGE_zero_scalar(bool sz, Vec n, Vec d) {
  return Unary(*this, SizeOf(sz), SizeOf(sz), n, d, GreaterOrEqualToZero);
}
bool Interpreter::FCMGE_zero_scalar_fp16(Vec n, Vec d) {
  return Unary(*this, 16, 16, n, d, GreaterOrEqualToZero);
}
bool Interpreter::FCMLE_zero_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d, LessOrEqualToZero);
}
bool Interpreter::FCMLE_zero_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, LessOrEqualToZero);
}
bool Interpreter::FCMLE_zero_scalar(bool sz, Vec n, Vec d) {
  return Unary(*this, SizeOf(sz), SizeOf(sz), n, d, LessOrEqualToZero);
}
bool Interpreter::FCMLE_zero_scalar_fp16(Vec n, Vec d) {
  return Unary(*this, 16, 16, n, d, LessOrEqualToZero);
}
bool Interpreter::FABS_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d, Absolute);
}
bool Interpreter::FABS_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, Absolute);
}
bool Interpreter::FNEG_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d, Negate);
}
bool Interpreter::FNEG_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, Negate);
}
bool Interpreter::FSQRT_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d, fp::Sqrt);
}
bool Interpreter::FSQRT_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, fp::Sqrt);
}
bool Interpreter::FRECPE_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d, fp::RecipEstimate);
}
bool Interpreter::FRECPE_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, fp::RecipEstimate);
}
bool Interpreter::FRECPE_scalar(bool sz, Vec n, Vec d) {
  return Unary(*this, SizeOf(sz), SizeOf(sz), n, d, fp::RecipEstimate);
}
bool Interpreter::FRECPE_scalar_fp16(Vec n, Vec d) {
  return Unary(*this, 16, 16, n, d, fp::RecipEstimate);
}
bool Interpreter::FRSQRTE_vec(bool q, bool sz, Vec n, Vec d) {
  return Unary(*this, DataSize(q, SizeOf(sz)), SizeOf(sz), n, d, fp::RSqrtEstimate);
}
bool Interpreter::FRSQRTE_vec_fp16(bool q, Vec n, Vec d) {
  return Unary(*this, DataSize(q, 16), 16, n, d, fp::RSqrtEstimate);
}
bool Interpreter::FRSQRTE_scalar(bool sz, Vec n, Vec d) {
  return Unary(*this, SizeOf(sz), SizeOf(sz), n, d, fp::RSqrtEstimate);
}
bool Interpreter::FRSQRTE_scalar_fp16(Vec n, Vec d) {
  return Unary(*this, 16, 16, n, d, fp::RSqrtEstimate);
}
bool Interpreter::FRECPX_scalar(bool sz, Vec n, Vec d) {
  return Unary(*this, SizeOf(sz), SizeOf(sz), n, d, fp::RecpX);
}
bool Interpreter::FRECPX_scalar_fp16(Vec n, Vec d) { return Unary(*this, 16, 16, n, d, fp::RecpX); }

// ---- Complex numbers (FCMA).
bool Interpreter::FCADD_vec(bool q, Imm<2> size, Vec m, bool rot, Vec n, Vec d) {
  const unsigned esize = ComplexElementSize(size);
  const VectorHalves &vn = V(n), &vm = V(m);
  // Vn + Vm rotated by 90 (rot 0: (-m.im, m.re)) or 270 degrees (rot 1: (m.im, -m.re)).
  return ForEachLane(*this, DataSize(q, esize), esize, d,
                     [&](fp::Format format, const fp::Control& control, unsigned i) {
                       const bool real = i % 2 == 0;
                       std::uint64_t element = GetLane(vm, esize, real ? i + 1 : i - 1);
                       if (real != rot) element = fp::Neg(format, element);
                       return fp::Add(format, GetLane(vn, esize, i), element, control);
                     });
}
bool Interpreter::FCMLA_vec(bool q, Imm<2> size, Vec m, Imm<2> rot, Vec n, Vec d) {
  const unsigned esize = ComplexElementSize(size);
  const VectorHalves& vm = V(m);
  return ComplexMultiplyAccumulate(
      *this, DataSize(q, esize), esize, n, d, rot,
      [&](unsigned e, unsigned k) { return GetLane(vm, esize, 2 * e + k); });
}
bool Interpreter::FCMLA_elt(bool q, Imm<2> size, bool l, bool m_high, Imm<4> m, Imm<2> rot, bool h,
                            Vec n, Vec d) {
  const unsigned esize = ComplexElementSize(size);
  const unsigned index = esize == 16 ? (unsigned{h} << 1) | unsigned{l} : unsigned{h};
  const VectorHalves& vm = V(Vec((unsigned{m_high} << 4) | m.value));
  return ComplexMultiplyAccumulate(
      *this, DataSize(q, esize), esize, n, d, rot,
      [&](unsigned, unsigned k) { return GetLane(vm, esize, 2 * index + k); });
}

}  // namespace sae::frontend::arm64
