#include "common/llvm_disassembler.h"

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
#include <llvm/Support/Format.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/TargetParser/Triple.h>

#include <algorithm>
#include <mutex>

namespace sae {

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
                                   const std::string& features) {
  static std::once_flag initialized;
  std::call_once(initialized, [] {
    llvm::InitializeAllTargetInfos();
    llvm::InitializeAllTargetMCs();
    llvm::InitializeAllDisassemblers();
  });
  auto m = std::make_unique<Impl>();
  m->triple = llvm::Triple(triple);
  std::string error;
  const llvm::Target* target = llvm::TargetRegistry::lookupTarget(triple, error);
  if (target == nullptr) return;
  m->registers.reset(target->createMCRegInfo(triple));
  if (!m->registers) return;
  m->asm_info.reset(target->createMCAsmInfo(*m->registers, triple, m->options));
  m->subtarget.reset(target->createMCSubtargetInfo(triple, cpu, features));
  m->instructions.reset(target->createMCInstrInfo());
  if (!m->asm_info || !m->subtarget || !m->instructions) return;
  m->context = std::make_unique<llvm::MCContext>(m->triple, m->asm_info.get(), m->registers.get(),
                                                 m->subtarget.get());
  m->disassembler.reset(target->createMCDisassembler(*m->subtarget, *m->context));
  m->printer.reset(target->createMCInstPrinter(m->triple, m->asm_info->getAssemblerDialect(),
                                               *m->asm_info, *m->instructions, *m->registers));
  if (m->disassembler && m->printer) impl_ = std::move(m);
}

LlvmDisassembler::~LlvmDisassembler() = default;

std::optional<Disassembly> LlvmDisassembler::Disassemble(std::span<const std::uint8_t> bytes,
                                                         std::uint64_t address) const {
  if (!impl_) return std::nullopt;
  llvm::MCInst inst;
  std::uint64_t size = 0;
  const auto status = impl_->disassembler->getInstruction(
      inst, size, llvm::ArrayRef<std::uint8_t>(bytes.data(), bytes.size()), address, llvm::nulls());
  if (status != llvm::MCDisassembler::Success) return std::nullopt;
  std::string text;
  llvm::raw_string_ostream out(text);
  impl_->printer->printInst(&inst, address, "", *impl_->subtarget, out);
  out.flush();
  std::replace(text.begin(), text.end(), '\t', ' ');
  const auto first = text.find_first_not_of(' ');
  text = first == std::string::npos ? std::string() : text.substr(first);
  return Disassembly{text, static_cast<std::size_t>(size),
                     impl_->instructions->getName(inst.getOpcode()).str()};
}

std::string LlvmDisassembler::List(std::span<const std::uint8_t> bytes, std::uint64_t address,
                                   std::size_t column_bytes, std::size_t step) const {
  std::string text;
  llvm::raw_string_ostream out(text);
  for (std::size_t offset = 0; offset < bytes.size();) {
    const auto decoded = Disassemble(bytes.subspan(offset), address + offset);
    const std::size_t size = decoded ? decoded->size : std::min(step, bytes.size() - offset);
    out << llvm::format_hex(address + offset, 10) << ": ";
    for (std::size_t i = 0; i < column_bytes; ++i) {
      if (i < size) {
        out << llvm::format_hex_no_prefix(bytes[offset + i], 2);
      } else {
        out << "  ";
      }
    }
    out << " ";
    if (decoded) {
      out << decoded->text;
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

}  // namespace sae
