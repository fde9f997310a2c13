#include "ir/passes/passes.h"

#include <optional>
#include <unordered_set>

namespace sae::ir {

namespace {

std::uint64_t Mask(unsigned width) { return width == 64 ? ~0ull : (1ull << width) - 1; }

// The CRC32 step of opcodes.inc: `bits` data bits into the accumulator, least significant first.
constexpr std::uint32_t kCrc32Iso = 0xedb88320;         // reflected 0x04C11DB7
constexpr std::uint32_t kCrc32Castagnoli = 0x82f63b78;  // reflected 0x1EDC6F41
std::uint64_t Crc32(std::uint64_t accumulator, std::uint64_t data, unsigned bits,
                    std::uint32_t polynomial) {
  auto crc = static_cast<std::uint32_t>(accumulator);
  for (unsigned i = 0; i < bits; ++i) {
    const bool feedback = ((crc ^ (data >> i)) & 1) != 0;
    crc = (crc >> 1) ^ (feedback ? polynomial : 0);
  }
  return crc;
}

// The value of `inst` if all its arguments are immediates and the opcode is one we fold.
std::optional<std::uint64_t> Evaluate(const Inst& inst, unsigned width) {
  std::uint64_t a[kMaxArguments] = {};
  for (std::size_t i = 0; i < inst.arg_count(); ++i) {
    const Value arg = inst.arg(i).Resolved();
    if (!arg.IsImmediate()) return std::nullopt;
    a[i] = arg.imm();
  }
  const std::uint64_t m = Mask(width);
  const unsigned amount = static_cast<unsigned>(a[1] & (width - 1));
  switch (inst.opcode()) {
    case Opcode::Add32: case Opcode::Add64: return (a[0] + a[1]) & m;
    case Opcode::Sub32: case Opcode::Sub64: return (a[0] - a[1]) & m;
    case Opcode::Mul32: case Opcode::Mul64: return (a[0] * a[1]) & m;
    case Opcode::And32: case Opcode::And64: return a[0] & a[1];
    case Opcode::AndNot32: case Opcode::AndNot64: return a[0] & ~a[1] & m;
    case Opcode::Or32: case Opcode::Or64: return a[0] | a[1];
    case Opcode::Eor32: case Opcode::Eor64: return a[0] ^ a[1];
    case Opcode::Not32: case Opcode::Not64: return ~a[0] & m;
    case Opcode::LogicalShiftLeft32: case Opcode::LogicalShiftLeft64: return (a[0] << amount) & m;
    case Opcode::LogicalShiftRight32: case Opcode::LogicalShiftRight64: return a[0] >> amount;
    case Opcode::ArithmeticShiftRight32: case Opcode::ArithmeticShiftRight64: {
      const auto value = static_cast<std::int64_t>(a[0] << (64 - width)) >> (64 - width);
      return static_cast<std::uint64_t>(value >> amount) & m;
    }
    case Opcode::RotateRight32: case Opcode::RotateRight64:
      return amount == 0 ? a[0] : ((a[0] >> amount) | (a[0] << (width - amount))) & m;
    case Opcode::LeastSignificantWord: return a[0] & 0xffffffff;
    case Opcode::ZeroExtendWordToLong: return a[0];
    case Opcode::SignExtendWordToLong:
      return static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<std::int32_t>(a[0])));
    case Opcode::IsZero32: case Opcode::IsZero64: return a[0] == 0;
    case Opcode::LeastSignificantHalf: return a[0] & 0xffff;
    case Opcode::LeastSignificantByte: return a[0] & 0xff;
    case Opcode::SignExtendHalfToWord:
      return static_cast<std::uint32_t>(static_cast<std::int32_t>(static_cast<std::int16_t>(a[0])));
    case Opcode::SignExtendByteToWord:
      return static_cast<std::uint32_t>(static_cast<std::int32_t>(static_cast<std::int8_t>(a[0])));
    case Opcode::CountLeadingZeros32: case Opcode::CountLeadingZeros64: {
      unsigned count = 0;
      while (count < width && ((a[0] >> (width - 1 - count)) & 1) == 0) ++count;
      return count;
    }
    case Opcode::CRC32ISO8: return Crc32(a[0], a[1], 8, kCrc32Iso);
    case Opcode::CRC32ISO16: return Crc32(a[0], a[1], 16, kCrc32Iso);
    case Opcode::CRC32ISO32: return Crc32(a[0], a[1], 32, kCrc32Iso);
    case Opcode::CRC32ISO64: return Crc32(a[0], a[1], 64, kCrc32Iso);
    case Opcode::CRC32Castagnoli8: return Crc32(a[0], a[1], 8, kCrc32Castagnoli);
    case Opcode::CRC32Castagnoli16: return Crc32(a[0], a[1], 16, kCrc32Castagnoli);
    case Opcode::CRC32Castagnoli32: return Crc32(a[0], a[1], 32, kCrc32Castagnoli);
    case Opcode::CRC32Castagnoli64: return Crc32(a[0], a[1], 64, kCrc32Castagnoli);
    default: return std::nullopt;
  }
}

// x op identity-element = x (and x & 0 = 0): one operand immediate is enough.
std::optional<Value> Simplify(const Inst& inst, unsigned width) {
  if (inst.arg_count() != 2) return std::nullopt;
  const Value x = inst.arg(0).Resolved();
  const Value y = inst.arg(1).Resolved();
  if (!y.IsImmediate()) {
    if (x.IsImmediate() && x.imm() == 0) {
      switch (inst.opcode()) {
        case Opcode::Add32: case Opcode::Add64: case Opcode::Or32: case Opcode::Or64:
        case Opcode::Eor32: case Opcode::Eor64:
          return y;  // 0 op y
        default: return std::nullopt;
      }
    }
    return std::nullopt;
  }
  const std::uint64_t k = y.imm();
  switch (inst.opcode()) {
    case Opcode::Add32: case Opcode::Add64: case Opcode::Sub32: case Opcode::Sub64:
    case Opcode::Or32: case Opcode::Or64: case Opcode::Eor32: case Opcode::Eor64:
    case Opcode::AndNot32: case Opcode::AndNot64:
      if (k == 0) return x;
      return std::nullopt;
    case Opcode::LogicalShiftLeft32: case Opcode::LogicalShiftLeft64:
    case Opcode::LogicalShiftRight32: case Opcode::LogicalShiftRight64:
    case Opcode::ArithmeticShiftRight32: case Opcode::ArithmeticShiftRight64:
    case Opcode::RotateRight32: case Opcode::RotateRight64:
      if ((k & (width - 1)) == 0) return x;
      return std::nullopt;
    case Opcode::And32: case Opcode::And64:
      if (k == Mask(width)) return x;
      if (k == 0) return Value::Immediate(inst.ResultType(), 0);
      return std::nullopt;
    case Opcode::Mul32: case Opcode::Mul64:
      if (k == 1) return x;
      return std::nullopt;
    default: return std::nullopt;
  }
}

// The NZCV (bits 31:28) of a flag-setting operation on immediates, as GetNZCVFromOp defines it.
std::optional<std::uint64_t> FoldFlags(const Inst& op) {
  std::uint64_t a[kMaxArguments] = {};
  for (std::size_t i = 0; i < op.arg_count(); ++i) {
    const Value arg = op.arg(i).Resolved();
    if (!arg.IsImmediate()) return std::nullopt;
    a[i] = arg.imm();
  }
  const unsigned width = BitWidth(op.arg(0).type());
  if (width != 32 && width != 64) return std::nullopt;
  const std::uint64_t m = Mask(width);
  const std::uint64_t sign = 1ull << (width - 1);
  std::uint64_t result = 0;
  bool carry = false, overflow = false;
  const auto add = [&](std::uint64_t x, std::uint64_t y, std::uint64_t carry_in) {
    result = (x + y + carry_in) & m;
    carry = carry_in ? result <= x : result < x;
    overflow = ((x ^ result) & (y ^ result) & sign) != 0;
  };
  switch (op.opcode()) {
    case Opcode::Add32: case Opcode::Add64: add(a[0], a[1], 0); break;
    case Opcode::Sub32: case Opcode::Sub64: add(a[0], ~a[1] & m, 1); break;
    case Opcode::AddWithCarry32: case Opcode::AddWithCarry64: add(a[0], a[1], a[2] & 1); break;
    case Opcode::SubWithCarry32: case Opcode::SubWithCarry64: add(a[0], ~a[1] & m, a[2] & 1); break;
    case Opcode::And32: case Opcode::And64: result = a[0] & a[1]; break;
    case Opcode::AndNot32: case Opcode::AndNot64: result = a[0] & ~a[1] & m; break;
    default: return std::nullopt;
  }
  const bool n = (result & sign) != 0, z = result == 0;
  return (std::uint64_t{n} << 31) | (std::uint64_t{z} << 30) | (std::uint64_t{carry} << 29) |
         (std::uint64_t{overflow} << 28);
}

}  // namespace

void ConstantFolding(Block& block) {
  // Flags first: GetNZCVFromOp needs its operation intact, so an operation whose flags are
  // wanted is folded only together with them, when all its operands are immediates.
  std::unordered_set<const Inst*> flags_wanted;
  for (Inst* inst : block.instructions()) {
    if (inst->opcode() != Opcode::GetNZCVFromOp) continue;
    const Inst* op = inst->arg(0).inst();
    if (op == nullptr) continue;
    if (const auto flags = FoldFlags(*op)) {
      inst->ReplaceUsesWith(Value::Immediate(Type::NZCV, *flags));
    } else {
      flags_wanted.insert(op);
    }
  }
  for (Inst* inst : block.instructions()) {
    if (!IsPure(inst->opcode()) || inst->opcode() == Opcode::Identity) continue;
    if (flags_wanted.count(inst) != 0) continue;
    const Type type = inst->ResultType();
    // Width of the operation: its operands' for compares to zero, else its result's.
    const Type operand_type = inst->arg_count() > 0 ? inst->arg(0).type() : type;
    const unsigned width = BitWidth(operand_type == Type::U64 ? Type::U64
                                    : operand_type == Type::U32 ? Type::U32 : type);
    if (width == 0 || width > 64) continue;
    if (const auto folded = Evaluate(*inst, width)) {
      inst->ReplaceUsesWith(Value::Immediate(type, *folded));
    } else if (const auto simpler = Simplify(*inst, width)) {
      inst->ReplaceUsesWith(*simpler);
    }
  }
}

}  // namespace sae::ir
