// Our A64 decoder against LLVM MC's AArch64 disassembler: both must agree on allocated vs
// unallocated and, for allocated words, on which instruction it is (llvm_opcodes.inc maps our
// encodings to LLVM's opcodes). Agreement is reported per encoding group. Three sources of words:
// uniformly random words, split into 8 shards of 250,000 (2,000,000 in all; one ctest test each,
// so both cores work; SAE_A64_SEED and SAE_A64_WORDS, words per shard, choose others by hand);
// random instances of every encoding; and of its neighbours (one fixed bit flipped). See
// docs/a64-decoder.md. SAE_A64_VERBOSE=1 lists every disagreement, every LLVM opcode we do not
// decode (with an example word), and every (our encoding, LLVM opcode) pair seen, for maintaining
// llvm_opcodes.inc.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "frontend/arm64/decoder/decoder.h"
#include "support/llvm_disassembler.h"

namespace sae::frontend::arm64 {
namespace {

// The architecture features we decode: Armv8.0-A plus the extensions of docs/a64-decoder.md.
constexpr const char* kLlvmFeatures =
    "+v8a,+fp-armv8,+neon,+crc,+lse,+rdm,+aes,+sha2,+sha3,+sm4,+fullfp16,+dotprod,+jsconv,"
    "+complxnum,+fptoint,+rcpc,+rcpc-immo,+flagm,+altnzcv,+bti,+pauth,+sb";

// Groups whose table is complete: there, a word LLVM decodes and we do not is a failure.
// Until a group is listed, such words are only counted.
const std::set<EncodingGroup> kCompleteGroups = {
    EncodingGroup::Reserved,
    EncodingGroup::DataProcessingImmediate,
    EncodingGroup::BranchExceptionSystem,
    EncodingGroup::LoadStore,
    EncodingGroup::DataProcessingRegister,
    EncodingGroup::DataProcessingFpSimd,
};

const std::map<std::string, std::set<std::string>>& OpcodeMap() {
  static const auto* map = [] {
    auto* m = new std::map<std::string, std::set<std::string>>;
#define LLVM_OPCODES(name, opcodes)                              \
  {                                                              \
    std::stringstream list(opcodes);                             \
    for (std::string op; std::getline(list, op, '|');) (*m)[#name].insert(op); \
  }
#include "frontend/arm64/llvm_opcodes.inc"
#undef LLVM_OPCODES
    return m;
  }();
  return *map;
}

unsigned EnvOr(const char* name, unsigned fallback) {
  const char* value = std::getenv(name);
  return value != nullptr ? static_cast<unsigned>(std::strtoul(value, nullptr, 0)) : fallback;
}

// Deliberate differences (docs/a64-decoder.md explains each, with an example word): the words
// for which `applies` holds, where LLVM decodes `llvm_opcode` ("" = nothing) and we decode
// `ours` ("" = nothing), are counted as "known" and not checked. Keep this list short.
struct KnownDifference {
  const char* ours;
  const char* llvm_opcode;
  bool (*applies)(std::uint32_t word);
};
constexpr bool RtIsRn(std::uint32_t word) {
  return (word & 0x1f) == ((word >> 5) & 0x1f) && ((word >> 5) & 0x1f) != 31;
}
const KnownDifference kKnownDifferences[] = {
    // 1. LLVM decodes every otherwise unallocated word of the op0 = 00 system space as MSR/MRS of
    //    a system register "S0_<op1>_C<n>_C<m>_<op2>" (and SMSTART/SMSTOP without SME); the Arm
    //    ARM's MSR (register) and MRS need op0<1> = 1, and of MSR (immediate) we allocate the
    //    Armv8.0-A PSTATE fields only.
    {"", "MSR", [](std::uint32_t w) { return (w & 0xfff80000) == 0xd5000000; }},
    {"", "MSRpstatesvcrImm1", [](std::uint32_t w) { return (w & 0xfff80000) == 0xd5000000; }},
    {"", "MSRpstateImm1", [](std::uint32_t w) { return (w & 0xfff80000) == 0xd5000000; }},
    {"", "MRS", [](std::uint32_t w) { return (w & 0xfff80000) == 0xd5200000; }},
    // 2. LLVM rejects LDTR, LDTRB, LDTRH, LDTRSB (32-bit), LDTRSH (32-bit) with Rt = Rn as if
    //    they wrote back (they do not: the Arm ARM allows Rt = Rn there).
    {"LDTR", "", [](std::uint32_t w) { return RtIsRn(w); }},
    {"LDTRB", "", [](std::uint32_t w) { return RtIsRn(w); }},
    {"LDTRH", "", [](std::uint32_t w) { return RtIsRn(w); }},
    {"LDTRSB_32", "", [](std::uint32_t w) { return RtIsRn(w); }},
    {"LDTRSH_32", "", [](std::uint32_t w) { return RtIsRn(w); }},
    // 3. A load with writeback to its transfer register is CONSTRAINED UNPREDICTABLE; we choose
    //    UNDEFINED for all of them, LLVM only for those with opc<0> = 1, not for LDRSB/LDRSH
    //    (64-bit) and LDRSW.
    {"", "LDRSBXpost", [](std::uint32_t w) { return RtIsRn(w); }},
    {"", "LDRSBXpre", [](std::uint32_t w) { return RtIsRn(w); }},
    {"", "LDRSHXpost", [](std::uint32_t w) { return RtIsRn(w); }},
    {"", "LDRSHXpre", [](std::uint32_t w) { return RtIsRn(w); }},
    {"", "LDRSWpost", [](std::uint32_t w) { return RtIsRn(w); }},
    {"", "LDRSWpre", [](std::uint32_t w) { return RtIsRn(w); }},
};

bool IsKnownDifference(std::uint32_t word, std::string_view ours, std::string_view llvm_opcode) {
  for (const KnownDifference& d : kKnownDifferences) {
    if (ours == d.ours && llvm_opcode == d.llvm_opcode && d.applies(word)) return true;
  }
  return false;
}

struct GroupCounts {
  unsigned words = 0, agree_unallocated = 0, agree_instruction = 0;
  unsigned only_llvm = 0, only_ours = 0, different = 0, known = 0;
};

// Compares words one by one and keeps the per-group counts; reports failures as gtest failures.
class Checker {
 public:
  Checker() : llvm_("aarch64-linux-gnu", "", kLlvmFeatures) {}

  void Check(std::uint32_t word) {
    const std::uint8_t bytes[4] = {static_cast<std::uint8_t>(word),
                                   static_cast<std::uint8_t>(word >> 8),
                                   static_cast<std::uint8_t>(word >> 16),
                                   static_cast<std::uint8_t>(word >> 24)};
    const auto theirs = llvm_.Disassemble(bytes);
    const auto ours = DecodeEncoding(word);
    const EncodingGroup group = GroupOf(word);
    GroupCounts& c = counts_[group];
    ++c.words;
    char hex[16];
    std::snprintf(hex, sizeof hex, "%08x", word);
    if (theirs.has_value() != ours.has_value() &&
        IsKnownDifference(word, ours ? A64Encodings()[std::size_t(*ours)].name : "",
                          theirs ? theirs->opcode : "")) {
      ++c.known;
      return;
    }
    if (!theirs && !ours) {
      ++c.agree_unallocated;
    } else if (theirs && !ours) {
      ++c.only_llvm;
      ++missing_[theirs->opcode];
      missing_example_.emplace(theirs->opcode, word);
      if (kCompleteGroups.count(group) != 0 && failures_++ < max_failures_) {
        ADD_FAILURE() << hex << ": LLVM decodes " << theirs->text << " (" << theirs->opcode
                      << "), we do not";
      }
    } else if (!theirs && ours) {
      ++c.only_ours;
      if (failures_++ < max_failures_) {
        ADD_FAILURE() << hex << ": we decode " << A64Encodings()[std::size_t(*ours)].name
                      << ", LLVM does not";
      }
    } else {
      const std::string name(A64Encodings()[std::size_t(*ours)].name);
      ++pairs_[name][theirs->opcode];
      const auto mapped = OpcodeMap().find(name);
      if (mapped != OpcodeMap().end() && mapped->second.count(theirs->opcode) != 0) {
        ++c.agree_instruction;
      } else {
        ++c.different;
        if (failures_++ < max_failures_) {
          ADD_FAILURE() << hex << ": we decode " << name << ", LLVM " << theirs->text << " ("
                        << theirs->opcode << ")";
        }
      }
    }
  }

  void Report() const {
    std::printf("%-30s %8s %8s %8s %9s %9s %8s %8s\n", "group", "words", "unalloc", "same",
                "LLVM only", "ours only", "differ", "known");
    GroupCounts total;
    for (const auto& [group, c] : counts_) {
      std::printf("%-30s %8u %8u %8u %9u %9u %8u %8u\n", std::string(GroupName(group)).c_str(),
                  c.words, c.agree_unallocated, c.agree_instruction, c.only_llvm, c.only_ours,
                  c.different, c.known);
      total.words += c.words;
      total.agree_unallocated += c.agree_unallocated;
      total.agree_instruction += c.agree_instruction;
      total.only_llvm += c.only_llvm;
      total.only_ours += c.only_ours;
      total.different += c.different;
      total.known += c.known;
    }
    std::printf("%-30s %8u %8u %8u %9u %9u %8u %8u\n", "total", total.words,
                total.agree_unallocated, total.agree_instruction, total.only_llvm,
                total.only_ours, total.different, total.known);
    const std::size_t max_shown = verbose_ ? ~std::size_t{0} : 40;
    std::size_t shown = 0;
    for (const auto& [opcode, n] : missing_) {
      if (shown++ < max_shown) {
        std::printf("  not decoded by us: %-20s %u words, e.g. %08x\n", opcode.c_str(), n,
                    missing_example_.at(opcode));
      }
    }
    if (missing_.size() > max_shown) {
      std::printf("  ... and %zu more LLVM opcodes\n", missing_.size() - max_shown);
    }
    if (verbose_) {
      for (const auto& [name, opcodes] : pairs_) {
        for (const auto& [opcode, n] : opcodes) {
          std::printf("  pair: %s %s %u\n", name.c_str(), opcode.c_str(), n);
        }
      }
    }
  }

 private:
  const test::LlvmDisassembler llvm_;
  const bool verbose_ = EnvOr("SAE_A64_VERBOSE", 0) != 0;
  const unsigned max_failures_ = verbose_ ? ~0u : 20;
  unsigned failures_ = 0;
  std::map<EncodingGroup, GroupCounts> counts_;
  std::map<std::string, unsigned> missing_;  // LLVM opcode -> words we do not decode
  std::map<std::string, std::uint32_t> missing_example_;
  std::map<std::string, std::map<std::string, unsigned>> pairs_;  // ours -> LLVM opcode -> words
};

class A64Oracle : public testing::TestWithParam<unsigned> {};

// Uniformly random words: finds what LLVM decodes and we do not.
TEST_P(A64Oracle, AgreesWithLlvm) {
  Checker checker;
  const unsigned words = EnvOr("SAE_A64_WORDS", 250000);
  std::mt19937 random(EnvOr("SAE_A64_SEED", 20261122) + GetParam() * 7919);
  for (unsigned n = 0; n < words; ++n) checker.Check(static_cast<std::uint32_t>(random()));
  checker.Report();
}

// Random instances of every encoding of a64.inc (fixed bits as the pattern says, fields random):
// random words rarely hit an encoding with few free bits, such as the hints or the
// two-register-miscellaneous instructions. Each instance must agree with LLVM as well.
TEST(A64OracleEncodings, EveryEncodingAgreesWithLlvm) {
  Checker checker;
  const unsigned per_encoding = EnvOr("SAE_A64_PER_ENCODING", 64);
  std::mt19937 random(EnvOr("SAE_A64_SEED", 20261122));
  for (const EncodingInfo& info : A64Encodings()) {
    EXPECT_EQ(OpcodeMap().count(std::string(info.name)), 1u)
        << info.name << " has no line in llvm_opcodes.inc";
    for (unsigned n = 0; n < per_encoding; ++n) {
      checker.Check((static_cast<std::uint32_t>(random()) & ~info.mask) | info.expected);
    }
  }
  checker.Report();
}

// Random instances of the neighbours of every encoding (one fixed bit flipped): the words next to
// an encoding are where a missing encoding with few free bits hides, which random words rarely
// hit (a hint, a two-register-miscellaneous instruction, an FP16 form).
TEST(A64OracleEncodings, NeighboursAgreeWithLlvm) {
  Checker checker;
  const unsigned per_bit = EnvOr("SAE_A64_PER_NEIGHBOUR", 4);
  // SAE_A64_NEIGHBOUR_BITS=2 also flips every pair of fixed bits (a slower, deeper search).
  const bool pairs = EnvOr("SAE_A64_NEIGHBOUR_BITS", 1) >= 2;
  std::mt19937 random(EnvOr("SAE_A64_SEED", 20261122) + 1);
  for (const EncodingInfo& info : A64Encodings()) {
    for (unsigned bit = 0; bit < 32; ++bit) {
      if ((info.mask >> bit & 1) == 0) continue;
      for (unsigned other = pairs ? bit : 32; other <= 32; ++other) {
        if (other < 32 && (other == bit || (info.mask >> other & 1) == 0)) continue;
        const std::uint32_t flip = (1u << bit) | (other < 32 ? 1u << other : 0u);
        for (unsigned n = 0; n < per_bit; ++n) {
          checker.Check(((static_cast<std::uint32_t>(random()) & ~info.mask) | info.expected) ^
                        flip);
        }
      }
    }
  }
  checker.Report();
}

// SAE_A64_PROBE="d503201f,..." prints what LLVM and we make of the given words (a debugging aid).
TEST(A64OracleProbe, PrintsGivenWords) {
  const char* words = std::getenv("SAE_A64_PROBE");
  if (words == nullptr) GTEST_SKIP() << "set SAE_A64_PROBE to a comma-separated list of words";
  const test::LlvmDisassembler llvm("aarch64-linux-gnu", "", kLlvmFeatures);
  std::stringstream list(words);
  for (std::string item; std::getline(list, item, ',');) {
    const auto word = static_cast<std::uint32_t>(std::strtoul(item.c_str(), nullptr, 16));
    const std::uint8_t bytes[4] = {static_cast<std::uint8_t>(word),
                                   static_cast<std::uint8_t>(word >> 8),
                                   static_cast<std::uint8_t>(word >> 16),
                                   static_cast<std::uint8_t>(word >> 24)};
    const auto theirs = llvm.Disassemble(bytes);
    const auto ours = DecodeEncoding(word);
    std::printf("%08x LLVM %-40s ours %s\n", word,
                theirs ? (theirs->opcode + " " + theirs->text).c_str() : "-",
                ours ? std::string(A64Encodings()[std::size_t(*ours)].name).c_str() : "-");
  }
}

INSTANTIATE_TEST_SUITE_P(Shards, A64Oracle, testing::Range(0u, 8u));

}  // namespace
}  // namespace sae::frontend::arm64
