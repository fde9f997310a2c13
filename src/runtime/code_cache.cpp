#include "runtime/code_cache.h"

#include <algorithm>
#include <chrono>

#include "backend/s390x/asm/assembler.h"
#include "backend/s390x/codegen/codegen.h"
#include "ir/passes/passes.h"
#include "ir/printer.h"

namespace sae::runtime {

namespace s390x = backend::s390x;

CodeCache::CodeCache(std::size_t size, const s390x::StateLayout& layout,
                     const s390x::CodegenOptions& options, TranslationObserver observer,
                     DumpOptions dump)
    : memory_(size),
      buffer_(memory_.bytes()),
      layout_(layout),
      options_(options),
      observer_(std::move(observer)),
      dump_(dump),
      jump_cache_(std::make_unique<JumpEntry[]>(s390x::kJumpCacheEntries)) {
  if (!memory_.valid()) return;
  s390x::Assembler as(buffer_);
  s390x::EmitEntryThunk(as, layout_);
  exit_offset_ = as.size();
  s390x::EmitExitThunk(as);
  thunks_end_ = as.size();
  memory_.MakeExecutable(0, thunks_end_);
  ClearJumpCache();
}

void CodeCache::Enter(void* state, const std::byte* code) const {
  using Entry = void (*)(void*, const std::byte*);
  reinterpret_cast<Entry>(memory_.bytes().data())(state, code);
}

void CodeCache::ClearJumpCache() {
  // Whatever PC matches an empty entry just leaves for the run loop.
  const std::byte* exit = memory_.bytes().data() + exit_offset_;
  std::fill_n(jump_cache_.get(), s390x::kJumpCacheEntries, JumpEntry{0, exit});
}

void CodeCache::Flush() {
  blocks_.clear();
  steps_.clear();
  pending_links_.clear();
  new_links_.clear();
  buffer_.Rewind(thunks_end_);
  ClearJumpCache();
  ++flushes_;
}

void CodeCache::Patch(std::size_t site, std::size_t target) {
  memory_.MakeWritable(site, 6);
  s390x::Assembler::PatchBranch(memory_.bytes().data() + site, memory_.bytes().data() + target);
  memory_.MakeExecutable(site, 6);
}

void CodeCache::Link(std::size_t site, Compiled& target) {
  Patch(site, target.offset);
  target.incoming.push_back(site);
}

std::optional<CodeCache::Compiled> CodeCache::Compile(std::uint64_t pc,
                                                     const frontend::arm64::CodeReader& read,
                                                     unsigned max_instructions,
                                                     const s390x::CodegenOptions& options,
                                                     bool step) {
  ir::Block block(pc);
  frontend::arm64::TranslateBlock(block, read, {.max_instructions = max_instructions});
  const std::string ir_before = dump_.ir ? ir::Print(block) : std::string();
  ir::Optimize(block);
  const ir::Block* emitted = &block;
  ir::Block exception(pc);
  if (!Emit(block, options)) {
    if (block_overflowed_) return std::nullopt;
    // An operation the backend cannot emit: try a shorter block, down to the one instruction
    // that needs it, which then raises NotTranslated like an untranslated encoding.
    if (block.guest_instructions() > 1) {
      return Compile(pc, read, block.guest_instructions() - 1, options, step);
    }
    exception.set_terminal(
        ir::term::Exception{ir::term::ExceptionKind::NotTranslated, pc, read(pc).value_or(0)});
    exception.set_guest_instructions(1);
    if (!Emit(exception, options)) return std::nullopt;
    emitted = &exception;
  }
  const std::size_t start = buffer_.size() - last_block_size_;
  if (dump_.any()) {
    DumpBlock(dump_, pc, std::max(1u, block.guest_instructions()), read, ir_before,
              dump_.ir ? ir::Print(*emitted) : std::string(),
              memory_.bytes().subspan(start, last_block_size_), step);
  }
  return Compiled{start, pc + 4 * std::max(1u, block.guest_instructions()), {}};
}

bool CodeCache::Emit(const ir::Block& block, const s390x::CodegenOptions& options) {
  // Only the pages this block may use become writable (never writable and executable at once),
  // and its own buffer ends there, so a larger block overflows instead of writing further.
  // Blocks start 8-byte aligned, so their patchable branches are aligned in memory too.
  buffer_.Skip((8 - buffer_.size() % 8) % 8);
  const std::size_t start = buffer_.size();
  const std::size_t window = std::min(kMaxBlockBytes, buffer_.capacity() - start);
  if (window == 0) {
    block_overflowed_ = true;
    return false;
  }
  memory_.MakeWritable(start, window);
  s390x::CodeBuffer block_buffer(memory_.bytes().subspan(start, window));
  s390x::Assembler as(block_buffer);
  const auto exit = static_cast<std::int64_t>(exit_offset_) - static_cast<std::int64_t>(start);
  const s390x::CodegenResult result = s390x::EmitBlock(block, as, layout_, exit, options);
  memory_.MakeExecutable(start, window);
  block_overflowed_ = block_buffer.overflowed();
  if (!result.ok || block_overflowed_) return false;
  last_block_size_ = block_buffer.size();
  new_links_.clear();
  for (const s390x::LinkSite& link : result.links) new_links_.emplace_back(start + link.branch, link.target);
  // The shared buffer only tracks where the next block goes.
  buffer_.Rewind(start);
  buffer_.Skip(block_buffer.size());
  return true;
}

void CodeCache::Invalidate(std::uint64_t begin, std::uint64_t end) {
  bool dropped = false;
  for (BlockMap* blocks : {&blocks_, &steps_}) {
    for (auto it = blocks->begin(); it != blocks->end();) {
      if (it->first < end && begin < it->second.guest_end) {
        // Branches into the block go back to the exit thunk (they store the PC before it) and
        // wait for the block's next translation. Its code stays in place, unreachable.
        for (const std::size_t site : it->second.incoming) {
          Patch(site, exit_offset_);
          pending_links_[it->first].push_back(site);
        }
        it = blocks->erase(it);
        dropped = true;
      } else {
        ++it;
      }
    }
  }
  if (dropped) ClearJumpCache();
}

const std::byte* CodeCache::Lookup(BlockMap& blocks, std::uint64_t pc,
                                   const frontend::arm64::CodeReader& read,
                                   unsigned max_instructions,
                                   const s390x::CodegenOptions& options) {
  if (const auto found = blocks.find(pc); found != blocks.end()) {
    return memory_.bytes().data() + found->second.offset;
  }
  const bool step = &blocks == &steps_;
  const auto started = std::chrono::steady_clock::now();
  std::optional<Compiled> compiled = Compile(pc, read, max_instructions, options, step);
  if (!compiled) {
    Flush();
    compiled = Compile(pc, read, max_instructions, options, step);
    if (!compiled) return nullptr;  // one block larger than the whole cache
  }
  Compiled& block = blocks.emplace(pc, std::move(*compiled)).first->second;
  ++translated_;
  guest_instructions_ += (block.guest_end - pc) / 4;
  translation_ns_ += static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - started).count());
  observer_(pc, block.guest_end);
  // Link the new block's exits to blocks that exist, queue the others, and retarget the
  // branches that were waiting for this one (only whole blocks are link targets).
  for (const auto& [site, target] : new_links_) {
    if (const auto found = blocks_.find(target); found != blocks_.end()) {
      Link(site, found->second);
    } else {
      pending_links_[target].push_back(site);
    }
  }
  new_links_.clear();
  if (&blocks == &blocks_) {
    if (const auto waiting = pending_links_.find(pc); waiting != pending_links_.end()) {
      for (const std::size_t site : waiting->second) Link(site, block);
      pending_links_.erase(waiting);
    }
  }
  return memory_.bytes().data() + block.offset;
}

const std::byte* CodeCache::Get(std::uint64_t pc, const frontend::arm64::CodeReader& read) {
  const std::byte* code =
      Lookup(blocks_, pc, read, frontend::arm64::TranslationLimits{}.max_instructions, options_);
  if (code != nullptr) jump_cache_[s390x::JumpCacheIndex(pc)] = {pc, code};
  return code;
}

const std::byte* CodeCache::GetStep(std::uint64_t pc, const frontend::arm64::CodeReader& read) {
  return Lookup(steps_, pc, read, 1, {});
}

}  // namespace sae::runtime
