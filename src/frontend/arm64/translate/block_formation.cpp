// Where blocks start and end, and what ends them when no instruction does.
#include "frontend/arm64/interpreter/interpreter.h"
#include "frontend/arm64/translate/translator.h"
#include "frontend/arm64/translate/visitor.h"

namespace sae::frontend::arm64 {

namespace {
constexpr std::uint64_t kPageSize = 4096;
}  // namespace

bool TranslatorVisitor::Unallocated(std::uint32_t word) {
  ir.SetTerm(ir::term::Exception{ir::term::ExceptionKind::Undefined, pc, word});
  return false;
}

// What the translator has no inline code for may still be the interpreter's: a call, and the
// block goes on. Loads and stores never go to the interpreter alone (it has no memory access:
// their translations call it for the register side themselves).
bool TranslatorVisitor::NotTranslated(Encoding encoding, std::uint32_t word) {
  if (Interprets(encoding) && GroupOf(word) != EncodingGroup::LoadStore) {
    ir.Emit(ir::Opcode::Interpret,
            {ir::IREmitter::Imm32(word),
             ir::Value::Immediate(ir::Type::U16, static_cast<std::uint16_t>(encoding))});
    return true;
  }
  ir.SetTerm(ir::term::Exception{ir::term::ExceptionKind::NotTranslated, pc, word});
  return false;
}

void TranslateBlock(ir::Block& block, const CodeReader& read, const TranslationLimits& limits) {
  ir::IREmitter emitter(block);
  std::uint64_t pc = block.start_pc();
  unsigned count = 0;
  for (;;) {
    const std::optional<std::uint32_t> word = read(pc);
    if (!word) {
      // The fault belongs to the instruction that cannot be fetched: it starts its own block.
      if (count == 0) {
        const auto kind = pc % 4 != 0 ? ir::term::ExceptionKind::PcAlignmentFault
                                      : ir::term::ExceptionKind::InstructionAbort;
        emitter.SetTerm(ir::term::Exception{kind, pc, 0});
      } else {
        emitter.SetTerm(ir::term::LinkBlock{pc});
      }
      break;
    }
    emitter.set_pc(pc);
    TranslatorVisitor visitor(emitter, pc, *word);
    const bool continues = Decode(visitor, *word);
    ++count;
    pc += 4;
    if (!continues) break;
    if (count >= limits.max_instructions || pc % kPageSize == 0) {
      emitter.SetTerm(ir::term::LinkBlock{pc});
      break;
    }
  }
  block.set_guest_instructions(count);
}

}  // namespace sae::frontend::arm64
