// sae-run: runs an arm64 Linux program on the s390x host, on libsae's public API only. The host
// plays the kernel: the guest's system calls and faults arrive as intercepts.
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "command_line.h"

#include "cpu_features.h"
#include "elf_loader.h"
#include "guest_memory.h"
#include "guest_thread.h"
#include "initial_stack.h"
#include "sae/sae.h"
#include "syscalls.h"

extern char** environ;

namespace {

using sae::run::GuestMemory;

constexpr int kBadProgram = 126;  // like a shell that cannot execute a file

struct Options {
  std::string prefix;
  bool strace = false;
  bool stats = false;
  bool dump_ir = false;
  bool dump_code = false;
  bool cpu_features = false;
  std::vector<std::string> set_environment;
  std::string argv0;                 // the guest's argv[0], if not PROGRAM
  std::vector<std::string> command;  // PROGRAM ARGS...
};

// "#!INTERPRETER [ARGUMENT]" scripts run their interpreter with the script's path, as Linux's
// binfmt_script does (up to 4 levels). Returns the error to die of, if any.
std::optional<std::string> ResolveScripts(Options& options) {
  for (int level = 0; level < 5; ++level) {
    std::ifstream file(sae::run::HostPath(options.prefix, options.command.front()), std::ios::binary);
    if (!file) return std::nullopt;  // LoadElf reports it
    std::string line;
    if (file.peek() != '#' || !std::getline(file, line) || !line.starts_with("#!")) return std::nullopt;
    if (level == 4) return std::string("too many levels of script interpreters");
    std::istringstream words(line.substr(2));
    std::string interpreter, argument;
    words >> interpreter;
    std::getline(words >> std::ws, argument);
    while (!argument.empty() && (argument.back() == ' ' || argument.back() == '\t' || argument.back() == '\r')) argument.pop_back();
    if (interpreter.empty()) return std::string("a script without an interpreter");
    std::vector<std::string> command = {interpreter};
    if (!argument.empty()) command.push_back(argument);
    command.push_back(options.command.front());
    command.insert(command.end(), options.command.begin() + 1, options.command.end());
    options.command = std::move(command);
    options.argv0.clear();
  }
  return std::nullopt;
}

// The command line that starts sae-run again with these options (execve of an arm64 program):
// $SAE_RUN_SELF (where sae-run itself runs under an emulator, e.g. "qemu-s390x -L ROOT
// .../sae-run"), else this executable.
std::vector<std::string> ReexecCommand(const Options& options) {
  std::vector<std::string> command;
  if (const char* self = std::getenv("SAE_RUN_SELF"); self != nullptr && *self != 0) {
    std::istringstream words(self);
    for (std::string word; words >> word;) command.push_back(word);
  } else {
    command.push_back("/proc/self/exe");
  }
  if (!options.prefix.empty()) command.insert(command.end(), {"-L", options.prefix});
  if (options.strace) command.push_back("--strace");
  if (options.stats) command.push_back("--stats");
  return command;
}

// The program's absolute path, symbolic links resolved where it is a path of this machine (as
// qemu-user's /proc/self/exe).
std::string AbsolutePath(const std::string& program, const Options& options) {
  std::error_code error;
  const std::filesystem::path absolute = std::filesystem::absolute(program, error).lexically_normal();
  if (sae::run::HostPath(options.prefix, absolute) != absolute) return absolute;
  const std::filesystem::path canonical = std::filesystem::canonical(absolute, error);
  return error ? absolute.string() : canonical.string();
}

[[noreturn]] void Fail(int status, const std::string& message) {
  std::fprintf(stderr, "sae-run: %s\n", message.c_str());
  std::exit(status);
}

[[noreturn]] void Run(Options options) {
  GuestMemory memory;
  if (!memory.valid()) Fail(1, "cannot reserve guest memory");
  sae::run::MapSignalTrampoline(memory);
  if (const auto error = ResolveScripts(options)) Fail(kBadProgram, options.command.front() + ": " + *error);
  const std::string program = options.command.front();

  sae_vm_config config{};
  config.api_version = SAE_API_VERSION;
  // Linux gives EL0 top-byte-ignore (tagged pointers).
  config.flags = SAE_VM_USER_MODE | SAE_VM_TOP_BYTE_IGNORE | (options.dump_ir ? SAE_VM_DUMP_GUEST | SAE_VM_DUMP_IR : 0u) |
                 (options.dump_code ? SAE_VM_DUMP_GUEST | SAE_VM_DUMP_HOST : 0u);
  config.memory = memory.base();
  config.memory_size = GuestMemory::kSize;
  const sae_mmio_region null_guard = {0, GuestMemory::kNullGuard};
  config.mmio_regions = &null_guard;
  config.mmio_region_count = 1;
  sae_vm* vm = nullptr;
  sae_vcpu* vcpu = nullptr;
  if (sae_vm_create(&config, &vm) != 0 || sae_vcpu_create(vm, &vcpu) != 0) Fail(1, "cannot create a libsae VM");

  const auto loaded =
      sae::run::LoadElf(sae::run::HostPath(options.prefix, program), memory, GuestMemory::kDynamicBase);
  if (const auto* error = std::get_if<std::string>(&loaded)) Fail(kBadProgram, program + ": " + *error);
  const auto& image = std::get<sae::run::LoadedImage>(loaded);
  memory.SetBreakStart(image.end);
  // A dynamically linked program starts in its interpreter (ld.so), which loads the rest.
  std::uint64_t entry = image.entry, interpreter_base = 0;
  if (!image.interpreter.empty()) {
    const std::string host_interpreter = sae::run::HostPath(options.prefix, image.interpreter);
    if (access(host_interpreter.c_str(), F_OK) != 0) {
      Fail(kBadProgram, program + ": its interpreter " + image.interpreter +
                            " does not exist (give the arm64 root with -L DIR)");
    }
    const auto interpreter = sae::run::LoadElf(host_interpreter, memory, GuestMemory::kInterpreterBase);
    if (const auto* error = std::get_if<std::string>(&interpreter)) {
      Fail(kBadProgram, image.interpreter + ": " + *error);
    }
    entry = std::get<sae::run::LoadedImage>(interpreter).entry;
    interpreter_base = GuestMemory::kInterpreterBase;
  }

  sae_features features{};
  sae_query_features(&features);
  const sae::run::Hwcaps caps = sae::run::HwcapsOf(features);
  std::vector<std::string> environment;
  for (char** variable = environ; *variable != nullptr; ++variable) environment.emplace_back(*variable);
  for (const std::string& assignment : options.set_environment) {
    const std::string name = assignment.substr(0, assignment.find('=') + 1);
    std::erase_if(environment, [&](const std::string& v) { return v.starts_with(name); });
    environment.push_back(assignment);
  }
  std::vector<std::string> arguments = options.command;
  if (!options.argv0.empty()) arguments.front() = options.argv0;
  const sae::run::ProcessStart start{&image, interpreter_base, caps.hwcap, caps.hwcap2, program, arguments,
                                     environment};
  const std::uint64_t sp = sae::run::BuildInitialStack(memory, start);
  if (sp == 0) Fail(1, "arguments and environment do not fit on the stack");

  sae_control_block& cb = *sae_vcpu_control_block(vcpu);
  cb.pc = entry;
  cb.sp_el0 = sp;
  sae::run::Process process{memory, vm,
                            {options.strace, options.prefix, ReexecCommand(options), AbsolutePath(program, options)},
                            program, options.stats, {}, {}, {}, 0};
  sae::run::RunMainThread(process, vcpu);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Runs an arm64 Linux program on this s390x host with libsae.", "sae-run"};
  Options options;
  if (const char* prefix = std::getenv("SAE_LD_PREFIX")) options.prefix = prefix;
  app.add_option("-L,--prefix", options.prefix,
                 "Guest root: absolute paths the guest uses are looked up under DIR first "
                 "(default $SAE_LD_PREFIX)");
  app.add_flag("--strace", options.strace, "Log each system call and its result on stderr");
  app.add_flag("--stats", options.stats, "Print libsae's translation and execution counters at exit");
  app.add_flag("--dump-ir", options.dump_ir, "List each translated block's guest code and IR on stderr");
  app.add_flag("--dump-code", options.dump_code, "List each translated block's guest and host code on stderr");
  app.add_option("-E", options.set_environment, "Set VAR=VALUE in the guest's environment")->each([](const std::string& v) {
    if (v.find('=') == std::string::npos) throw CLI::ValidationError("-E", "expects VAR=VALUE");
  });
  app.add_option("--argv0", options.argv0, "The guest's argv[0] (default: PROGRAM)");
  app.add_flag("--cpu-features", options.cpu_features, "Print the CPU features the guest is told it has, and exit");
  app.set_version_flag("--version", sae_version());
  app.prefix_command();
  if (const auto status = sae::tools::ParseCommandLine(app, argc, argv)) return *status;
  if (options.cpu_features) {
    sae_features features{};
    sae_query_features(&features);
    std::fputs(sae::run::DescribeHwcaps(sae::run::HwcapsOf(features)).c_str(), stdout);
    return 0;
  }
  options.command = app.remaining();
  if (!options.command.empty() && options.command.front() == "--") options.command.erase(options.command.begin());
  if (options.command.empty()) {
    std::fprintf(stderr, "sae-run: no program given (try --help)\n");
    return 2;
  }
  // Options end at the program; one CLI11 does not know before it is a mistake, not a program.
  if (options.command.front().starts_with("-")) {
    std::fprintf(stderr, "sae-run: unknown option %s (try --help)\n", options.command.front().c_str());
    return 2;
  }
  Run(std::move(options));
}
