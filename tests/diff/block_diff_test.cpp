// Differential test of whole blocks: random sequences of translated instructions — 5 straight-
// line instructions, and 100 instructions with forward branches inside the sequence — run by
// libsae and by Unicorn from the same state; registers, flags, TPIDR_EL0, the final PC and all of
// guest memory must agree. Sequences exercise what single instructions cannot: register
// allocation across instructions, the IR passes, flags flowing between instructions.
// SAE_DIFF_SEED and SAE_DIFF_BLOCKS (5-instruction sequences; a twentieth as many 100-instruction
// ones) choose other runs by hand.
#include <gtest/gtest.h>

#include "diff/harness.h"
#include "frontend/arm64/translate/visitor.h"
#include "support/llvm_disassembler.h"

namespace sae::test::diff {
namespace {

using frontend::arm64::A64Encodings;
using frontend::arm64::Encoding;
using frontend::arm64::EncodingGroup;
using frontend::arm64::EncodingInfo;
using frontend::arm64::GroupOf;

bool IsDirectBranch(Encoding e) {
  return e == Encoding::B_cond || e == Encoding::B_uncond || e == Encoding::BL ||
         e == Encoding::CBZ || e == Encoding::CBNZ || e == Encoding::TBZ || e == Encoding::TBNZ;
}

// Encodings that fit in a sequence: translated, comparable with Unicorn's default model, and
// not ending the block unpredictably (exceptions, indirect branches, system instructions whose
// EL0/EL1 behaviour differs, exclusives whose monitor Unicorn keeps across runs).
std::vector<const EncodingInfo*> SequenceEncodings(bool with_branches) {
  std::vector<const EncodingInfo*> result;
  for (const EncodingInfo& info : A64Encodings()) {
    if (!frontend::arm64::Handles<frontend::arm64::TranslatorVisitor>(info.encoding)) continue;
    if (UsesSimdFpRegisters(info)) continue;
    if (NeedsMaxModel(info.encoding)) continue;
    if (GroupOf(info.expected) == EncodingGroup::BranchExceptionSystem) {
      if (!(with_branches && IsDirectBranch(info.encoding))) continue;
    }
    if (IsStoreExclusive(info.expected) || info.name.find("LDX") != std::string_view::npos ||
        info.name.find("LDAX") != std::string_view::npos) {
      continue;
    }
    result.push_back(&info);
  }
  return result;
}

// Sets the offset field ('i') of a direct branch to `instructions` forward.
std::uint32_t WithForwardOffset(const EncodingInfo& info, std::uint32_t word, unsigned instructions) {
  for (std::size_t f = 0; f < info.field_count; ++f) {
    const auto& field = info.fields[f];
    if (field.name != 'i') continue;
    const std::uint32_t bits = ((1u << field.width) - 1) << field.shift;
    return (word & ~bits) | ((instructions << field.shift) & bits);
  }
  return word;
}

struct Result {
  unsigned passed = 0, failed = 0;
};

Result RunSequences(unsigned count, unsigned length, bool with_branches, std::uint64_t seed) {
  const auto encodings = SequenceEncodings(with_branches);
  Unicorn& unicorn = DefaultUnicorn();
  Libsae libsae;
  EXPECT_TRUE(unicorn.ok() && libsae.ok());
  const LlvmDisassembler llvm("aarch64-linux-gnu", "", "+v8a,+lse,+crc,+flagm");
  std::mt19937_64 random(seed);
  const std::vector<std::uint8_t> pristine = PristineMemory(random);
  const std::uint64_t end = kCode + 4 * length;
  Result result;
  for (unsigned n = 0; n < count; ++n) {
    std::vector<std::uint32_t> words;
    for (unsigned i = 0; i < length; ++i) {
      const EncodingInfo& info = *encodings[random() % encodings.size()];
      std::uint32_t word = RandomWord(info, random);
      if (IsDirectBranch(info.encoding)) {
        word = WithForwardOffset(info, word, 1 + static_cast<unsigned>(random() % (length - i)));
      }
      if (ReadsImplementationDefinedRegister(word) || UnicornGetsWrong(word, std::nullopt, true)) {
        --i;
        continue;
      }
      words.push_back(word);
    }
    State initial{};
    for (auto& x : initial.x) x = InterestingValue(random);
    initial.sp = InterestingValue(random);
    initial.nzcv = static_cast<std::uint32_t>(random() % 16) << 28;
    initial.tpidr_el0 = InterestingValue(random);
    std::vector<std::uint8_t> their_memory = pristine;
    for (unsigned i = 0; i < length; ++i) StoreWord(their_memory, kCode + 4 * i, words[i]);
    std::vector<std::uint8_t> our_memory = their_memory;
    State theirs = initial, ours = initial;
    // Unicorn stops at the end, or at an access outside memory, with the state as it was before
    // the faulting instruction: libsae must stop there the same way (a host-access intercept).
    const uc_err error = unicorn.Run(their_memory, theirs, false, end);
    const bool fault = IsMemoryFault(error);
    if (!fault && (error != UC_ERR_OK || theirs.pc != end)) continue;
    // A store into the sequence itself is self-modifying code; not what this test is about.
    if (!std::equal(their_memory.begin() + kCode, their_memory.begin() + end + 4,
                    our_memory.begin() + kCode)) {
      continue;
    }
    const int intercept = libsae.Run(our_memory, ours);
    // After a fault Unicorn reports the PC where emulation started, not the faulting
    // instruction: there the PC can only be checked to lie inside the sequence, with a data
    // abort syndrome; registers and memory must still match exactly (precise exceptions).
    const bool same_stop =
        fault ? intercept == SAE_INTERCEPT_HOST_ACCESS && ((libsae.last_esr() >> 26) & 0x3f) == 0x24 &&
                    ours.pc >= kCode && ours.pc < end
              : intercept == SAE_INTERCEPT_SYNC_EXCEPTION;
    if (fault) theirs.pc = ours.pc;
    // A store that runs off the end of memory leaves the bytes it would have written inside
    // UNKNOWN (Arm ARM: a store that takes a Data Abort); Unicorn writes the part that fits,
    // libsae writes nothing. Those last bytes are not compared after a write fault.
    if (error == UC_ERR_WRITE_UNMAPPED) {
      std::copy(their_memory.end() - 16, their_memory.end(), our_memory.end() - 16);
    }
    if (same_stop && SameState(ours, theirs) && our_memory == their_memory) {
      ++result.passed;
      continue;
    }
    if (++result.failed <= 5) {
      std::string listing;
      for (const std::uint32_t word : words) {
        const std::uint8_t bytes[4] = {static_cast<std::uint8_t>(word), static_cast<std::uint8_t>(word >> 8),
                                       static_cast<std::uint8_t>(word >> 16),
                                       static_cast<std::uint8_t>(word >> 24)};
        const auto text = llvm.Disassemble(bytes);
        char line[96];
        std::snprintf(line, sizeof line, "\n   %08x %s", word, text ? text->text.c_str() : "?");
        listing += line;
      }
      ADD_FAILURE() << "sequence (" << (fault ? "Unicorn faulted" : "ran to the end")
                    << ", libsae intercept " << intercept << "):" << listing << "\n initial: " << Describe(initial)
                    << "\n unicorn: " << Describe(theirs) << "\n libsae:  " << Describe(ours)
                    << MemoryDifference(our_memory, their_memory);
    }
  }
  return result;
}

TEST(BlockDiff, FiveInstructionSequencesAgreeWithUnicorn) {
  const unsigned count = EnvOr("SAE_DIFF_BLOCKS", 20000);
  const Result result = RunSequences(count, 5, false, EnvOr("SAE_DIFF_SEED", 1));
  std::printf("5-instruction blocks: %u passed, %u failed\n", result.passed, result.failed);
  EXPECT_GT(result.passed, count / 2) << "too many sequences Unicorn could not run";
}

TEST(BlockDiff, HundredInstructionSequencesWithBranchesAgreeWithUnicorn) {
  const unsigned count = EnvOr("SAE_DIFF_BLOCKS", 20000) / 20;
  const Result result = RunSequences(count, 100, true, EnvOr("SAE_DIFF_SEED", 1) + 1);
  std::printf("100-instruction blocks: %u passed, %u failed\n", result.passed, result.failed);
  EXPECT_GT(result.passed, count / 4) << "too many sequences Unicorn could not run";
}

}  // namespace
}  // namespace sae::test::diff
