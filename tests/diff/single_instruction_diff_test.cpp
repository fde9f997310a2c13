// Differential test: random single instructions of every encoding the translator handles (except
// exception generation), from random register and flag states, run by libsae and by Unicorn 2
// in-process; X0-X30, SP, NZCV, TPIDR_EL0, the next PC and every byte of guest memory must agree.
// SAE_DIFF_SEED and SAE_DIFF_CASES choose other runs by hand.
#include <gtest/gtest.h>

#include "diff/harness.h"
#include "frontend/arm64/translate/visitor.h"
#include "support/llvm_disassembler.h"

namespace sae::test::diff {
namespace {

using frontend::arm64::A64Encodings;
using frontend::arm64::EncodingInfo;

// Five shards of SAE_DIFF_CASES (default 20,000) each, with seeds SAE_DIFF_SEED + shard: 100,000
// cases in CI, spread over both cores.
class SingleInstructionDiff : public testing::TestWithParam<unsigned> {};

TEST_P(SingleInstructionDiff, AgreesWithUnicorn) {
  // The encodings translated so far, without exception generation (Unicorn runs at EL1).
  std::vector<const EncodingInfo*> encodings;
  for (const EncodingInfo& info : A64Encodings()) {
    if (!frontend::arm64::Handles<frontend::arm64::TranslatorVisitor>(info.encoding)) continue;
    if (UsesSimdFpRegisters(info)) continue;
    if ((info.expected >> 24) == 0xd4) continue;  // SVC, HVC, SMC, BRK, HLT, DCPS
    encodings.push_back(&info);
  }
  ASSERT_FALSE(encodings.empty());
  Unicorn& unicorn = DefaultUnicorn();
  Unicorn& unicorn_max = MaxUnicorn();
  Libsae libsae;
  ASSERT_TRUE(unicorn.ok());
  ASSERT_TRUE(unicorn_max.ok());
  ASSERT_TRUE(libsae.ok());
  const LlvmDisassembler llvm("aarch64-linux-gnu", "", "+v8a,+lse");
  const unsigned cases = EnvOr("SAE_DIFF_CASES", 20000);
  std::mt19937_64 random(EnvOr("SAE_DIFF_SEED", 1) + GetParam());
  const std::vector<std::uint8_t> pristine = PristineMemory(random);
  unsigned passed = 0, failed = 0;
  for (unsigned n = 0; n < cases; ++n) {
    const EncodingInfo& info = *encodings[random() % encodings.size()];
    const std::uint32_t word = RandomWord(info, random);
    State initial{};
    for (auto& x : initial.x) x = InterestingValue(random);
    initial.sp = InterestingValue(random);
    initial.nzcv = static_cast<std::uint32_t>(random() % 16) << 28;
    initial.tpidr_el0 = InterestingValue(random);
    if (ReadsImplementationDefinedRegister(word)) continue;
    if (UnicornGetsWrong(word, fuzz::BaseRegisterValue(word, initial.x, initial.sp), false)) continue;
    State theirs = initial, ours = initial;
    std::vector<std::uint8_t> their_memory = pristine;
    StoreWord(their_memory, kCode, word);
    std::vector<std::uint8_t> our_memory = their_memory;
    Unicorn& oracle = NeedsMaxModel(info.encoding) ? unicorn_max : unicorn;
    if (oracle.Run(their_memory, theirs, IsStoreExclusive(word)) != UC_ERR_OK) continue;  // Unicorn raised an exception: not comparable
    // A branch to itself would (rightly) loop forever in libsae, and one into the data would run
    // data: the next PC is compared only where an SVC or the end of memory stops libsae.
    if (theirs.pc == kCode || theirs.pc < kData) continue;
    // A store over the instruction or the SVC after it is self-modifying code: libsae runs the
    // new words (the architecture allows either without IC IVAU), Unicorn's stepping does not
    // fetch them. tests/runtime/self_modifying_test.cpp is about that.
    if (!std::equal(their_memory.begin() + kCode, their_memory.begin() + kCode + 8,
                    our_memory.begin() + kCode)) {
      continue;
    }
    // Unicorn runs at EL1, libsae's user-process guests at EL0: system instructions that trap
    // or are UNDEFINED at EL0 (EL1 registers, DAIF, SYSL...) are not comparable.
    const bool trapped =
        libsae.Run(our_memory, ours) == SAE_INTERCEPT_SYNC_EXCEPTION && ours.pc == kCode - 4;
    if (trapped && (word >> 22) == 0x354) continue;
    const bool same = SameState(ours, theirs) && our_memory == their_memory;
    if (same) {
      ++passed;
      continue;
    }
    if (++failed <= 10) {
      const std::uint8_t bytes[4] = {static_cast<std::uint8_t>(word), static_cast<std::uint8_t>(word >> 8),
                                     static_cast<std::uint8_t>(word >> 16), static_cast<std::uint8_t>(word >> 24)};
      const auto text = llvm.Disassemble(bytes);
      const std::string memory_note = MemoryDifference(our_memory, their_memory);
      ADD_FAILURE() << std::hex << word << " " << (text ? text->text : "?") << " (" << info.name
                    << ")\n initial: " << Describe(initial) << "\n unicorn: " << Describe(theirs)
                    << "\n libsae:  " << Describe(ours) << memory_note;
    }
  }
  std::printf("%u passed, %u failed\n", passed, failed);
  EXPECT_GT(passed, cases / 2) << "too many cases Unicorn could not run";
}

INSTANTIATE_TEST_SUITE_P(Shards, SingleInstructionDiff, testing::Range(0u, 5u));

}  // namespace
}  // namespace sae::test::diff
