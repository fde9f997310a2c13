// System instructions at EL0 (user-process mode): hints, barriers, flag manipulation, the system
// registers Linux gives EL0, cache maintenance. libsae does not implement pointer authentication:
// the hint-space PAC instructions are NOPs and the other authenticated branches UNDEFINED, as on
// a CPU without it.
#include "frontend/arm64/translate/system_registers.h"
#include "frontend/arm64/translate/visitor.h"

namespace sae::frontend::arm64 {

using namespace ir;  // NOLINT: the IR's types are this file's vocabulary

namespace {

// The ISS of an EC 0x18 trap: Op0, Op2, Op1, CRn, Rt, CRm, direction (1 = read).
std::uint32_t SysRegTrapSyndrome(unsigned id, unsigned rt, bool read) {
  const unsigned op0 = id >> 14, op1 = (id >> 11) & 7, crn = (id >> 7) & 15, crm = (id >> 3) & 15,
                 op2 = id & 7;
  return op0 << 20 | op2 << 17 | op1 << 14 | crn << 10 | rt << 5 | crm << 1 | (read ? 1u : 0u);
}

}  // namespace

// An access libsae does not carry out itself. What EL0 may name (op1 3) and reads of the ID
// registers (FEAT_IDST) trap (EC 0x18) for the host to emulate; the registers and operations of
// EL1 and above are UNDEFINED at EL0, as the Arm ARM has it.
bool TranslatorVisitor::SystemRegisterTrap(unsigned id, Reg t, bool read) {
  const unsigned op0 = id >> 14, op1 = (id >> 11) & 7, crn = (id >> 7) & 15;
  const bool id_register_read = read && op0 == 3 && op1 == 0 && crn == 0;
  if (op1 != 3 && !id_register_read) return Unallocated(word_);
  ir.SetTerm(term::Exception{term::ExceptionKind::SystemRegisterTrap, pc,
                             SysRegTrapSyndrome(id, t.index, read)});
  return false;
}

// ---- Hints: no architectural effect at EL0 here (WFI/WFE may complete at once).
bool TranslatorVisitor::HINT(Imm<4>, Imm<3>) { return true; }
bool TranslatorVisitor::NOP() { return true; }
bool TranslatorVisitor::YIELD() { return true; }
bool TranslatorVisitor::WFE() { return true; }
bool TranslatorVisitor::WFI() { return true; }
bool TranslatorVisitor::SEV() { return true; }
bool TranslatorVisitor::SEVL() { return true; }
bool TranslatorVisitor::XPACLRI() { return true; }
bool TranslatorVisitor::PACIA1716() { return true; }
bool TranslatorVisitor::PACIB1716() { return true; }
bool TranslatorVisitor::AUTIA1716() { return true; }
bool TranslatorVisitor::AUTIB1716() { return true; }
bool TranslatorVisitor::PACIAZ() { return true; }
bool TranslatorVisitor::PACIASP() { return true; }
bool TranslatorVisitor::PACIBZ() { return true; }
bool TranslatorVisitor::PACIBSP() { return true; }
bool TranslatorVisitor::AUTIAZ() { return true; }
bool TranslatorVisitor::AUTIASP() { return true; }
bool TranslatorVisitor::AUTIBZ() { return true; }
bool TranslatorVisitor::AUTIBSP() { return true; }
bool TranslatorVisitor::BTI(Imm<2>) { return true; }

// ---- Barriers. ISB ends the block, so code changed before it is translated anew after it.
bool TranslatorVisitor::DSB(Imm<4>) {
  ir.Emit(Opcode::DataMemoryBarrier, {});
  return true;
}
bool TranslatorVisitor::DMB(Imm<4>) {
  ir.Emit(Opcode::DataMemoryBarrier, {});
  return true;
}
bool TranslatorVisitor::SB() {
  ir.Emit(Opcode::DataMemoryBarrier, {});
  return true;
}
bool TranslatorVisitor::ISB(Imm<4>) {
  ir.Emit(Opcode::InstructionSynchronizationBarrier, {});
  ir.SetTerm(term::LinkBlock{pc + 4});
  return false;
}

// ---- PSTATE: EL0 may not write SPSel or DAIF (Linux leaves SCTLR_EL1.UMA clear).
bool TranslatorVisitor::MSR_imm(Imm<3>, Imm<4>, Imm<3>) { return Unallocated(word_); }

namespace {
constexpr std::uint32_t kN = 1u << 31, kZ = 1u << 30, kC = 1u << 29, kV = 1u << 28;
}  // namespace

bool TranslatorVisitor::CFINV() {
  const U32 flags = U32(ir.Emit(Opcode::PackedFromNZCV, {ir.GetNZCV()}));
  ir.SetNZCV(NZCV(ir.Emit(Opcode::NZCVFromPacked, {ir.Eor(U32U64(flags), IREmitter::Imm(false, kC))})));
  return true;
}

// AXFLAG: Z = Z | V, C = C & !V, N = V = 0 (Arm to external flag format).
bool TranslatorVisitor::AXFLAG() {
  const U32U64 flags = U32U64(ir.Emit(Opcode::PackedFromNZCV, {ir.GetNZCV()}));
  const U32U64 v = ir.And(flags, IREmitter::Imm(false, kV));
  const U32U64 z = ir.Or(ir.And(flags, IREmitter::Imm(false, kZ)),
                         ir.LogicalShiftLeft(v, IREmitter::Imm8(2)));
  const U32U64 c = ir.AndNot(ir.And(flags, IREmitter::Imm(false, kC)),
                             ir.LogicalShiftLeft(v, IREmitter::Imm8(1)));
  ir.SetNZCV(NZCV(ir.Emit(Opcode::NZCVFromPacked, {ir.Or(z, c)})));
  return true;
}

// XAFLAG: N = !C & !Z, Z = Z & C, C = C | Z, V = !C & Z (external to Arm flag format).
bool TranslatorVisitor::XAFLAG() {
  const U32U64 flags = U32U64(ir.Emit(Opcode::PackedFromNZCV, {ir.GetNZCV()}));
  const U32U64 z = ir.LogicalShiftRight(ir.And(flags, IREmitter::Imm(false, kZ)), IREmitter::Imm8(30));
  const U32U64 c = ir.LogicalShiftRight(ir.And(flags, IREmitter::Imm(false, kC)), IREmitter::Imm8(29));
  const U32U64 one = IREmitter::Imm(false, 1);
  const U32U64 not_c = ir.Eor(c, one), not_z = ir.Eor(z, one);
  const U32U64 n = ir.And(not_c, not_z);
  const U32U64 new_z = ir.And(z, c);
  const U32U64 new_c = ir.Or(c, z);
  const U32U64 v = ir.And(not_c, z);
  const auto at = [&](U32U64 bit, unsigned position) {
    return ir.LogicalShiftLeft(bit, IREmitter::Imm8(static_cast<std::uint8_t>(position)));
  };
  const U32U64 packed = ir.Or(ir.Or(at(n, 31), at(new_z, 30)), ir.Or(at(new_c, 29), at(v, 28)));
  ir.SetNZCV(NZCV(ir.Emit(Opcode::NZCVFromPacked, {packed})));
  return true;
}

// ---- System registers.
bool TranslatorVisitor::MRS(Imm<15> r, Reg t) {
  const unsigned id = (1u << 15) | r.value;  // op0<1> is 1 in these encodings
  U64 value;
  switch (id) {
    case kNZCV:
      value = ir.ZeroExtendToLong(U32(ir.Emit(Opcode::PackedFromNZCV, {ir.GetNZCV()})));
      break;
    case kFPCR: value = U64(ir.Emit(Opcode::GetSysReg, {IREmitter::Imm8(std::uint8_t(SysReg::FPCR))})); break;
    case kFPSR: value = U64(ir.Emit(Opcode::GetSysReg, {IREmitter::Imm8(std::uint8_t(SysReg::FPSR))})); break;
    case kTPIDR_EL0:
      value = U64(ir.Emit(Opcode::GetSysReg, {IREmitter::Imm8(std::uint8_t(SysReg::TPIDR_EL0))}));
      break;
    case kTPIDRRO_EL0:
      value = U64(ir.Emit(Opcode::GetSysReg, {IREmitter::Imm8(std::uint8_t(SysReg::TPIDRRO_EL0))}));
      break;
    case kCTR_EL0: value = IREmitter::Imm64(kCacheType); break;
    case kDCZID_EL0: value = IREmitter::Imm64(kZeroBlockId); break;
    case kCNTFRQ_EL0: value = IREmitter::Imm64(kCounterFrequency); break;
    case kCNTVCT_EL0: value = U64(ir.Emit(Opcode::GetCounter, {})); break;
    default: return SystemRegisterTrap(id, t, true);
  }
  ir.SetX(t.index, value);
  return true;
}

bool TranslatorVisitor::MSR_reg(Imm<15> r, Reg t) {
  const unsigned id = (1u << 15) | r.value;
  const U64 value = ir.GetX(t.index);
  const auto set = [&](SysReg reg, U64 v) {
    ir.Emit(Opcode::SetSysReg, {IREmitter::Imm8(static_cast<std::uint8_t>(reg)), v});
  };
  switch (id) {
    case kNZCV:
      ir.SetNZCV(NZCV(ir.Emit(Opcode::NZCVFromPacked, {ir.LeastSignificantWord(value)})));
      return true;
    case kTPIDR_EL0: set(SysReg::TPIDR_EL0, value); return true;
    // FPCR and FPSR keep the bits the guest writes; FP translation will interpret them.
    case kFPCR: set(SysReg::FPCR, U64(ir.ZeroExtendToLong(ir.LeastSignificantWord(value)))); return true;
    case kFPSR: set(SysReg::FPSR, U64(ir.ZeroExtendToLong(ir.LeastSignificantWord(value)))); return true;
    default: return SystemRegisterTrap(id, t, false);
  }
}

// ---- SYS: the cache maintenance EL0 may use. Data cache cleaning has no effect on a coherent
// host; IC IVAU drops the translations of the line; anything else traps.
bool TranslatorVisitor::SYS(Imm<3> op1, Imm<4> crn, Imm<4> crm, Imm<3> op2, Reg t) {
  const unsigned id = SysRegId(1, op1.value, crn.value, crm.value, op2.value);
  constexpr unsigned kICIVAU = SysRegId(1, 3, 7, 5, 1);
  constexpr unsigned kDCCVAC = SysRegId(1, 3, 7, 10, 1);
  constexpr unsigned kDCCVAU = SysRegId(1, 3, 7, 11, 1);
  constexpr unsigned kDCCVAP = SysRegId(1, 3, 7, 12, 1);
  constexpr unsigned kDCCVADP = SysRegId(1, 3, 7, 13, 1);
  constexpr unsigned kDCCIVAC = SysRegId(1, 3, 7, 14, 1);
  switch (id) {
    case kDCCVAC: case kDCCVAU: case kDCCVAP: case kDCCVADP: case kDCCIVAC:
      return true;
    case kICIVAU:
      ir.Emit(Opcode::RequestCodeInvalidation, {ir.GetX(t.index)});
      ir.SetPC(IREmitter::Imm64(pc + 4));
      ir.SetTerm(term::ReturnToDispatch{});
      return false;
    default:
      return SystemRegisterTrap(id, t, false);
  }
}

bool TranslatorVisitor::SYSL(Imm<3> op1, Imm<4> crn, Imm<4> crm, Imm<3> op2, Reg t) {
  return SystemRegisterTrap(SysRegId(1, op1.value, crn.value, crm.value, op2.value), t, true);
}

// DC ZVA: zero the 64-byte block (DCZID_EL0.BS = 4) holding the address.
bool TranslatorVisitor::DC_ZVA(Reg t) {
  const U64 block = U64(ir.And(U32U64(ir.GetX(t.index)), IREmitter::Imm(true, ~std::uint64_t{63})));
  for (std::uint64_t offset = 0; offset < 64; offset += 8) {
    ir.WriteMemory64(U64(ir.Add(U32U64(block), IREmitter::Imm(true, offset))), IREmitter::Imm64(0));
  }
  return true;
}

// ---- Exception returns are UNDEFINED at EL0. So are the authenticated branches outside the
// hint space: they exist only with FEAT_PAuth, which libsae does not implement (ID_AA64ISAR1
// says so), and code built for CPUs without it never uses them.
bool TranslatorVisitor::ERET() { return Unallocated(word_); }
bool TranslatorVisitor::ERETA(bool) { return Unallocated(word_); }
bool TranslatorVisitor::DRPS() { return Unallocated(word_); }
bool TranslatorVisitor::BRAZ(bool, Reg) { return Unallocated(word_); }
bool TranslatorVisitor::BLRAZ(bool, Reg) { return Unallocated(word_); }
bool TranslatorVisitor::RETA(bool) { return Unallocated(word_); }
bool TranslatorVisitor::BRA(bool, Reg, Reg) { return Unallocated(word_); }
bool TranslatorVisitor::BLRA(bool, Reg, Reg) { return Unallocated(word_); }

}  // namespace sae::frontend::arm64
