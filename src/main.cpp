// kn: index and search newsletter archives.
#include "kn/cli.hpp"

int main(int argc, char** argv) { return kn::run_cli(argc, argv); }
