#include "common/code_memory.h"

#include <sys/mman.h>

#include <csignal>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace sae {
namespace {

using Function = std::uint64_t (*)(std::uint64_t);

// sum(n) = n + (n-1) + ... + 1, with a backward branch, so more than straight-line code runs:
//   LGHI %r1,0 ; loop: AGR %r1,%r2 ; BRCTG %r2,loop ; LGR %r2,%r1 ; BR %r14
constexpr unsigned char kSumFunction[] = {0xa7, 0x19, 0x00, 0x00, 0xb9, 0x08, 0x00, 0x12,
                                          0xa7, 0x27, 0xff, 0xfe, 0xb9, 0x04, 0x00, 0x21,
                                          0x07, 0xfe};
// Same, with the AGR at offset 4 replaced by SGR %r1,%r2: the result becomes -sum(n).
constexpr unsigned char kSubtractInsteadOfAdd[] = {0xb9, 0x09, 0x00, 0x12};

Function Load(CodeMemory& code, const unsigned char* bytes, std::size_t size) {
  EXPECT_TRUE(code.MakeWritable(0, size));
  std::memcpy(code.bytes().data(), bytes, size);
  EXPECT_TRUE(code.MakeExecutable(0, size));
  return reinterpret_cast<Function>(code.bytes().data());
}

std::string MappingOf(const void* address) {
  std::ifstream maps("/proc/self/maps");
  const auto target = reinterpret_cast<std::uintptr_t>(address);
  for (std::string line; std::getline(maps, line);) {
    std::uintptr_t begin = 0, end = 0;
    char dash = 0;
    std::istringstream fields(line);
    fields >> std::hex >> begin >> dash >> end;
    if (begin <= target && target < end) return line;
  }
  return {};
}

TEST(CodeMemory, RunsGeneratedFunction) {
  CodeMemory code(sizeof kSumFunction);
  ASSERT_TRUE(code.valid()) << std::strerror(code.error());
  const Function sum = Load(code, kSumFunction, sizeof kSumFunction);
  EXPECT_EQ(sum(100), 5050u);
  EXPECT_EQ(sum(1), 1u);
}

TEST(CodeMemory, RoundsToWholePages) {
  CodeMemory code(1);
  ASSERT_TRUE(code.valid());
  EXPECT_EQ(code.bytes().size(), CodeMemory::PageSize());
}

TEST(CodeMemory, RewrittenCodeRunsNewVersion) {
  CodeMemory code(sizeof kSumFunction);
  ASSERT_TRUE(code.valid());
  const Function function = Load(code, kSumFunction, sizeof kSumFunction);
  ASSERT_EQ(function(10), 55u);
  ASSERT_TRUE(code.MakeWritable(4, sizeof kSubtractInsteadOfAdd));
  std::memcpy(code.bytes().data() + 4, kSubtractInsteadOfAdd, sizeof kSubtractInsteadOfAdd);
  ASSERT_TRUE(code.MakeExecutable(4, sizeof kSubtractInsteadOfAdd));
  EXPECT_EQ(static_cast<std::int64_t>(function(10)), -55);
}

TEST(CodeMemory, NeverWritableAndExecutable) {
  CodeMemory code(sizeof kSumFunction);
  ASSERT_TRUE(code.valid());
  const void* address = code.bytes().data();
  const std::string writable = MappingOf(address);
  ASSERT_FALSE(writable.empty());
  EXPECT_EQ(writable.substr(writable.find(' ') + 1, 3), "rw-") << writable;
  Load(code, kSumFunction, sizeof kSumFunction);
  const std::string executable = MappingOf(address);
  EXPECT_EQ(executable.substr(executable.find(' ') + 1, 3), "r-x") << executable;
}

TEST(CodeMemoryDeathTest, WriteToExecutableCodeFaults) {
  CodeMemory code(sizeof kSumFunction);
  ASSERT_TRUE(code.valid());
  Load(code, kSumFunction, sizeof kSumFunction);
  auto* volatile target = reinterpret_cast<volatile unsigned char*>(code.bytes().data());
  EXPECT_EXIT(*target = 0, testing::KilledBySignal(SIGSEGV), "");
}

TEST(CodeMemory, RejectsRangeOutsideMapping) {
  CodeMemory code(1);
  ASSERT_TRUE(code.valid());
  EXPECT_FALSE(code.MakeExecutable(code.bytes().size(), 1));
  EXPECT_FALSE(code.MakeWritable(1, code.bytes().size()));
}

TEST(CodeMemory, LeavesNeighbouringMappingAlone) {
  CodeMemory code(1);
  ASSERT_TRUE(code.valid());
  std::byte* const after = code.bytes().data() + code.bytes().size();
  void* neighbour = mmap(after, CodeMemory::PageSize(), PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (neighbour != after) GTEST_SKIP() << "the page after the code memory is taken";
  // An offset past the end must be refused, not wrap around into the neighbour's pages.
  EXPECT_FALSE(code.MakeExecutable(code.bytes().size() + 1, 1));
  static_cast<volatile std::byte*>(neighbour)[0] = std::byte{1};  // still writable
  munmap(neighbour, CodeMemory::PageSize());
}

}  // namespace
}  // namespace sae
