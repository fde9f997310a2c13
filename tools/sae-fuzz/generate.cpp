#include "generate.h"

#include <algorithm>

#include "frontend/arm64/translate/visitor.h"

namespace sae::fuzz {
namespace {

using frontend::arm64::Encoding;
using frontend::arm64::EncodingGroup;
using frontend::arm64::EncodingInfo;

constexpr std::string_view kClassNames[] = {"int", "mem", "branch", "all", "fp", "simd", "crypto"};

bool IsSimdFpClass(CaseClass case_class) {
  return case_class == CaseClass::kFp || case_class == CaseClass::kSimd ||
         case_class == CaseClass::kCrypto;
}

// The cryptographic groups of the Arm ARM (AES, SHA1/SHA256, SHA512, SHA3, SM3, SM4), named as
// a64.inc names them, and PMULL, the polynomial multiply that AES-GCM is built on.
bool IsCryptographic(std::string_view name) {
  static constexpr std::string_view kPrefixes[] = {"AES",  "SHA",  "SM3", "SM4",   "RAX1",
                                                   "EOR3", "BCAX", "XAR", "PMULL_"};
  for (const std::string_view prefix : kPrefixes) {
    if (name.starts_with(prefix)) return true;
  }
  return false;
}

// The scalar FP groups and the floating-point forms of Advanced SIMD: every such name starts
// with F (FADD_float, FMLA_elt_vec, FMOV_asimd_32, FJCVTZS...) except the integer-to-FP
// conversions.
bool IsFloatingPoint(std::string_view name) {
  return name.starts_with("F") || name.starts_with("SCVTF") || name.starts_with("UCVTF");
}

// Which SIMD&FP class `info` belongs to, if any.
std::optional<CaseClass> SimdFpClassOf(const EncodingInfo& info) {
  constexpr std::uint32_t kVectorBit = 1u << 26;  // V of the loads and stores: SIMD&FP register
  switch (frontend::arm64::GroupOf(info.expected)) {
    case EncodingGroup::LoadStore:
      if ((info.mask & info.expected & kVectorBit) != 0) return CaseClass::kSimd;
      return std::nullopt;
    case EncodingGroup::DataProcessingFpSimd:
      if (IsCryptographic(info.name)) return CaseClass::kCrypto;
      return IsFloatingPoint(info.name) ? CaseClass::kFp : CaseClass::kSimd;
    default:
      return std::nullopt;
  }
}

bool InClass(CaseClass case_class, const EncodingInfo& info) {
  switch (frontend::arm64::GroupOf(info.expected)) {
    case EncodingGroup::DataProcessingImmediate:
    case EncodingGroup::DataProcessingRegister:
      return case_class == CaseClass::kInt || case_class == CaseClass::kAll;
    case EncodingGroup::LoadStore:
      return case_class == CaseClass::kMem || case_class == CaseClass::kAll;
    case EncodingGroup::BranchExceptionSystem:
      return case_class == CaseClass::kBranch || case_class == CaseClass::kAll;
    default:
      return case_class == CaseClass::kAll;
  }
}

// The value of `word`'s field named `name`, if it has one.
std::optional<std::uint32_t> FieldValue(const EncodingInfo& info, std::uint32_t word, char name) {
  for (std::size_t f = 0; f < info.field_count; ++f) {
    const auto& field = info.fields[f];
    if (field.name == name) return (word >> field.shift) & ((1u << field.width) - 1);
  }
  return std::nullopt;
}

// The width of the lanes (or the scalar) `word` most likely works on, from its ftype, its
// half-precision form, its sz or its size field; 0 if it has none of them.
unsigned LaneBitsOf(std::uint32_t word) {
  const std::optional<Encoding> encoding = frontend::arm64::DecodeEncoding(word);
  if (!encoding) return 0;
  const EncodingInfo& info = frontend::arm64::A64Encodings()[static_cast<std::size_t>(*encoding)];
  if (const auto ftype = FieldValue(info, word, 'y')) {
    constexpr unsigned kFtypeBits[] = {32, 64, 0, 16};
    return kFtypeBits[*ftype];
  }
  if (info.name.find("fp16") != std::string_view::npos) return 16;
  if (const auto sz = FieldValue(info, word, 'z'); sz && IsFloatingPoint(info.name)) {
    return 32u << *sz;
  }
  if (const auto size = FieldValue(info, word, 's'); size && *size < 4) return 8u << *size;
  return 0;
}

bool IsDirectBranch(Encoding e) {
  return e == Encoding::B_cond || e == Encoding::B_uncond || e == Encoding::BL ||
         e == Encoding::CBZ || e == Encoding::CBNZ || e == Encoding::TBZ || e == Encoding::TBNZ;
}

// `word` with its branch offset field ('i', in instructions) set to `offset`.
std::uint32_t WithBranchOffset(const EncodingInfo& info, std::uint32_t word, std::int64_t offset) {
  for (std::size_t f = 0; f < info.field_count; ++f) {
    const auto& field = info.fields[f];
    if (field.name != 'i') continue;
    const std::uint32_t bits = ((1u << field.width) - 1) << field.shift;
    return (word & ~bits) | ((static_cast<std::uint32_t>(offset) << field.shift) & bits);
  }
  return word;
}

}  // namespace

std::optional<CaseClass> ParseCaseClass(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kClassNames); ++i) {
    if (kClassNames[i] == name) return static_cast<CaseClass>(i);
  }
  return std::nullopt;
}

std::string_view CaseClassName(CaseClass case_class) {
  return kClassNames[static_cast<std::size_t>(case_class)];
}

std::uint32_t RandomWord(const EncodingInfo& info, std::mt19937_64& random) {
  std::uint32_t word = 0;
  do {
    word = info.expected | (static_cast<std::uint32_t>(random()) & ~info.mask);
    for (std::size_t f = 0; f < info.field_count; ++f) {
      const auto& field = info.fields[f];
      const std::uint32_t bits = ((1u << field.width) - 1) << field.shift;
      const unsigned choice = random() % 8;
      if (choice < 2) word &= ~bits;
      if (choice == 2 || choice == 3) word |= bits;
    }
  } while (frontend::arm64::DecodeEncoding(word) != info.encoding);
  return word;
}

Generator::Generator(CaseClass case_class, unsigned block_length, std::uint64_t seed,
                     std::function<bool(std::uint32_t)> avoid)
    : case_class_(case_class),
      block_length_(block_length),
      random_(seed),
      avoid_(std::move(avoid)) {
  for (const EncodingInfo& info : frontend::arm64::A64Encodings()) {
    if (IsSimdFpClass(case_class)) {
      if (SimdFpClassOf(info) == case_class) encodings_.push_back(&info);
      continue;
    }
    if (!frontend::arm64::Handles<frontend::arm64::TranslatorVisitor>(info.encoding)) continue;
    // In longer blocks, branches come with the data processing that sets their conditions.
    const bool branch_block_data =
        case_class == CaseClass::kBranch && block_length > 1 && InClass(CaseClass::kInt, info);
    if (!InClass(case_class, info) && !branch_block_data) continue;
    // A longer block should run long: of branches, exceptions and system instructions, which
    // mostly end it (indirect branches, SVC, traps), only the direct branches go in.
    if (block_length > 1 &&
        frontend::arm64::GroupOf(info.expected) == EncodingGroup::BranchExceptionSystem &&
        !IsDirectBranch(info.encoding)) {
      continue;
    }
    encodings_.push_back(&info);
  }
}

std::uint64_t Generator::InterestingValue() {
  static constexpr std::uint64_t kSpecial[] = {0,
                                               1,
                                               2,
                                               ~0ull,
                                               0x7fffffffffffffff,
                                               0x8000000000000000,
                                               0xffffffff,
                                               0x80000000,
                                               0x7fffffff,
                                               0x100000000,
                                               kCodeAddress,
                                               kWindowBase,
                                               kWindowBase + kWindowSize - 8,
                                               kWindowBase - 8,
                                               kWindowBase + kWindowSize - 1,
                                               kWindowBase + kWindowSize};
  // Loads and stores mostly need base registers that point into the window, and so do longer
  // blocks, where the first access outside it would end the block.
  const unsigned window_share = block_length_ > 1                 ? 7
                                : case_class_ == CaseClass::kMem  ? 5
                                : case_class_ == CaseClass::kSimd ? 4
                                                                  : 2;
  const std::uint64_t choice = random_() % 8;
  if (choice < window_share) {
    const std::uint64_t address = kWindowBase + random_() % kWindowSize;
    return random_() % 2 ? address & ~std::uint64_t{7} : address;
  }
  switch (choice % 3) {
    case 0:
      return kSpecial[random_() % std::size(kSpecial)];
    case 1:
      return random_() % 4096;
    default:
      return random_();
  }
}

namespace {

// `word` with most of its data-processing register fields (d, n, m, a) among the first four
// registers, if the result is still an instance of `info`: instructions of a block then consume
// each other's results, which is where code that keeps registers in host registers goes wrong.
std::uint32_t WithSharedRegisters(const EncodingInfo& info, std::uint32_t word,
                                  std::mt19937_64& random) {
  std::uint32_t shared = word;
  for (std::size_t f = 0; f < info.field_count; ++f) {
    const auto& field = info.fields[f];
    const bool register_field = field.width == 5 && (field.name == 'd' || field.name == 'n' ||
                                                     field.name == 'm' || field.name == 'a');
    if (!register_field || random() % 4 == 0) continue;
    shared = (shared & ~(31u << field.shift)) | static_cast<std::uint32_t>(random() % 4)
                                                    << field.shift;
  }
  return frontend::arm64::DecodeEncoding(shared) == info.encoding ? shared : word;
}

}  // namespace

std::uint32_t Generator::RandomInstruction(unsigned index) {
  const EncodingInfo& info = *encodings_[random_() % encodings_.size()];
  std::uint32_t word = RandomWord(info, random_);
  if (IsSimdFpClass(case_class_) && block_length_ > 1) {
    word = WithSharedRegisters(info, word, random_);
  }
  if (!IsDirectBranch(info.encoding)) return word;
  if (block_length_ > 1) {
    // Forward, to a later instruction or the stop word after the block: every block ends.
    const unsigned remaining = block_length_ - index;
    return WithBranchOffset(info, word, 1 + static_cast<std::int64_t>(random_() % remaining));
  }
  // One instruction: a near target (stop words, or the instruction itself) half the time, else
  // the random offset, usually outside the window.
  if (random_() % 2) return word;
  return WithBranchOffset(info, word, static_cast<std::int64_t>(random_() % 33) - 16);
}

std::uint64_t Generator::InterestingLane(unsigned bits) {
  const std::uint64_t all_ones = bits == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << bits) - 1;
  const std::uint64_t sign = std::uint64_t{1} << (bits - 1);
  const unsigned choice = random_() % 8;
  if (choice >= 5) return random_() & all_ones;
  if (bits == 8 || choice == 4) {
    const std::uint64_t integers[] = {0, 1, all_ones, sign, sign - 1, sign + 1, all_ones - 1};
    return integers[random_() % std::size(integers)];
  }
  // IEEE 754 binary16, binary32 or binary64: a special value, with a random sign.
  const unsigned mantissa_bits = bits == 16 ? 10 : bits == 32 ? 23 : 52;
  const unsigned exponent_bits = bits - 1 - mantissa_bits;
  const std::uint64_t mantissa_mask = (std::uint64_t{1} << mantissa_bits) - 1;
  const std::uint64_t max_exponent = (std::uint64_t{1} << exponent_bits) - 1;
  const std::uint64_t bias = max_exponent / 2;
  const auto value = [&](std::uint64_t exponent, std::uint64_t mantissa) {
    return ((exponent << mantissa_bits) + mantissa) & (all_ones >> 1);
  };
  const std::uint64_t quiet = std::uint64_t{1} << (mantissa_bits - 1);
  const std::uint64_t payload = random_() % 2 ? 0 : random_() & (quiet - 1);
  std::uint64_t magnitude = 0;
  switch (random_() % 10) {
    case 0:
      magnitude = 0;
      break;
    case 1:
      magnitude = value(max_exponent, 0);  // infinity
      break;
    case 2:
      magnitude = value(max_exponent, quiet | payload);  // qNaN; the default NaN when payload 0
      break;
    case 3:
      magnitude = value(max_exponent, payload == 0 ? 1 : payload);  // sNaN
      break;
    case 4: {  // denormals: the smallest, the largest, any
      const std::uint64_t denormals[] = {1, mantissa_mask, 1 + random_() % mantissa_mask};
      magnitude = denormals[random_() % std::size(denormals)];
      break;
    }
    case 5:  // the smallest and the largest normal numbers, and the largest below one
      magnitude = random_() % 3 == 0   ? value(1, 0)
                  : random_() % 2 == 0 ? value(max_exponent - 1, mantissa_mask)
                                       : value(bias - 1, mantissa_mask);
      break;
    case 6: {  // around a power of two 2^k up to 2^64: integer-conversion and fixed-point limits
      const std::uint64_t k = random_() % std::min<std::uint64_t>(66, bias + 1);
      const std::uint64_t near[] = {value(bias + k, 0), value(bias + k - 1, mantissa_mask),
                                    value(bias + k, 1)};
      magnitude = near[random_() % std::size(near)];
      break;
    }
    case 7: {  // n + 0.5 and its neighbours: where rounding modes differ
      const std::uint64_t e = random_() % std::min<std::uint64_t>(mantissa_bits, 24);
      const std::uint64_t half = std::uint64_t{1} << (mantissa_bits - e - 1);
      const std::uint64_t upper = random_() & mantissa_mask & ~(2 * half - 1);
      magnitude = value(bias + e, upper | half) + random_() % 3 - 1;
      break;
    }
    default:  // an ordinary number of moderate size
      magnitude = value(bias - 8 + random_() % std::min<std::uint64_t>(40, bias + 8),
                        random_() & mantissa_mask);
      break;
  }
  return magnitude | (random_() % 2 ? sign : 0);
}

VectorRegister Generator::InterestingVector(unsigned lane_bits) {
  VectorRegister v{};
  for (unsigned offset = 0; offset < 128; offset += lane_bits) {
    v[offset / 64] |= InterestingLane(lane_bits) << (offset % 64);
  }
  return v;
}

void Generator::RandomVectorState(std::uint32_t first_word, Registers& registers) {
  constexpr unsigned kLaneBits[] = {8, 16, 32, 64};
  const unsigned first_lanes = LaneBitsOf(first_word);
  for (VectorRegister& v : registers.v) {
    const bool like_first = first_lanes != 0 && random_() % 4 != 0;
    v = InterestingVector(like_first ? first_lanes : kLaneBits[random_() % 4]);
  }
  // Every rounding mode, flush-to-zero (FZ, FZ16), default NaN (DN), alternative half
  // precision (AHP) in half the cases; the other FPCR bits are trap enables, which no
  // implementation here has.
  constexpr std::uint32_t kAhp = 1u << 26, kDn = 1u << 25, kFz = 1u << 24, kFz16 = 1u << 19;
  constexpr std::uint32_t kRMode = 3u << 22;
  if (random_() % 2) {
    registers.fpcr = static_cast<std::uint32_t>(random_()) & (kAhp | kDn | kFz | kFz16 | kRMode);
  }
  // The cumulative flags (IOC, DZC, OFC, UFC, IXC, IDC, QC) stay set: sometimes start with some.
  constexpr std::uint32_t kCumulative = 0x9f | 1u << 27;
  if (random_() % 4 == 0) registers.fpsr = static_cast<std::uint32_t>(random_()) & kCumulative;
}

Case Generator::Next(std::uint64_t id) {
  Case c;
  c.id = id;
  c.class_name = std::string(CaseClassName(case_class_));
  c.fill_seed = random_();
  for (unsigned i = 0; i < block_length_; ++i) {
    std::uint32_t word = RandomInstruction(i);
    while (avoid_ && avoid_(word)) word = RandomInstruction(i);
    c.code.push_back(word);
  }
  for (auto& x : c.in.x) x = InterestingValue();
  c.in.sp = random_() % 4 ? (kWindowBase + random_() % kWindowSize) & ~std::uint64_t{15}
                          : InterestingValue();
  c.in.nzcv = (random_() % 16) << 28;
  c.in.tpidr_el0 = InterestingValue();
  if (IsSimdFpClass(case_class_)) RandomVectorState(c.code[0], c.in);
  return c;
}

}  // namespace sae::fuzz
