#include "support/llvm_disassembler.h"

#include <llvm/MC/MCAsmInfo.h>
#include <llvm/MC/MCContext.h>
#include <llvm/MC/MCDisassembler/MCDisassembler.h>
#include <llvm/MC/MCInst.h>
#include <llvm/MC/MCInstPrinter.h>
#include <llvm/MC/MCInstrInfo.h>
#include <llvm/MC/MCRegisterInfo.h>
#include <llvm/MC/MCSubtargetInfo.h>
#include <llvm/MC/MCTargetOptions.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/TargetParser/Triple.h>

#include <mutex>
#include <stdexcept>

namespace sae::test {

struct LlvmDisassembler::Impl {
  llvm::Triple triple;
  llvm::MCTargetOptions options;
  std::unique_ptr<llvm::MCRegisterInfo> registers;
  std::unique_ptr<llvm::MCAsmInfo> asm_info;
  std::unique_ptr<llvm::MCSubtargetInfo> subtarget;
  std::unique_ptr<llvm::MCInstrInfo> instructions;
  std::unique_ptr<llvm::MCContext> context;
  std::unique_ptr<llvm::MCDisassembler> disassembler;
  std::unique_ptr<llvm::MCInstPrinter> printer;
};

LlvmDisassembler::LlvmDisassembler(const std::string& triple, const std::string& cpu,
                                   const std::string& features)
    : impl_(std::make_unique<Impl>()) {
  static std::once_flag initialized;
  std::call_once(initialized, [] {
    llvm::InitializeAllTargetInfos();
    llvm::InitializeAllTargetMCs();
    llvm::InitializeAllDisassemblers();
  });
  Impl& m = *impl_;
  m.triple = llvm::Triple(triple);
  std::string error;
  const llvm::Target* target = llvm::TargetRegistry::lookupTarget(triple, error);
  if (target == nullptr) throw std::runtime_error("LLVM has no target " + triple + ": " + error);
  m.registers.reset(target->createMCRegInfo(triple));
  m.asm_info.reset(target->createMCAsmInfo(*m.registers, triple, m.options));
  m.subtarget.reset(target->createMCSubtargetInfo(triple, cpu, features));
  m.instructions.reset(target->createMCInstrInfo());
  m.context = std::make_unique<llvm::MCContext>(m.triple, m.asm_info.get(), m.registers.get(),
                                                m.subtarget.get());
  m.disassembler.reset(target->createMCDisassembler(*m.subtarget, *m.context));
  m.printer.reset(target->createMCInstPrinter(m.triple, m.asm_info->getAssemblerDialect(),
                                              *m.asm_info, *m.instructions, *m.registers));
  if (!m.registers || !m.asm_info || !m.subtarget || !m.instructions || !m.disassembler ||
      !m.printer) {
    throw std::runtime_error("LLVM MC is incomplete for " + triple);
  }
}

LlvmDisassembler::~LlvmDisassembler() = default;

std::optional<Disassembly> LlvmDisassembler::Disassemble(std::span<const std::uint8_t> bytes) const {
  llvm::MCInst inst;
  std::uint64_t size = 0;
  const auto status = impl_->disassembler->getInstruction(
      inst, size, llvm::ArrayRef<std::uint8_t>(bytes.data(), bytes.size()), 0, llvm::nulls());
  if (status != llvm::MCDisassembler::Success) return std::nullopt;
  std::string text;
  llvm::raw_string_ostream out(text);
  impl_->printer->printInst(&inst, 0, "", *impl_->subtarget, out);
  out.flush();
  for (char& c : text) {
    if (c == '\t') c = ' ';
  }
  const auto first = text.find_first_not_of(' ');
  text = first == std::string::npos ? std::string() : text.substr(first);
  return Disassembly{text, static_cast<std::size_t>(size),
                     impl_->instructions->getName(inst.getOpcode()).str()};
}

}  // namespace sae::test
