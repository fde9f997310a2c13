// Branches: conditional, unconditional (immediate and register), compare and test and branch.
#include "frontend/arm64/translate/visitor.h"

namespace sae::frontend::arm64 {

using namespace ir;  // NOLINT: the IR's types are this file's vocabulary

namespace {
std::uint64_t Target(std::uint64_t pc, std::int64_t instructions) {
  return pc + static_cast<std::uint64_t>(instructions * 4);
}
}  // namespace

bool TranslatorVisitor::B_cond(Imm<19> imm, Cond cond) {
  const Terminal taken = term::LinkBlock{Target(pc, imm.SignExtend())};
  const Terminal not_taken = term::LinkBlock{pc + 4};
  ir.SetTerm(MakeIf(static_cast<ir::Cond>(cond.value), taken, not_taken));
  return false;
}

bool TranslatorVisitor::B_uncond(Imm<26> imm) {
  ir.SetTerm(term::LinkBlock{Target(pc, imm.SignExtend())});
  return false;
}

bool TranslatorVisitor::BL(Imm<26> imm) {
  ir.SetX(30, IREmitter::Imm64(pc + 4));
  ir.SetTerm(term::LinkBlock{Target(pc, imm.SignExtend())});
  return false;
}

bool TranslatorVisitor::CompareAndBranch(bool sf, Imm<19> imm, Reg t, bool if_zero) {
  ir.SetCheckBit(ir.IsZero(ir.GetReg(sf, t.index)));
  const Terminal taken = term::LinkBlock{Target(pc, imm.SignExtend())};
  const Terminal not_taken = term::LinkBlock{pc + 4};
  ir.SetTerm(if_zero ? MakeCheckBit(taken, not_taken) : MakeCheckBit(not_taken, taken));
  return false;
}

bool TranslatorVisitor::CBZ(bool sf, Imm<19> imm, Reg t) { return CompareAndBranch(sf, imm, t, true); }
bool TranslatorVisitor::CBNZ(bool sf, Imm<19> imm, Reg t) { return CompareAndBranch(sf, imm, t, false); }

bool TranslatorVisitor::TestAndBranch(unsigned bit, Imm<14> imm, Reg t, bool if_zero) {
  ir.SetCheckBit(ir.TestBit(ir.GetX(t.index), IREmitter::Imm8(static_cast<std::uint8_t>(bit))));
  const Terminal taken = term::LinkBlock{Target(pc, imm.SignExtend())};
  const Terminal not_taken = term::LinkBlock{pc + 4};
  ir.SetTerm(if_zero ? MakeCheckBit(not_taken, taken) : MakeCheckBit(taken, not_taken));
  return false;
}

bool TranslatorVisitor::TBZ(Imm<1> b5, Imm<5> b40, Imm<14> imm, Reg t) {
  return TestAndBranch(b5.value << 5 | b40.value, imm, t, true);
}
bool TranslatorVisitor::TBNZ(Imm<1> b5, Imm<5> b40, Imm<14> imm, Reg t) {
  return TestAndBranch(b5.value << 5 | b40.value, imm, t, false);
}

bool TranslatorVisitor::BR(Reg n) {
  ir.SetPC(ir.GetX(n.index));
  ir.SetTerm(term::IndirectJump{});
  return false;
}

bool TranslatorVisitor::BLR(Reg n) {
  const U64 target = ir.GetX(n.index);  // read before X30 is written: BLR X30 works
  ir.SetX(30, IREmitter::Imm64(pc + 4));
  ir.SetPC(target);
  ir.SetTerm(term::IndirectJump{});
  return false;
}

bool TranslatorVisitor::RET(Reg n) { return BR(n); }

}  // namespace sae::frontend::arm64
