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
        /// Inputs that do not exist or cannot be opened, and directories that hold no input.
        package var missing: [LoadError]
        /// Entries of the directories named like inputs that the walk does not read, each with why.
        package var skipped: [SkippedInput]
        /// Whether any argument was a directory (reports then go to `--out DIR` one per input).
        package var sawDirectory: Bool

        package init(inputs: InputPaths, missing: [LoadError], skipped: [SkippedInput] = [], sawDirectory: Bool) {
            self.inputs = inputs
            self.missing = missing
            self.skipped = skipped
            self.sawDirectory = sawDirectory
        }

        /// Every path at once (for small batches and tools; a batch walks `inputs` instead).
        package var paths: [String] { inputs.map(\.path) }
    }

    /// Collects the inputs named by `arguments`; the walk leaves out the directory `excluding`
    /// names, when it exists (the `--out` directory, whose reports are no inputs).
    package static func collect(_ arguments: [String], excluding: String? = nil) -> Collected {
        var items: [InputPaths.Item] = []
        var count = 0
        var missing: [LoadError] = []
        var skipped: [SkippedInput] = []
        var sawDirectory = false
        let excluded = excluding.flatMap(FileIdentity.init(path:))
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
            guard (status.st_mode & S_IFMT) == S_IFDIR else {
                items.append(.path(argument))
                count += 1
                continue
            }
            sawDirectory = true
            items.append(.directory(argument))
            var listing = Listing(excluded: excluded)
            guard let found = countInputs(argument, listing: &listing) else {
                missing += listing.unreadable
                continue
            }
            missing += listing.unreadable
            skipped += listing.skipped.sorted { precedes($0.path, $1.path) }
            if found == 0 { missing.append(.noInputs(directory: argument)) }
            count += found
        }
        return Collected(
            inputs: InputPaths(items: items, count: count, excluded: excluded), missing: missing, skipped: skipped,
            sawDirectory: sawDirectory)
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
        !name.hasPrefix(".") && hasInputExtension(name)
    }

    /// Whether a name ends in `.json` or `.csv`, any case: an entry the walk reads or says why not.
    static func hasInputExtension(_ name: String) -> Bool {
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

    /// What listing folders found beside the entries kept: what it skipped and what it could not open.
    struct Listing {
        /// The directory left out, when there is one.
        var excluded: FileIdentity?
        var skipped: [SkippedInput] = []
        var unreadable: [LoadError] = []
    }

    /// The entries of `directory` the walk keeps, unsorted; nil when it cannot be opened.
    ///
    /// Hidden entries are skipped, and symbolic links to directories are not followed, so a link
    /// cannot make the walk loop; an entry named like an input that is skipped is recorded with why.
    static func entries(of directory: String, listing: inout Listing) -> [Entry]? {
        guard let handle = opendir(directory) else {
            listing.unreadable.append(.cannotOpen(path: directory, errno: errno))
            return nil
        }
        defer { closedir(handle) }
        let prefix = prefix(of: directory)
        var found: [Entry] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            let kind = Int32(entry.pointee.d_type)
            // Hidden folders (.git) and files not named like inputs need no look: they stay unmentioned.
            if kind == Int32(DT_DIR) {
                guard !name.hasPrefix(".") else { continue }
                // By its identity, whatever spelling --out gave it (d_ino is not st_ino on every file system).
                if let excluded = listing.excluded, FileIdentity(path: prefix + name) == excluded { continue }
                found.append(Entry(name: name, isDirectory: true))
                continue
            }
            let named = hasInputExtension(name)
            if kind == Int32(DT_REG) {
                if !named { continue }
                if name.hasPrefix(".") {
                    listing.skipped.append(SkippedInput(path: prefix + name, entry: .hidden))
                } else {
                    found.append(Entry(name: name, isDirectory: false))
                }
                continue
            }
            if kind != Int32(DT_LNK) && kind != Int32(DT_UNKNOWN) {
                if named {
                    let type: mode_t =
                        switch kind {
                        case Int32(DT_FIFO): S_IFIFO
                        case Int32(DT_SOCK): S_IFSOCK
                        case Int32(DT_BLK): S_IFBLK
                        default: S_IFCHR
                        }
                    let entry: SkippedEntry = name.hasPrefix(".") ? .hidden : .special(FileKinds.kind(type), linkTarget: nil)
                    listing.skipped.append(SkippedInput(path: prefix + name, entry: entry))
                }
                continue
            }
            if let kept = look(at: prefix + name, name: name, named: named, listing: &listing) { found.append(kept) }
        }
        return found
    }

    /// An entry whose kind the listing did not say, or a symbolic link: what `lstat` and `stat` say.
    static func look(at path: String, name: String, named: Bool, listing: inout Listing) -> Entry? {
        var own = stat()
        guard lstat(path, &own) == 0 else { return nil }
        let isLink = (own.st_mode & S_IFMT) == S_IFLNK
        var status = own
        if isLink, stat(path, &status) != 0 {
            let code = errno
            if named {
                let entry: SkippedEntry = name.hasPrefix(".") ? .hidden : .brokenLink(target: linkTarget(path), errno: code)
                listing.skipped.append(SkippedInput(path: path, entry: entry))
            }
            return nil
        }
        let type = status.st_mode & S_IFMT
        if type == S_IFDIR {
            guard !name.hasPrefix(".") else { return nil }
            if isLink {
                listing.skipped.append(SkippedInput(path: path, entry: .linkToDirectory(target: linkTarget(path))))
                return nil
            }
            if let excluded = listing.excluded, FileIdentity(status) == excluded { return nil }
            return Entry(name: name, isDirectory: true)
        }
        guard named else { return nil }
        if name.hasPrefix(".") {
            listing.skipped.append(SkippedInput(path: path, entry: .hidden))
            return nil
        }
        guard type == S_IFREG else {
            let target = isLink ? linkTarget(path) : nil
            listing.skipped.append(SkippedInput(path: path, entry: .special(FileKinds.kind(type), linkTarget: target)))
            return nil
        }
        return Entry(name: name, isDirectory: false)
    }

    /// Where a symbolic link points, as it was written; nil when it cannot be read.
    static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(path, &buffer, buffer.count - 1)
        guard length >= 0 else { return nil }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func prefix(of directory: String) -> String {
        directory.hasSuffix("/") ? directory : directory + "/"
    }

    /// The number of input files below `directory`, recording what the listing skips and the
    /// folders that cannot be opened; nil when `directory` itself cannot be.
    static func countInputs(_ directory: String, listing: inout Listing) -> Int? {
        guard let found = entries(of: directory, listing: &listing) else { return nil }
        let prefix = prefix(of: directory)
        return found.reduce(0) { $0 + ($1.isDirectory ? countInputs(prefix + $1.name, listing: &listing) ?? 0 : 1) }
    }
}

/// An entry of a directory named like an input that the walk does not read, and why: a warning.
package struct SkippedInput: Sendable, Equatable, CustomStringConvertible {
    package var path: String
    package var entry: SkippedEntry

    package init(path: String, entry: SkippedEntry) {
        self.path = path
        self.entry = entry
    }

    package var description: String { "\(path): warning: \(entry)" }
}

/// A file as the system tells it apart from every other: its device and inode.
struct FileIdentity: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status)
    }
}

/// One input of a batch: its path, and whether the walk of a directory found it (such a file is
/// read only when it is a regular file; one named as an argument may be a pipe or a device).
package struct InputPath: Sendable, Hashable {
    package var path: String
    package var isFound: Bool

    package init(_ path: String, isFound: Bool = false) {
        self.path = path
        self.isFound = isFound
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
    /// The directory the walk leaves out.
    let excluded: FileIdentity?

    package init(_ paths: [String]) {
        items = paths.map(Item.path)
        count = paths.count
        excluded = nil
    }

    init(items: [Item], count: Int, excluded: FileIdentity? = nil) {
        self.items = items
        self.count = count
        self.excluded = excluded
    }

    /// Whether `-` (standard input) is among the inputs.
    package var readsStandardInput: Bool {
        items.contains { if case .path("-") = $0 { true } else { false } }
    }

    package func makeIterator() -> Iterator {
        Iterator(items: items, excluded: excluded)
    }

    package struct Iterator: IteratorProtocol {
        let items: [Item]
        let excluded: FileIdentity?
        var position = 0
        /// The folders being walked, outermost first: each one's path prefix, sorted entries and next entry.
        var stack: [(prefix: String, entries: [InputCollector.Entry], next: Int)] = []

        init(items: [Item], excluded: FileIdentity?) {
            self.items = items
            self.excluded = excluded
        }

        package mutating func next() -> InputPath? {
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
                    if entry.isDirectory { push(path) } else { return InputPath(path, isFound: true) }
                    continue
                }
                guard position < items.count else { return nil }
                defer { position += 1 }
                switch items[position] {
                case .path(let path): return InputPath(path)
                case .directory(let path): push(path)
                }
            }
        }

        /// Lists a folder onto the stack; what it skips, and a folder that cannot be opened, were
        /// reported when counted.
        mutating func push(_ directory: String) {
            var listing = InputCollector.Listing(excluded: excluded)
            guard let found = InputCollector.entries(of: directory, listing: &listing) else { return }
            let keyed = found.map { (key: $0.key, entry: $0) }.sorted { InputCollector.precedes($0.key, $1.key) }
            stack.append((InputCollector.prefix(of: directory), keyed.map(\.entry), 0))
        }
    }
}
