// Integer arithmetic, logic, shifts, width changes, selects and the flags of arithmetic.
// Convention: values narrower than 64 bits are kept zero-extended in their registers.
#include "backend/s390x/codegen/emit_ir.h"

namespace sae::backend::s390x {

using ir::Opcode;

namespace {

bool Is64(const ir::Inst& inst) { return inst.arg(0).type() == ir::Type::U64; }

// d = a op b for three-register s390x forms; 32-bit results are zero-extended afterwards.
template <class Op>
void Binary(EmitContext& ctx, const ir::Inst& inst, bool zero_extend, Op op) {
  const Gpr a = ctx.Use(inst.arg(0), kScratch1);
  const Gpr b = ctx.Use(inst.arg(1), kScratch2);
  const Gpr d = ctx.Def(inst);
  op(d, a, b);
  if (zero_extend) ctx.as.LLGFR(d, d);
}

// A shift or rotate amount: an immediate (mod width) as a displacement, or a register.
BaseDisp Amount(EmitContext& ctx, const ir::Value& amount, unsigned width, Gpr scratch) {
  if (amount.IsImmediate()) return BaseDisp(r0, static_cast<std::int32_t>(amount.imm() & (width - 1)));
  const Gpr reg = ctx.Use(amount, scratch);
  if (width == 32) {
    ctx.as.RISBG(scratch, reg, 59, 63 | 0x80, 0);  // amount mod 32
    return BaseDisp(scratch, 0);
  }
  return BaseDisp(reg, 0);  // s390x 64-bit shifts use the low six bits: mod 64
}

}  // namespace

#define SAE_BINARY(opcode, zero_extend, mnemonic)                                   \
  template <>                                                                       \
  void EmitIR<Opcode::opcode>(EmitContext& ctx, const ir::Inst& inst) {             \
    Binary(ctx, inst, zero_extend, [&](Gpr d, Gpr a, Gpr b) { ctx.as.mnemonic(d, a, b); }); \
  }
SAE_BINARY(Add32, true, ARK)
SAE_BINARY(Add64, false, AGRK)
SAE_BINARY(Sub32, true, SRK)
SAE_BINARY(Sub64, false, SGRK)
SAE_BINARY(Mul32, true, MSRKC)
SAE_BINARY(Mul64, false, MSGRKC)
SAE_BINARY(And32, false, NGRK)
SAE_BINARY(And64, false, NGRK)
SAE_BINARY(AndNot32, false, NCGRK)
SAE_BINARY(AndNot64, false, NCGRK)
SAE_BINARY(Or32, false, OGRK)
SAE_BINARY(Or64, false, OGRK)
SAE_BINARY(Eor32, false, XGRK)
SAE_BINARY(Eor64, false, XGRK)
#undef SAE_BINARY

// a + b + carry, and a + NOT(b) + carry (the arm64 definitions of ADC and SBC).
template <>
void EmitIR<Opcode::AddWithCarry32>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr carry = ctx.Use(inst.arg(2), kScratch0);
  Binary(ctx, inst, true, [&](Gpr d, Gpr a, Gpr b) { ctx.as.AGRK(d, a, b); ctx.as.AGR(d, carry); });
}
template <>
void EmitIR<Opcode::AddWithCarry64>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr carry = ctx.Use(inst.arg(2), kScratch0);
  Binary(ctx, inst, false, [&](Gpr d, Gpr a, Gpr b) { ctx.as.AGRK(d, a, b); ctx.as.AGR(d, carry); });
}
template <>
void EmitIR<Opcode::SubWithCarry32>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr carry = ctx.Use(inst.arg(2), kScratch0);
  Binary(ctx, inst, true, [&](Gpr d, Gpr a, Gpr b) {
    ctx.as.SGRK(d, a, b);
    ctx.as.AGR(d, carry);
    ctx.as.AGHI(d, -1);
  });
}
template <>
void EmitIR<Opcode::SubWithCarry64>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr carry = ctx.Use(inst.arg(2), kScratch0);
  Binary(ctx, inst, false, [&](Gpr d, Gpr a, Gpr b) {
    ctx.as.SGRK(d, a, b);
    ctx.as.AGR(d, carry);
    ctx.as.AGHI(d, -1);
  });
}

// High halves of 128-bit products, in the r0:r1 pair.
template <>
void EmitIR<Opcode::SignedMultiplyHigh64>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr a = ctx.Use(inst.arg(0), kScratch2);
  ctx.UseInto(inst.arg(1), kScratch1);
  ctx.as.MGRK(kScratch0, a, kScratch1);
  ctx.as.LGR(ctx.Def(inst), kScratch0);
}
template <>
void EmitIR<Opcode::UnsignedMultiplyHigh64>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr b = ctx.Use(inst.arg(1), kScratch2);
  ctx.UseInto(inst.arg(0), kScratch1);
  ctx.as.MLGR(kScratch0, b);
  ctx.as.LGR(ctx.Def(inst), kScratch0);
}

namespace {

// arm64 division never traps: x / 0 = 0, and INT_MIN / -1 = INT_MIN. s390x traps on both, so
// they are branched around. Dividend in r1, quotient from r1.
void Divide(EmitContext& ctx, const ir::Inst& inst, bool is_signed, bool is64) {
  Assembler& as = ctx.as;
  const Gpr divisor = kScratch2;
  ctx.UseInto(inst.arg(1), divisor);
  ctx.UseInto(inst.arg(0), kScratch1);
  const Gpr d = ctx.Def(inst);
  Label divide, done;
  as.LGHI(d, 0);
  if (!is64) {
    if (is_signed) {
      as.LGFR(kScratch1, kScratch1);
      as.LGFR(divisor, divisor);
    }
  }
  as.CGIJ(divisor, 0, Cond::Equal, Rel16(done));
  if (is_signed) {
    // 32-bit operands are sign-extended to 64 bits, where INT32_MIN / -1 cannot overflow.
    if (is64) {
      as.CGIJ(divisor, -1, Cond::NotEqual, Rel16(divide));
      as.LCGR(d, kScratch1);
      as.BRC(Cond::Always, Rel16(done));
    }
    as.Bind(divide);
    as.DSGR(kScratch0, divisor);
  } else {
    as.Bind(divide);
    as.LGHI(kScratch0, 0);
    as.DLGR(kScratch0, divisor);
  }
  as.LGR(d, kScratch1);
  if (!is64) as.LLGFR(d, d);
  as.Bind(done);
}

}  // namespace

template <>
void EmitIR<Opcode::SignedDiv32>(EmitContext& ctx, const ir::Inst& inst) { Divide(ctx, inst, true, false); }
template <>
void EmitIR<Opcode::SignedDiv64>(EmitContext& ctx, const ir::Inst& inst) { Divide(ctx, inst, true, true); }
template <>
void EmitIR<Opcode::UnsignedDiv32>(EmitContext& ctx, const ir::Inst& inst) { Divide(ctx, inst, false, false); }
template <>
void EmitIR<Opcode::UnsignedDiv64>(EmitContext& ctx, const ir::Inst& inst) { Divide(ctx, inst, false, true); }

template <>
void EmitIR<Opcode::Not32>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr a = ctx.Use(inst.arg(0), kScratch1);
  const Gpr d = ctx.Def(inst);
  ctx.as.LGR(d, a);
  ctx.as.XILF(d, 0xffffffff);
}
template <>
void EmitIR<Opcode::Not64>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr a = ctx.Use(inst.arg(0), kScratch1);
  ctx.as.NOGRK(ctx.Def(inst), a, a);
}

namespace {
// d = a shifted by the amount (an immediate or a register, mod the width); 32-bit forms whose
// s390x instruction leaves bits 0-31 undefined for us are zero-extended afterwards.
template <class Op>
void Shift(EmitContext& ctx, const ir::Inst& inst, unsigned width, bool zero_extend, Op op) {
  const Gpr a = ctx.Use(inst.arg(0), kScratch1);
  const BaseDisp amount = Amount(ctx, inst.arg(1), width, kScratch2);
  const Gpr d = ctx.Def(inst);
  op(d, a, amount);
  if (zero_extend) ctx.as.LLGFR(d, d);
}
}  // namespace

// A 32-bit value's upper half is zero, so the 64-bit logical right shift is exact for it.
#define SAE_SHIFT(opcode, width, zero_extend, mnemonic)                                   \
  template <>                                                                             \
  void EmitIR<Opcode::opcode>(EmitContext& ctx, const ir::Inst& inst) {                   \
    Shift(ctx, inst, width, zero_extend,                                                  \
          [&](Gpr d, Gpr a, BaseDisp amount) { ctx.as.mnemonic(d, a, amount); });         \
  }
SAE_SHIFT(LogicalShiftLeft32, 32, true, SLLG)
SAE_SHIFT(LogicalShiftLeft64, 64, false, SLLG)
SAE_SHIFT(LogicalShiftRight32, 32, false, SRLG)
SAE_SHIFT(LogicalShiftRight64, 64, false, SRLG)
SAE_SHIFT(ArithmeticShiftRight32, 32, true, SRAK)
SAE_SHIFT(ArithmeticShiftRight64, 64, false, SRAG)
#undef SAE_SHIFT

namespace {
// Rotate right by n = rotate left by width - n.
void RotateRight(EmitContext& ctx, const ir::Inst& inst, bool is64) {
  const unsigned width = is64 ? 64 : 32;
  const Gpr a = ctx.Use(inst.arg(0), kScratch1);
  BaseDisp left(r0, 0);
  if (inst.arg(1).IsImmediate()) {
    left = BaseDisp(r0, static_cast<std::int32_t>((width - (inst.arg(1).imm() & (width - 1))) & (width - 1)));
  } else {
    const Gpr amount = ctx.Use(inst.arg(1), kScratch2);
    ctx.as.LCGR(kScratch2, amount);  // -n mod width is all the rotate uses
    left = BaseDisp(kScratch2, 0);
  }
  const Gpr d = ctx.Def(inst);
  if (is64) {
    ctx.as.RLLG(d, a, left);
  } else {
    ctx.as.RLL(d, a, left);
    ctx.as.LLGFR(d, d);
  }
}
}  // namespace

template <>
void EmitIR<Opcode::RotateRight32>(EmitContext& ctx, const ir::Inst& inst) { RotateRight(ctx, inst, false); }
template <>
void EmitIR<Opcode::RotateRight64>(EmitContext& ctx, const ir::Inst& inst) { RotateRight(ctx, inst, true); }

template <>
void EmitIR<Opcode::CountLeadingZeros32>(EmitContext& ctx, const ir::Inst& inst) {
  ctx.UseInto(inst.arg(0), kScratch2);
  ctx.as.FLOGR(kScratch0, kScratch2);  // of the zero-extended value: 32 more than the answer
  const Gpr d = ctx.Def(inst);
  ctx.as.LGR(d, kScratch0);
  ctx.as.AGHI(d, -32);
}
template <>
void EmitIR<Opcode::CountLeadingZeros64>(EmitContext& ctx, const ir::Inst& inst) {
  ctx.UseInto(inst.arg(0), kScratch2);
  ctx.as.FLOGR(kScratch0, kScratch2);
  ctx.as.LGR(ctx.Def(inst), kScratch0);
}

namespace {
// Reverses the bits of each byte of `d` (swap halves of nibbles, pairs, bits), using r0/r1.
void ReverseBitsInBytes(EmitContext& ctx, Gpr d) {
  const std::pair<std::uint64_t, int> steps[] = {
      {0x0f0f0f0f0f0f0f0full, 4}, {0x3333333333333333ull, 2}, {0x5555555555555555ull, 1}};
  for (const auto& [mask, shift] : steps) {
    ctx.as.LoadConstant(kScratch0, mask);
    ctx.as.SRLG(kScratch1, d, BaseDisp(r0, shift));
    ctx.as.NGR(kScratch1, kScratch0);   // (d >> s) & m
    ctx.as.NGR(d, kScratch0);
    ctx.as.SLLG(d, d, BaseDisp(r0, shift));  // (d & m) << s
    ctx.as.OGR(d, kScratch1);
  }
}
}  // namespace

template <>
void EmitIR<Opcode::ReverseBits32>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr a = ctx.Use(inst.arg(0), kScratch1);
  const Gpr d = ctx.Def(inst);
  ctx.as.LRVR(d, a);
  ctx.as.LLGFR(d, d);
  ReverseBitsInBytes(ctx, d);
}
template <>
void EmitIR<Opcode::ReverseBits64>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr a = ctx.Use(inst.arg(0), kScratch1);
  const Gpr d = ctx.Def(inst);
  ctx.as.LRVGR(d, a);
  ReverseBitsInBytes(ctx, d);
}
template <>
void EmitIR<Opcode::ByteReverse32>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr a = ctx.Use(inst.arg(0), kScratch1);
  const Gpr d = ctx.Def(inst);
  ctx.as.LRVR(d, a);
  ctx.as.LLGFR(d, d);
}
template <>
void EmitIR<Opcode::ByteReverse64>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr a = ctx.Use(inst.arg(0), kScratch1);
  ctx.as.LRVGR(ctx.Def(inst), a);
}

namespace {
void ConditionalSelect(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr a = ctx.Use(inst.arg(1), kScratch2);
  const Gpr b = ctx.Use(inst.arg(2), kScratch0);
  const Gpr d = ctx.Def(inst);
  EmitConditionHolds(ctx, static_cast<unsigned>(inst.arg(0).imm()), d);
  ctx.as.LTGR(d, d);
  ctx.as.LGR(d, b);  // LGR leaves the condition code alone
  ctx.as.LOCGR(d, a, Cond::NotEqual);
}
}  // namespace

template <>
void EmitIR<Opcode::ConditionalSelect32>(EmitContext& ctx, const ir::Inst& inst) { ConditionalSelect(ctx, inst); }
template <>
void EmitIR<Opcode::ConditionalSelect64>(EmitContext& ctx, const ir::Inst& inst) { ConditionalSelect(ctx, inst); }

template <>
void EmitIR<Opcode::IsZero32>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr a = ctx.Use(inst.arg(0), kScratch1);
  const Gpr d = ctx.Def(inst);
  ctx.as.LGHI(d, 0);
  ctx.as.LTGR(a, a);
  ctx.as.LOCGHI(d, 1, Cond::Equal);
}
template <>
void EmitIR<Opcode::IsZero64>(EmitContext& ctx, const ir::Inst& inst) { EmitIR<Opcode::IsZero32>(ctx, inst); }

template <>
void EmitIR<Opcode::TestBit>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr value = ctx.Use(inst.arg(0), kScratch1);
  const Gpr d = ctx.Def(inst);
  if (inst.arg(1).IsImmediate()) {
    const auto bit = static_cast<unsigned>(inst.arg(1).imm() & 63);
    ctx.as.RISBG(d, value, 63, 63 | 0x80, (64 - bit) & 63);
  } else {
    const Gpr bit = ctx.Use(inst.arg(1), kScratch2);
    ctx.as.SRLG(d, value, BaseDisp(bit, 0));
    ctx.as.RISBG(d, d, 63, 63 | 0x80, 0);
  }
}

#define SAE_UNARY(opcode, mnemonic)                                     \
  template <>                                                           \
  void EmitIR<Opcode::opcode>(EmitContext& ctx, const ir::Inst& inst) { \
    const Gpr a = ctx.Use(inst.arg(0), kScratch1);                      \
    ctx.as.mnemonic(ctx.Def(inst), a);                                  \
  }
SAE_UNARY(LeastSignificantWord, LLGFR)
SAE_UNARY(LeastSignificantHalf, LLGHR)
SAE_UNARY(LeastSignificantByte, LLGCR)
SAE_UNARY(ZeroExtendWordToLong, LGR)
SAE_UNARY(ZeroExtendHalfToWord, LGR)
SAE_UNARY(ZeroExtendByteToWord, LGR)
SAE_UNARY(SignExtendWordToLong, LGFR)
#undef SAE_UNARY

template <>
void EmitIR<Opcode::SignExtendHalfToWord>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr a = ctx.Use(inst.arg(0), kScratch1);
  const Gpr d = ctx.Def(inst);
  ctx.as.LGHR(d, a);
  ctx.as.LLGFR(d, d);
}
template <>
void EmitIR<Opcode::SignExtendByteToWord>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr a = ctx.Use(inst.arg(0), kScratch1);
  const Gpr d = ctx.Def(inst);
  ctx.as.LGBR(d, a);
  ctx.as.LLGFR(d, d);
}

// ---- Flags: NZCV packed in bits 31:28, built as N=8 Z=4 C=2 V=1 and shifted into place.
// For additions and subtractions the adder's view is used: r = a + b' + carry-in, where b' is b
// (ADDS, ADCS) or NOT b (SUBS with carry-in 1, SBCS).
template <>
void EmitIR<Opcode::GetNZCVFromOp>(EmitContext& ctx, const ir::Inst& inst) {
  Assembler& as = ctx.as;
  const ir::Inst* op = inst.arg(0).inst();
  if (op == nullptr) return ctx.Fail("GetNZCVFromOp of an immediate");
  const Gpr result = ctx.Use(inst.arg(0), kScratch2);
  const Gpr d = ctx.Def(inst);
  const bool is64 = Is64(*op);
  const Mem saved(r15, 152);  // free bytes of this frame's register save area (no callees)
  as.LGHI(d, 0);
  if (is64) {
    as.LTGR(result, result);
  } else {
    as.LTR(result, result);
  }
  as.LOCGHI(d, 4, Cond::Equal);
  as.LOCGHI(d, 8, Cond::Low);
  const Opcode kind = op->opcode();
  const bool logical = kind == Opcode::And32 || kind == Opcode::And64 ||
                       kind == Opcode::AndNot32 || kind == Opcode::AndNot64;
  const bool add = kind == Opcode::Add32 || kind == Opcode::Add64;
  const bool subtract = kind == Opcode::Sub32 || kind == Opcode::Sub64;
  const bool with_carry = kind == Opcode::AddWithCarry32 || kind == Opcode::AddWithCarry64 ||
                          kind == Opcode::SubWithCarry32 || kind == Opcode::SubWithCarry64;
  const bool inverted = subtract || kind == Opcode::SubWithCarry32 || kind == Opcode::SubWithCarry64;
  if (!logical && !add && !subtract && !with_carry) {
    return ctx.Fail("GetNZCVFromOp of " + std::string(ir::Name(kind)));
  }
  if (!logical) {
    ctx.UseInto(op->arg(0), kScratch0);  // a
    ctx.UseInto(op->arg(1), kScratch1);  // b
    if (inverted) {
      as.XILF(kScratch1, 0xffffffff);
      if (is64) as.XIHF(kScratch1, 0xffffffff);
    }
    // V: a and b' agree in sign and r does not: the sign of (a ^ r) & (b' ^ r).
    as.XGR(kScratch1, result);
    as.STG(kScratch0, saved);
    as.XGR(kScratch0, result);
    as.NGR(kScratch1, kScratch0);
    as.RISBG(kScratch1, kScratch1, 63, 63 | 0x80, is64 ? 1 : 33);
    as.OGR(d, kScratch1);
    as.LG(kScratch0, saved);
    // C: the sum carried out: r < a without carry-in, r <= a with it.
    if (is64) {
      as.CLGR(result, kScratch0);
    } else {
      as.CLR(result, kScratch0);
    }
    as.LGHI(kScratch1, 0);
    if (with_carry) {
      as.LOCGHI(kScratch1, 2, Cond::Low);
      ctx.UseInto(op->arg(2), kScratch0);  // loads leave the condition code alone
      as.SLLG(kScratch0, kScratch0, BaseDisp(r0, 1));
      as.LOCGR(kScratch1, kScratch0, Cond::Equal);
    } else {
      as.LOCGHI(kScratch1, 2, subtract ? Cond::LowOrEqual : Cond::Low);
    }
    as.OGR(d, kScratch1);
  }
  as.SLLG(d, d, BaseDisp(r0, 28));
}

}  // namespace sae::backend::s390x
