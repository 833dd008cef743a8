import Glibc
import LAERValues

/// Expands the inputs of a batch: files as given, directories into every `.json` and `.csv`
/// below them, in a stable order, and `-` for standard input.
///
/// Directories are counted (and their problems found) first, then listed again one folder at a
/// time while the batch runs, so that memory holds the folders being walked, not every path of
/// the batch: 100,000 files take no more memory than 10,000.
package enum InputCollector {
    package struct Collected: Sendable {
        /// Paths in the order given; each directory's files in byte order of their paths.
        package var inputs: InputPaths
        /// Inputs that do not exist or cannot be opened.
        package var missing: [LoadError]
        /// Whether any argument was a directory (reports then go to `--out DIR` one per input).
        package var sawDirectory: Bool

        package init(inputs: InputPaths, missing: [LoadError], sawDirectory: Bool) {
            self.inputs = inputs
            self.missing = missing
            self.sawDirectory = sawDirectory
        }

        /// Every path at once (for small batches and tools; a batch walks `inputs` instead).
        package var paths: [String] { Array(inputs) }
    }

    package static func collect(_ arguments: [String]) -> Collected {
        var items: [InputPaths.Item] = []
        var count = 0
        var missing: [LoadError] = []
        var sawDirectory = false
        for argument in arguments {
            if argument == "-" {
                items.append(.path(argument))
                count += 1
                continue
            }
            var status = stat()
            guard stat(argument, &status) == 0 else {
                missing.append(.cannotOpen(path: argument, errno: errno))
                continue
            }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                sawDirectory = true
                items.append(.directory(argument))
                count += countInputs(argument, missing: &missing)
            } else {
                items.append(.path(argument))
                count += 1
            }
        }
        return Collected(inputs: InputPaths(items: items, count: count), missing: missing, sawDirectory: sawDirectory)
    }

    /// Byte order of the UTF-8 paths (`utf8.lexicographicallyPrecedes`), by `memcmp` where the
    /// strings are contiguous.
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
    package static func isInput(_ name: String) -> Bool {
        guard !name.hasPrefix(".") else { return false }
        let lowered = name.lowercased()
        return lowered.hasSuffix(".json") || lowered.hasSuffix(".csv")
    }

    /// One entry of a directory that the walk keeps: an input file or a folder to descend into.
    struct Entry {
        let name: String
        let isDirectory: Bool
        /// The entry's part of a path: its name, with `/` after a folder's.
        ///
        /// Sorting a folder's
        /// entries by it and walking depth first yields the byte order of the whole paths.
        var key: String { isDirectory ? name + "/" : name }
    }

    /// The entries of `directory` the walk keeps, unsorted.
    ///
    /// Hidden entries are skipped, and
    /// symbolic links to directories are not followed, so a link cannot make the walk loop.
    static func entries(of directory: String, missing: inout [LoadError]) -> [Entry]? {
        guard let handle = opendir(directory) else {
            missing.append(.cannotOpen(path: directory, errno: errno))
            return nil
        }
        defer { closedir(handle) }
        let prefix = prefix(of: directory)
        var found: [Entry] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != "..", !name.hasPrefix(".") else { continue }
            var kind = Int32(entry.pointee.d_type)
            if kind == Int32(DT_UNKNOWN) || kind == Int32(DT_LNK) {
                var status = stat()
                guard stat(prefix + name, &status) == 0 else { continue }
                let isLink = kind == Int32(DT_LNK)
                kind = (status.st_mode & S_IFMT) == S_IFDIR ? (isLink ? -1 : Int32(DT_DIR)) : Int32(DT_REG)
            }
            if kind == Int32(DT_DIR) {
                found.append(Entry(name: name, isDirectory: true))
            } else if kind == Int32(DT_REG), isInput(name) {
                found.append(Entry(name: name, isDirectory: false))
            }
        }
        return found
    }

    static func prefix(of directory: String) -> String {
        directory.hasSuffix("/") ? directory : directory + "/"
    }

    /// The number of input files below `directory`, recording the folders that cannot be opened.
    static func countInputs(_ directory: String, missing: inout [LoadError]) -> Int {
        guard let found = entries(of: directory, missing: &missing) else { return 0 }
        let prefix = prefix(of: directory)
        return found.reduce(0) { $0 + ($1.isDirectory ? countInputs(prefix + $1.name, missing: &missing) : 1) }
    }
}

/// The paths of a batch in order, directories listed lazily one folder at a time.
package struct InputPaths: Sequence, Sendable {
    enum Item: Sendable {
        case path(String)
        case directory(String)
    }

    let items: [Item]
    /// How many paths there are, as counted when collected (a tree that changes meanwhile may differ).
    package let count: Int

    package init(_ paths: [String]) {
        items = paths.map(Item.path)
        count = paths.count
    }

    init(items: [Item], count: Int) {
        self.items = items
        self.count = count
    }

    /// Whether `-` (standard input) is among the inputs.
    package var readsStandardInput: Bool {
        items.contains { if case .path("-") = $0 { true } else { false } }
    }

    package func makeIterator() -> Iterator {
        Iterator(items: items)
    }

    package struct Iterator: IteratorProtocol {
        let items: [Item]
        var position = 0
        /// The folders being walked, outermost first: each one's path prefix, sorted entries and next entry.
        var stack: [(prefix: String, entries: [InputCollector.Entry], next: Int)] = []

        init(items: [Item]) {
            self.items = items
        }

        package mutating func next() -> String? {
            while true {
                if !stack.isEmpty {
                    let top = stack.count - 1
                    guard stack[top].next < stack[top].entries.count else {
                        stack.removeLast()
                        continue
                    }
                    let entry = stack[top].entries[stack[top].next]
                    stack[top].next += 1
                    let path = stack[top].prefix + entry.name
                    if entry.isDirectory { push(path) } else { return path }
                    continue
                }
                guard position < items.count else { return nil }
                defer { position += 1 }
                switch items[position] {
                case .path(let path): return path
                case .directory(let path): push(path)
                }
            }
        }

        /// Lists a folder onto the stack; one that cannot be opened was reported when counted.
        mutating func push(_ directory: String) {
            var ignored: [LoadError] = []
            guard let found = InputCollector.entries(of: directory, missing: &ignored) else { return }
            let keyed = found.map { (key: $0.key, entry: $0) }.sorted { InputCollector.precedes($0.key, $1.key) }
            stack.append((InputCollector.prefix(of: directory), keyed.map(\.entry), 0))
        }
    }
}
