#include "runtime/code_cache.h"

#include "backend/s390x/asm/assembler.h"
#include "backend/s390x/codegen/codegen.h"
#include "ir/passes/passes.h"

namespace sae::runtime {

namespace s390x = backend::s390x;

CodeCache::CodeCache(std::size_t size, const s390x::StateLayout& layout)
    : memory_(size), buffer_(memory_.bytes()), layout_(layout) {
  if (!memory_.valid()) return;
  s390x::Assembler as(buffer_);
  s390x::EmitEntryThunk(as, layout_);
  exit_offset_ = as.size();
  s390x::EmitExitThunk(as);
  thunks_end_ = as.size();
  memory_.MakeExecutable(0, thunks_end_);
}

void CodeCache::Enter(void* state, const std::byte* code) const {
  using Entry = void (*)(void*, const std::byte*);
  reinterpret_cast<Entry>(memory_.bytes().data())(state, code);
}

void CodeCache::Flush() {
  blocks_.clear();
  buffer_.Rewind(thunks_end_);
  ++flushes_;
}

std::optional<std::size_t> CodeCache::Compile(std::uint64_t pc,
                                              const frontend::arm64::CodeReader& read,
                                              unsigned max_instructions) {
  ir::Block block(pc);
  frontend::arm64::TranslateBlock(block, read, {.max_instructions = max_instructions});
  ir::Optimize(block);
  const std::size_t start = buffer_.size();
  // The block's pages become writable (never writable and executable at once) while emitting.
  const std::size_t window = buffer_.capacity() - start;
  memory_.MakeWritable(start, window);
  s390x::Assembler as(buffer_);
  const s390x::CodegenResult result = s390x::EmitBlock(block, as, layout_, exit_offset_);
  const bool overflowed = buffer_.overflowed();
  if (!result.ok || overflowed) buffer_.Rewind(start);
  memory_.MakeExecutable(start, window);
  if (overflowed) return std::nullopt;
  if (!result.ok) {
    // An operation the backend cannot emit: try a shorter block, down to the one instruction
    // that needs it, which then raises NotTranslated like an untranslated encoding.
    const unsigned shorter = block.guest_instructions() > 1 ? block.guest_instructions() - 1 : 0;
    if (shorter > 0) return Compile(pc, read, shorter);
    ir::Block exception(pc);
    exception.set_terminal(
        ir::term::Exception{ir::term::ExceptionKind::NotTranslated, pc, read(pc).value_or(0)});
    exception.set_guest_instructions(1);
    memory_.MakeWritable(start, window);
    s390x::Assembler fallback(buffer_);
    s390x::EmitBlock(exception, fallback, layout_, exit_offset_);
    memory_.MakeExecutable(start, window);
    if (buffer_.overflowed()) {
      buffer_.Rewind(start);
      return std::nullopt;
    }
  }
  return start;
}

const std::byte* CodeCache::Get(std::uint64_t pc, const frontend::arm64::CodeReader& read) {
  if (const auto found = blocks_.find(pc); found != blocks_.end()) {
    return memory_.bytes().data() + found->second;
  }
  std::optional<std::size_t> offset = Compile(pc, read, frontend::arm64::TranslationLimits{}.max_instructions);
  if (!offset) {
    Flush();
    offset = Compile(pc, read, frontend::arm64::TranslationLimits{}.max_instructions);
    if (!offset) return nullptr;  // one block larger than the whole cache
  }
  blocks_.emplace(pc, *offset);
  return memory_.bytes().data() + *offset;
}

}  // namespace sae::runtime
