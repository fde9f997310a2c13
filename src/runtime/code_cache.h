// Translated blocks of one vCPU: executable memory with the entry and exit thunks at its start,
// a map from guest PC to code, and the indirect branch table generated code looks targets up in.
// A full cache is flushed and refilled, never fatal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "backend/s390x/asm/code_buffer.h"
#include "backend/s390x/codegen/state_layout.h"
#include "common/code_memory.h"
#include "frontend/arm64/translate/translator.h"
#include "ir/block.h"
#include "runtime/block_dump.h"

namespace sae::runtime {

class CodeCache {
 public:
  // Told the guest range [begin, end) of every block translated (to flag its pages).
  using TranslationObserver = std::function<void(std::uint64_t begin, std::uint64_t end)>;

  CodeCache(std::size_t size, const backend::s390x::StateLayout& layout,
            const backend::s390x::CodegenOptions& options, TranslationObserver observer,
            DumpOptions dump = {});
  bool valid() const { return memory_.valid(); }

  // The code of the block at `pc`, translating it first if needed; also entered in the
  // indirect branch table.
  const std::byte* Get(std::uint64_t pc, const frontend::arm64::CodeReader& read);
  // The code of the one instruction at `pc` without any page-flag checks, for the run loop to
  // complete an access it has decided may happen. It continues into the blocks after it.
  const std::byte* GetStep(std::uint64_t pc, const frontend::arm64::CodeReader& read);
  // Runs generated code at `code` against `state` until it leaves through the exit thunk.
  void Enter(void* state, const std::byte* code) const;

  // Forgets every block translated from guest addresses in [begin, end), and unlinks the
  // branches into them: the next execution there translates the current bytes.
  void Invalidate(std::uint64_t begin, std::uint64_t end);

  // The indirect branch table (StateLayout::jump_cache).
  const void* jump_cache() const { return jump_cache_.get(); }

  std::size_t translated() const { return translated_; }
  std::uint64_t guest_instructions_translated() const { return guest_instructions_; }
  std::uint64_t translation_nanoseconds() const { return translation_ns_; }
  std::size_t flushes() const { return flushes_; }

 private:
  struct Compiled {
    std::size_t offset;       // of the code in the buffer
    std::uint64_t guest_end;  // the guest address after the block's last instruction
    std::vector<std::size_t> incoming;  // linked branches into this block
  };
  struct JumpEntry {
    std::uint64_t pc;
    const std::byte* code;
  };
  static_assert(sizeof(JumpEntry) == 16, "generated code indexes the table by pc * 16");
  using BlockMap = std::unordered_map<std::uint64_t, Compiled>;

  std::optional<Compiled> Compile(std::uint64_t pc, const frontend::arm64::CodeReader& read,
                                  unsigned max_instructions,
                                  const backend::s390x::CodegenOptions& options, bool step);
  const std::byte* Lookup(BlockMap& blocks, std::uint64_t pc,
                          const frontend::arm64::CodeReader& read, unsigned max_instructions,
                          const backend::s390x::CodegenOptions& options);
  void Flush();
  void ClearJumpCache();
  // Emits one block after the last; false if the backend cannot, or it does not fit. Its link
  // sites (absolute offsets) are queued in new_links_.
  bool Emit(const ir::Block& block, const backend::s390x::CodegenOptions& options);
  // Retargets the patchable branch at `site` to the code at `target`.
  void Patch(std::size_t site, std::size_t target);
  void Link(std::size_t site, Compiled& target);

  // Room one block may take; a block needing more is cut short by the translator's limit long
  // before (64 instructions of at most a few hundred bytes each).
  static constexpr std::size_t kMaxBlockBytes = 64 * 1024;

  CodeMemory memory_;
  backend::s390x::CodeBuffer buffer_;
  backend::s390x::StateLayout layout_;
  backend::s390x::CodegenOptions options_;
  TranslationObserver observer_;
  DumpOptions dump_;
  std::size_t exit_offset_ = 0;
  std::size_t thunks_end_ = 0;
  std::unique_ptr<JumpEntry[]> jump_cache_;
  BlockMap blocks_;
  BlockMap steps_;  // GetStep's single instructions
  // Branches waiting for the block of a guest PC to exist, and those of the last block emitted.
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> pending_links_;
  std::vector<std::pair<std::size_t, std::uint64_t>> new_links_;
  std::size_t translated_ = 0;
  std::uint64_t guest_instructions_ = 0;
  std::uint64_t translation_ns_ = 0;
  std::size_t flushes_ = 0;
  std::size_t last_block_size_ = 0;
  bool block_overflowed_ = false;
};

}  // namespace sae::runtime
