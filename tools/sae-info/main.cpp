// sae-info: what this s390x host offers libsae, and whether it is enough.
#include <cstdio>
#include <vector>

#include <CLI/CLI.hpp>

#include "sae/sae.h"

int main(int argc, char** argv) {
  CLI::App app{
      "Reports the host's s390x facilities (STFLE), whether the host meets libsae's minimum\n"
      "(z15: vector-enhancements 2, miscellaneous-instruction-extensions 3, ...), and whether\n"
      "generated code can run. Exits 0 on a qualifying host, 1 otherwise.",
      "sae-info"};
  bool quiet = false;
  app.add_flag("-q,--quiet", quiet, "Print only the verdict line");
  app.set_version_flag("--version", sae_version());
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "sae-info: %s (try --help)\n", e.what());
    return 2;
  }

  if (!quiet) {
    std::printf("libsae %s\n", sae_version());
    std::vector<sae_host_facility> facilities(sae_host_facilities(nullptr, 0));
    sae_host_facilities(facilities.data(), facilities.size());
    std::printf("s390x facilities (STFLE):\n");
    for (const auto& f : facilities) {
      std::printf("  %-7s %3u %-5s %-8s %s\n", f.present ? "yes" : "no", f.bit, f.name,
                  f.required ? "required" : "optional", f.description);
    }
  }
  char message[512];
  const sae_host_status status = sae_host_check(message, sizeof message);
  std::printf("%s: %s\n", status == SAE_HOST_OK ? "ok" : "NOT SUPPORTED", message);
  return status == SAE_HOST_OK ? 0 : 1;
}
