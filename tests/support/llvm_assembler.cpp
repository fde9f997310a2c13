#include "support/llvm_assembler.h"

#include <llvm/MC/MCAsmBackend.h>
#include <llvm/MC/MCAsmInfo.h>
#include <llvm/MC/MCExpr.h>
#include <llvm/MC/MCFixupKindInfo.h>
#include <llvm/MC/MCCodeEmitter.h>
#include <llvm/MC/MCContext.h>
#include <llvm/MC/MCFixup.h>
#include <llvm/MC/MCInst.h>
#include <llvm/MC/MCInstrInfo.h>
#include <llvm/MC/MCObjectFileInfo.h>
#include <llvm/MC/MCParser/MCAsmParser.h>
#include <llvm/MC/MCParser/MCTargetAsmParser.h>
#include <llvm/MC/MCRegisterInfo.h>
#include <llvm/MC/MCStreamer.h>
#include <llvm/MC/MCSubtargetInfo.h>
#include <llvm/MC/MCTargetOptions.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/SourceMgr.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/TargetParser/Triple.h>

#include <map>
#include <mutex>
#include <stdexcept>

namespace sae::test {

namespace {

// The value of a fixup expression when the only symbols in it are labels at address 0 — which
// is where a PC-relative constant operand puts its temporary label ("." of the one instruction).
std::optional<std::int64_t> EvaluateAtZero(const llvm::MCExpr& expr) {
  if (const auto* constant = llvm::dyn_cast<llvm::MCConstantExpr>(&expr)) return constant->getValue();
  if (llvm::isa<llvm::MCSymbolRefExpr>(&expr)) return 0;
  if (const auto* binary = llvm::dyn_cast<llvm::MCBinaryExpr>(&expr)) {
    const auto lhs = EvaluateAtZero(*binary->getLHS());
    const auto rhs = EvaluateAtZero(*binary->getRHS());
    if (!lhs || !rhs) return std::nullopt;
    if (binary->getOpcode() == llvm::MCBinaryExpr::Add) return *lhs + *rhs;
    if (binary->getOpcode() == llvm::MCBinaryExpr::Sub) return *lhs - *rhs;
  }
  return std::nullopt;
}

// A streamer that keeps the encoded bytes of each instruction and nothing else. PC-relative
// fixups of a lone instruction at address 0 are resolved in place; any other fixup is counted as
// unresolved.
class CapturingStreamer final : public llvm::MCStreamer {
 public:
  CapturingStreamer(llvm::MCContext& context, const llvm::MCCodeEmitter& emitter,
                    const llvm::MCAsmBackend& backend)
      : llvm::MCStreamer(context), emitter_(emitter), backend_(backend) {}

  void emitInstruction(const llvm::MCInst& inst, const llvm::MCSubtargetInfo& subtarget) override {
    llvm::SmallVector<char, 16> code;
    llvm::SmallVector<llvm::MCFixup, 2> fixups;
    emitter_.encodeInstruction(inst, code, fixups, subtarget);
    for (const llvm::MCFixup& fixup : fixups) {
      const llvm::MCFixupKindInfo& info = backend_.getFixupKindInfo(fixup.getKind());
      const auto value = EvaluateAtZero(*fixup.getValue());
      if (!value || !(info.Flags & llvm::MCFixupKindInfo::FKF_IsPCRel) || info.TargetSize % 8 != 0 ||
          info.TargetOffset != 0) {
        ++unresolved_fixups;
        continue;
      }
      // PC-relative to the field itself, in halfwords (the "DBL" of PC16DBL/PC32DBL).
      const std::int64_t field = (*value - static_cast<std::int64_t>(fixup.getOffset())) / 2;
      const unsigned size = info.TargetSize / 8;
      for (unsigned i = 0; i < size; ++i) {
        code[fixup.getOffset() + i] = static_cast<char>(field >> (8 * (size - 1 - i)));
      }
    }
    bytes.insert(bytes.end(), code.begin(), code.end());
  }
  bool emitSymbolAttribute(llvm::MCSymbol*, llvm::MCSymbolAttr) override { return false; }
  void emitCommonSymbol(llvm::MCSymbol*, std::uint64_t, llvm::Align) override {}
  void emitZerofill(llvm::MCSection*, llvm::MCSymbol*, std::uint64_t, llvm::Align,
                    llvm::SMLoc) override {}

  std::vector<std::uint8_t> bytes;
  std::size_t unresolved_fixups = 0;

 private:
  const llvm::MCCodeEmitter& emitter_;
  const llvm::MCAsmBackend& backend_;
};

}  // namespace

struct LlvmAssembler::Impl {
  std::string triple_name;
  llvm::Triple triple;
  const llvm::Target* target = nullptr;
  llvm::MCTargetOptions options;
  std::unique_ptr<llvm::MCRegisterInfo> registers;
  std::unique_ptr<llvm::MCAsmInfo> asm_info;
  std::unique_ptr<llvm::MCInstrInfo> instructions;
  std::map<std::string, std::unique_ptr<llvm::MCSubtargetInfo>> subtargets;

  llvm::MCSubtargetInfo& Subtarget(const std::string& cpu) {
    auto& slot = subtargets[cpu];
    if (!slot) slot.reset(target->createMCSubtargetInfo(triple_name, cpu, ""));
    return *slot;
  }
};

LlvmAssembler::LlvmAssembler(const std::string& triple) : impl_(std::make_unique<Impl>()) {
  static std::once_flag initialized;
  std::call_once(initialized, [] {
    llvm::InitializeAllTargetInfos();
    llvm::InitializeAllTargetMCs();
    llvm::InitializeAllAsmParsers();
  });
  Impl& m = *impl_;
  m.triple_name = triple;
  m.triple = llvm::Triple(triple);
  std::string error;
  m.target = llvm::TargetRegistry::lookupTarget(triple, error);
  if (m.target == nullptr) throw std::runtime_error("LLVM has no target " + triple + ": " + error);
  m.registers.reset(m.target->createMCRegInfo(triple));
  m.asm_info.reset(m.target->createMCAsmInfo(*m.registers, triple, m.options));
  m.instructions.reset(m.target->createMCInstrInfo());
}

LlvmAssembler::~LlvmAssembler() = default;

std::optional<std::vector<std::uint8_t>> LlvmAssembler::Assemble(const std::string& line,
                                                                 const std::string& cpu,
                                                                 std::string* error) {
  Impl& m = *impl_;
  llvm::MCSubtargetInfo& subtarget = m.Subtarget(cpu);
  llvm::SourceMgr sources;
  sources.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(line + "\n"), llvm::SMLoc());
  std::string diagnostics;
  sources.setDiagHandler(
      [](const llvm::SMDiagnostic& diagnostic, void* context) {
        auto& out = *static_cast<std::string*>(context);
        if (!out.empty()) out += "; ";
        out += diagnostic.getMessage().str();
      },
      &diagnostics);
  llvm::MCContext context(m.triple, m.asm_info.get(), m.registers.get(), &subtarget, &sources);
  std::unique_ptr<llvm::MCObjectFileInfo> object_info(
      m.target->createMCObjectFileInfo(context, /*PIC=*/false));
  context.setObjectFileInfo(object_info.get());
  std::unique_ptr<llvm::MCCodeEmitter> emitter(m.target->createMCCodeEmitter(*m.instructions, context));
  std::unique_ptr<llvm::MCAsmBackend> backend(
      m.target->createMCAsmBackend(subtarget, *m.registers, m.options));
  CapturingStreamer streamer(context, *emitter, *backend);
  std::unique_ptr<llvm::MCAsmParser> parser(
      llvm::createMCAsmParser(sources, context, streamer, *m.asm_info));
  std::unique_ptr<llvm::MCTargetAsmParser> target_parser(
      m.target->createMCAsmParser(subtarget, *parser, *m.instructions, m.options));
  parser->setTargetParser(*target_parser);
  const bool failed = parser->Run(/*NoInitialTextSection=*/false);
  if (failed || !diagnostics.empty() || streamer.unresolved_fixups != 0) {
    if (error != nullptr) {
      *error = !diagnostics.empty() ? diagnostics
               : streamer.unresolved_fixups != 0 ? "needs a relocation that is not PC-relative to itself"
                                           : "rejected";
    }
    return std::nullopt;
  }
  return streamer.bytes;
}

}  // namespace sae::test
