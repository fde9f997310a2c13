// Exception generation: SVC, HVC, SMC, BRK, HLT, DCPS1-3, and UDF (permanently UNDEFINED). Guests run at EL0 only so far (user-process
// mode), where HVC and SMC are UNDEFINED and HLT is UNDEFINED because halting debug is off.
#include "frontend/arm64/translate/visitor.h"

namespace sae::frontend::arm64 {

using ir::term::Exception;
using ir::term::ExceptionKind;

bool TranslatorVisitor::SVC(Imm<16> imm) {
  ir.SetTerm(Exception{ExceptionKind::SupervisorCall, pc, imm.value});
  return false;
}

bool TranslatorVisitor::BRK(Imm<16> imm) {
  ir.SetTerm(Exception{ExceptionKind::Breakpoint, pc, imm.value});
  return false;
}

bool TranslatorVisitor::UDF(Imm<16>) { return Unallocated(word_); }
bool TranslatorVisitor::HVC(Imm<16>) { return Unallocated(word_); }
bool TranslatorVisitor::SMC(Imm<16>) { return Unallocated(word_); }
bool TranslatorVisitor::HLT(Imm<16>) { return Unallocated(word_); }
// Debug state is never entered, where DCPS would be the only way out: UNDEFINED.
bool TranslatorVisitor::DCPS1(Imm<16>) { return Unallocated(word_); }
bool TranslatorVisitor::DCPS2(Imm<16>) { return Unallocated(word_); }
bool TranslatorVisitor::DCPS3(Imm<16>) { return Unallocated(word_); }

}  // namespace sae::frontend::arm64
