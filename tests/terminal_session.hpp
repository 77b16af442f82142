// A program on a real terminal, as a person meets it: tmux runs it on a
// pseudo-terminal of a given size, keys are typed with send-keys and the
// screen is read with capture-pane. Each session has a tmux server of its
// own (a socket in a private directory), killed when the session ends.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include "test_support.hpp"

namespace kn::testing {

class TerminalSession {
 public:
  // Starts command (a shell command line) on a terminal of width x height
  // cells, in the directory dir, which also holds the tmux socket: one of
  // its own, since a server killed a moment before may still hold the last.
  TerminalSession(const std::filesystem::path& dir, const std::string& command, int width = 200,
                  int height = 50)
      : socket_((dir / ("tmux-" + std::to_string(++sessions_) + ".sock")).string()), dir_(dir) {
    tmux("new-session -d -x " + std::to_string(width) + " -y " + std::to_string(height) + " -c " +
         quoted(dir.string()) + " " + quoted(command));
  }
  ~TerminalSession() { tmux("kill-server"); }
  TerminalSession(const TerminalSession&) = delete;
  TerminalSession& operator=(const TerminalSession&) = delete;

  // Whether tmux is there to run sessions at all.
  static bool available() { return std::system("command -v tmux >/dev/null 2>&1") == 0; }

  // Types text as it is, every character a key.
  void type(const std::string& text) { tmux("send-keys -l -- " + quoted(text)); }
  // Presses keys by tmux's names for them: Enter, Tab, C-u, M-*.
  void press(const std::string& keys) { tmux("send-keys " + keys); }

  // What the screen shows, wrapped lines joined; with escapes, its colours
  // and attributes as escape sequences too.
  std::string screen(bool escapes = false) {
    const std::string out = (dir_ / "screen.txt").string();
    tmux(std::string("capture-pane -p -J") + (escapes ? " -e" : "") + " > " + quoted(out));
    return slurp(out);
  }

  // The screen once it shows text and has not changed for 100 ms, or as it
  // is after seconds (generous: a loaded machine may take long to start a
  // shell, and a screen that settles returns at once).
  std::string settled(const std::string& text = "", double seconds = 30) {
    using namespace std::chrono;
    const auto end = steady_clock::now() + duration<double>(seconds);
    std::string last;
    while (steady_clock::now() < end) {
      std::this_thread::sleep_for(milliseconds(100));
      std::string now = screen();
      if (now == last && now.find(text) != std::string::npos) return now;
      last = std::move(now);
    }
    return last;
  }

  static std::string quoted(const std::string& text) {
    std::string out = "'";
    for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
  }

 private:
  void tmux(const std::string& args) {
    const std::string line = "tmux -S " + quoted(socket_) + " " + args + " 2>/dev/null";
    if (std::system(line.c_str()) != 0 && args != "kill-server") {
      ADD_FAILURE() << "tmux failed: " << line;
    }
  }

  static inline std::atomic<int> sessions_ = 0;
  std::string socket_;
  std::filesystem::path dir_;
};

}  // namespace kn::testing
