// The Unicorn 2 reference path: an arm64 CPU runs one instruction and its state is read back.
#include <unicorn/unicorn.h>

#include <cstdint>

#include <gtest/gtest.h>

namespace {

class Unicorn : public testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(uc_open(UC_ARCH_ARM64, UC_MODE_ARM, &uc_), UC_ERR_OK);
    ASSERT_EQ(uc_mem_map(uc_, kCode, 0x1000, UC_PROT_ALL), UC_ERR_OK);
  }
  void TearDown() override {
    if (uc_ != nullptr) uc_close(uc_);
  }
  static constexpr std::uint64_t kCode = 0x10000;
  uc_engine* uc_ = nullptr;
};

TEST_F(Unicorn, RunsOneArm64Instruction) {
  // SUBS X0, X1, X2 = 0xeb020020; guest memory takes the little-endian bytes on any host.
  const std::uint8_t subs[] = {0x20, 0x00, 0x02, 0xeb};
  ASSERT_EQ(uc_mem_write(uc_, kCode, subs, sizeof subs), UC_ERR_OK);
  std::uint64_t x1 = 5, x2 = 7;
  ASSERT_EQ(uc_reg_write(uc_, UC_ARM64_REG_X1, &x1), UC_ERR_OK);
  ASSERT_EQ(uc_reg_write(uc_, UC_ARM64_REG_X2, &x2), UC_ERR_OK);
  ASSERT_EQ(uc_emu_start(uc_, kCode, kCode + sizeof subs, 0, 1), UC_ERR_OK);

  std::uint64_t x0 = 0, pc = 0;
  std::uint32_t nzcv = 0;  // NZCV is a 32-bit register in Unicorn's API
  ASSERT_EQ(uc_reg_read(uc_, UC_ARM64_REG_X0, &x0), UC_ERR_OK);
  ASSERT_EQ(uc_reg_read(uc_, UC_ARM64_REG_PC, &pc), UC_ERR_OK);
  ASSERT_EQ(uc_reg_read(uc_, UC_ARM64_REG_NZCV, &nzcv), UC_ERR_OK);
  EXPECT_EQ(x0, static_cast<std::uint64_t>(-2));
  EXPECT_EQ(pc, kCode + 4);
  EXPECT_EQ(nzcv, 0x80000000u);  // N set; C clear (5 - 7 borrows); Z and V clear
}

}  // namespace
