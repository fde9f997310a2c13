// The test suite itself runs on the machine libsae targets: big-endian s390x (natively, or under
// qemu-s390x on a development machine). Everything else in the suite assumes this.
#include <sys/utsname.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>

#include <gtest/gtest.h>

TEST(Host, IsS390x) {
  utsname name{};
  ASSERT_EQ(uname(&name), 0);
  // qemu-user reports the emulated machine, so this holds under emulation as on hardware.
  EXPECT_EQ(std::string(name.machine), "s390x");
#ifndef __s390x__
  FAIL() << "compiled for something other than s390x";
#endif
}

TEST(Host, IsBigEndian) {
  EXPECT_EQ(std::endian::native, std::endian::big);
  const std::uint32_t word = 0x01020304;
  unsigned char bytes[4];
  std::memcpy(bytes, &word, sizeof bytes);
  EXPECT_EQ(bytes[0], 0x01);
  EXPECT_EQ(bytes[3], 0x04);
}
