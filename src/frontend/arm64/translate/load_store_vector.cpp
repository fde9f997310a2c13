// Loads and stores of SIMD&FP registers: single registers in every addressing form, pairs and
// literals inline (byte-reversing accesses: 64-bit ones through general registers, Q registers
// as one 16-byte vector access); the structure forms
// (LD1-LD4, ST1-ST4, LD1R-LD4R) move memory through the staging area and call the interpreter
// for the register side (interpreter/structures.h).
#include "frontend/arm64/translate/visitor.h"

namespace sae::frontend::arm64 {

using namespace ir;  // NOLINT: the IR's types are this file's vocabulary

namespace {

constexpr unsigned kStagingRegister = 32;  // V32-V35 in GetVectorHalf/SetVectorHalf

U64 GetHalf(IREmitter& ir, unsigned reg, bool high) {
  return U64(ir.Emit(Opcode::GetVectorHalf, {IREmitter::Imm8(static_cast<std::uint8_t>(reg)),
                                              IREmitter::Imm1(high)}));
}
void SetHalf(IREmitter& ir, unsigned reg, bool high, U64 value) {
  ir.Emit(Opcode::SetVectorHalf,
          {IREmitter::Imm8(static_cast<std::uint8_t>(reg)), IREmitter::Imm1(high), value});
}
// Staging chunk c (structures.h).
U64 GetChunk(IREmitter& ir, unsigned c) { return GetHalf(ir, kStagingRegister + c / 2, c % 2); }
void SetChunk(IREmitter& ir, unsigned c, U64 value) {
  SetHalf(ir, kStagingRegister + c / 2, c % 2, value);
}
U64 Plus(IREmitter& ir, U64 address, std::uint64_t bytes) {
  return bytes == 0 ? address : U64(ir.Add(U32U64(address), U32U64(IREmitter::Imm64(bytes))));
}

}  // namespace

// Up to 8 bytes, zero-extended to 64 bits (the loads of the general registers do the reading).
void TranslatorVisitor::LoadVector(unsigned size, U64 address, Vec t) {
  if (size == 4) {
    ir.Emit(Opcode::SetVector, {IREmitter::Imm8(t.index), ir.Emit(Opcode::ReadMemory128, {address})});
    return;
  }
  const U32U64 value = LoadValue(size, MemOp::LoadZero, address);
  SetHalf(ir, t.index, false, size == 3 ? U64(value) : ir.ZeroExtendToLong(U32(value)));
  SetHalf(ir, t.index, true, IREmitter::Imm64(0));
}

void TranslatorVisitor::StoreVector(unsigned size, U64 address, Vec t) {
  if (size == 4) {
    ir.Emit(Opcode::WriteMemory128, {address, ir.Emit(Opcode::GetVector, {IREmitter::Imm8(t.index)})});
    return;
  }
  const U64 value = GetHalf(ir, t.index, false);
  if (size == 3) return ir.WriteMemory64(address, value);
  const U32 word = U32(ir.Emit(Opcode::LeastSignificantWord, {value}));
  switch (size) {
    case 0: ir.WriteMemory8(address, U8(ir.Emit(Opcode::LeastSignificantByte, {word}))); break;
    case 1: ir.WriteMemory16(address, U16(ir.Emit(Opcode::LeastSignificantHalf, {word}))); break;
    default: ir.WriteMemory32(address, word); break;
  }
}

bool TranslatorVisitor::LoadStoreVector(const AddressSpec& spec, unsigned size, bool load, Reg n,
                                        Vec t) {
  const U64 base = BaseAddress(n);
  const U64 offset_address = OffsetAddress(spec, size, base);
  const U64 address = spec.mode == Addressing::PostIndex ? base : offset_address;
  if (load) {
    LoadVector(size, address, t);
  } else {
    StoreVector(size, address, t);
  }
  if (spec.mode == Addressing::PreIndex || spec.mode == Addressing::PostIndex) {
    WriteBack(n, offset_address);
  }
  return true;
}

#define LOAD_STORE_VECTOR(name, addressing, load)                                          \
  bool TranslatorVisitor::name(Imm<2> size, SAE_LDSTV_PARAMS_##addressing) {              \
    return LoadStoreVector(SAE_LDST_SPEC_##addressing, size.value, load, n, t);            \
  }
#define LOAD_STORE_VECTOR_128(name, addressing, load)                                      \
  bool TranslatorVisitor::name(SAE_LDSTV_PARAMS_##addressing) {                            \
    return LoadStoreVector(SAE_LDST_SPEC_##addressing, 4, load, n, t);                     \
  }
#include "frontend/arm64/translate/load_store_vector.inc"
#undef LOAD_STORE_VECTOR_128
#undef LOAD_STORE_VECTOR

// ---- Literals: S (size 0) or D (size 1), and Q.
bool TranslatorVisitor::LDR_lit_fpsimd(Imm<1> size, Imm<19> imm, Vec t) {
  LoadVector(2 + size.value, IREmitter::Imm64(pc + static_cast<std::uint64_t>(imm.SignExtend() * 4)), t);
  return true;
}
bool TranslatorVisitor::LDR_lit_fpsimd_128(Imm<19> imm, Vec t) {
  LoadVector(4, IREmitter::Imm64(pc + static_cast<std::uint64_t>(imm.SignExtend() * 4)), t);
  return true;
}

// ---- Pairs: opc 00 S, 01 D, 10 Q (11 is reserved: reserved.cpp).
bool TranslatorVisitor::LoadStoreVectorPair(unsigned size, bool load, Addressing mode, Imm<7> imm,
                                            Vec t2, Reg n, Vec t) {
  const U64 base = BaseAddress(n);
  const U64 offset_address =
      Plus(ir, base, static_cast<std::uint64_t>(imm.SignExtend()) << size);
  const U64 first = mode == Addressing::PostIndex ? base : offset_address;
  const U64 second = Plus(ir, first, 1ull << size);
  if (load && size == 4) {
    // Both are read before either register changes.
    const Value a = ir.Emit(Opcode::ReadMemory128, {first});
    const Value b = ir.Emit(Opcode::ReadMemory128, {second});
    ir.Emit(Opcode::SetVector, {IREmitter::Imm8(t.index), a});
    ir.Emit(Opcode::SetVector, {IREmitter::Imm8(t2.index), b});
  } else if (load) {
    const U64 a = size == 3 ? ir.ReadMemory64(first)
                            : ir.ZeroExtendToLong(U32(LoadValue(size, MemOp::LoadZero, first)));
    const U64 b = size == 3 ? ir.ReadMemory64(second)
                            : ir.ZeroExtendToLong(U32(LoadValue(size, MemOp::LoadZero, second)));
    SetHalf(ir, t.index, false, a);
    SetHalf(ir, t.index, true, IREmitter::Imm64(0));
    SetHalf(ir, t2.index, false, b);
    SetHalf(ir, t2.index, true, IREmitter::Imm64(0));
  } else {
    StoreVector(size, first, t);
    StoreVector(size, second, t2);
  }
  if (mode == Addressing::PreIndex || mode == Addressing::PostIndex) WriteBack(n, offset_address);
  return true;
}

bool TranslatorVisitor::STNP_fpsimd(Imm<2> size, Imm<7> imm, Vec t2, Reg n, Vec t) {
  return LoadStoreVectorPair(2 + size.value, false, Addressing::UnsignedOffset, imm, t2, n, t);
}
bool TranslatorVisitor::LDNP_fpsimd(Imm<2> size, Imm<7> imm, Vec t2, Reg n, Vec t) {
  return LoadStoreVectorPair(2 + size.value, true, Addressing::UnsignedOffset, imm, t2, n, t);
}
bool TranslatorVisitor::STP_fpsimd_post(Imm<2> size, Imm<7> imm, Vec t2, Reg n, Vec t) {
  return LoadStoreVectorPair(2 + size.value, false, Addressing::PostIndex, imm, t2, n, t);
}
bool TranslatorVisitor::STP_fpsimd_off(Imm<2> size, Imm<7> imm, Vec t2, Reg n, Vec t) {
  return LoadStoreVectorPair(2 + size.value, false, Addressing::UnsignedOffset, imm, t2, n, t);
}
bool TranslatorVisitor::STP_fpsimd_pre(Imm<2> size, Imm<7> imm, Vec t2, Reg n, Vec t) {
  return LoadStoreVectorPair(2 + size.value, false, Addressing::PreIndex, imm, t2, n, t);
}
bool TranslatorVisitor::LDP_fpsimd_post(Imm<2> size, Imm<7> imm, Vec t2, Reg n, Vec t) {
  return LoadStoreVectorPair(2 + size.value, true, Addressing::PostIndex, imm, t2, n, t);
}
bool TranslatorVisitor::LDP_fpsimd_off(Imm<2> size, Imm<7> imm, Vec t2, Reg n, Vec t) {
  return LoadStoreVectorPair(2 + size.value, true, Addressing::UnsignedOffset, imm, t2, n, t);
}
bool TranslatorVisitor::LDP_fpsimd_pre(Imm<2> size, Imm<7> imm, Vec t2, Reg n, Vec t) {
  return LoadStoreVectorPair(2 + size.value, true, Addressing::PreIndex, imm, t2, n, t);
}

// ---- Structures: loads read all of memory into the staging area before the interpreter
// writes any register; stores have the interpreter fill the staging area first. Multiple
// structures move 64-bit chunks; single structures and replicates one element per register.
bool TranslatorVisitor::LoadStoreStructure(Encoding encoding, const StructureShape& shape,
                                           bool load, bool post, Reg m, Reg n) {
  const U64 base = BaseAddress(n);
  const bool chunks = shape.kind == StructureKind::Multiple;
  const unsigned count = chunks ? shape.bytes / 8 : shape.registers;
  const unsigned step = chunks ? 8 : 1u << shape.esize_log2;
  const Value interpret[] = {
      IREmitter::Imm32(word_),
      Value::Immediate(Type::U16, static_cast<std::uint16_t>(encoding))};
  if (load) {
    for (unsigned c = 0; c < count; ++c) {
      const U64 address = Plus(ir, base, std::uint64_t{c} * step);
      const U64 value = chunks || shape.esize_log2 == 3
                            ? ir.ReadMemory64(address)
                            : ir.ZeroExtendToLong(U32(LoadValue(shape.esize_log2, MemOp::LoadZero, address)));
      SetChunk(ir, c, value);
    }
    ir.Emit(Opcode::Interpret, {interpret[0], interpret[1]});
  } else {
    ir.Emit(Opcode::Interpret, {interpret[0], interpret[1]});
    for (unsigned c = 0; c < count; ++c) {
      const U64 address = Plus(ir, base, std::uint64_t{c} * step);
      const U64 value = GetChunk(ir, c);
      if (chunks || shape.esize_log2 == 3) {
        ir.WriteMemory64(address, value);
        continue;
      }
      const U32 word = U32(ir.Emit(Opcode::LeastSignificantWord, {value}));
      switch (shape.esize_log2) {
        case 0: ir.WriteMemory8(address, U8(ir.Emit(Opcode::LeastSignificantByte, {word}))); break;
        case 1: ir.WriteMemory16(address, U16(ir.Emit(Opcode::LeastSignificantHalf, {word}))); break;
        default: ir.WriteMemory32(address, word); break;
      }
    }
  }
  // Post-index: by the bytes accessed (Rm = 31) or by X[m].
  if (post) {
    WriteBack(n, m.index == 31 ? Plus(ir, base, shape.bytes)
                               : U64(ir.Add(U32U64(base), U32U64(ir.GetX(m.index)))));
  }
  return true;
}

#define SAE_STRUCTURE_M_true m
#define SAE_STRUCTURE_M_false Reg(31)
#define STRUCTURE(name, kind, registers, interleave, load, post)                              \
  bool TranslatorVisitor::name(SAE_STRUCTURE_PARAMS_##kind##_##post) {                        \
    static_cast<void>(t);                                                                     \
    return LoadStoreStructure(Encoding::name, SAE_STRUCTURE_SHAPE_##kind(registers, interleave), \
                              load, post, SAE_STRUCTURE_M_##post, n);                         \
  }
SAE_A64_STRUCTURES(STRUCTURE)
#undef STRUCTURE

}  // namespace sae::frontend::arm64
