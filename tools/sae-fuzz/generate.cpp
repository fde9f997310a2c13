#include "generate.h"

#include "frontend/arm64/translate/visitor.h"

namespace sae::fuzz {
namespace {

using frontend::arm64::Encoding;
using frontend::arm64::EncodingGroup;
using frontend::arm64::EncodingInfo;

constexpr std::string_view kClassNames[] = {"int", "mem", "branch", "all"};

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
  const unsigned window_share = block_length_ > 1 ? 7 : case_class_ == CaseClass::kMem ? 5 : 2;
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

std::uint32_t Generator::RandomInstruction(unsigned index) {
  const EncodingInfo& info = *encodings_[random_() % encodings_.size()];
  const std::uint32_t word = RandomWord(info, random_);
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
  return c;
}

}  // namespace sae::fuzz
