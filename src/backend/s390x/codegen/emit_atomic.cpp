// Exclusives and atomics: the arm64 exclusive monitor, CAS/CASP and the LSE read-modify-writes,
// all as s390x compare-and-swap (CS, CSG, CDSG) on guest memory in its little-endian byte order.
//
// Values in registers are host-order integers; memory holds them byte-reversed, so every
// compare-and-swap works on raw (unreversed) contents: the expected value and the new value are
// byte-reversed first. Bytes and halfwords are updated through a CS of the aligned word that holds
// them, built in the vCPU's atomic workspace (StateLayout::atomic_scratch), which also carries
// operands across the retry loops: only r0, r1, r14 and the result register are free here. The
// 16-byte forms borrow r2:r3 (saved in the workspace) as CDSG's second even/odd pair.
//
// Ordering: CS, CSG and CDSG perform serialization before and after the operation (Principles of
// Operation, "CPU serialization"), a full barrier, and s390x's other accesses are ordered more
// strongly than arm64 requires (only store -> later load may be reordered). So the acquire and
// release forms (LDAXR, STLXR, CASAL, LDADDAL, ...) need nothing more: the access that must be
// ordered is the CS itself. A failing STLXR stores nothing, so it has nothing to order either.
// (Linux's s390 atomics rely on the same property: its cmpxchg is fully ordered without a BCR.)
//
// The interlocked-access instructions (LAA, LAAG, ...) do not fit: an add does not commute with
// the byte reversal of guest memory. LAN/LAO/LAX would for LDCLR/LDSET/LDEOR on words and
// doublewords, but whether they serialize as CS does needs checking before they replace it.
//
// Guest memory is 16-byte aligned on the host (sae_vm_create checks it), so a naturally aligned
// guest address is an aligned host address: CS/CDSG never raise a specification exception,
// because a misaligned guest address is an alignment fault before any access.
#include "backend/s390x/codegen/emit_ir.h"

namespace sae::backend::s390x {

using ir::Opcode;

namespace {

// Workspace slots (8 bytes each) in StateLayout::atomic_scratch.
enum Slot : std::int32_t {
  kWord = 0,        // the containing word of a byte or halfword, raw (bytes 0-3)
  kOperand = 1,     // an operand carried across a retry loop
  kExpected = 2,    // a second one
  kStagedLow = 3,   // StageAtomicPair's new contents (host order)
  kStagedHigh = 4,
  kPairHigh = 5,    // the raw second doubleword of the last 16-byte read
  kSaved = 6,       // r2, r3 while they are borrowed (slots 6 and 7)
};

std::int32_t SlotOffset(const EmitContext& ctx, Slot slot) { return ctx.layout.atomic_scratch + 8 * slot; }
Mem SlotMem(const EmitContext& ctx, Slot slot) { return EmitContext::State(SlotOffset(ctx, slot)); }
BaseDisp SlotBD(const EmitContext& ctx, Slot slot) { return BaseDisp(kStateRegister, SlotOffset(ctx, slot)); }
// The byte `offset` (a register holding 0-3) of the word slot.
Mem WordByte(const EmitContext& ctx, Gpr offset) { return Mem(kStateRegister, offset, SlotOffset(ctx, kWord)); }

// An alignment fault unless the address is a multiple of size: a synchronous data abort
// (EC 0x24, IL, WnR, DFSC 0b100001) with the FAR, delivered as a synchronous-exception intercept.
// Inline and branched over: aligned accesses take one untaken test.
void CheckAlignment(EmitContext& ctx, const ir::Inst& inst, Gpr address, unsigned size, bool write) {
  if (size == 1) return;
  Label aligned;
  ctx.as.TMLL(address, static_cast<std::uint16_t>(size - 1));
  ctx.as.BRC(Cond::Equal, Rel16(aligned));  // CC0: the selected bits are all zero
  ctx.as.STG(address, EmitContext::State(ctx.layout.far));
  ctx.LeaveWith(inst.pc(), (0x24ull << 26) | (1ull << 25) | (write ? 1ull << 6 : 0) | 0x21,
                kInterceptSyncException);
  ctx.as.Bind(aligned);
}

// r14 = the host address of the guest address (of its containing word if word_of).
void HostAddress(EmitContext& ctx, Gpr address, bool word_of) {
  ctx.as.LA(kScratch2, Mem(kMemoryBase, address, 0));
  if (word_of) ctx.as.NILL(kScratch2, 0xfffc);
}

// target = the byte offset of the address in its word.
void OffsetInWord(EmitContext& ctx, Gpr target, Gpr address) {
  ctx.as.LGHI(target, 3);
  ctx.as.NGR(target, address);
}

// target = the byte or halfword at `offset` in the word slot, in host order, zero- or
// sign-extended.
void LoadFromWord(EmitContext& ctx, Gpr target, Gpr offset, unsigned size, bool sign) {
  if (size == 1) {
    if (sign) {
      ctx.as.LGB(target, WordByte(ctx, offset));
    } else {
      ctx.as.LLGC(target, WordByte(ctx, offset));
    }
  } else {
    ctx.as.LRVH(target, WordByte(ctx, offset));
    if (sign) {
      ctx.as.LGHR(target, target);
    } else {
      ctx.as.LLGHR(target, target);
    }
  }
}

void StoreToWord(EmitContext& ctx, Gpr value, Gpr offset, unsigned size) {
  if (size == 1) {
    ctx.as.STCY(value, WordByte(ctx, offset));
  } else {
    ctx.as.STRVH(value, WordByte(ctx, offset));
  }
}

// r1 = what the monitor records for an exclusive access of `size` bytes at `address`: the
// address with the size in bits 59-61, so a store-exclusive of another size than the load's
// fails (the Arm ARM leaves that CONSTRAINED UNPREDICTABLE; failing is what QEMU does).
void MonitorTag(EmitContext& ctx, Gpr address, unsigned size) {
  unsigned log2 = 0;
  while ((1u << log2) < size) ++log2;
  ctx.as.LGR(kScratch1, address);
  ctx.as.XIHF(kScratch1, (log2 + 1) << 27);
}

void ExclusiveRead(EmitContext& ctx, const ir::Inst& inst, unsigned size) {
  Assembler& as = ctx.as;
  const Gpr d = ctx.Def(inst);
  const Gpr address = ctx.AddressOperand(inst);
  CheckAlignment(ctx, inst, address, size, false);
  ctx.GuardAccess(inst, address, size, false);
  MonitorTag(ctx, address, size);
  as.STG(kScratch1, EmitContext::State(ctx.layout.exclusive_address));
  const Mem contents = EmitContext::State(ctx.layout.exclusive_contents);
  switch (size) {
    case 16:
      HostAddress(ctx, address, false);
      as.LPQ(kScratch0, Mem(kScratch2, 0));  // r0:r1, one 16-byte access
      as.STMG(kScratch0, kScratch1, BaseDisp(kStateRegister, ctx.layout.exclusive_contents));
      as.STG(kScratch1, SlotMem(ctx, kPairHigh));
      as.LRVGR(d, kScratch0);
      break;
    case 8:
      HostAddress(ctx, address, false);
      as.LG(kScratch0, Mem(kScratch2, 0));
      as.STG(kScratch0, contents);
      as.LRVGR(d, kScratch0);
      break;
    case 4:
      HostAddress(ctx, address, false);
      as.L(kScratch0, Mem(kScratch2, 0));
      as.STY(kScratch0, contents);
      as.LRVR(d, kScratch0);
      as.LLGFR(d, d);
      break;
    default:  // the containing word is recorded; the value is read from the recorded copy
      OffsetInWord(ctx, d, address);
      HostAddress(ctx, address, true);
      as.L(kScratch0, Mem(kScratch2, 0));
      as.STY(kScratch0, contents);
      as.STY(kScratch0, SlotMem(ctx, kWord));
      LoadFromWord(ctx, d, d, size, false);
      break;
  }
}

void ExclusiveWrite(EmitContext& ctx, const ir::Inst& inst, unsigned size) {
  Assembler& as = ctx.as;
  const Gpr d = ctx.Def(inst);
  const Gpr address = ctx.AddressOperand(inst);
  CheckAlignment(ctx, inst, address, size, true);
  Label fail, done;
  MonitorTag(ctx, address, size);
  as.CG(kScratch1, EmitContext::State(ctx.layout.exclusive_address));
  as.BRC(Cond::NotEqual, Rel16(fail));
  ctx.GuardAccess(inst, address, size, true);
  const Mem contents = EmitContext::State(ctx.layout.exclusive_contents);
  switch (size) {
    case 16:
      as.STG(ctx.Use(inst.arg(1), kScratch1), SlotMem(ctx, kStagedLow));
      as.STG(ctx.Use(inst.arg(2), kScratch1), SlotMem(ctx, kStagedHigh));
      HostAddress(ctx, address, false);
      as.STMG(r2, r3, SlotBD(ctx, kSaved));
      as.LRVG(r2, SlotMem(ctx, kStagedLow));
      as.LRVG(r3, SlotMem(ctx, kStagedHigh));
      as.LMG(kScratch0, kScratch1, BaseDisp(kStateRegister, ctx.layout.exclusive_contents));
      as.CDSG(kScratch0, r2, BaseDisp(kScratch2, 0));
      as.LMG(r2, r3, SlotBD(ctx, kSaved));  // leaves the condition code alone
      break;
    case 8:
      as.LRVGR(kScratch1, ctx.Use(inst.arg(1), kScratch1));
      HostAddress(ctx, address, false);
      as.LG(kScratch0, contents);
      as.CSG(kScratch0, kScratch1, BaseDisp(kScratch2, 0));
      break;
    case 4:
      as.LRVR(kScratch1, ctx.Use(inst.arg(1), kScratch1));
      HostAddress(ctx, address, false);
      as.LY(kScratch0, contents);
      as.CS(kScratch0, kScratch1, BaseDisp(kScratch2, 0));
      break;
    default: {
      // The new word: the recorded one with the byte or halfword replaced.
      OffsetInWord(ctx, d, address);
      as.LY(kScratch1, contents);
      as.STY(kScratch1, SlotMem(ctx, kWord));
      StoreToWord(ctx, ctx.Use(inst.arg(1), kScratch0), d, size);
      as.LY(kScratch1, SlotMem(ctx, kWord));
      HostAddress(ctx, address, true);
      as.LY(kScratch0, contents);
      as.CS(kScratch0, kScratch1, BaseDisp(kScratch2, 0));
      break;
    }
  }
  as.LGHI(d, 0);
  as.LOCGHI(d, 1, Cond::NotEqual);
  as.BRC(Cond::Always, Rel16(done));
  as.Bind(fail);
  as.LGHI(d, 1);
  as.Bind(done);
  as.MVGHI(BaseDisp(kStateRegister, ctx.layout.exclusive_address), -1);
}

void CompareAndSwap(EmitContext& ctx, const ir::Inst& inst, unsigned size) {
  Assembler& as = ctx.as;
  const Gpr d = ctx.Def(inst);
  const Gpr address = ctx.AddressOperand(inst);
  CheckAlignment(ctx, inst, address, size, true);
  ctx.GuardAccess(inst, address, size, true);
  switch (size) {
    case 16:
      // The new contents were staged by StageAtomicPair.
      as.STG(ctx.Use(inst.arg(1), kScratch1), SlotMem(ctx, kOperand));
      as.STG(ctx.Use(inst.arg(2), kScratch1), SlotMem(ctx, kExpected));
      HostAddress(ctx, address, false);
      as.STMG(r2, r3, SlotBD(ctx, kSaved));
      as.LRVG(kScratch0, SlotMem(ctx, kOperand));
      as.LRVG(kScratch1, SlotMem(ctx, kExpected));
      as.LRVG(r2, SlotMem(ctx, kStagedLow));
      as.LRVG(r3, SlotMem(ctx, kStagedHigh));
      as.CDSG(kScratch0, r2, BaseDisp(kScratch2, 0));
      as.LMG(r2, r3, SlotBD(ctx, kSaved));
      as.STG(kScratch1, SlotMem(ctx, kPairHigh));
      as.LRVGR(d, kScratch0);
      return;
    case 8:
      as.LRVGR(kScratch0, ctx.Use(inst.arg(1), kScratch0));
      as.LRVGR(kScratch1, ctx.Use(inst.arg(2), kScratch1));
      HostAddress(ctx, address, false);
      as.CSG(kScratch0, kScratch1, BaseDisp(kScratch2, 0));
      as.LRVGR(d, kScratch0);
      return;
    case 4:
      as.LRVR(kScratch0, ctx.Use(inst.arg(1), kScratch0));
      as.LRVR(kScratch1, ctx.Use(inst.arg(2), kScratch1));
      HostAddress(ctx, address, false);
      as.CS(kScratch0, kScratch1, BaseDisp(kScratch2, 0));
      as.LRVR(d, kScratch0);
      as.LLGFR(d, d);
      return;
    default: {
      // A CS loop on the containing word: retried while other bytes of the word change, left
      // as soon as this byte or halfword differs from the expected value.
      as.STG(ctx.Use(inst.arg(1), kScratch1), SlotMem(ctx, kExpected));
      as.STG(ctx.Use(inst.arg(2), kScratch1), SlotMem(ctx, kOperand));
      OffsetInWord(ctx, d, address);
      HostAddress(ctx, address, true);
      as.L(kScratch0, Mem(kScratch2, 0));
      Label retry, done;
      as.Bind(retry);
      as.STY(kScratch0, SlotMem(ctx, kWord));
      LoadFromWord(ctx, kScratch1, d, size, false);
      as.CLG(kScratch1, SlotMem(ctx, kExpected));
      as.BRC(Cond::NotEqual, Rel16(done));
      as.LG(kScratch1, SlotMem(ctx, kOperand));
      StoreToWord(ctx, kScratch1, d, size);
      as.LY(kScratch1, SlotMem(ctx, kWord));
      as.CS(kScratch0, kScratch1, BaseDisp(kScratch2, 0));
      as.BRC(Cond::NotEqual, Rel16(retry));
      as.STY(kScratch0, SlotMem(ctx, kWord));  // the old word again
      as.Bind(done);
      LoadFromWord(ctx, d, d, size, false);
      return;
    }
  }
}

// r1 = f(r1, the operand slot) for AtomicMemoryOp's operation (see opcodes.inc).
void Combine(EmitContext& ctx, unsigned operation) {
  Assembler& as = ctx.as;
  const Mem operand = SlotMem(ctx, kOperand);
  switch (operation) {
    case 0: as.AG(kScratch1, operand); break;
    case 1: as.NG(kScratch1, operand); break;  // the slot holds NOT operand
    case 2: as.XG(kScratch1, operand); break;
    case 3: as.OG(kScratch1, operand); break;
    case 4: case 6:  // max: the operand if old < operand
      if (operation == 4) as.CG(kScratch1, operand); else as.CLG(kScratch1, operand);
      as.LOCG(kScratch1, SlotBD(ctx, kOperand), Cond::Low);
      break;
    case 5: case 7:  // min: the operand if old > operand
      if (operation == 5) as.CG(kScratch1, operand); else as.CLG(kScratch1, operand);
      as.LOCG(kScratch1, SlotBD(ctx, kOperand), Cond::High);
      break;
    default: as.LG(kScratch1, operand); break;  // swap
  }
}

void AtomicMemoryOp(EmitContext& ctx, const ir::Inst& inst, unsigned size) {
  Assembler& as = ctx.as;
  const unsigned operation = static_cast<unsigned>(inst.arg(2).imm());
  if (operation > 8) return ctx.Fail("AtomicMemoryOp with an unknown operation");
  const bool sign = operation == 4 || operation == 5;
  const Gpr d = ctx.Def(inst);
  const Gpr address = ctx.AddressOperand(inst);
  CheckAlignment(ctx, inst, address, size, true);
  ctx.GuardAccess(inst, address, size, true);
  // The operand, extended as the comparison needs it (registers hold it zero-extended).
  ctx.UseInto(inst.arg(1), kScratch1);
  if (sign) {
    switch (size) {
      case 1: as.LGBR(kScratch1, kScratch1); break;
      case 2: as.LGHR(kScratch1, kScratch1); break;
      case 4: as.LGFR(kScratch1, kScratch1); break;
      default: break;
    }
  }
  if (operation == 1) {
    as.XILF(kScratch1, 0xffffffff);
    as.XIHF(kScratch1, 0xffffffff);
  }
  as.STG(kScratch1, SlotMem(ctx, kOperand));
  Label retry;
  if (size >= 4) {
    HostAddress(ctx, address, false);
    if (size == 8) {
      as.LG(kScratch0, Mem(kScratch2, 0));
    } else {
      as.L(kScratch0, Mem(kScratch2, 0));
    }
    as.Bind(retry);
    if (size == 8) {
      as.LRVGR(d, kScratch0);
      as.LGR(kScratch1, d);
    } else {
      as.LRVR(d, kScratch0);
      as.LLGFR(d, d);
      if (sign) {
        as.LGFR(kScratch1, d);
      } else {
        as.LGR(kScratch1, d);
      }
    }
    Combine(ctx, operation);
    if (size == 8) {
      as.LRVGR(kScratch1, kScratch1);
      as.CSG(kScratch0, kScratch1, BaseDisp(kScratch2, 0));
    } else {
      as.LRVR(kScratch1, kScratch1);
      as.CS(kScratch0, kScratch1, BaseDisp(kScratch2, 0));
    }
    as.BRC(Cond::NotEqual, Rel16(retry));
    return;
  }
  // Bytes and halfwords: a CS loop on the containing word; d holds the offset until the end.
  OffsetInWord(ctx, d, address);
  HostAddress(ctx, address, true);
  as.L(kScratch0, Mem(kScratch2, 0));
  as.Bind(retry);
  as.STY(kScratch0, SlotMem(ctx, kWord));
  LoadFromWord(ctx, kScratch1, d, size, sign);
  Combine(ctx, operation);
  StoreToWord(ctx, kScratch1, d, size);
  as.LY(kScratch1, SlotMem(ctx, kWord));
  as.CS(kScratch0, kScratch1, BaseDisp(kScratch2, 0));
  as.BRC(Cond::NotEqual, Rel16(retry));
  as.STY(kScratch0, SlotMem(ctx, kWord));
  LoadFromWord(ctx, d, d, size, false);
}

}  // namespace

template <>
void EmitIR<Opcode::CheckAlignment>(EmitContext& ctx, const ir::Inst& inst) {
  const auto bytes = static_cast<unsigned>(inst.arg(1).imm());
  CheckAlignment(ctx, inst, ctx.Use(inst.arg(0), kScratch2), bytes, inst.arg(2).imm() != 0);
}

template <>
void EmitIR<Opcode::ExclusiveRead8>(EmitContext& ctx, const ir::Inst& inst) { ExclusiveRead(ctx, inst, 1); }
template <>
void EmitIR<Opcode::ExclusiveRead16>(EmitContext& ctx, const ir::Inst& inst) { ExclusiveRead(ctx, inst, 2); }
template <>
void EmitIR<Opcode::ExclusiveRead32>(EmitContext& ctx, const ir::Inst& inst) { ExclusiveRead(ctx, inst, 4); }
template <>
void EmitIR<Opcode::ExclusiveRead64>(EmitContext& ctx, const ir::Inst& inst) { ExclusiveRead(ctx, inst, 8); }
template <>
void EmitIR<Opcode::ExclusiveReadPair64>(EmitContext& ctx, const ir::Inst& inst) {
  ExclusiveRead(ctx, inst, 16);
}
template <>
void EmitIR<Opcode::ExclusiveWrite8>(EmitContext& ctx, const ir::Inst& inst) { ExclusiveWrite(ctx, inst, 1); }
template <>
void EmitIR<Opcode::ExclusiveWrite16>(EmitContext& ctx, const ir::Inst& inst) { ExclusiveWrite(ctx, inst, 2); }
template <>
void EmitIR<Opcode::ExclusiveWrite32>(EmitContext& ctx, const ir::Inst& inst) { ExclusiveWrite(ctx, inst, 4); }
template <>
void EmitIR<Opcode::ExclusiveWrite64>(EmitContext& ctx, const ir::Inst& inst) { ExclusiveWrite(ctx, inst, 8); }
template <>
void EmitIR<Opcode::ExclusiveWritePair64>(EmitContext& ctx, const ir::Inst& inst) {
  ExclusiveWrite(ctx, inst, 16);
}
template <>
void EmitIR<Opcode::ClearExclusive>(EmitContext& ctx, const ir::Inst&) {
  ctx.as.MVGHI(BaseDisp(kStateRegister, ctx.layout.exclusive_address), -1);
}
template <>
void EmitIR<Opcode::CompareAndSwap8>(EmitContext& ctx, const ir::Inst& inst) { CompareAndSwap(ctx, inst, 1); }
template <>
void EmitIR<Opcode::CompareAndSwap16>(EmitContext& ctx, const ir::Inst& inst) { CompareAndSwap(ctx, inst, 2); }
template <>
void EmitIR<Opcode::CompareAndSwap32>(EmitContext& ctx, const ir::Inst& inst) { CompareAndSwap(ctx, inst, 4); }
template <>
void EmitIR<Opcode::CompareAndSwap64>(EmitContext& ctx, const ir::Inst& inst) { CompareAndSwap(ctx, inst, 8); }
template <>
void EmitIR<Opcode::StageAtomicPair>(EmitContext& ctx, const ir::Inst& inst) {
  ctx.as.STG(ctx.Use(inst.arg(0), kScratch1), SlotMem(ctx, kStagedLow));
  ctx.as.STG(ctx.Use(inst.arg(1), kScratch1), SlotMem(ctx, kStagedHigh));
}
template <>
void EmitIR<Opcode::CompareAndSwapPair64>(EmitContext& ctx, const ir::Inst& inst) {
  CompareAndSwap(ctx, inst, 16);
}
template <>
void EmitIR<Opcode::GetAtomicPairHigh>(EmitContext& ctx, const ir::Inst& inst) {
  ctx.as.LRVG(ctx.Def(inst), SlotMem(ctx, kPairHigh));
}
template <>
void EmitIR<Opcode::AtomicMemoryOp8>(EmitContext& ctx, const ir::Inst& inst) { AtomicMemoryOp(ctx, inst, 1); }
template <>
void EmitIR<Opcode::AtomicMemoryOp16>(EmitContext& ctx, const ir::Inst& inst) { AtomicMemoryOp(ctx, inst, 2); }
template <>
void EmitIR<Opcode::AtomicMemoryOp32>(EmitContext& ctx, const ir::Inst& inst) { AtomicMemoryOp(ctx, inst, 4); }
template <>
void EmitIR<Opcode::AtomicMemoryOp64>(EmitContext& ctx, const ir::Inst& inst) { AtomicMemoryOp(ctx, inst, 8); }

}  // namespace sae::backend::s390x
