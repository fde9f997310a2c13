// Random cases for differential fuzzing, drawn from the decoder's own table (a64.inc): valid
// instruction words of the encodings libsae translates, by class, in blocks of a chosen length,
// from register values biased towards edge cases and addresses inside the window.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string_view>
#include <vector>

#include "frontend/arm64/decoder/decoder.h"
#include "trace.h"

namespace sae::fuzz {

enum class CaseClass {
  kInt,     // data processing (immediate and register)
  kMem,     // loads, stores, pairs, exclusives, atomics
  kBranch,  // branches, exception generation, system instructions; in longer blocks, direct
            // branches among data processing
  kAll,
};

std::optional<CaseClass> ParseCaseClass(std::string_view name);
std::string_view CaseClassName(CaseClass case_class);

// A random instance of `info` that decodes back to it; fields all-zeros or all-ones a quarter of
// the time each (edge cases like SUBS #0, XZR, SP).
std::uint32_t RandomWord(const frontend::arm64::EncodingInfo& info, std::mt19937_64& random);

class Generator {
 public:
  // Blocks of `block_length` instructions; for blocks longer than one, direct branches go
  // forward inside the block (or to the stop word right after it). Words for which `avoid`
  // holds are drawn again (known reference bugs).
  Generator(CaseClass case_class, unsigned block_length, std::uint64_t seed,
            std::function<bool(std::uint32_t)> avoid = nullptr);

  // Case number `id`: a fresh fill seed, code and initial registers.
  Case Next(std::uint64_t id);

 private:
  std::uint64_t InterestingValue();
  std::uint32_t RandomInstruction(unsigned index);

  CaseClass case_class_;
  unsigned block_length_;
  std::mt19937_64 random_;
  std::function<bool(std::uint32_t)> avoid_;
  std::vector<const frontend::arm64::EncodingInfo*> encodings_;
};

}  // namespace sae::fuzz
