// sae_version, sae_host_facilities and sae_host_check: the start-up checks of the public API.
#include <cerrno>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "backend/s390x/asm/assembler.h"
#include "backend/s390x/host_facilities.h"
#include "common/code_memory.h"
#include "sae/sae.h"

namespace {

namespace s390x = sae::backend::s390x;

void Describe(char* message, std::size_t size, const std::string& text) {
  if (message != nullptr && size > 0) std::snprintf(message, size, "%s", text.c_str());
}

constexpr std::int64_t kProbeA = 6;
constexpr std::int64_t kProbeB = 7;

sae_host_status CheckExecutableMemory(std::string& text) {
  sae::CodeMemory code(64);
  if (!code.valid()) {
    text = std::string("cannot map code memory: ") + std::strerror(code.error());
    return SAE_HOST_NO_EXECUTABLE_MEMORY;
  }
  // f(a, b) = a * b + 1, with the s390x ELF ABI: arguments in r2 and r3, result in r2.
  s390x::CodeBuffer buffer(code.bytes());
  s390x::Assembler as(buffer);
  as.MSGR(s390x::r2, s390x::r3);
  as.AGHI(s390x::r2, 1);
  as.BCR(s390x::Cond::Always, s390x::r14);
  if (!code.MakeExecutable(0, buffer.size())) {
    text = std::string("cannot make code memory executable: ") + std::strerror(code.error());
    return SAE_HOST_NO_EXECUTABLE_MEMORY;
  }
  auto* function = reinterpret_cast<std::int64_t (*)(std::int64_t, std::int64_t)>(code.bytes().data());
  const std::int64_t result = function(kProbeA, kProbeB);
  const std::int64_t expected = kProbeA * kProbeB + 1;
  text = "generated s390x code ran from W^X memory: f(" + std::to_string(kProbeA) + ", " +
         std::to_string(kProbeB) + ") = " + std::to_string(result);
  if (result != expected) {
    text += ", expected " + std::to_string(expected);
    return SAE_HOST_JIT_MISMATCH;
  }
  return SAE_HOST_OK;
}

}  // namespace

extern "C" const char* sae_version(void) { return SAE_VERSION_STRING; }

extern "C" size_t sae_host_facilities(sae_host_facility* out, size_t capacity) {
  const auto known = s390x::KnownFacilities();
  const auto& host = s390x::HostFacilities();
  for (std::size_t i = 0; i < known.size() && i < capacity && out != nullptr; ++i) {
    // The names are string literals from facilities.inc, so they are NUL-terminated.
    out[i] = {known[i].bit, known[i].name.data(), known[i].description.data(),
              known[i].required ? 1 : 0, host.Has(known[i].bit) ? 1 : 0};
  }
  return known.size();
}

extern "C" sae_host_status sae_host_check(char* message, size_t size) {
  std::string missing;
  for (const auto& facility : s390x::KnownFacilities()) {
    if (facility.required && !s390x::HostFacilities().Has(facility.bit)) {
      missing += missing.empty() ? "" : ", ";
      missing += std::string(facility.name) + " (" + std::string(facility.description) + ", bit " +
                 std::to_string(facility.bit) + ")";
    }
  }
  // Generated code may use any required facility, so it is not run on a host that lacks one.
  if (!missing.empty()) {
    Describe(message, size, "host lacks required facilities: " + missing);
    return SAE_HOST_MISSING_FACILITY;
  }
  std::string text;
  const sae_host_status status = CheckExecutableMemory(text);
  Describe(message, size, status == SAE_HOST_OK ? "host meets libsae's minimum (z15); " + text : text);
  return status;
}
