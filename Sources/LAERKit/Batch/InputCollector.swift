import Glibc

/// Expands the inputs of a batch: files as given, directories into every `.json` and `.csv`
/// below them, in a stable order, and `-` for standard input.
public enum InputCollector {
    public struct Collected: Sendable, Equatable {
        /// Paths in the order given; each directory's files sorted by path.
        public var paths: [String]
        /// Inputs that do not exist or cannot be opened.
        public var missing: [LoadError]
        /// Whether any argument was a directory (reports then go to `--out DIR` one per input).
        public var sawDirectory: Bool
    }

    public static func collect(_ arguments: [String]) -> Collected {
        var collected = Collected(paths: [], missing: [], sawDirectory: false)
        for argument in arguments {
            if argument == "-" {
                collected.paths.append(argument)
                continue
            }
            var status = stat()
            guard stat(argument, &status) == 0 else {
                collected.missing.append(.cannotOpen(path: argument, errno: errno))
                continue
            }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                collected.sawDirectory = true
                var found: [String] = []
                walk(argument, into: &found, missing: &collected.missing)
                collected.paths += found.sorted(by: precedes)
            } else {
                collected.paths.append(argument)
            }
        }
        return collected
    }

    /// Byte order of the UTF-8 paths (`utf8.lexicographicallyPrecedes`), by `memcmp` where the
    /// strings are contiguous, as a directory of 100,000 files sorts in one thread.
    static func precedes(_ left: String, _ right: String) -> Bool {
        let compared = left.utf8.withContiguousStorageIfAvailable { lhs in
            right.utf8.withContiguousStorageIfAvailable { rhs -> Bool in
                let common = min(lhs.count, rhs.count)
                let order = common == 0 ? 0 : memcmp(lhs.baseAddress!, rhs.baseAddress!, common)
                return order != 0 ? order < 0 : lhs.count < rhs.count
            }
        }
        return (compared ?? nil) ?? left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    /// Whether a file found in a directory is an input: `.json` or `.csv`, any case, not hidden.
    static func isInput(_ name: String) -> Bool {
        guard !name.hasPrefix(".") else { return false }
        let lowered = name.lowercased()
        return lowered.hasSuffix(".json") || lowered.hasSuffix(".csv")
    }

    /// Collects input files below `directory`. Hidden entries are skipped, and symbolic links to
    /// directories are not followed, so a link cannot make the walk loop.
    static func walk(_ directory: String, into found: inout [String], missing: inout [LoadError]) {
        guard let handle = opendir(directory) else {
            missing.append(.cannotOpen(path: directory, errno: errno))
            return
        }
        defer { closedir(handle) }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != "..", !name.hasPrefix(".") else { continue }
            let path = prefix + name
            var kind = Int32(entry.pointee.d_type)
            if kind == Int32(DT_UNKNOWN) || kind == Int32(DT_LNK) {
                var status = stat()
                guard stat(path, &status) == 0 else { continue }
                let isLink = kind == Int32(DT_LNK)
                kind = (status.st_mode & S_IFMT) == S_IFDIR ? (isLink ? -1 : Int32(DT_DIR)) : Int32(DT_REG)
            }
            if kind == Int32(DT_DIR) {
                walk(path, into: &found, missing: &missing)
            } else if kind == Int32(DT_REG), isInput(name) {
                found.append(path)
            }
        }
    }
}
