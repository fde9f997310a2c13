#include "frontend/arm64/decoder/decoder.h"

#include <vector>

#include <gtest/gtest.h>

namespace sae::frontend::arm64 {
namespace {

bool Overlap(const EncodingInfo& a, const EncodingInfo& b) {
  return ((a.expected ^ b.expected) & a.mask & b.mask) == 0;
}

// Two encodings that match a common word must nest: one's fixed bits a strict superset of the
// other's, so the more specific one (tried first) is the carve-out. Equal masks would be the same
// encoding twice; partial overlap would make the winner depend on table order.
TEST(A64Table, NoEncodingIsShadowedOrAmbiguous) {
  const auto encodings = A64Encodings();
  for (std::size_t i = 0; i < encodings.size(); ++i) {
    for (std::size_t j = i + 1; j < encodings.size(); ++j) {
      const EncodingInfo& a = encodings[i];
      const EncodingInfo& b = encodings[j];
      if (!Overlap(a, b)) continue;
      const std::uint32_t common = a.mask & b.mask;
      EXPECT_NE(a.mask, b.mask) << a.name << " and " << b.name << " are the same encoding";
      EXPECT_TRUE(common == a.mask || common == b.mask)
          << a.name << " and " << b.name << " overlap without one containing the other";
    }
  }
}

TEST(A64Table, FieldsAndFixedBitsCoverAllBitsOnce) {
  for (const EncodingInfo& info : A64Encodings()) {
    std::uint32_t fields = 0;
    for (std::size_t f = 0; f < info.field_count; ++f) {
      const std::uint32_t bits = ((info.fields[f].width == 32 ? 0u : 1u << info.fields[f].width) - 1)
                                 << info.fields[f].shift;
      EXPECT_EQ(fields & bits, 0u) << info.name;
      fields |= bits;
    }
    EXPECT_EQ(fields & info.mask, 0u) << info.name;
    EXPECT_EQ(info.expected & ~info.mask, 0u) << info.name;
  }
}

TEST(A64Decoder, DecodesKnownWords) {
  EXPECT_EQ(DecodeEncoding(0x91000420), Encoding::ADD_imm);   // add x0, x1, #1
  EXPECT_EQ(DecodeEncoding(0xd65f03c0), Encoding::RET);       // ret
  EXPECT_EQ(DecodeEncoding(0x54000040), Encoding::B_cond);    // b.eq #8
  EXPECT_EQ(DecodeEncoding(0x00000000), Encoding::UDF);       // udf #0
  EXPECT_EQ(DecodeEncoding(0x00010000), std::nullopt);        // unallocated
  EXPECT_EQ(DecodeEncoding(0xd503201f), Encoding::NOP);       // nop
  EXPECT_EQ(DecodeEncoding(0xd503233f), Encoding::PACIASP);   // paciasp
  EXPECT_EQ(DecodeEncoding(0xd503245f), Encoding::BTI);       // bti c
  EXPECT_EQ(DecodeEncoding(0xd503209f), Encoding::SEV);       // sev
  EXPECT_EQ(DecodeEncoding(0xd50b7420), Encoding::DC_ZVA);    // dc zva, x0
  EXPECT_EQ(DecodeEncoding(0xf9400020), Encoding::LDR_gen_uoff);  // ldr x0, [x1]
  EXPECT_EQ(DecodeEncoding(0xa9bf7bfd), Encoding::STP_gen_pre);   // stp x29, x30, [sp, #-16]!
  EXPECT_EQ(DecodeEncoding(0x4cdf7000), Encoding::LD1_mult_1_post);  // ld1 {v0.16b}, [x0], #16
  EXPECT_EQ(DecodeEncoding(0x4e083c00), Encoding::UMOV);      // mov x0, v0.d[0]
  EXPECT_EQ(DecodeEncoding(0x6f00e400), Encoding::MOVI_64);   // movi v0.2d, #0
  EXPECT_EQ(DecodeEncoding(0x1e602820), Encoding::FADD_float);  // fadd d0, d1, d0
  EXPECT_EQ(DecodeEncoding(0x9ac30c41), Encoding::SDIV);      // sdiv x1, x2, x3
  EXPECT_EQ(DecodeEncoding(0x88dffc00), Encoding::LDAR);      // ldar w0, [x0]
  EXPECT_EQ(DecodeEncoding(0xb8e08020), Encoding::SWP);       // swpal w0, w0, [x1]
  EXPECT_EQ(DecodeEncoding(0xa9400020), std::nullopt);        // ldp x0, x0, [x1]: UNDEFINED here

}

struct FieldRecorder {
  bool ADD_imm(bool sf, Imm<1> shift, Imm<12> imm, Reg n, Reg d) {
    fields = {sf, shift.value, imm.value, n.index, d.index};
    return true;
  }
  bool TBZ(Imm<1> b5, Imm<5> b40, Imm<14> offset, Reg t) {
    fields = {b5.value, b40.value, static_cast<std::uint32_t>(offset.SignExtend()), t.index};
    return true;
  }
  std::vector<std::uint32_t> fields;
};

TEST(A64Decoder, PassesFieldsLeftToRight) {
  FieldRecorder recorder;
  // add x3, x4, #0x123, lsl #12
  ASSERT_TRUE((CallWithFields<Encoding::ADD_imm, &FieldRecorder::ADD_imm>(recorder, 0x91448c83)));
  EXPECT_EQ(recorder.fields, (std::vector<std::uint32_t>{1, 1, 0x123, 4, 3}));
  // tbz w5, #17, -8
  ASSERT_TRUE((CallWithFields<Encoding::TBZ, &FieldRecorder::TBZ>(recorder, 0x368fffc5)));
  EXPECT_EQ(recorder.fields, (std::vector<std::uint32_t>{0, 17, static_cast<std::uint32_t>(-2), 5}));
}

}  // namespace
}  // namespace sae::frontend::arm64
