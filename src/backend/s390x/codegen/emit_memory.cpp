// Guest memory: bounds-checked against the memory window, accessed with byte-reversing loads
// and stores so guest memory keeps arm64's little-endian layout.
#include "backend/s390x/codegen/emit_ir.h"

namespace sae::backend::s390x {

using ir::Opcode;

namespace {

// The address register, once the access is known to be allowed (EmitContext::GuardAccess).
Gpr CheckedAddress(EmitContext& ctx, const ir::Inst& inst, unsigned size, bool write) {
  const Gpr address = ctx.AddressOperand(inst);
  ctx.GuardAccess(inst, address, size, write);
  return address;
}

void Read(EmitContext& ctx, const ir::Inst& inst, unsigned size) {
  const Gpr address = CheckedAddress(ctx, inst, size, false);
  const Gpr d = ctx.Def(inst);
  const Mem guest(kMemoryBase, address, 0);
  switch (size) {
    case 1: ctx.as.LLGC(d, guest); break;
    case 2: ctx.as.LRVH(d, guest); ctx.as.LLGHR(d, d); break;
    case 4: ctx.as.LRV(d, guest); ctx.as.LLGFR(d, d); break;
    default: ctx.as.LRVG(d, guest); break;
  }
}

void Write(EmitContext& ctx, const ir::Inst& inst, unsigned size) {
  const Gpr address = CheckedAddress(ctx, inst, size, true);
  const Gpr value = ctx.Use(inst.arg(1), kScratch0);
  const Mem guest(kMemoryBase, address, 0);
  switch (size) {
    case 1: ctx.as.STCY(value, guest); break;
    case 2: ctx.as.STRVH(value, guest); break;
    case 4: ctx.as.STRV(value, guest); break;
    default: ctx.as.STRVG(value, guest); break;
  }
}

}  // namespace

template <>
void EmitIR<Opcode::ReadMemory8>(EmitContext& ctx, const ir::Inst& inst) { Read(ctx, inst, 1); }
template <>
void EmitIR<Opcode::ReadMemory16>(EmitContext& ctx, const ir::Inst& inst) { Read(ctx, inst, 2); }
template <>
void EmitIR<Opcode::ReadMemory32>(EmitContext& ctx, const ir::Inst& inst) { Read(ctx, inst, 4); }
template <>
void EmitIR<Opcode::ReadMemory64>(EmitContext& ctx, const ir::Inst& inst) { Read(ctx, inst, 8); }
template <>
void EmitIR<Opcode::WriteMemory8>(EmitContext& ctx, const ir::Inst& inst) { Write(ctx, inst, 1); }
template <>
void EmitIR<Opcode::WriteMemory16>(EmitContext& ctx, const ir::Inst& inst) { Write(ctx, inst, 2); }
template <>
void EmitIR<Opcode::WriteMemory32>(EmitContext& ctx, const ir::Inst& inst) { Write(ctx, inst, 4); }
template <>
void EmitIR<Opcode::WriteMemory64>(EmitContext& ctx, const ir::Inst& inst) { Write(ctx, inst, 8); }

// 16 bytes in a vector register, byte-reversed per doubleword (VLBRG/VSTBRG): the first 8
// bytes are the little-endian bits 63:0 in doubleword element 0, as GetVector has them. The
// whole access is checked before any byte moves.
template <>
void EmitIR<Opcode::ReadMemory128>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr address = CheckedAddress(ctx, inst, 16, false);
  ctx.as.VLBR(ctx.VectorDef(inst), Mem(kMemoryBase, address, 0), 3);
}
template <>
void EmitIR<Opcode::WriteMemory128>(EmitContext& ctx, const ir::Inst& inst) {
  const Gpr address = CheckedAddress(ctx, inst, 16, true);
  ctx.as.VSTBR(ctx.VectorUse(inst.arg(1)), Mem(kMemoryBase, address, 0), 3);
}

}  // namespace sae::backend::s390x
