// Exclusives (LDXR/STXR and pairs, CLREX), compare and swap (CAS, CASP) and the LSE atomic
// memory operations (LD<op>, ST<op> = LD<op> with Rt = XZR, SWP), with arm64 semantics: every
// access naturally aligned or an alignment fault, single-copy atomic (opcodes.inc, "Exclusives
// and atomics").
//
// The acquire and release forms translate like the plain ones: the backend's compare-and-swap
// serializes (a full barrier), and s390x orders every other access at least as strongly as
// acquire loads need (emit_atomic.cpp says why in full).
#include "frontend/arm64/translate/visitor.h"

namespace sae::frontend::arm64 {

using namespace ir;  // NOLINT: the IR's types are this file's vocabulary

namespace {

constexpr Opcode kExclusiveRead[] = {Opcode::ExclusiveRead8, Opcode::ExclusiveRead16,
                                     Opcode::ExclusiveRead32, Opcode::ExclusiveRead64};
constexpr Opcode kExclusiveWrite[] = {Opcode::ExclusiveWrite8, Opcode::ExclusiveWrite16,
                                      Opcode::ExclusiveWrite32, Opcode::ExclusiveWrite64};
constexpr Opcode kCompareAndSwap[] = {Opcode::CompareAndSwap8, Opcode::CompareAndSwap16,
                                      Opcode::CompareAndSwap32, Opcode::CompareAndSwap64};
constexpr Opcode kAtomicMemoryOp[] = {Opcode::AtomicMemoryOp8, Opcode::AtomicMemoryOp16,
                                      Opcode::AtomicMemoryOp32, Opcode::AtomicMemoryOp64};

// The low 8 << size bits of register t, typed U8/U16/U32/U64.
Value Narrow(IREmitter& ir, unsigned size, Reg t) {
  if (size == 3) return ir.GetX(t.index);
  const U32 word = ir.GetW(t.index);
  if (size == 2) return word;
  return ir.Emit(size == 0 ? Opcode::LeastSignificantByte : Opcode::LeastSignificantHalf, {word});
}

// Register t = value (of 8 << size bits), zero-extended.
void SetZeroExtended(IREmitter& ir, unsigned size, Reg t, Value value) {
  if (size == 3) return ir.SetX(t.index, U64(value));
  if (size == 2) return ir.SetW(t.index, U32(value));
  ir.SetW(t.index, U32(ir.Emit(size == 0 ? Opcode::ZeroExtendByteToWord : Opcode::ZeroExtendHalfToWord,
                               {value})));
}

// W[lo] in bits 31:0 and W[hi] in bits 63:32: a pair of words as one little-endian doubleword.
U64 PackWords(IREmitter& ir, Reg lo, Reg hi) {
  const U32U64 high = ir.LogicalShiftLeft(U32U64(ir.ZeroExtendToLong(ir.GetW(hi.index))), IREmitter::Imm8(32));
  return U64(ir.Or(high, U32U64(ir.ZeroExtendToLong(ir.GetW(lo.index)))));
}

void UnpackWords(IREmitter& ir, U64 pair, Reg lo, Reg hi) {
  ir.SetW(lo.index, ir.LeastSignificantWord(pair));
  ir.SetW(hi.index, ir.LeastSignificantWord(U64(ir.LogicalShiftRight(U32U64(pair), IREmitter::Imm8(32)))));
}

}  // namespace

// ---- Exclusives
bool TranslatorVisitor::LDXR(Imm<2> size, Reg n, Reg t) {
  const U64 address = BaseAddress(n);
  SetZeroExtended(ir, size.value, t, ir.Emit(kExclusiveRead[size.value], {address}));
  return true;
}
bool TranslatorVisitor::LDAXR(Imm<2> size, Reg n, Reg t) { return LDXR(size, n, t); }

// Rt and Rn are read before Rs is written (the CONSTRAINED UNPREDICTABLE s == t, s == n cases
// then behave as if the store used the old values).
bool TranslatorVisitor::STXR(Imm<2> size, Reg s, Reg n, Reg t) {
  const U64 address = BaseAddress(n);
  const Value value = Narrow(ir, size.value, t);
  ir.SetW(s.index, U32(ir.Emit(kExclusiveWrite[size.value], {address, value})));
  return true;
}
bool TranslatorVisitor::STLXR(Imm<2> size, Reg s, Reg n, Reg t) { return STXR(size, s, n, t); }

// Pairs of words are one doubleword (8-byte aligned); pairs of doublewords one quadword.
bool TranslatorVisitor::LDXP(bool z, Reg t2, Reg n, Reg t) {
  const U64 address = BaseAddress(n);
  if (z) {
    const U64 first = U64(ir.Emit(Opcode::ExclusiveReadPair64, {address}));
    const U64 second = U64(ir.Emit(Opcode::GetAtomicPairHigh, {}));
    ir.SetX(t.index, first);
    ir.SetX(t2.index, second);
  } else {
    UnpackWords(ir, U64(ir.Emit(Opcode::ExclusiveRead64, {address})), t, t2);
  }
  return true;
}
bool TranslatorVisitor::LDAXP(bool z, Reg t2, Reg n, Reg t) { return LDXP(z, t2, n, t); }

bool TranslatorVisitor::STXP(bool z, Reg s, Reg t2, Reg n, Reg t) {
  const U64 address = BaseAddress(n);
  U32 status;
  if (z) {
    const U64 first = ir.GetX(t.index), second = ir.GetX(t2.index);
    status = U32(ir.Emit(Opcode::ExclusiveWritePair64, {address, first, second}));
  } else {
    status = U32(ir.Emit(Opcode::ExclusiveWrite64, {address, PackWords(ir, t, t2)}));
  }
  ir.SetW(s.index, status);
  return true;
}
bool TranslatorVisitor::STLXP(bool z, Reg s, Reg t2, Reg n, Reg t) { return STXP(z, s, t2, n, t); }

bool TranslatorVisitor::CLREX(Imm<4>) {
  ir.Emit(Opcode::ClearExclusive, {});
  return true;
}

// ---- Compare and swap: Rs receives the old contents, zero-extended.
bool TranslatorVisitor::CAS(Imm<2> size, bool, Reg s, bool, Reg n, Reg t) {
  const U64 address = BaseAddress(n);
  const Value expected = Narrow(ir, size.value, s);
  const Value desired = Narrow(ir, size.value, t);
  SetZeroExtended(ir, size.value, s, ir.Emit(kCompareAndSwap[size.value], {address, expected, desired}));
  return true;
}

// Rs, Rt name even registers (reserved.cpp rejects odd ones); R(s+1) of s = 30 is XZR.
bool TranslatorVisitor::CASP(bool z, bool, Reg s, bool, Reg n, Reg t) {
  const U64 address = BaseAddress(n);
  const Reg s2(s.index + 1u), t2(t.index + 1u);
  if (z) {
    const U64 expected_first = ir.GetX(s.index), expected_second = ir.GetX(s2.index);
    ir.Emit(Opcode::StageAtomicPair, {ir.GetX(t.index), ir.GetX(t2.index)});
    const U64 first = U64(ir.Emit(Opcode::CompareAndSwapPair64, {address, expected_first, expected_second}));
    const U64 second = U64(ir.Emit(Opcode::GetAtomicPairHigh, {}));
    ir.SetX(s.index, first);
    ir.SetX(s2.index, second);
  } else {
    const U64 expected = PackWords(ir, s, s2);
    const U64 desired = PackWords(ir, t, t2);
    UnpackWords(ir, U64(ir.Emit(Opcode::CompareAndSwap64, {address, expected, desired})), s, s2);
  }
  return true;
}

// ---- Atomic memory operations: Rt receives the old contents, zero-extended. The operation
// number is the encoding's o3:opc (opcodes.inc, AtomicMemoryOp).
#define SAE_ATOMIC_MEMORY_OP(name, operation)                                                  \
  bool TranslatorVisitor::name(Imm<2> size, bool, bool, Reg s, Reg n, Reg t) {                 \
    const U64 address = BaseAddress(n);                                                        \
    const Value operand = Narrow(ir, size.value, s);                                           \
    SetZeroExtended(ir, size.value, t,                                                         \
                    ir.Emit(kAtomicMemoryOp[size.value], {address, operand, IREmitter::Imm8(operation)})); \
    return true;                                                                               \
  }
SAE_ATOMIC_MEMORY_OP(LDADD, 0)
SAE_ATOMIC_MEMORY_OP(LDCLR, 1)
SAE_ATOMIC_MEMORY_OP(LDEOR, 2)
SAE_ATOMIC_MEMORY_OP(LDSET, 3)
SAE_ATOMIC_MEMORY_OP(LDSMAX, 4)
SAE_ATOMIC_MEMORY_OP(LDSMIN, 5)
SAE_ATOMIC_MEMORY_OP(LDUMAX, 6)
SAE_ATOMIC_MEMORY_OP(LDUMIN, 7)
SAE_ATOMIC_MEMORY_OP(SWP, 8)
#undef SAE_ATOMIC_MEMORY_OP

}  // namespace sae::frontend::arm64
