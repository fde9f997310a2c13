// What the guest is told about its CPU: AT_HWCAP and AT_HWCAP2, derived from the ID registers
// libsae reports (sae_query_features), so a program sees exactly what libsae translates.
#pragma once

#include <cstdint>
#include <string>

#include "sae/sae.h"

namespace sae::run {

struct Hwcaps {
  std::uint64_t hwcap = 0;
  std::uint64_t hwcap2 = 0;
};

Hwcaps HwcapsOf(const sae_features& features);
// One line per feature present, Linux's /proc/cpuinfo names ("fp", "atomics", ...).
std::string DescribeHwcaps(const Hwcaps& caps);

}  // namespace sae::run
