#include "backend/s390x/disassembler.h"

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

#include <memory>
#include <mutex>

extern "C" {
void LLVMInitializeSystemZTargetInfo();
void LLVMInitializeSystemZTargetMC();
void LLVMInitializeSystemZDisassembler();
}

namespace sae::backend::s390x {

namespace {

constexpr const char* kTriple = "s390x-linux-gnu";

// LLVM's objects for s390x, built once; a disassembler and printer are stateless per call.
struct SystemZ {
  SystemZ() {
    LLVMInitializeSystemZTargetInfo();
    LLVMInitializeSystemZTargetMC();
    LLVMInitializeSystemZDisassembler();
    std::string error;
    const llvm::Target* target = llvm::TargetRegistry::lookupTarget(kTriple, error);
    if (target == nullptr) return;
    registers.reset(target->createMCRegInfo(kTriple));
    asm_info.reset(target->createMCAsmInfo(*registers, kTriple, options));
    subtarget.reset(target->createMCSubtargetInfo(kTriple, "arch14", ""));
    instructions.reset(target->createMCInstrInfo());
    context = std::make_unique<llvm::MCContext>(llvm::Triple(kTriple), asm_info.get(),
                                                registers.get(), subtarget.get());
    disassembler.reset(target->createMCDisassembler(*subtarget, *context));
    printer.reset(target->createMCInstPrinter(llvm::Triple(kTriple), 0, *asm_info, *instructions,
                                              *registers));
  }
  llvm::MCTargetOptions options;
  std::unique_ptr<llvm::MCRegisterInfo> registers;
  std::unique_ptr<llvm::MCAsmInfo> asm_info;
  std::unique_ptr<llvm::MCSubtargetInfo> subtarget;
  std::unique_ptr<llvm::MCInstrInfo> instructions;
  std::unique_ptr<llvm::MCContext> context;
  std::unique_ptr<llvm::MCDisassembler> disassembler;
  std::unique_ptr<llvm::MCInstPrinter> printer;
};

const SystemZ& Llvm() {
  static const SystemZ instance;
  return instance;
}

}  // namespace

std::string Disassemble(std::span<const std::byte> code, std::uint64_t address) {
  const SystemZ& llvm_mc = Llvm();
  std::string text;
  llvm::raw_string_ostream out(text);
  const llvm::ArrayRef<std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(code.data()),
                                           code.size());
  for (std::size_t offset = 0; offset < bytes.size();) {
    llvm::MCInst inst;
    std::uint64_t size = 0;
    const bool decoded = llvm_mc.disassembler != nullptr &&
                         llvm_mc.disassembler->getInstruction(inst, size, bytes.slice(offset),
                                                              address + offset, llvm::nulls()) ==
                             llvm::MCDisassembler::Success;
    if (!decoded) size = std::min<std::size_t>(2, bytes.size() - offset);
    out << llvm::format_hex(address + offset, 10) << ": ";
    for (std::size_t i = 0; i < 6; ++i) {
      if (i < size) {
        out << llvm::format_hex_no_prefix(bytes[offset + i], 2);
      } else {
        out << "  ";
      }
    }
    out << " ";
    if (decoded) {
      std::string instruction;
      llvm::raw_string_ostream line(instruction);
      llvm_mc.printer->printInst(&inst, address + offset, "", *llvm_mc.subtarget, line);
      line.flush();
      const auto first = instruction.find_first_not_of("\t ");
      for (char c : instruction.substr(first == std::string::npos ? 0 : first)) {
        out << (c == '\t' ? ' ' : c);
      }
    } else {
      out << ".byte";
      for (std::size_t i = 0; i < size; ++i) out << (i ? ", " : " ") << llvm::format_hex(bytes[offset + i], 4);
    }
    out << "\n";
    offset += size;
  }
  out.flush();
  return text;
}

}  // namespace sae::backend::s390x
