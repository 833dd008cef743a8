import Glibc

/// A terminal switched into raw mode: every key arrives at once, unechoed, Ctrl-C as the byte
/// 0x03 rather than SIGINT.
///
/// It remembers the settings it found, and `restore()` puts them back.
///
/// Output processing stays on, so a stray `\n` still starts a new line; the screen writer sends
/// `\r\n` anyway, which comes out the same. Signals reach the driver as `TerminalEvents`, so
/// `restore()` runs on its thread in the ordinary way, never inside a signal handler.
package final class RawMode {
    package let descriptor: Int32
    private let original: termios
    package private(set) var isActive = false

    /// Reads the terminal's current settings; throws when `descriptor` is not a terminal.
    package init(descriptor: Int32 = STDIN_FILENO) throws(TerminalError) {
        guard isatty(descriptor) == 1 else { throw .notATerminal(descriptor: descriptor) }
        var settings = termios()
        guard tcgetattr(descriptor, &settings) == 0 else { throw .attributesFailed(descriptor: descriptor, errno: errno) }
        self.descriptor = descriptor
        original = settings
    }

    /// The settings raw mode applies on top of `settings`, as `cfmakeraw` but keeping output processing.
    static func raw(from settings: termios) -> termios {
        var raw = settings
        raw.c_iflag &= ~tcflag_t(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON)
        raw.c_lflag &= ~tcflag_t(ECHO | ECHONL | ICANON | ISIG | IEXTEN)
        raw.c_cflag &= ~tcflag_t(CSIZE | PARENB)
        raw.c_cflag |= tcflag_t(CS8)
        withUnsafeMutableBytes(of: &raw.c_cc) { characters in
            characters[Int(VMIN)] = 1
            characters[Int(VTIME)] = 0
        }
        return raw
    }

    /// Switches the terminal into raw mode.
    package func enter() throws(TerminalError) {
        var raw = Self.raw(from: original)
        guard tcsetattr(descriptor, TCSADRAIN, &raw) == 0 else { throw .attributesFailed(descriptor: descriptor, errno: errno) }
        isActive = true
    }

    /// Puts the original settings back; does nothing when they are already in place.
    ///
    /// Unread input is discarded, so that keys typed in raw mode do not spill into the shell.
    package func restore() {
        guard isActive else { return }
        var settings = original
        while tcsetattr(descriptor, TCSAFLUSH, &settings) != 0, errno == EINTR {}
        isActive = false
    }

    deinit { restore() }

    /// Runs `body` with the terminal in raw mode and restores it on every way out, a throw included.
    package static func with<T>(descriptor: Int32 = STDIN_FILENO, _ body: () throws -> T) throws -> T {
        let mode = try RawMode(descriptor: descriptor)
        try mode.enter()
        defer { mode.restore() }
        return try body()
    }
}
