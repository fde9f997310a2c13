// The types of IR values.
#pragma once

#include <cstdint>
#include <string_view>

namespace sae::ir {

enum class Type : std::uint8_t {
  Void,      // no value (instructions executed for their effect)
  U1,        // a boolean
  U8,
  U16,
  U32,
  U64,
  U128,
  NZCV,      // the arm64 flags N, Z, C, V as one value
  Cond,      // an arm64 condition (EQ, NE, ...), immediate only
  GuestReg,  // a guest register number (X0-X30, 31 = SP or ZR as the opcode says), immediate only
  Opaque,    // any type (the argument of Identity and GetNZCVFromOp)
};

std::string_view TypeName(Type type);

// arm64 conditions, in their encoding order.
enum class Cond : std::uint8_t { EQ, NE, CS, CC, MI, PL, VS, VC, HI, LS, GE, LT, GT, LE, AL, NV };
std::string_view CondName(Cond cond);

// System registers the vCPU state holds for the generated code (GetSysReg/SetSysReg).
enum class SysReg : std::uint8_t { TPIDR_EL0, TPIDRRO_EL0, FPCR, FPSR };

// The FP arithmetic the FloatingPoint operation carries out inline, with its form packed into
// one immediate: the operation, double (else single) precision, vector (else scalar), and Q.
// The fused forms compute: MulAdd a + n*m, MulSub a - n*m, NegMulAdd -a - n*m, NegMulSub
// n*m - a (a is the addend register; FMLA/FMLS are MulAdd/MulSub with a = d).
enum class FPOperation : std::uint8_t { Add, Sub, Mul, Div, MulAdd, MulSub, NegMulAdd, NegMulSub };
struct FPForm {
  FPOperation operation;
  bool double_precision;
  bool vector;
  bool q;
  constexpr std::uint8_t Pack() const {
    return static_cast<std::uint8_t>(static_cast<unsigned>(operation) | unsigned{double_precision} << 4 |
                                     unsigned{vector} << 5 | unsigned{q} << 6);
  }
  static constexpr FPForm Unpack(std::uint64_t packed) {
    return {static_cast<FPOperation>(packed & 15), ((packed >> 4) & 1) != 0, ((packed >> 5) & 1) != 0,
            ((packed >> 6) & 1) != 0};
  }
};
// FloatingPoint's registers operand: d | n << 5 | m << 10 | a << 15.
constexpr std::uint32_t PackFPRegisters(unsigned d, unsigned n, unsigned m, unsigned a) {
  return d | n << 5 | m << 10 | a << 15;
}

// The conversions FloatingPointConvert carries out inline, with the form packed like FPForm's:
// the conversion, double (else single) precision of the FP side, 64-bit (else 32-bit) integer
// side. Integer conversions to integers round toward zero (FCVTZS/FCVTZU); the others round to
// nearest (the only FPCR mode the inline path runs with).
enum class FPConversion : std::uint8_t {
  SignedToFloat,
  UnsignedToFloat,
  FloatToSigned,
  FloatToUnsigned,
  SingleToDouble,
  DoubleToSingle,
};
struct FPConvertForm {
  FPConversion conversion;
  bool double_precision;
  bool int64;
  constexpr std::uint8_t Pack() const {
    return static_cast<std::uint8_t>(static_cast<unsigned>(conversion) |
                                     unsigned{double_precision} << 3 | unsigned{int64} << 4);
  }
  static constexpr FPConvertForm Unpack(std::uint64_t packed) {
    return {static_cast<FPConversion>(packed & 7), ((packed >> 3) & 1) != 0, ((packed >> 4) & 1) != 0};
  }
};

// Bits of an integer type (U1..U128); 0 for the others.
constexpr unsigned BitWidth(Type type) {
  switch (type) {
    case Type::U1: return 1;
    case Type::U8: return 8;
    case Type::U16: return 16;
    case Type::U32: return 32;
    case Type::U64: return 64;
    case Type::U128: return 128;
    default: return 0;
  }
}

}  // namespace sae::ir
