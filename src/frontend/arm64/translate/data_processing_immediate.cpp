// Data processing (immediate): PC-relative addressing, add/subtract, logical, move wide,
// bitfield, extract.
#include "frontend/arm64/decoder/bit_masks.h"
#include "frontend/arm64/translate/visitor.h"

namespace sae::frontend::arm64 {

using namespace ir;  // NOLINT: the IR's types are this file's vocabulary

namespace {
enum MoveWideKind { kMoveNot, kMoveZero, kMoveKeep };
enum BitfieldKind { kSigned, kInsert, kUnsigned };
}  // namespace

U32U64 TranslatorVisitor::GetRegOrSP(bool sf, Reg r) {
  if (r.index != 31) return ir.GetReg(sf, r.index);
  const U64 sp = ir.GetSP();
  return sf ? U32U64(sp) : U32U64(ir.LeastSignificantWord(sp));
}

void TranslatorVisitor::SetRegOrSP(Reg r, U32U64 value) {
  if (r.index != 31) return ir.SetReg(r.index, value);
  ir.SetSP(value.type() == Type::U64 ? U64(value) : ir.ZeroExtendToLong(U32(value)));
}

bool TranslatorVisitor::ADR(Imm<2> immlo, Imm<19> immhi, Reg d) {
  const Imm<21> offset((immhi.value << 2) | immlo.value);
  ir.SetX(d.index, IREmitter::Imm64(pc + static_cast<std::uint64_t>(offset.SignExtend())));
  return true;
}

bool TranslatorVisitor::ADRP(Imm<2> immlo, Imm<19> immhi, Reg d) {
  const Imm<21> pages((immhi.value << 2) | immlo.value);
  const std::uint64_t base = pc & ~std::uint64_t{0xfff};
  ir.SetX(d.index, IREmitter::Imm64(base + (static_cast<std::uint64_t>(pages.SignExtend()) << 12)));
  return true;
}

bool TranslatorVisitor::AddSubImmediate(bool sf, Imm<1> shift, Imm<12> imm, Reg n, Reg d,
                                        bool subtract, bool flags) {
  const U32U64 operand = IREmitter::Imm(sf, imm.ZeroExtend() << (shift.value * 12));
  const U32U64 source = GetRegOrSP(sf, n);
  const U32U64 result = subtract ? ir.Sub(source, operand) : ir.Add(source, operand);
  if (flags) {
    ir.SetNZCV(ir.NZCVFrom(result));
    ir.SetReg(d.index, result);  // Rd 31 is the zero register for ADDS/SUBS
  } else {
    SetRegOrSP(d, result);
  }
  return true;
}

bool TranslatorVisitor::ADD_imm(bool sf, Imm<1> shift, Imm<12> imm, Reg n, Reg d) {
  return AddSubImmediate(sf, shift, imm, n, d, false, false);
}
bool TranslatorVisitor::ADDS_imm(bool sf, Imm<1> shift, Imm<12> imm, Reg n, Reg d) {
  return AddSubImmediate(sf, shift, imm, n, d, false, true);
}
bool TranslatorVisitor::SUB_imm(bool sf, Imm<1> shift, Imm<12> imm, Reg n, Reg d) {
  return AddSubImmediate(sf, shift, imm, n, d, true, false);
}
bool TranslatorVisitor::SUBS_imm(bool sf, Imm<1> shift, Imm<12> imm, Reg n, Reg d) {
  return AddSubImmediate(sf, shift, imm, n, d, true, true);
}

bool TranslatorVisitor::LogicalImmediate(bool sf, bool N, unsigned immr, unsigned imms, Reg n,
                                         Reg d, Opcode op, bool flags) {
  const auto masks = DecodeBitMasks(N, imms, immr, true, sf ? 64 : 32);
  if (!masks) return Unallocated(word_);  // the decoder already excludes these (reserved.cpp)
  const U32U64 operand = IREmitter::Imm(sf, sf ? masks->wmask : masks->wmask & 0xffffffff);
  const U32U64 source = ir.GetReg(sf, n.index);
  U32U64 result;
  switch (op) {
    case Opcode::And64: result = ir.And(source, operand); break;
    case Opcode::Or64: result = ir.Or(source, operand); break;
    default: result = ir.Eor(source, operand); break;
  }
  if (flags) {
    ir.SetNZCV(ir.NZCVFrom(result));
    ir.SetReg(d.index, result);
  } else {
    SetRegOrSP(d, result);
  }
  return true;
}

bool TranslatorVisitor::AND_imm_32(Imm<6> immr, Imm<6> imms, Reg n, Reg d) {
  return LogicalImmediate(false, false, immr.value, imms.value, n, d, Opcode::And64, false);
}
bool TranslatorVisitor::AND_imm_64(bool N, Imm<6> immr, Imm<6> imms, Reg n, Reg d) {
  return LogicalImmediate(true, N, immr.value, imms.value, n, d, Opcode::And64, false);
}
bool TranslatorVisitor::ORR_imm_32(Imm<6> immr, Imm<6> imms, Reg n, Reg d) {
  return LogicalImmediate(false, false, immr.value, imms.value, n, d, Opcode::Or64, false);
}
bool TranslatorVisitor::ORR_imm_64(bool N, Imm<6> immr, Imm<6> imms, Reg n, Reg d) {
  return LogicalImmediate(true, N, immr.value, imms.value, n, d, Opcode::Or64, false);
}
bool TranslatorVisitor::EOR_imm_32(Imm<6> immr, Imm<6> imms, Reg n, Reg d) {
  return LogicalImmediate(false, false, immr.value, imms.value, n, d, Opcode::Eor64, false);
}
bool TranslatorVisitor::EOR_imm_64(bool N, Imm<6> immr, Imm<6> imms, Reg n, Reg d) {
  return LogicalImmediate(true, N, immr.value, imms.value, n, d, Opcode::Eor64, false);
}
bool TranslatorVisitor::ANDS_imm_32(Imm<6> immr, Imm<6> imms, Reg n, Reg d) {
  return LogicalImmediate(false, false, immr.value, imms.value, n, d, Opcode::And64, true);
}
bool TranslatorVisitor::ANDS_imm_64(bool N, Imm<6> immr, Imm<6> imms, Reg n, Reg d) {
  return LogicalImmediate(true, N, immr.value, imms.value, n, d, Opcode::And64, true);
}

bool TranslatorVisitor::MoveWide(bool sf, unsigned hw, Imm<16> imm, Reg d, int kind) {
  const unsigned shift = hw * 16;
  const std::uint64_t value = imm.ZeroExtend() << shift;
  const std::uint64_t all = sf ? ~std::uint64_t{0} : 0xffffffff;
  U32U64 result;
  if (kind == kMoveKeep) {
    const U32U64 kept = ir.And(ir.GetReg(sf, d.index), IREmitter::Imm(sf, ~(0xffffull << shift) & all));
    result = ir.Or(kept, IREmitter::Imm(sf, value));
  } else {
    result = IREmitter::Imm(sf, kind == kMoveNot ? ~value & all : value);
  }
  ir.SetReg(d.index, result);
  return true;
}

bool TranslatorVisitor::MOVN_32(Imm<1> hw, Imm<16> imm, Reg d) { return MoveWide(false, hw.value, imm, d, kMoveNot); }
bool TranslatorVisitor::MOVN_64(Imm<2> hw, Imm<16> imm, Reg d) { return MoveWide(true, hw.value, imm, d, kMoveNot); }
bool TranslatorVisitor::MOVZ_32(Imm<1> hw, Imm<16> imm, Reg d) { return MoveWide(false, hw.value, imm, d, kMoveZero); }
bool TranslatorVisitor::MOVZ_64(Imm<2> hw, Imm<16> imm, Reg d) { return MoveWide(true, hw.value, imm, d, kMoveZero); }
bool TranslatorVisitor::MOVK_32(Imm<1> hw, Imm<16> imm, Reg d) { return MoveWide(false, hw.value, imm, d, kMoveKeep); }
bool TranslatorVisitor::MOVK_64(Imm<2> hw, Imm<16> imm, Reg d) { return MoveWide(true, hw.value, imm, d, kMoveKeep); }

bool TranslatorVisitor::Bitfield(bool sf, unsigned immr, unsigned imms, Reg n, Reg d, int kind) {
  const unsigned width = sf ? 64 : 32;
  const U32U64 source = ir.GetReg(sf, n.index);
  if (kind == kInsert) {
    // BFM: the rotated source under wmask, merged into Rd under tmask.
    const auto masks = DecodeBitMasks(sf, imms, immr, false, width);
    if (!masks) return Unallocated(word_);
    const std::uint64_t all = sf ? ~std::uint64_t{0} : 0xffffffff;
    const std::uint64_t mask = masks->wmask & masks->tmask & all;
    const U32U64 rotated = ir.RotateRight(source, IREmitter::Imm8(static_cast<std::uint8_t>(immr)));
    const U32U64 inserted = ir.And(rotated, IREmitter::Imm(sf, mask));
    const U32U64 kept = ir.And(ir.GetReg(sf, d.index), IREmitter::Imm(sf, ~mask & all));
    ir.SetReg(d.index, ir.Or(kept, inserted));
    return true;
  }
  // SBFM/UBFM: move the field's top bit (imms) to the top, then shift it back down
  // arithmetically or logically to where the field belongs.
  const unsigned up = width - 1 - imms;
  const unsigned down = imms >= immr ? up + immr : immr - 1 - imms;
  const U32U64 high = ir.LogicalShiftLeft(source, IREmitter::Imm8(static_cast<std::uint8_t>(up)));
  const U8 amount = IREmitter::Imm8(static_cast<std::uint8_t>(down));
  ir.SetReg(d.index, kind == kSigned ? ir.ArithmeticShiftRight(high, amount)
                                     : ir.LogicalShiftRight(high, amount));
  return true;
}

bool TranslatorVisitor::SBFM_32(Imm<5> immr, Imm<5> imms, Reg n, Reg d) { return Bitfield(false, immr.value, imms.value, n, d, kSigned); }
bool TranslatorVisitor::SBFM_64(Imm<6> immr, Imm<6> imms, Reg n, Reg d) { return Bitfield(true, immr.value, imms.value, n, d, kSigned); }
bool TranslatorVisitor::BFM_32(Imm<5> immr, Imm<5> imms, Reg n, Reg d) { return Bitfield(false, immr.value, imms.value, n, d, kInsert); }
bool TranslatorVisitor::BFM_64(Imm<6> immr, Imm<6> imms, Reg n, Reg d) { return Bitfield(true, immr.value, imms.value, n, d, kInsert); }
bool TranslatorVisitor::UBFM_32(Imm<5> immr, Imm<5> imms, Reg n, Reg d) { return Bitfield(false, immr.value, imms.value, n, d, kUnsigned); }
bool TranslatorVisitor::UBFM_64(Imm<6> immr, Imm<6> imms, Reg n, Reg d) { return Bitfield(true, immr.value, imms.value, n, d, kUnsigned); }

bool TranslatorVisitor::Extract(bool sf, Reg m, unsigned lsb, Reg n, Reg d) {
  const unsigned width = sf ? 64 : 32;
  const U32U64 low = ir.GetReg(sf, m.index);
  if (lsb == 0) {
    ir.SetReg(d.index, low);
    return true;
  }
  const U32U64 high = ir.GetReg(sf, n.index);
  const U32U64 result =
      ir.Or(ir.LogicalShiftRight(low, IREmitter::Imm8(static_cast<std::uint8_t>(lsb))),
            ir.LogicalShiftLeft(high, IREmitter::Imm8(static_cast<std::uint8_t>(width - lsb))));
  ir.SetReg(d.index, result);
  return true;
}

bool TranslatorVisitor::EXTR_32(Reg m, Imm<5> lsb, Reg n, Reg d) { return Extract(false, m, lsb.value, n, d); }
bool TranslatorVisitor::EXTR_64(Reg m, Imm<6> lsb, Reg n, Reg d) { return Extract(true, m, lsb.value, n, d); }

}  // namespace sae::frontend::arm64
