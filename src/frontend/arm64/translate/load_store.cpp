// Loads and stores of general registers: single registers in every addressing form, pairs,
// literals, prefetches (no effect), and the acquire/release forms.
#include "frontend/arm64/translate/visitor.h"

namespace sae::frontend::arm64 {

using namespace ir;  // NOLINT: the IR's types are this file's vocabulary

U64 TranslatorVisitor::BaseAddress(Reg n) { return n.index == 31 ? ir.GetSP() : ir.GetX(n.index); }

void TranslatorVisitor::WriteBack(Reg n, U64 address) {
  if (n.index == 31) {
    ir.SetSP(address);
  } else {
    ir.SetX(n.index, address);
  }
}

void TranslatorVisitor::Load(unsigned size, MemOp op, U64 address, Reg t) {
  ir.SetReg(t.index, LoadValue(size, op, address));
}

U32U64 TranslatorVisitor::LoadValue(unsigned size, MemOp op, U64 address) {
  if (size == 3) return U32U64(ir.ReadMemory64(address));
  const bool sign = op == MemOp::LoadSigned32 || op == MemOp::LoadSigned64;
  U32 word;
  switch (size) {
    case 0: {
      const U8 byte = ir.ReadMemory8(address);
      word = U32(ir.Emit(sign ? Opcode::SignExtendByteToWord : Opcode::ZeroExtendByteToWord, {byte}));
      break;
    }
    case 1: {
      const U16 half = ir.ReadMemory16(address);
      word = U32(ir.Emit(sign ? Opcode::SignExtendHalfToWord : Opcode::ZeroExtendHalfToWord, {half}));
      break;
    }
    default: word = ir.ReadMemory32(address); break;
  }
  return op == MemOp::LoadSigned64 ? U32U64(ir.SignExtendToLong(word)) : U32U64(word);
}

void TranslatorVisitor::Store(unsigned size, U64 address, Reg t) {
  if (size == 3) return ir.WriteMemory64(address, ir.GetX(t.index));
  const U32 word = ir.GetW(t.index);
  switch (size) {
    case 0: ir.WriteMemory8(address, U8(ir.Emit(Opcode::LeastSignificantByte, {word}))); break;
    case 1: ir.WriteMemory16(address, U16(ir.Emit(Opcode::LeastSignificantHalf, {word}))); break;
    default: ir.WriteMemory32(address, word); break;
  }
}

U64 TranslatorVisitor::OffsetAddress(const AddressSpec& spec, unsigned size, U64 base) {
  U64 offset;
  switch (spec.mode) {
    case Addressing::UnsignedOffset:
      offset = IREmitter::Imm64(static_cast<std::uint64_t>(spec.imm) << size);
      break;
    case Addressing::RegisterOffset: {
      // ExtendReg: UXTW (010), LSL/UXTX (011), SXTW (110), SXTX (111); then LSL by the size.
      U64 index;
      if ((spec.option & 3) == 3) {
        index = ir.GetX(spec.m.index);
      } else if (spec.option & 4) {
        index = ir.SignExtendToLong(ir.GetW(spec.m.index));
      } else {
        index = ir.ZeroExtendToLong(ir.GetW(spec.m.index));
      }
      offset = U64(ir.LogicalShiftLeft(U32U64(index), IREmitter::Imm8(static_cast<std::uint8_t>(spec.shift ? size : 0))));
      break;
    }
    default: offset = IREmitter::Imm64(static_cast<std::uint64_t>(spec.imm)); break;
  }
  return U64(ir.Add(U32U64(base), U32U64(offset)));
}

bool TranslatorVisitor::LoadStoreSingle(const AddressSpec& spec, unsigned size, MemOp op, Reg n,
                                        Reg t) {
  if (op == MemOp::Prefetch) return true;  // a hint: no architectural effect
  const U64 base = BaseAddress(n);
  const U64 offset_address = OffsetAddress(spec, size, base);
  const U64 address = spec.mode == Addressing::PostIndex ? base : offset_address;
  if (op == MemOp::Store) {
    Store(size, address, t);
  } else {
    Load(size, op, address, t);
  }
  if (spec.mode == Addressing::PreIndex || spec.mode == Addressing::PostIndex) {
    WriteBack(n, offset_address);
  }
  return true;
}

#define LOAD_STORE(name, addressing, size, operation)                                 \
  bool TranslatorVisitor::name(SAE_LDST_PARAMS_##addressing) {                        \
    return LoadStoreSingle(SAE_LDST_SPEC_##addressing, size, MemOp::operation, n, t); \
  }
#define LOAD_STORE_GEN(name, addressing, operation)                                          \
  bool TranslatorVisitor::name(bool z, SAE_LDST_PARAMS_##addressing) {                       \
    return LoadStoreSingle(SAE_LDST_SPEC_##addressing, z ? 3 : 2, MemOp::operation, n, t);   \
  }
#include "frontend/arm64/translate/load_store.inc"
#undef LOAD_STORE_GEN
#undef LOAD_STORE

// ---- Literals: PC-relative, word-scaled offsets.
bool TranslatorVisitor::LDR_lit_gen(bool z, Imm<19> imm, Reg t) {
  Load(z ? 3 : 2, MemOp::LoadZero, IREmitter::Imm64(pc + static_cast<std::uint64_t>(imm.SignExtend() * 4)), t);
  return true;
}
bool TranslatorVisitor::LDRSW_lit(Imm<19> imm, Reg t) {
  Load(2, MemOp::LoadSigned64, IREmitter::Imm64(pc + static_cast<std::uint64_t>(imm.SignExtend() * 4)), t);
  return true;
}
bool TranslatorVisitor::PRFM_lit(Imm<19>, Reg) { return true; }

// ---- Pairs: offsets scaled by the access size; the second register at the next address.
bool TranslatorVisitor::LoadStorePair(unsigned size, bool load, bool signed_words,
                                      Addressing mode, Imm<7> imm, Reg t2, Reg n, Reg t) {
  const U64 base = BaseAddress(n);
  const std::uint64_t bytes = 1ull << size;
  const U64 offset_address = U64(ir.Add(
      U32U64(base), U32U64(IREmitter::Imm64(static_cast<std::uint64_t>(imm.SignExtend()) << size))));
  const U64 first = mode == Addressing::PostIndex ? base : offset_address;
  const U64 second = U64(ir.Add(U32U64(first), U32U64(IREmitter::Imm64(bytes))));
  const MemOp op = signed_words ? MemOp::LoadSigned64 : MemOp::LoadZero;
  if (load) {
    // Both reads first: if the second faults, neither register has changed.
    const U32U64 a = LoadValue(size, op, first);
    const U32U64 b = LoadValue(size, op, second);
    ir.SetReg(t.index, a);
    ir.SetReg(t2.index, b);
  } else {
    // Both registers are read before anything is written (STP x0, x0 ... and writeback).
    if (size == 3) {
      const U64 a = ir.GetX(t.index), b = ir.GetX(t2.index);
      ir.WriteMemory64(first, a);
      ir.WriteMemory64(second, b);
    } else {
      const U32 a = ir.GetW(t.index), b = ir.GetW(t2.index);
      ir.WriteMemory32(first, a);
      ir.WriteMemory32(second, b);
    }
  }
  if (mode == Addressing::PreIndex || mode == Addressing::PostIndex) WriteBack(n, offset_address);
  return true;
}

bool TranslatorVisitor::STNP_gen(bool z, Imm<7> imm, Reg t2, Reg n, Reg t) {
  return LoadStorePair(z ? 3 : 2, false, false, Addressing::UnsignedOffset, imm, t2, n, t);
}
bool TranslatorVisitor::LDNP_gen(bool z, Imm<7> imm, Reg t2, Reg n, Reg t) {
  return LoadStorePair(z ? 3 : 2, true, false, Addressing::UnsignedOffset, imm, t2, n, t);
}
bool TranslatorVisitor::STP_gen_post(bool z, Imm<7> imm, Reg t2, Reg n, Reg t) {
  return LoadStorePair(z ? 3 : 2, false, false, Addressing::PostIndex, imm, t2, n, t);
}
bool TranslatorVisitor::STP_gen_off(bool z, Imm<7> imm, Reg t2, Reg n, Reg t) {
  return LoadStorePair(z ? 3 : 2, false, false, Addressing::UnsignedOffset, imm, t2, n, t);
}
bool TranslatorVisitor::STP_gen_pre(bool z, Imm<7> imm, Reg t2, Reg n, Reg t) {
  return LoadStorePair(z ? 3 : 2, false, false, Addressing::PreIndex, imm, t2, n, t);
}
bool TranslatorVisitor::LDP_gen_post(bool z, Imm<7> imm, Reg t2, Reg n, Reg t) {
  return LoadStorePair(z ? 3 : 2, true, false, Addressing::PostIndex, imm, t2, n, t);
}
bool TranslatorVisitor::LDP_gen_off(bool z, Imm<7> imm, Reg t2, Reg n, Reg t) {
  return LoadStorePair(z ? 3 : 2, true, false, Addressing::UnsignedOffset, imm, t2, n, t);
}
bool TranslatorVisitor::LDP_gen_pre(bool z, Imm<7> imm, Reg t2, Reg n, Reg t) {
  return LoadStorePair(z ? 3 : 2, true, false, Addressing::PreIndex, imm, t2, n, t);
}
bool TranslatorVisitor::LDPSW_post(Imm<7> imm, Reg t2, Reg n, Reg t) {
  return LoadStorePair(2, true, true, Addressing::PostIndex, imm, t2, n, t);
}
bool TranslatorVisitor::LDPSW_off(Imm<7> imm, Reg t2, Reg n, Reg t) {
  return LoadStorePair(2, true, true, Addressing::UnsignedOffset, imm, t2, n, t);
}
bool TranslatorVisitor::LDPSW_pre(Imm<7> imm, Reg t2, Reg n, Reg t) {
  return LoadStorePair(2, true, true, Addressing::PreIndex, imm, t2, n, t);
}

// ---- Acquire/release. s390x orders loads after loads and stores after anything, so acquire
// loads and release stores need nothing more, except that a store-release must also be ordered
// before a later load-acquire (arm64 release consistency is sequential), which s390x's store
// buffer would not do: a full barrier follows each release store. Without FEAT_LSE2 these
// accesses must be aligned (an alignment fault otherwise, whatever SCTLR.A says).
void TranslatorVisitor::Ordered(unsigned size, MemOp op, Reg n, std::int64_t offset, Reg t) {
  const U64 base = BaseAddress(n);
  const U64 address =
      offset == 0 ? base : U64(ir.Add(U32U64(base), U32U64(IREmitter::Imm64(static_cast<std::uint64_t>(offset)))));
  const bool store = op == MemOp::Store;
  ir.Emit(Opcode::CheckAlignment,
          {address, IREmitter::Imm8(static_cast<std::uint8_t>(1u << size)), IREmitter::Imm1(store)});
  if (store) {
    Store(size, address, t);
    ir.Emit(Opcode::DataMemoryBarrier, {});
  } else {
    Load(size, op, address, t);
  }
}
bool TranslatorVisitor::LDAR(Imm<2> size, Reg n, Reg t) {
  Ordered(size.value, MemOp::LoadZero, n, 0, t);
  return true;
}
bool TranslatorVisitor::LDAPR(Imm<2> size, Reg n, Reg t) { return LDAR(size, n, t); }
bool TranslatorVisitor::STLR(Imm<2> size, Reg n, Reg t) {
  Ordered(size.value, MemOp::Store, n, 0, t);
  return true;
}
bool TranslatorVisitor::LDAPUR(Imm<2> size, Imm<9> imm, Reg n, Reg t) {
  Ordered(size.value, MemOp::LoadZero, n, imm.SignExtend(), t);
  return true;
}
bool TranslatorVisitor::STLUR(Imm<2> size, Imm<9> imm, Reg n, Reg t) {
  Ordered(size.value, MemOp::Store, n, imm.SignExtend(), t);
  return true;
}
bool TranslatorVisitor::LDAPURS_64(bool half, Imm<9> imm, Reg n, Reg t) {
  Ordered(half ? 1 : 0, MemOp::LoadSigned64, n, imm.SignExtend(), t);
  return true;
}
bool TranslatorVisitor::LDAPURS_32(bool half, Imm<9> imm, Reg n, Reg t) {
  Ordered(half ? 1 : 0, MemOp::LoadSigned32, n, imm.SignExtend(), t);
  return true;
}
bool TranslatorVisitor::LDAPURSW(Imm<9> imm, Reg n, Reg t) {
  Ordered(2, MemOp::LoadSigned64, n, imm.SignExtend(), t);
  return true;
}

}  // namespace sae::frontend::arm64
