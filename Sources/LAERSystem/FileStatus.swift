import Glibc

/// What the system says of a path, without opening it.
package enum FileStatus {
    /// The permission bits of `path` (mode & 0o7777), nil when it does not exist.
    package static func permissions(of path: String) -> mode_t? {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & 0o7777 : nil
    }

    /// Whether `path` is a directory (following links).
    package static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }
}
