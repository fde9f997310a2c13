// Data processing (register): 2-source, 1-source, logical (shifted register), add/subtract
// (shifted register, extended register, with carry), flag manipulation (RMIF, SETF8, SETF16),
// conditional compare, conditional select, 3-source.
// Register 31 is the zero register everywhere here, except Rn and (for ADD/SUB without flags) Rd
// of the extended-register forms, which are SP.
// Not translated (NotTranslated, so the guest sees UNDEFINED): PACGA and the pointer
// authentication 1-source forms (PAC*, AUT*, XPAC*), whose results depend on keys and on whether
// the OS enabled pointer authentication.
#include "frontend/arm64/translate/visitor.h"

namespace sae::frontend::arm64 {

using namespace ir;  // NOLINT: the IR's types are this file's vocabulary

namespace {

enum ShiftType : unsigned { kLSL = 0, kLSR = 1, kASR = 2, kROR = 3 };

U8 Amount(unsigned amount) { return IREmitter::Imm8(static_cast<std::uint8_t>(amount)); }
// The facades take either width: explicit widenings of a typed value, and word immediates.
U32U64 Either(const Value& value) { return U32U64(value); }
U32U64 Word(std::uint32_t value) { return U32U64(IREmitter::Imm32(value)); }

// The width changes without facades: truncations and sign extensions inside a word.
U32 SignExtendByte(IREmitter& ir, U32 w) {
  return U32(ir.Emit(Opcode::SignExtendByteToWord, {ir.Emit(Opcode::LeastSignificantByte, {w})}));
}
U32 SignExtendHalf(IREmitter& ir, U32 w) {
  return U32(ir.Emit(Opcode::SignExtendHalfToWord, {ir.Emit(Opcode::LeastSignificantHalf, {w})}));
}
U32 Packed(IREmitter& ir, NZCV flags) { return U32(ir.Emit(Opcode::PackedFromNZCV, {flags})); }
NZCV Unpacked(IREmitter& ir, U32 packed) { return NZCV(ir.Emit(Opcode::NZCVFromPacked, {packed})); }
// A register-specified shift or rotate amount: the low byte is enough (it is taken mod width).
U8 LowByte(IREmitter& ir, Reg m) {
  return U8(ir.Emit(Opcode::LeastSignificantByte, {ir.GetW(m.index)}));
}

// ShiftReg(): Rm shifted by an immediate amount (< width).
U32U64 ShiftReg(IREmitter& ir, bool sf, Reg m, unsigned type, unsigned amount) {
  const U32U64 value = ir.GetReg(sf, m.index);
  switch (type) {
    case kLSL: return ir.LogicalShiftLeft(value, Amount(amount));
    case kLSR: return ir.LogicalShiftRight(value, Amount(amount));
    case kASR: return ir.ArithmeticShiftRight(value, Amount(amount));
    default: return ir.RotateRight(value, Amount(amount));
  }
}

// ExtendReg(): Rm extended by option (UXTB, UXTH, UXTW, UXTX, SXTB, SXTH, SXTW, SXTX) to the
// operation's width, then shifted left by 0-4.
U32U64 ExtendReg(IREmitter& ir, bool sf, Reg m, unsigned option, unsigned shift) {
  const bool is_signed = (option & 4) != 0;
  const unsigned size = option & 3;  // B, H, W, X
  U32U64 value;
  if (sf && size == 3) {
    value = Either(ir.GetX(m.index));
  } else {
    U32 w = ir.GetW(m.index);
    if (size == 0) w = is_signed ? SignExtendByte(ir, w) : U32(ir.And(Either(w), Word(0xff)));
    if (size == 1) w = is_signed ? SignExtendHalf(ir, w) : U32(ir.And(Either(w), Word(0xffff)));
    value = !sf ? Either(w) : is_signed ? Either(ir.SignExtendToLong(w)) : Either(ir.ZeroExtendToLong(w));
  }
  return ir.LogicalShiftLeft(value, Amount(shift));
}

// ADD/SUB/ADDS/SUBS (shifted register): Rn and Rd 31 are the zero register.
void AddSubShifted(IREmitter& ir, bool sf, unsigned shift, unsigned amount, Reg m, Reg n, Reg d,
                   bool subtract, bool flags) {
  const U32U64 operand1 = ir.GetReg(sf, n.index);
  const U32U64 operand2 = ShiftReg(ir, sf, m, shift, amount);
  const U32U64 result = subtract ? ir.Sub(operand1, operand2) : ir.Add(operand1, operand2);
  if (flags) ir.SetNZCV(ir.NZCVFrom(result));
  ir.SetReg(d.index, result);
}

enum LogicalOp { kAnd, kBic, kOrr, kOrn, kEor, kEon };

void Logical(IREmitter& ir, bool sf, unsigned shift, unsigned amount, Reg m, Reg n, Reg d,
             LogicalOp op, bool flags) {
  const U32U64 operand1 = ir.GetReg(sf, n.index);
  const U32U64 operand2 = ShiftReg(ir, sf, m, shift, amount);
  U32U64 result;
  switch (op) {
    case kAnd: result = ir.And(operand1, operand2); break;
    case kBic: result = ir.AndNot(operand1, operand2); break;
    case kOrr: result = ir.Or(operand1, operand2); break;
    case kOrn: result = ir.Or(operand1, ir.Not(operand2)); break;
    case kEor: result = ir.Eor(operand1, operand2); break;
    case kEon: result = ir.Eor(operand1, ir.Not(operand2)); break;
  }
  if (flags) ir.SetNZCV(ir.NZCVFrom(result));  // And/AndNot: N and Z of the result, C = V = 0
  ir.SetReg(d.index, result);
}

// CCMP/CCMN: the flags of Rn - operand2 (Rn + operand2) if cond holds, else the immediate nzcv.
void ConditionalCompare(IREmitter& ir, bool sf, U32U64 operand2, Cond cond, Reg n, unsigned nzcv,
                        bool negate) {
  const U32U64 operand1 = ir.GetReg(sf, n.index);
  const U32U64 result = negate ? ir.Add(operand1, operand2) : ir.Sub(operand1, operand2);
  const NZCV flags = ir.NZCVFrom(result);
  if (cond.value >= 14) {  // AL and NV: always
    ir.SetNZCV(flags);
    return;
  }
  const U32U64 selected = ir.ConditionalSelect(static_cast<ir::Cond>(cond.value), Either(Packed(ir, flags)),
                                               Word(nzcv << 28));
  ir.SetNZCV(Unpacked(ir, U32(selected)));
}

enum SelectKind { kSelect, kIncrement, kInvert, kNegate };

void ConditionalSelect(IREmitter& ir, bool sf, Reg m, Cond cond, Reg n, Reg d, SelectKind kind) {
  const U32U64 operand1 = ir.GetReg(sf, n.index);
  if (cond.value >= 14) {  // AL and NV: always Rn
    ir.SetReg(d.index, operand1);
    return;
  }
  U32U64 operand2 = ir.GetReg(sf, m.index);
  switch (kind) {
    case kSelect: break;
    case kIncrement: operand2 = ir.Add(operand2, IREmitter::Imm(sf, 1)); break;
    case kInvert: operand2 = ir.Not(operand2); break;
    case kNegate: operand2 = ir.Sub(IREmitter::Imm(sf, 0), operand2); break;
  }
  ir.SetReg(d.index, ir.ConditionalSelect(static_cast<ir::Cond>(cond.value), operand1, operand2));
}

// MADD/MSUB: Ra +/- Rn * Rm at the operation's width.
void MultiplyAdd(IREmitter& ir, bool sf, Reg m, Reg a, Reg n, Reg d, bool subtract) {
  const U32U64 multiplicand = ir.GetReg(sf, n.index);
  const U32U64 product = ir.Mul(multiplicand, ir.GetReg(sf, m.index));
  const U32U64 addend = ir.GetReg(sf, a.index);
  ir.SetReg(d.index, subtract ? ir.Sub(addend, product) : ir.Add(addend, product));
}

// SMADDL/SMSUBL/UMADDL/UMSUBL: Xa +/- Wn * Wm, the words extended to 64 bits.
void MultiplyAddLong(IREmitter& ir, Reg m, Reg a, Reg n, Reg d, bool is_signed, bool subtract) {
  const auto extend = [&](Reg r) {
    const U32 w = ir.GetW(r.index);
    return is_signed ? ir.SignExtendToLong(w) : ir.ZeroExtendToLong(w);
  };
  const U64 multiplicand = extend(n);
  const U32U64 product = ir.Mul(Either(multiplicand), Either(extend(m)));
  const U32U64 addend = Either(ir.GetX(a.index));
  ir.SetX(d.index, U64(subtract ? ir.Sub(addend, product) : ir.Add(addend, product)));
}

}  // namespace

// ---- 2-source

bool TranslatorVisitor::UDIV(bool sf, Reg m, Reg n, Reg d) {
  const U32U64 a = ir.GetReg(sf, n.index), b = ir.GetReg(sf, m.index);
  ir.SetReg(d.index, U32U64(ir.Emit(sf ? Opcode::UnsignedDiv64 : Opcode::UnsignedDiv32, {a, b})));
  return true;
}
bool TranslatorVisitor::SDIV(bool sf, Reg m, Reg n, Reg d) {
  const U32U64 a = ir.GetReg(sf, n.index), b = ir.GetReg(sf, m.index);
  ir.SetReg(d.index, U32U64(ir.Emit(sf ? Opcode::SignedDiv64 : Opcode::SignedDiv32, {a, b})));
  return true;
}
bool TranslatorVisitor::LSLV(bool sf, Reg m, Reg n, Reg d) {
  const U32U64 value = ir.GetReg(sf, n.index);
  ir.SetReg(d.index, ir.LogicalShiftLeft(value, LowByte(ir, m)));
  return true;
}
bool TranslatorVisitor::LSRV(bool sf, Reg m, Reg n, Reg d) {
  const U32U64 value = ir.GetReg(sf, n.index);
  ir.SetReg(d.index, ir.LogicalShiftRight(value, LowByte(ir, m)));
  return true;
}
bool TranslatorVisitor::ASRV(bool sf, Reg m, Reg n, Reg d) {
  const U32U64 value = ir.GetReg(sf, n.index);
  ir.SetReg(d.index, ir.ArithmeticShiftRight(value, LowByte(ir, m)));
  return true;
}
bool TranslatorVisitor::RORV(bool sf, Reg m, Reg n, Reg d) {
  const U32U64 value = ir.GetReg(sf, n.index);
  ir.SetReg(d.index, ir.RotateRight(value, LowByte(ir, m)));
  return true;
}
bool TranslatorVisitor::CRC32_32(Reg m, bool c, Imm<2> sz, Reg n, Reg d) {
  if (sz.value == 3) return Unallocated(word_);  // the decoder already excludes it (reserved.cpp)
  const U32 accumulator = ir.GetW(n.index);
  ir.SetW(d.index, ir.CRC32(c, 8u << sz.value, accumulator, Either(ir.GetW(m.index))));
  return true;
}
bool TranslatorVisitor::CRC32_64(Reg m, bool c, Reg n, Reg d) {
  const U32 accumulator = ir.GetW(n.index);
  ir.SetW(d.index, ir.CRC32(c, 64, accumulator, Either(ir.GetX(m.index))));
  return true;
}

// ---- 1-source

bool TranslatorVisitor::RBIT(bool sf, Reg n, Reg d) {
  ir.SetReg(d.index, ir.ReverseBits(ir.GetReg(sf, n.index)));
  return true;
}
bool TranslatorVisitor::REV16(bool sf, Reg n, Reg d) {
  const U32U64 value = ir.GetReg(sf, n.index);
  if (!sf) {  // b3 b2 b1 b0 -> b0 b1 b2 b3 -> (rotated by 16) b2 b3 b0 b1
    ir.SetReg(d.index, ir.RotateRight(ir.ByteReverse(value), Amount(16)));
    return true;
  }
  const U32U64 mask = Either(IREmitter::Imm64(0x00ff00ff00ff00ffull));
  const U32U64 high = ir.And(ir.LogicalShiftRight(value, Amount(8)), mask);
  const U32U64 low = ir.LogicalShiftLeft(ir.And(value, mask), Amount(8));
  ir.SetReg(d.index, ir.Or(high, low));
  return true;
}
bool TranslatorVisitor::REV_32(Reg n, Reg d) {
  ir.SetW(d.index, U32(ir.ByteReverse(Either(ir.GetW(n.index)))));
  return true;
}
bool TranslatorVisitor::REV32(Reg n, Reg d) {
  // b7..b0 -> b0..b7 -> (rotated by 32) b4 b5 b6 b7 b0 b1 b2 b3
  ir.SetX(d.index, U64(ir.RotateRight(ir.ByteReverse(Either(ir.GetX(n.index))), Amount(32))));
  return true;
}
bool TranslatorVisitor::REV_64(Reg n, Reg d) {
  ir.SetX(d.index, U64(ir.ByteReverse(Either(ir.GetX(n.index)))));
  return true;
}
bool TranslatorVisitor::CLZ(bool sf, Reg n, Reg d) {
  ir.SetReg(d.index, ir.CountLeadingZeros(ir.GetReg(sf, n.index)));
  return true;
}
bool TranslatorVisitor::CLS(bool sf, Reg n, Reg d) {
  // CountLeadingSignBits(x) = CountLeadingZeroBits(x<N-1:1> EOR x<N-2:0>): the same count as
  // the leading zeros of (x EOR x << 1) with bit 0 forced to 1.
  const U32U64 value = ir.GetReg(sf, n.index);
  const U32U64 differences = ir.Eor(value, ir.LogicalShiftLeft(value, Amount(1)));
  ir.SetReg(d.index, ir.CountLeadingZeros(ir.Or(differences, IREmitter::Imm(sf, 1))));
  return true;
}

// ---- Logical (shifted register)

#define SAE_LOGICAL(name, op, flags)                                                      \
  bool TranslatorVisitor::name##_32(Imm<2> shift, Reg m, Imm<5> imm, Reg n, Reg d) {      \
    Logical(ir, false, shift.value, imm.value, m, n, d, op, flags);                       \
    return true;                                                                          \
  }                                                                                       \
  bool TranslatorVisitor::name##_64(Imm<2> shift, Reg m, Imm<6> imm, Reg n, Reg d) {      \
    Logical(ir, true, shift.value, imm.value, m, n, d, op, flags);                        \
    return true;                                                                          \
  }
SAE_LOGICAL(AND_shift, kAnd, false)
SAE_LOGICAL(BIC_shift, kBic, false)
SAE_LOGICAL(ORR_shift, kOrr, false)
SAE_LOGICAL(ORN_shift, kOrn, false)
SAE_LOGICAL(EOR_shift, kEor, false)
SAE_LOGICAL(EON_shift, kEon, false)
SAE_LOGICAL(ANDS_shift, kAnd, true)
SAE_LOGICAL(BICS_shift, kBic, true)
#undef SAE_LOGICAL

// ---- Add/subtract (shifted register, extended register)

#define SAE_ADD_SUB_SHIFTED(name, subtract, flags)                                           \
  bool TranslatorVisitor::name##_32(Imm<2> shift, Reg m, Imm<5> imm, Reg n, Reg d) {         \
    if (shift.value == kROR) return Unallocated(word_);  /* excluded by reserved.cpp */      \
    AddSubShifted(ir, false, shift.value, imm.value, m, n, d, subtract, flags);              \
    return true;                                                                             \
  }                                                                                          \
  bool TranslatorVisitor::name##_64(Imm<2> shift, Reg m, Imm<6> imm, Reg n, Reg d) {         \
    if (shift.value == kROR) return Unallocated(word_);                                      \
    AddSubShifted(ir, true, shift.value, imm.value, m, n, d, subtract, flags);               \
    return true;                                                                             \
  }
SAE_ADD_SUB_SHIFTED(ADD_shift, false, false)
SAE_ADD_SUB_SHIFTED(ADDS_shift, false, true)
SAE_ADD_SUB_SHIFTED(SUB_shift, true, false)
SAE_ADD_SUB_SHIFTED(SUBS_shift, true, true)
#undef SAE_ADD_SUB_SHIFTED

#define SAE_ADD_SUB_EXTENDED(name, subtract, flags)                                             \
  bool TranslatorVisitor::name(bool sf, Reg m, Imm<3> option, Imm<3> imm, Reg n, Reg d) {       \
    if (imm.value > 4) return Unallocated(word_);  /* excluded by reserved.cpp */               \
    const U32U64 operand1 = GetRegOrSP(sf, n);                                                  \
    const U32U64 operand2 = ExtendReg(ir, sf, m, option.value, imm.value);                      \
    const U32U64 result = (subtract) ? ir.Sub(operand1, operand2) : ir.Add(operand1, operand2); \
    if (flags) {                                                                                \
      ir.SetNZCV(ir.NZCVFrom(result));                                                          \
      ir.SetReg(d.index, result); /* Rd 31 is the zero register for ADDS/SUBS */                \
    } else {                                                                                    \
      SetRegOrSP(d, result);                                                                    \
    }                                                                                           \
    return true;                                                                                \
  }
SAE_ADD_SUB_EXTENDED(ADD_ext, false, false)
SAE_ADD_SUB_EXTENDED(ADDS_ext, false, true)
SAE_ADD_SUB_EXTENDED(SUB_ext, true, false)
SAE_ADD_SUB_EXTENDED(SUBS_ext, true, true)
#undef SAE_ADD_SUB_EXTENDED

// ---- Add/subtract with carry

#define SAE_WITH_CARRY(name, subtract, flags)                                            \
  bool TranslatorVisitor::name(bool sf, Reg m, Reg n, Reg d) {                           \
    const U32U64 operand1 = ir.GetReg(sf, n.index);                                      \
    const U32U64 operand2 = ir.GetReg(sf, m.index);                                      \
    const U1 carry = ir.ConditionHolds(ir::Cond::CS);                                    \
    const U32U64 result = (subtract) ? ir.SubWithCarry(operand1, operand2, carry)        \
                                     : ir.AddWithCarry(operand1, operand2, carry);       \
    if (flags) ir.SetNZCV(ir.NZCVFrom(result));                                          \
    ir.SetReg(d.index, result);                                                          \
    return true;                                                                         \
  }
SAE_WITH_CARRY(ADC, false, false)
SAE_WITH_CARRY(ADCS, false, true)
SAE_WITH_CARRY(SBC, true, false)
SAE_WITH_CARRY(SBCS, true, true)
#undef SAE_WITH_CARRY

// ---- Flag manipulation (FEAT_FlagM)

bool TranslatorVisitor::RMIF(Imm<6> imm, Reg n, Imm<4> mask) {
  // The low four bits of Xn ROR imm replace the flags that mask selects (N = bit 3 ... V = bit 0).
  const U64 rotated = U64(ir.RotateRight(Either(ir.GetX(n.index)), Amount(imm.value)));
  const U32 bits = U32(ir.LogicalShiftLeft(Either(ir.LeastSignificantWord(rotated)), Amount(28)));
  const std::uint32_t selected = mask.value << 28;
  const U32U64 kept = ir.And(Either(Packed(ir, ir.GetNZCV())), Word(~selected & 0xf0000000));
  const U32U64 merged = ir.Or(kept, ir.And(Either(bits), Word(selected)));
  ir.SetNZCV(Unpacked(ir, U32(merged)));
  return true;
}

namespace {
// SETF8/SETF16: N = Wn<bits-1>, Z = (Wn<bits-1:0> == 0), V = Wn<bits> EOR Wn<bits-1>, C kept.
void SetFlagsFrom(IREmitter& ir, Reg n, unsigned bits) {
  const U32U64 value = Either(ir.GetW(n.index));
  // N and Z are those of ANDS of the field moved to the top (C and V come out 0).
  const U32U64 top = ir.LogicalShiftLeft(value, Amount(32 - bits));
  const U32U64 field = ir.And(top, Word(~0u << (32 - bits)));
  const U32U64 nz = Either(Packed(ir, ir.NZCVFrom(field)));
  // Bit bits-1 of (Wn EOR Wn >> 1) is Wn<bits-1> EOR Wn<bits>: moved to bit 28 (V).
  const U32U64 differences = ir.Eor(value, ir.LogicalShiftRight(value, Amount(1)));
  const U32U64 v = ir.And(ir.LogicalShiftLeft(differences, Amount(29 - bits)),
                          Word(0x10000000));
  const U32U64 c = ir.And(Either(Packed(ir, ir.GetNZCV())), Word(0x20000000));
  ir.SetNZCV(Unpacked(ir, U32(ir.Or(ir.Or(nz, v), c))));
}
}  // namespace

bool TranslatorVisitor::SETF8(Reg n) {
  SetFlagsFrom(ir, n, 8);
  return true;
}
bool TranslatorVisitor::SETF16(Reg n) {
  SetFlagsFrom(ir, n, 16);
  return true;
}

// ---- Conditional compare, conditional select

bool TranslatorVisitor::CCMN_reg(bool sf, Reg m, Cond cond, Reg n, Imm<4> nzcv) {
  ConditionalCompare(ir, sf, ir.GetReg(sf, m.index), cond, n, nzcv.value, true);
  return true;
}
bool TranslatorVisitor::CCMP_reg(bool sf, Reg m, Cond cond, Reg n, Imm<4> nzcv) {
  ConditionalCompare(ir, sf, ir.GetReg(sf, m.index), cond, n, nzcv.value, false);
  return true;
}
bool TranslatorVisitor::CCMN_imm(bool sf, Imm<5> imm, Cond cond, Reg n, Imm<4> nzcv) {
  ConditionalCompare(ir, sf, IREmitter::Imm(sf, imm.value), cond, n, nzcv.value, true);
  return true;
}
bool TranslatorVisitor::CCMP_imm(bool sf, Imm<5> imm, Cond cond, Reg n, Imm<4> nzcv) {
  ConditionalCompare(ir, sf, IREmitter::Imm(sf, imm.value), cond, n, nzcv.value, false);
  return true;
}
bool TranslatorVisitor::CSEL(bool sf, Reg m, Cond cond, Reg n, Reg d) {
  ConditionalSelect(ir, sf, m, cond, n, d, kSelect);
  return true;
}
bool TranslatorVisitor::CSINC(bool sf, Reg m, Cond cond, Reg n, Reg d) {
  ConditionalSelect(ir, sf, m, cond, n, d, kIncrement);
  return true;
}
bool TranslatorVisitor::CSINV(bool sf, Reg m, Cond cond, Reg n, Reg d) {
  ConditionalSelect(ir, sf, m, cond, n, d, kInvert);
  return true;
}
bool TranslatorVisitor::CSNEG(bool sf, Reg m, Cond cond, Reg n, Reg d) {
  ConditionalSelect(ir, sf, m, cond, n, d, kNegate);
  return true;
}

// ---- 3-source

bool TranslatorVisitor::MADD(bool sf, Reg m, Reg a, Reg n, Reg d) {
  MultiplyAdd(ir, sf, m, a, n, d, false);
  return true;
}
bool TranslatorVisitor::MSUB(bool sf, Reg m, Reg a, Reg n, Reg d) {
  MultiplyAdd(ir, sf, m, a, n, d, true);
  return true;
}
bool TranslatorVisitor::SMADDL(Reg m, Reg a, Reg n, Reg d) {
  MultiplyAddLong(ir, m, a, n, d, true, false);
  return true;
}
bool TranslatorVisitor::SMSUBL(Reg m, Reg a, Reg n, Reg d) {
  MultiplyAddLong(ir, m, a, n, d, true, true);
  return true;
}
bool TranslatorVisitor::UMADDL(Reg m, Reg a, Reg n, Reg d) {
  MultiplyAddLong(ir, m, a, n, d, false, false);
  return true;
}
bool TranslatorVisitor::UMSUBL(Reg m, Reg a, Reg n, Reg d) {
  MultiplyAddLong(ir, m, a, n, d, false, true);
  return true;
}
bool TranslatorVisitor::SMULH(Reg m, Reg, Reg n, Reg d) {
  const U64 a = ir.GetX(n.index), b = ir.GetX(m.index);
  ir.SetX(d.index, U64(ir.Emit(Opcode::SignedMultiplyHigh64, {a, b})));
  return true;
}
bool TranslatorVisitor::UMULH(Reg m, Reg, Reg n, Reg d) {
  const U64 a = ir.GetX(n.index), b = ir.GetX(m.index);
  ir.SetX(d.index, U64(ir.Emit(Opcode::UnsignedMultiplyHigh64, {a, b})));
  return true;
}

}  // namespace sae::frontend::arm64
