// Our A64 decoder against LLVM MC's AArch64 disassembler on random 32-bit words: both must agree
// on allocated vs unallocated and, for allocated words, on which instruction it is (llvm_opcodes.inc
// maps our encodings to LLVM's opcodes). Agreement is reported per encoding group. The words are
// split into shards (one ctest test each, so both cores work); SAE_A64_SEED and SAE_A64_WORDS
// (words per shard) choose others by hand.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "frontend/arm64/decoder/decoder.h"
#include "support/llvm_disassembler.h"

namespace sae::frontend::arm64 {
namespace {

// The architecture features we decode: Armv8.0-A plus the extensions of docs/a64-decoder.md.
constexpr const char* kLlvmFeatures =
    "+v8a,+fp-armv8,+neon,+crc,+lse,+rdm,+aes,+sha2,+sha3,+sm4,+fullfp16,+dotprod,+jsconv,"
    "+complxnum,+fptoint,+rcpc,+rcpc-immo,+flagm,+altnzcv,+bti,+pauth";

// Groups whose table is complete: there, a word LLVM decodes and we do not is a failure.
// Until a group is listed, such words are only counted.
const std::set<EncodingGroup> kCompleteGroups = {};

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

struct GroupCounts {
  unsigned words = 0, agree_unallocated = 0, agree_instruction = 0;
  unsigned only_llvm = 0, only_ours = 0, different = 0;
};

class A64Oracle : public testing::TestWithParam<unsigned> {};

TEST_P(A64Oracle, AgreesWithLlvm) {
  const test::LlvmDisassembler llvm("aarch64-linux-gnu", "", kLlvmFeatures);
  const unsigned words = EnvOr("SAE_A64_WORDS", 250000);
  std::mt19937 random(EnvOr("SAE_A64_SEED", 20261122) + GetParam() * 7919);
  std::map<EncodingGroup, GroupCounts> counts;
  std::map<std::string, unsigned> missing;  // LLVM opcode -> words we do not decode
  unsigned failures = 0;
  for (unsigned n = 0; n < words; ++n) {
    const auto word = static_cast<std::uint32_t>(random());
    const std::uint8_t bytes[4] = {static_cast<std::uint8_t>(word), static_cast<std::uint8_t>(word >> 8),
                                   static_cast<std::uint8_t>(word >> 16),
                                   static_cast<std::uint8_t>(word >> 24)};
    const auto theirs = llvm.Disassemble(bytes);
    const auto ours = DecodeEncoding(word);
    const EncodingGroup group = GroupOf(word);
    GroupCounts& c = counts[group];
    ++c.words;
    char hex[16];
    std::snprintf(hex, sizeof hex, "%08x", word);
    if (!theirs && !ours) {
      ++c.agree_unallocated;
    } else if (theirs && !ours) {
      ++c.only_llvm;
      ++missing[theirs->opcode];
      if (kCompleteGroups.count(group) != 0 && failures++ < 20) {
        ADD_FAILURE() << hex << ": LLVM decodes " << theirs->text << " (" << theirs->opcode
                      << "), we do not";
      }
    } else if (!theirs && ours) {
      ++c.only_ours;
      if (failures++ < 20) {
        ADD_FAILURE() << hex << ": we decode " << A64Encodings()[std::size_t(*ours)].name
                      << ", LLVM does not";
      }
    } else {
      const std::string name(A64Encodings()[std::size_t(*ours)].name);
      const auto mapped = OpcodeMap().find(name);
      if (mapped != OpcodeMap().end() && mapped->second.count(theirs->opcode) != 0) {
        ++c.agree_instruction;
      } else {
        ++c.different;
        if (failures++ < 20) {
          ADD_FAILURE() << hex << ": we decode " << name << ", LLVM " << theirs->text << " ("
                        << theirs->opcode << ")";
        }
      }
    }
  }
  std::printf("%-32s %9s %9s %9s %9s %9s %9s\n", "group", "words", "unalloc", "same", "LLVM only",
              "ours only", "differ");
  for (const auto& [group, c] : counts) {
    std::printf("%-32s %9u %9u %9u %9u %9u %9u\n", std::string(GroupName(group)).c_str(), c.words,
                c.agree_unallocated, c.agree_instruction, c.only_llvm, c.only_ours, c.different);
  }
  unsigned shown = 0;
  for (const auto& [opcode, n] : missing) {
    if (shown++ < 40) std::printf("  not decoded by us: %-20s %u words\n", opcode.c_str(), n);
  }
  if (missing.size() > 40) std::printf("  ... and %zu more LLVM opcodes\n", missing.size() - 40);
}

INSTANTIATE_TEST_SUITE_P(Shards, A64Oracle, testing::Range(0u, 8u));

}  // namespace
}  // namespace sae::frontend::arm64
