import Glibc
import LAERValues

/// A file being written beside its target, renamed over the target only when it is whole.
///
/// It is created exclusively (`O_EXCL`), never through a symbolic link (`O_NOFOLLOW`), under a
/// hidden name with 64 random bits in it: anyone who may add entries to the directory can
/// neither guess the name in advance nor plant a link there that redirects the write. The final
/// `rename` does not follow a link at the target's name either: it replaces the link itself.
struct TemporaryFile {
    /// The target the file is renamed to.
    let target: String
    let path: String
    private(set) var descriptor: Int32

    /// How many names are tried before giving up: a clash of 64 random bits means someone plants names.
    static let attempts = 16

    /// Creates the temporary file for `target`, in the same directory; `random` (the system's
    /// cryptographic source, `getrandom`) is fixed only by tests.
    static func create(for target: String, random: () -> UInt64 = systemRandom) throws(OutputError) -> TemporaryFile {
        var code = EEXIST
        for _ in 0..<attempts {
            let path = candidateName(for: target, random: random())
            let descriptor = TemporaryFileRegistry.create(path) {
                let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
                code = errno
                return descriptor
            }
            if descriptor >= 0 { return TemporaryFile(target: target, path: path, descriptor: descriptor) }
            if code != EEXIST { break }
        }
        throw OutputError.cannotCreate(path: target, errno: code)
    }

    static func systemRandom() -> UInt64 {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }

    /// `DIR/.NAME.tmp-` and sixteen hex digits, for the target `DIR/NAME`.
    static func candidateName(for target: String, random: UInt64) -> String {
        let slash = target.utf8.lastIndex(of: UInt8(ascii: "/"))
        let directory = slash.map { String(target[...$0]) } ?? ""
        var name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        // The file system's limit on a name (255 bytes) must hold with the prefix and suffix added.
        while name.utf8.count > 200 { name.removeLast() }
        let hex = String(random, radix: 16)
        return directory + "." + name + ".tmp-" + NumberFormat.padded(hex, width: 16)
    }

    /// Writes every byte.
    func write(_ bytes: [UInt8]) throws(OutputError) {
        if let code = FileDescriptor.writeAll(descriptor, bytes) { throw OutputError.writeFailed(path: target, errno: code) }
    }

    func write(_ text: String) throws(OutputError) {
        if let code = FileDescriptor.writeAll(descriptor, text) { throw OutputError.writeFailed(path: target, errno: code) }
    }

    /// Flushes, syncs, closes and renames the file over the target; on failure removes it.
    ///
    /// With `syncingDirectory` also syncs the directory, so that the new name survives a crash.
    mutating func commit(syncingDirectory: Bool = false) throws(OutputError) {
        let descriptor = self.descriptor
        self.descriptor = -1
        guard fsync(descriptor) == 0 else {
            let code = errno
            close(descriptor)
            remove()
            throw OutputError.writeFailed(path: target, errno: code)
        }
        guard close(descriptor) == 0 else {
            let code = errno
            remove()
            throw OutputError.writeFailed(path: target, errno: code)
        }
        let code = TemporaryFileRegistry.finish(path) { rename(path, target) == 0 ? 0 : errno }
        guard code == 0 else {
            remove()
            throw OutputError.cannotCreate(path: target, errno: code)
        }
        if syncingDirectory { Self.syncDirectory(of: target) }
    }

    /// Closes and removes the file, leaving the target as it was; safe to call after `commit`.
    mutating func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        remove()
    }

    private func remove() {
        TemporaryFileRegistry.finish(path) { _ = unlink(path) }
    }

    /// Syncs the directory holding `path`.
    ///
    /// Failure is ignored: the file is in place, and some
    /// file systems cannot sync a directory at all.
    static func syncDirectory(of path: String) {
        let directory = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? "."
        let descriptor = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}
