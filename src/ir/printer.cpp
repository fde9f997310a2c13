#include "ir/printer.h"

#include <cstdio>
#include <unordered_map>

namespace sae::ir {

namespace {

std::string Hex(std::uint64_t value) {
  char text[24];
  std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(value));
  return text;
}

std::string ExceptionName(term::ExceptionKind kind) {
  switch (kind) {
    case term::ExceptionKind::Undefined: return "Undefined";
    case term::ExceptionKind::NotTranslated: return "NotTranslated";
    case term::ExceptionKind::SupervisorCall: return "SupervisorCall";
    case term::ExceptionKind::Breakpoint: return "Breakpoint";
    case term::ExceptionKind::HypervisorCall: return "HypervisorCall";
    case term::ExceptionKind::SecureMonitorCall: return "SecureMonitorCall";
    case term::ExceptionKind::InstructionAbort: return "InstructionAbort";
    case term::ExceptionKind::PcAlignmentFault: return "PcAlignmentFault";
    case term::ExceptionKind::SystemRegisterTrap: return "SystemRegisterTrap";
  }
  return "?";
}

struct TerminalPrinter {
  std::string operator()(const term::Invalid&) const { return "Invalid"; }
  std::string operator()(const term::LinkBlock& t) const { return "LinkBlock " + Hex(t.next); }
  std::string operator()(const term::LinkBlockFast& t) const {
    return "LinkBlockFast " + Hex(t.next);
  }
  std::string operator()(const term::IndirectJump&) const { return "IndirectJump"; }
  std::string operator()(const term::ReturnToDispatch&) const { return "ReturnToDispatch"; }
  std::string operator()(const term::Exception& t) const {
    return "Exception " + ExceptionName(t.kind) + " at " + Hex(t.pc) + " #" + Hex(t.immediate);
  }
  std::string operator()(const std::shared_ptr<const term::CheckBit>& t) const {
    return "CheckBit then " + Print(t->then_) + " else " + Print(t->else_);
  }
  std::string operator()(const std::shared_ptr<const term::If>& t) const {
    return "If " + std::string(CondName(t->condition)) + " then " + Print(t->then_) + " else " +
           Print(t->else_);
  }
};

}  // namespace

std::string Print(const Terminal& terminal) { return std::visit(TerminalPrinter{}, terminal); }

std::string Print(const Block& block) {
  std::string out = "block " + Hex(block.start_pc()) + ", " +
                    std::to_string(block.guest_instructions()) + " guest instructions\n";
  std::unordered_map<const Inst*, unsigned> names;
  auto value_text = [&](const Value& value) -> std::string {
    if (const Inst* inst = value.inst()) {
      const auto found = names.find(inst);
      return found != names.end() ? "%" + std::to_string(found->second) : "%<undefined>";
    }
    switch (value.type()) {
      case Type::Cond: return std::string(CondName(static_cast<Cond>(value.imm())));
      case Type::GuestReg: return "x" + std::to_string(value.imm());
      default: return "#" + Hex(value.imm());
    }
  };
  unsigned next_name = 1;
  for (const Inst* inst : block.instructions()) {
    out += "  ";
    if (inst->ResultType() != Type::Void) {
      names[inst] = next_name;
      out += "%" + std::to_string(next_name++) + " = ";
    }
    out += Name(inst->opcode());
    for (std::size_t i = 0; i < inst->arg_count(); ++i) {
      out += (i == 0 ? " " : ", ") + value_text(inst->arg(i));
    }
    out += "\n";
  }
  out += "  terminal " + Print(block.terminal()) + "\n";
  return out;
}

}  // namespace sae::ir
