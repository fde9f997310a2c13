// Random cases for differential fuzzing, drawn from the decoder's own table (a64.inc): valid
// instruction words by class (of the encodings libsae translates; of every SIMD&FP encoding, so
// that coverage shows), in blocks of a chosen length, from register values biased towards edge
// cases (special floating-point values in V registers, every FPCR mode) and addresses inside
// the window.
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
  // The SIMD&FP classes draw from every encoding of their groups, translated or not:
  kFp,      // scalar FP, and the floating-point forms of Advanced SIMD (FADD_vec, FMLA_elt,
            // SCVTF_vec, FCVTZS_fix_vec...)
  kSimd,    // integer Advanced SIMD, permutes, and the SIMD&FP loads and stores
  kCrypto,  // AES, SHA1/2/3/512, SM3, SM4, and PMULL
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
  // A value for a lane of `bits` (16, 32, 64) bits: special floating-point values half the time.
  std::uint64_t InterestingLane(unsigned bits);
  VectorRegister InterestingVector(unsigned lane_bits);
  // V registers, FPCR and FPSR of a SIMD&FP case whose first instruction is `first_word`.
  void RandomVectorState(std::uint32_t first_word, Registers& registers);

  CaseClass case_class_;
  unsigned block_length_;
  std::mt19937_64 random_;
  std::function<bool(std::uint32_t)> avoid_;
  std::vector<const frontend::arm64::EncodingInfo*> encodings_;
};

}  // namespace sae::fuzz
